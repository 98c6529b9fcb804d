/**
 * `ReaderAccess`: a cross-account read role for one partner (the STS pattern: the partner's account
 * assumes a role here with an external id; the role reads configured prefixes only).
 *
 * Children: `${name}` IAM role, `${name}-policy` its inline policy.
 */
import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { readerIdentityPolicy } from "./policies/readerPolicy";
import { externalIdTrust } from "./policies/trustPolicy";

export const READER_ACCESS_TYPE = "firehose-storage:access:ReaderAccess";

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

export class ReaderAccess extends pulumi.ComponentResource {
    /** `arn:aws:iam::<account>:role/<name>`: what the partner passes to `sts:AssumeRole`. */
    public readonly roleArn: pulumi.Output<string>;

    constructor(name: string, args: ReaderAccessArgs, opts?: pulumi.ComponentResourceOptions) {
        super(READER_ACCESS_TYPE, name, {}, opts);
        const maxSession = args.maxSessionDurationSeconds ?? 3600;
        const problems: string[] = [];
        if (!/^\d{12}$/.test(args.partnerAccountId)) {
            problems.push(`partnerAccountId: got ${JSON.stringify(args.partnerAccountId)}; must be a 12-digit account id`);
        }
        if (args.prefixes.length === 0) {
            problems.push("prefixes: got []; list at least one prefix");
        }
        if (!Number.isInteger(maxSession) || maxSession < 3600 || maxSession > 43200) {
            problems.push(`maxSessionDurationSeconds: got ${maxSession}; must be 3600-43200`);
        }
        if (problems.length > 0) {
            throw new pulumi.ResourceError(`invalid ReaderAccess args:\n${problems.map((p) => `  - ${p}`).join("\n")}`, this);
        }
        const parent = { parent: this };
        const trust = pulumi
            .output(args.externalId)
            .apply((externalId) => JSON.stringify(externalIdTrust(`arn:aws:iam::${args.partnerAccountId}:root`, externalId)));
        const role = new aws.iam.Role(
            name,
            {
                description: `Cross-account read access to the Firehose archive for partner account ${args.partnerAccountId}`,
                assumeRolePolicy: trust,
                maxSessionDuration: maxSession,
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
        this.roleArn = role.arn;
        this.registerOutputs({ roleArn: this.roleArn });
    }
}
