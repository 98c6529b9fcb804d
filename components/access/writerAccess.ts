/**
 * `WriterAccess`: the identity the lead-streaming service writes with, and its least-privilege policy.
 *
 * Children: mode `role` (default): `${name}` IAM role trusted by the writer principal with an external
 * id, `${name}-policy` its inline policy. Mode `user`: `${name}` IAM user, `${name}-policy`, and
 * `${name}-access-key` whose secret is only ever a Pulumi secret output.
 */
import * as aws from "../aws";
import * as pulumi from "@pulumi/pulumi";
import { iamPrincipalArn } from "../../rules/arn";
import { throwOnProblems } from "../argsError";
import { Problem } from "../storage/lifecycle";
import { KeyLayout } from "../storage/layout";
import { SseAlgorithm } from "../../rules/encryption";
import { externalIdTrust } from "./policies/trustPolicy";
import { writerIdentityPolicy } from "./policies/writerPolicy";
import { published } from "../published";
import { typeToken, withOldTypes } from "../typeTokens";

export const WRITER_ACCESS_TYPE = typeToken("WriterAccess");

/** How the writer authenticates: a role it assumes, or a dedicated IAM user. */
export const WRITER_MODES = ["role", "user"] as const;
export type WriterMode = (typeof WRITER_MODES)[number];

export interface WriterAccessArgs {
    /** `role`: a role the writer principal assumes; `user`: a dedicated IAM user with an access key. @default "role" */
    readonly mode?: WriterMode | undefined;
    /**
     * Role mode: who may assume the role (account root, role or user ARN). Required with `role`.
     * https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_common-scenarios_third-party.html
     * @default - none: required with mode `role`, refused with mode `user`
     */
    readonly trustedPrincipalArn?: pulumi.Input<string> | undefined;
    /** Role mode: the external id the principal must pass. @default - none: required with mode `role`, refused with mode `user` */
    readonly externalId?: pulumi.Input<string> | undefined;
    /** The data bucket's ARN. */
    readonly bucketArn: pulumi.Input<string>;
    readonly keyLayout: KeyLayout;
    /** The bucket's default encryption algorithm, which uploads must ask for. */
    readonly sseAlgorithm: pulumi.Input<SseAlgorithm>;
    /** With SSE-KMS: the bucket's key. @default - none (SSE-S3) */
    readonly kmsKeyArn?: pulumi.Input<string | undefined> | undefined;
    /** Uploads must carry the encryption header. @default true */
    readonly requireEncryptionHeader?: pulumi.Input<boolean> | undefined;
    /** Region of the bucket. */
    readonly region: string;
    readonly metricsNamespace: string;
    /** `arn:<partition>:logs:<region>:<account>:log-group:<name>` of the writer's one log group. */
    readonly logGroupArn: pulumi.Input<string>;
    /** Extra tags; `Name` and `Role` are set by the component. @default {} */
    readonly tags?: Readonly<Record<string, string>> | undefined;
}

/** What `buildWriterAccess` created: the component's outputs. */
export interface WriterAccessParts {
    readonly principalArn: pulumi.Output<string>;
    readonly accessKeyId?: pulumi.Output<string>;
    readonly secretAccessKey?: pulumi.Output<string>;
}

/** What `mode` defaults to (the config layer's `writer.mode` default too). */
export const WRITER_DEFAULTS = { mode: "role" } as const satisfies Pick<WriterAccessArgs, "mode">;

/**
 * The body of `WriterAccess` (this library's and the multi-language package's): checks the args
 * (`shapeProblems`, what the caller's own arg shape found, then `writerArgsProblems`; every problem
 * at once), creates the writer identity and its policy as children of `owner`, and returns the outputs.
 */
