/**
 * The AWS Config managed rules run on the stack's buckets, and the AWS-owned Systems Manager
 * Automation runbook that remediates each (pure). Rule identifiers:
 * https://docs.aws.amazon.com/config/latest/developerguide/managed-rules-by-aws-config.html
 * Runbooks: https://docs.aws.amazon.com/systems-manager-automation-runbooks/latest/userguide/automation-ref-s3.html
 */
import { PolicyDocument, policyDocument, Statement } from "../../../rules/document";
import { sseAlgorithmOf } from "../../../rules/encryption";

/** How a runbook parameter is filled: the noncompliant resource's id, or a fixed value. */
export type ParameterValue = { readonly resourceValue: "RESOURCE_ID" } | { readonly staticValue: string };

export interface Remediation {
    /** The AWS-owned SSM Automation document. */
    readonly document: string;
    /** Its parameters other than `AutomationAssumeRole`, which is always the remediation role. */
    readonly parameters: (ctx: RemediationContext) => Readonly<Record<string, ParameterValue>>;
    /** What the runbook calls on the bucket, for the remediation role (bucket ARN resource). */
    readonly actions: readonly string[];
}

export interface Check {
    /** The managed rule's source identifier. */
    readonly identifier: string;
    /** Short name in resource and rule names. */
    readonly slug: string;
    /** What it checks, for the rule's description. */
    readonly description: string;
    /** Only for buckets encrypted with SSE-KMS. */
    readonly kmsOnly?: boolean;
    /** Not for buckets that receive logs (they do not log themselves). */
    readonly notForLogTargets?: boolean;
    /** Undefined: detective only (no runbook fits; see `remediation` doc). */
    readonly remediation?: Remediation;
}

export interface RemediationContext {
    readonly accountId: string;
    /** The bucket's KMS key (SSE-KMS buckets). */
    readonly kmsKeyArn?: string;
}

const BUCKET = { BucketName: { resourceValue: "RESOURCE_ID" } } as const;

/**
 * The block-public-access runbook: the four flags on. Shared by the public-read, public-write and
 * bucket-level rules: `AWS-DisableS3BucketPublicReadWrite` does the same with only a bucket name.
 */
const PUBLIC_ACCESS_BLOCK: Remediation = {
    document: "AWSConfigRemediation-ConfigureS3BucketPublicAccessBlock",
    parameters: () => ({
        ...BUCKET,
        BlockPublicAcls: { staticValue: "true" },
        IgnorePublicAcls: { staticValue: "true" },
        BlockPublicPolicy: { staticValue: "true" },
        RestrictPublicBuckets: { staticValue: "true" },
    }),
    actions: ["s3:PutBucketPublicAccessBlock", "s3:GetBucketPublicAccessBlock"],
};

/**
 * The checks, in rule order. `S3_BUCKET_LOGGING_ENABLED` has no automatic remediation: the AWS-owned
 * `AWS-ConfigureS3BucketLogging` runbook grants log delivery through ACL grants, which buckets with
 * Object Ownership "bucket owner enforced" (all of ours) reject; the detective rule and the pack's
 * `s3-data-bucket-access-logging` stand instead.
 */
export const CHECKS: readonly Check[] = [
    {
        identifier: "S3_BUCKET_VERSIONING_ENABLED",
        slug: "versioning",
        description: "Versioning is enabled",
        remediation: {
            document: "AWS-ConfigureS3BucketVersioning",
            parameters: () => ({ ...BUCKET, VersioningState: { staticValue: "Enabled" } }),
            actions: ["s3:PutBucketVersioning", "s3:GetBucketVersioning"],
        },
    },
    {
        identifier: "S3_BUCKET_SERVER_SIDE_ENCRYPTION_ENABLED",
        slug: "encryption",
        description: "Default encryption is set",
        remediation: {
            document: "AWS-EnableS3BucketEncryption",
            parameters: (ctx) =>
                ctx.kmsKeyArn !== undefined
                    ? { ...BUCKET, SSEAlgorithm: { staticValue: sseAlgorithmOf("sse-kms") }, KMSMasterKey: { staticValue: ctx.kmsKeyArn } }
                    : { ...BUCKET, SSEAlgorithm: { staticValue: sseAlgorithmOf("sse-s3") } },
            actions: ["s3:PutEncryptionConfiguration", "s3:GetEncryptionConfiguration"],
        },
    },
    {
        identifier: "S3_DEFAULT_ENCRYPTION_KMS",
        slug: "encryption-kms",
        description: "Default encryption uses AWS KMS",
        kmsOnly: true,
        remediation: {
            document: "AWS-EnableS3BucketEncryption",
            parameters: (ctx) => ({
                ...BUCKET,
                SSEAlgorithm: { staticValue: sseAlgorithmOf("sse-kms") },
                KMSMasterKey: { staticValue: ctx.kmsKeyArn ?? "" },
            }),
            actions: ["s3:PutEncryptionConfiguration", "s3:GetEncryptionConfiguration"],
        },
    },
    {
        identifier: "S3_BUCKET_SSL_REQUESTS_ONLY",
        slug: "tls-only",
        description: "The bucket policy denies requests without TLS",
        remediation: {
            document: "AWSConfigRemediation-RestrictBucketSSLRequestsOnly",
            parameters: () => BUCKET,
            actions: ["s3:GetBucketPolicy", "s3:PutBucketPolicy", "s3:DeleteBucketPolicy"],
        },
    },
    {
        identifier: "S3_BUCKET_PUBLIC_READ_PROHIBITED",
        slug: "no-public-read",
        description: "No public read access",
        remediation: PUBLIC_ACCESS_BLOCK,
    },
    {
        identifier: "S3_BUCKET_PUBLIC_WRITE_PROHIBITED",
        slug: "no-public-write",
        description: "No public write access",
        remediation: PUBLIC_ACCESS_BLOCK,
    },
    {
        identifier: "S3_BUCKET_LEVEL_PUBLIC_ACCESS_PROHIBITED",
        slug: "public-access-block",
        description: "Bucket-level Block Public Access is on",
        remediation: PUBLIC_ACCESS_BLOCK,
    },
    {
        identifier: "S3_BUCKET_LOGGING_ENABLED",
        slug: "logging",
        description: "Server access logging is on",
        notForLogTargets: true,
    },
];

/** The checks that apply to one bucket. */
export function checksFor(bucket: { readonly kms: boolean; readonly logTarget: boolean }): Check[] {
    return CHECKS.filter((c) => (c.kmsOnly !== true || bucket.kms) && (c.notForLogTargets !== true || !bucket.logTarget));
}

/** `[{ name, resourceValue | staticValue }]` as `aws.cfg.RemediationConfiguration` takes them. */
export function remediationParameters(
    r: Remediation,
    ctx: RemediationContext,
    roleArn: string,
): { name: string; resourceValue?: string; staticValue?: string }[] {
    return [
        { name: "AutomationAssumeRole", staticValue: roleArn },
        ...Object.entries(r.parameters(ctx)).map(([name, v]) => ({ name, ...v })),
    ];
}

/**
 * The remediation role's permissions: what the runbooks of `checks` call, on exactly `bucketArns`.
 * KMS: `AWS-EnableS3BucketEncryption` only names the key; S3 checks it, the role needs no key use.
 */
export function remediationRolePolicy(checks: readonly Check[], bucketArns: readonly string[]): PolicyDocument {
    const actions = [...new Set(checks.flatMap((c) => c.remediation?.actions ?? []))];
    const statement: Statement = { Sid: "RemediateStackBuckets", Effect: "Allow", Action: actions, Resource: [...bucketArns] };
    return policyDocument(statement);
}
