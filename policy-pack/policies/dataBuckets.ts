/**
 * Stack policies: every data bucket has its protections attached, each a `Control` run by
 * lib/dataBucketControl.ts over one bucket index built per policy run (O(resources)). Data buckets
 * are all buckets except log targets (Role access-logs / audit-logs): a log target is not asked for
 * access logs (awsguard#36) and a replica is not asked to replicate (compliance-policies#42). Log
 * targets get the other protections through `s3-log-bucket-protections` (policies/logBuckets.ts),
 * which runs the same controls (lib/bucketControls.ts).
 */
import { PUBLIC_ACCESS_BLOCK, TLS_ONLY, VERSIONING } from "../lib/bucketControls";
import { dataBucketPolicy } from "../lib/dataBucketControl";
import { encryptionEffect, KMS_ALGORITHMS, lifecycleEffect, loggingEffect, replicationEffect, sseAlgorithm } from "../lib/effect";
import { UNKNOWN } from "../lib/unknown";
import { NOT_REPLICATED_ROLES } from "../../rules/buckets";
import { securityHubUrl } from "../lib/controls";

/**
 * Checks whether every data bucket has a bucket policy that denies requests without TLS.
 */
export const s3DataBucketTlsOnly = dataBucketPolicy(
    {
        name: "s3-data-bucket-tls-only",
        description: "Checks whether every data bucket has a bucket policy denying non-TLS requests.",
        severity: "high",
        securityHub: ["S3.5"],
        cis: ["2.1.1"],
        topics: ["storage", "encryption-in-transit"],
        remediation: "Attach a bucket policy with a Deny on aws:SecureTransport false for the bucket and its objects.",
    },
    TLS_ONLY,
);

/**
 * Checks whether every data bucket has a public access block with all four settings on.
 */
export const s3DataBucketPublicAccessBlock = dataBucketPolicy(
    {
        name: "s3-data-bucket-public-access-block",
        description: "Checks whether every data bucket has a public access block with all four settings true.",
        severity: "critical",
        securityHub: ["S3.8"],
        cis: ["2.1.4"],
        topics: ["storage", "network"],
        remediation: "Attach an aws.s3.BucketPublicAccessBlock with all four settings true.",
    },
    PUBLIC_ACCESS_BLOCK,
);

/**
 * Checks whether every data bucket has versioning enabled.
 */
export const s3DataBucketVersioning = dataBucketPolicy(
    {
        name: "s3-data-bucket-versioning",
        description: "Checks whether every data bucket has versioning Enabled.",
        severity: "medium",
        securityHub: ["S3.14"],
        cis: [],
        topics: ["storage", "resilience"],
        remediation: "Attach an aws.s3.BucketVersioning with status Enabled.",
    },
    VERSIONING,
);

export interface DataEncryptionConfig {
    /** Data buckets must use SSE-KMS (or DSSE-KMS). Log buckets are exempt: S3 access logs cannot be delivered to SSE-KMS buckets. */
    readonly requireKms: boolean;
}

/**
 * Checks whether every data bucket has default encryption, with KMS when `requireKms`.
 */
export const s3DataBucketEncryption = dataBucketPolicy<DataEncryptionConfig>(
    {
        name: "s3-data-bucket-encryption",
        description: "Checks whether every data bucket has default encryption (SSE-KMS when requireKms).",
        severity: "high",
        securityHub: ["S3.17"],
        cis: [],
        topics: ["storage", "encryption"],
        remediation: "Attach an aws.s3.BucketServerSideEncryptionConfiguration (SSE-KMS where requireKms).",
        configSchema: { properties: { requireKms: { type: "boolean", description: "Data buckets must use SSE-KMS." } } },
    },
    {
        kind: "encryption",
        what: "default encryption (aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration, its V2 class, or the bucket's serverSideEncryptionConfiguration input)",
        fix: "attach an aws.s3.BucketServerSideEncryptionConfiguration.",
        defaults: { requireKms: false },
        judge: (c, config) => {
            const effect = encryptionEffect(c.props);
            if (effect !== true || !config.requireKms) {
                return effect;
            }
            const algorithm = sseAlgorithm(c.props);
            return algorithm === UNKNOWN
                ? UNKNOWN
                : algorithm !== undefined && KMS_ALGORITHMS.has(algorithm)
                  ? true
                  : `uses ${JSON.stringify(algorithm ?? null)}: this stack requires SSE-KMS (sseAlgorithm "aws:kms").`;
        },
    },
);