export function buildWriterAccess(
    owner: pulumi.ComponentResource,
    name: string,
    args: WriterAccessArgs,
    shapeProblems: readonly Problem[] = [],
): WriterAccessParts {
    const mode = args.mode ?? WRITER_DEFAULTS.mode;
    throwOnProblems("WriterAccess", [...shapeProblems, ...writerArgsProblems(mode, args)], owner);
    const parent = { parent: owner };
    const tags = { ...args.tags, Name: name, Role: "writer" };
    // ARNs built from the (auto-)name, which is known in a preview where the computed `arn` is not:
    // the data bucket policy naming the writer stays verifiable before `pulumi up`. The output
    // still carries the role/user as a dependency, so the bucket policy waits for it.
    const account = aws.getCallerIdentityOutput({}, parent).accountId;
    const partition = aws.getPartitionOutput({}, parent).partition;
    const policy = pulumi
        .all([args.bucketArn, args.kmsKeyArn, args.logGroupArn, args.sseAlgorithm, args.requireEncryptionHeader])
        .apply(([bucketArn, kmsKeyArn, logGroup, sseAlgorithm, requireEncryptionHeader]) =>
            JSON.stringify(
                writerIdentityPolicy({
                    bucketArn,
                    layout: args.keyLayout,
                    sseAlgorithm,
                    kmsKeyArn,
                    requireEncryptionHeader: requireEncryptionHeader ?? true,
                    region: args.region,
                    metricsNamespace: args.metricsNamespace,
                    logGroupArn: logGroup,
                }),
            ),
        );

    if (mode === "role") {
        const trust = pulumi
            .all([args.trustedPrincipalArn as pulumi.Input<string>, args.externalId as pulumi.Input<string>])
            .apply(([principal, externalId]) => JSON.stringify(externalIdTrust(principal, externalId)));
        const role = new aws.iam.Role(
            name,
            { description: "Writes the Firehose archive (assumed by the lead-streaming service)", assumeRolePolicy: trust, tags },
            parent,
        );
        new aws.iam.RolePolicy(`${name}-policy`, { role: role.name, policy }, parent);
        return { principalArn: pulumi.all([partition, account, role.name]).apply(([p, a, n]) => iamPrincipalArn(p, a, "role", n)) };
    }
    const user = new aws.iam.User(name, { tags }, parent);
    new aws.iam.UserPolicy(`${name}-policy`, { user: user.name, policy }, parent);
    const key = new aws.iam.AccessKey(`${name}-access-key`, { user: user.name }, parent);
    return {
        principalArn: pulumi.all([partition, account, user.name]).apply(([p, a, n]) => iamPrincipalArn(p, a, "user", n)),
        accessKeyId: key.id,
        secretAccessKey: pulumi.secret(key.secret),
    };
}

/** Role mode needs a principal and an external id; user mode takes neither. */
export function writerArgsProblems(mode: WriterMode, args: Pick<WriterAccessArgs, "trustedPrincipalArn" | "externalId">): Problem[] {
    const problems: Problem[] = [];
    for (const key of ["trustedPrincipalArn", "externalId"] as const) {
        if (mode === "role" && args[key] === undefined) {
            problems.push({ path: key, value: undefined, message: 'is required with mode "role" (the default)' });
        }
        if (mode === "user" && args[key] !== undefined) {
            problems.push({
                path: key,
                value: args[key],
                message: 'only applies with mode "role" (mode "user" makes the writer a dedicated IAM user); remove it',
            });
        }
    }
    return problems;
}

export class WriterAccess extends pulumi.ComponentResource {
    /** ARN of the role or user the writer acts as: `arn:<partition>:iam::<account>:role/<name>` or `:user/<name>`. */
    declare public readonly principalArn: pulumi.Output<string>;
    /** User mode: the access key id. */
    declare public readonly accessKeyId?: pulumi.Output<string>;
    /** User mode: the secret access key, always a Pulumi secret. */
    declare public readonly secretAccessKey?: pulumi.Output<string>;

    constructor(name: string, args: WriterAccessArgs, opts?: pulumi.ComponentResourceOptions) {
        super(WRITER_ACCESS_TYPE, name, {}, withOldTypes("WriterAccess", opts));
        this.registerOutputs(published<WriterAccess>(this, buildWriterAccess(this, name, args)));
    }
}
