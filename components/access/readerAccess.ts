/**
 * `ReaderAccess`: a cross-account read role for one partner (the STS pattern: the partner's account
 * assumes a role here with an external id; the role reads configured prefixes only).
 *
 * Children: `${name}` IAM role, `${name}-policy` its inline policy.
 */
import * as aws from "../aws";
import * as pulumi from "@pulumi/pulumi";
import { ACCOUNT_ID_REGEX, ACCOUNT_ID_RULE, KEY_PREFIX_REGEX, KEY_PREFIX_RULE } from "../../rules/keys";
import { accountRootArn } from "../../rules/arn";
import { partitionOfRegion } from "../../rules/regions";
import { throwOnProblems } from "../argsError";
import { Problem } from "../storage/lifecycle";
import { readerIdentityPolicy } from "./policies/readerPolicy";
import { externalIdTrust } from "./policies/trustPolicy";
import { published } from "../published";
import { typeToken, withOldTypes } from "../typeTokens";

export const READER_ACCESS_TYPE = typeToken("ReaderAccess");

export interface ReaderAccessArgs {
    /** The partner's 12-digit account id; its root (i.e. principals it delegates to) may assume the role. */
    readonly partnerAccountId: string;
    /** The external id the partner must pass (https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_common-scenarios_third-party.html). */
    readonly externalId: pulumi.Input<string>;
    readonly bucketArn: pulumi.Input<string>;
    /** Key prefixes (ending in `/`) the partner may read. */
    readonly prefixes: readonly string[];
    /** Only objects tagged `Classification=<value>`. @default - any object under the prefixes */
    readonly classification?: string | undefined;
    /** With SSE-KMS: the bucket's key. @default - none (SSE-S3) */
    readonly kmsKeyArn?: pulumi.Input<string | undefined> | undefined;
    readonly region: string;
    /** Maximum session length in seconds (3600-43200). @default 3600 */
    readonly maxSessionDurationSeconds?: number | undefined;
    /** Extra tags; `Name` and `Role` are set by the component. @default {} */
    readonly tags?: Readonly<Record<string, string>> | undefined;
}

/** IAM's bounds of a role's maximum session duration, in seconds. */
export const SESSION_LIMITS = { min: 3600, max: 43200 } as const;
export const SESSION_RULE = `must be a whole number of seconds, ${SESSION_LIMITS.min}-${SESSION_LIMITS.max} (IAM's bounds)`;

/** What `maxSessionDurationSeconds` defaults to (IAM's own default; the config layer's too). */
export const READER_DEFAULTS = { maxSessionDurationSeconds: 3600 } as const satisfies Pick<ReaderAccessArgs, "maxSessionDurationSeconds">;

/** Whether `s` is a session duration IAM accepts (the config schema refines with it too). */
export function isSessionDuration(s: number): boolean {
    return Number.isInteger(s) && s >= SESSION_LIMITS.min && s <= SESSION_LIMITS.max;
}

/** Every problem with the args: the partner account, at least one prefix (each a key prefix), the session length. */
export function readerArgsProblems(args: Pick<ReaderAccessArgs, "partnerAccountId" | "prefixes" | "maxSessionDurationSeconds">): Problem[] {
    const problems: Problem[] = [];
    if (!ACCOUNT_ID_REGEX.test(args.partnerAccountId)) {
        problems.push({ path: "partnerAccountId", value: args.partnerAccountId, message: ACCOUNT_ID_RULE });
    }
    if (args.prefixes.length === 0) {
        problems.push({ path: "prefixes", value: [], message: "list at least one prefix" });
    }
    args.prefixes.forEach((p, i) => {
        if (!KEY_PREFIX_REGEX.test(p)) {
            problems.push({ path: `prefixes[${i}]`, value: p, message: KEY_PREFIX_RULE });
        }
    });
    const s = args.maxSessionDurationSeconds;
    if (s !== undefined && !isSessionDuration(s)) {
        problems.push({ path: "maxSessionDurationSeconds", value: s, message: SESSION_RULE });
    }
    return problems;
}

/**
 * The body of `ReaderAccess` (this library's and the multi-language package's): checks the args
 * (`readerArgsProblems`, every problem at once), creates the read role and its policy as children of
 * `owner`, and returns the outputs.
 */
export function buildReaderAccess(
    owner: pulumi.ComponentResource,
    name: string,
    args: ReaderAccessArgs,
): { readonly roleArn: pulumi.Output<string> } {
    throwOnProblems("ReaderAccess", readerArgsProblems(args), owner);
    const parent = { parent: owner };
    const trust = pulumi
        .output(args.externalId)
        .apply((externalId) =>
            JSON.stringify(externalIdTrust(accountRootArn(partitionOfRegion(args.region), args.partnerAccountId), externalId)),
        );
    const role = new aws.iam.Role(
        name,
        {
            description: `Cross-account read access to the Firehose archive for partner account ${args.partnerAccountId}`,
            assumeRolePolicy: trust,
            maxSessionDuration: args.maxSessionDurationSeconds ?? READER_DEFAULTS.maxSessionDurationSeconds,
            tags: { ...args.tags, Name: name, Role: "reader" },
        },
        parent,
    );
    const policy = pulumi.all([args.bucketArn, args.kmsKeyArn]).apply(([bucketArn, kmsKeyArn]) =>
        JSON.stringify(
            readerIdentityPolicy({
                bucketArn,
                prefixes: args.prefixes,
                classification: args.classification,
                kmsKeyArn,
                region: args.region,
            }),
        ),
    );
    new aws.iam.RolePolicy(`${name}-policy`, { role: role.name, policy }, parent);
    return { roleArn: role.arn };
}

export class ReaderAccess extends pulumi.ComponentResource {
    /** `arn:<partition>:iam::<account>:role/<name>`: what the partner passes to `sts:AssumeRole`. */
    declare public readonly roleArn: pulumi.Output<string>;

    constructor(name: string, args: ReaderAccessArgs, opts?: pulumi.ComponentResourceOptions) {
        super(READER_ACCESS_TYPE, name, {}, withOldTypes("ReaderAccess", opts));
        this.registerOutputs(published<ReaderAccess>(this, buildReaderAccess(this, name, args)));
    }
}