/**
 * Checks whether every data bucket sends server access logs somewhere (log targets are exempt).
 */
export const s3DataBucketAccessLogging = dataBucketPolicy(
    {
        name: "s3-data-bucket-access-logging",
        description: "Checks whether every data bucket has server access logging attached.",
        severity: "medium",
        securityHub: ["S3.9"],
        cis: [],
        topics: ["storage", "logging"],
        remediation: "Attach an aws.s3.BucketLogging that targets a log bucket (Role access-logs).",
    },
    {
        kind: "logging",
        what: "server access logging (aws:s3/bucketLogging:BucketLogging, its V2 class, or the bucket's logging input)",
        fix: "attach an aws.s3.BucketLogging that targets a log bucket (Role access-logs).",
        judge: (c) => loggingEffect(c.props),
    },
);

/**
 * Checks whether every data bucket has a lifecycle configuration (rules themselves: s3-lifecycle-rules).
 */
export const s3DataBucketLifecycle = dataBucketPolicy(
    {
        name: "s3-data-bucket-lifecycle",
        description: "Checks whether every data bucket has a lifecycle configuration attached.",
        severity: "low",
        securityHub: ["S3.10", "S3.13"],
        cis: [],
        topics: ["storage", "cost"],
        remediation: "Attach an aws.s3.BucketLifecycleConfiguration with an Enabled rule for the whole bucket (filter {}).",
        docUrl: securityHubUrl("S3.13"),
    },
    {
        kind: "lifecycle",
        what: "lifecycle configuration (aws:s3/bucketLifecycleConfiguration:BucketLifecycleConfiguration, its V2 class, or the bucket's lifecycleRules input)",
        fix: "attach an aws.s3.BucketLifecycleConfiguration with an Enabled rule for the whole bucket (filter {}) that at least aborts incomplete multipart uploads.",
        judge: (c) => lifecycleEffect(c.props),
    },
);

export interface ReplicationRequiredConfig {
    /** Every Role=data bucket must replicate (prod). Off by default: the stack decides, not the pack. */
    readonly requireReplication: boolean;
}

/**
 * Checks, when `requireReplication` is on, whether every primary data bucket (Role data, not
 * replica) is the source of a replication configuration.
 */
export const s3DataBucketReplication = dataBucketPolicy<ReplicationRequiredConfig>(
    {
        name: "s3-data-bucket-replication",
        description: "Checks whether every primary data bucket replicates, when requireReplication is set.",
        severity: "medium",
        securityHub: ["S3.7"],
        cis: [],
        topics: ["storage", "resilience", "disaster-recovery"],
        remediation: "Attach an aws.s3.BucketReplicationConfig with an Enabled whole-bucket rule to a bucket in another region.",
        configSchema: {
            properties: { requireReplication: { type: "boolean", description: "Require replication of data buckets." } },
        },
    },
    {
        kind: "replication",
        what: "replication configuration (aws:s3/bucketReplicationConfig:BucketReplicationConfig or the bucket's replicationConfiguration input)",
        fix: "attach an aws.s3.BucketReplicationConfig with an Enabled rule for the whole bucket (filter {}) to a replica bucket in another region.",
        defaults: { requireReplication: false },
        enabled: (config) => config.requireReplication,
        // A replica is not asked to replicate; nor is the quarantine (infected objects need no DR copy).
        appliesTo: (b) => typeof b.role !== "string" || !NOT_REPLICATED_ROLES.includes(b.role),
        judge: (c) => replicationEffect(c.props),
    },
);
