/** Resource policies for S3 buckets' storage settings: encryption, versioning, lifecycle, deletion. */
import { Finding, label, resourcePolicy, ResourceView, unverified, violation } from "../lib/check";
import { ruleAlgorithm, SSE_ALGORITHMS, versioningEffect } from "../lib/effect";
import { settingsOf } from "../lib/inline";
import { judgeLifecycle } from "../lib/lifecycle";
import { enableBucketKey, resumeVersioning } from "../lib/remediate";
import { enableInlineBucketKey, resumeInlineVersioning } from "../lib/remediateInline";
import { isOf, T } from "../lib/types";
import { arr, bool, obj, UNKNOWN } from "../lib/unknown";
import { IA_MINIMUM_DAYS } from "../../rules/storageClasses";

/** A bucket (its deprecated inline inputs are remediated in their own shape: lib/remediateInline.ts). */
const isBucket = isOf(T.bucket);

export interface EncryptionConfig {
    /** Also require an S3 Bucket Key when the algorithm is SSE-KMS (`aws:kms`; DSSE-KMS cannot have one). */
    readonly requireBucketKeyForKms: boolean;
}

/**
 * Checks whether a bucket's default encryption is SSE-S3 with a bucket key, or SSE-KMS / DSSE-KMS.
 * AWS differs from common examples: a bucket key changes nothing for SSE-S3 (it only cuts KMS
 * requests, https://docs.aws.amazon.com/AmazonS3/latest/userguide/bucket-key.html); the house rule
 * requires it there anyway so switching to SSE-KMS keeps it. Requiring KMS for data buckets is
 * `s3-data-bucket-encryption`'s `requireKms` (log buckets cannot use SSE-KMS).
 */
export const s3BucketEncryption = resourcePolicy<EncryptionConfig>(
    {
        name: "s3-bucket-encryption",
        description: "Checks whether S3 default encryption is SSE-S3 with a bucket key, or SSE-KMS.",
        severity: "high",
        securityHub: ["S3.17"],
        cis: [],
        topics: ["storage", "encryption"],
        remediation: "Use SSE-KMS (aws:kms) or SSE-S3 with bucketKeyEnabled: true.",
        docUrl: "https://docs.aws.amazon.com/AmazonS3/latest/userguide/bucket-key.html",
        configSchema: {
            properties: {
                requireBucketKeyForKms: { type: "boolean", description: "Also require a bucket key with SSE-KMS." },
            },
        },
    },
    {
        types: [...T.encryption, ...T.bucket],
        defaults: { requireBucketKeyForKms: false },
        remediate: (r) => (isBucket(r) ? enableInlineBucketKey(r.props) : enableBucketKey(r.props)),
        check: (resource, config) => settingsOf(resource, "encryption", T.bucket).flatMap((r) => judgeEncryption(r, config)),
    },
);

/** One default-encryption setting (separate resource or inline input, in the separate resource's shape). */
function judgeEncryption(r: ResourceView, config: EncryptionConfig): Finding[] {
    const rules = arr(r.props.rules);
    if (rules === UNKNOWN) {
        return [unverified(`the encryption rules of ${label(r)} are unknown`)];
    }
    if (rules.length === 0) {
        return [violation(`${label(r)} has no rule: add one with applyServerSideEncryptionByDefault.sseAlgorithm "AES256" or "aws:kms".`)];
    }
    const findings: Finding[] = [];
    for (const item of rules) {
        const rule = obj(item);
        const algorithm = ruleAlgorithm(rule);
        const bucketKey = rule === UNKNOWN ? UNKNOWN : bool(rule?.bucketKeyEnabled);
        if (algorithm === UNKNOWN || bucketKey === UNKNOWN) {
            findings.push(unverified(`the sseAlgorithm or bucketKeyEnabled of ${label(r)} is unknown`));
        } else if (algorithm === "AES256" && bucketKey !== true) {
            findings.push(violation(`${label(r)} uses SSE-S3 without a bucket key: set bucketKeyEnabled: true.`));
        } else if (algorithm === "aws:kms" && config.requireBucketKeyForKms && bucketKey !== true) {
            // Only SSE-KMS: "S3 Bucket Keys aren't supported for DSSE-KMS"
            // (https://docs.aws.amazon.com/AmazonS3/latest/userguide/UsingDSSEncryption.html), so a
            // DSSE-KMS rule is never asked for one.
            findings.push(violation(`${label(r)} uses SSE-KMS without a bucket key: set bucketKeyEnabled: true to cut KMS requests.`));
        } else if (algorithm === undefined || !SSE_ALGORITHMS.has(algorithm)) {
            findings.push(
                violation(
                    `${label(r)} has sseAlgorithm ${JSON.stringify(algorithm)}: it must be "AES256" (with bucketKeyEnabled) or "aws:kms".`,
                ),
            );
        }
    }
    return findings;
}

/**
 * Checks whether bucket versioning is enabled.
 */
export const s3BucketVersioning = resourcePolicy(
    {
        name: "s3-bucket-versioning",
        description: "Checks whether S3 bucket versioning is Enabled.",
        severity: "medium",
        securityHub: ["S3.14"],
        cis: [],
        topics: ["storage", "resilience"],
        remediation: "Set versioning status to Enabled (Suspended is off).",
    },
    {
        types: [...T.versioning, ...T.bucket],
        remediate: (r) => (isBucket(r) ? resumeInlineVersioning(r.props) : resumeVersioning(r.props)),
        check: (resource) =>
            settingsOf(resource, "versioning", T.bucket).flatMap((r) => {
                const effect = versioningEffect(r.props);
                return effect === UNKNOWN
                    ? [unverified(`the versioning status of ${label(r)} is unknown`)]
                    : effect === true
                      ? []
                      : [violation(`${label(r)} ${effect}`)];
            }),
    },
);

export interface LifecycleConfig {
    /** The longest an incomplete multipart upload may linger, in days. */
    readonly maxAbortDays: number;
}

/**
 * Checks whether a lifecycle configuration aborts incomplete multipart uploads and has valid
 * transitions (infrequent-access classes at 30 days or later, increasing days).
 */
export const s3LifecycleRules = resourcePolicy<LifecycleConfig>(
    {
        name: "s3-lifecycle-rules",
        description: "Checks whether S3 lifecycle rules abort incomplete multipart uploads and transition validly.",
        severity: "medium",
        securityHub: ["S3.13"],
        cis: [],
        topics: ["storage", "cost"],
        remediation: "Abort incomplete multipart uploads in an Enabled whole-bucket rule; keep transitions within AWS minimums.",
        docUrl: "https://docs.aws.amazon.com/AmazonS3/latest/userguide/lifecycle-transition-general-considerations.html",
        configSchema: {
            properties: {
                maxAbortDays: {
                    type: "integer",
                    minimum: 1,
                    maximum: 365,
                    description: "Abort uploads within this many days.",
                },
            },
        },
    },
    {
        types: [...T.lifecycle, ...T.bucket],
        defaults: { maxAbortDays: 7 },
        check: (resource, config) =>
            settingsOf(resource, "lifecycle", T.bucket).flatMap((r) => {
                const v = judgeLifecycle(r.props.rules, config.maxAbortDays);
                return [
                    ...v.problems.map((p) =>
                        violation(
                            `${label(r)}: ${p}. Fix the rule (IA classes need >= ${IA_MINIMUM_DAYS} days; days must increase; add abortIncompleteMultipartUpload).`,
                        ),
                    ),
                    ...v.unknowns.map((u) => unverified(`${label(r)}: ${u} unknown`)),
                ];
            }),
    },
);

/**
 * Checks whether a bucket sets `forceDestroy`, which lets `pulumi destroy` delete stored objects.
 * Enforcement per stack is the switch: mandatory in prod.
 */
export const s3NoForceDestroy = resourcePolicy(
    {
        name: "s3-no-force-destroy",
        description: "Checks whether an S3 bucket has forceDestroy enabled.",
        enforcementLevel: "advisory",
        severity: "high",
        securityHub: [],
        cis: [],
        topics: ["storage", "resilience"],
        remediation: "Set forceDestroy: false (SecureBucket: leave allowForceDestroy off).",
        docUrl: "https://docs.aws.amazon.com/AmazonS3/latest/userguide/delete-bucket.html",
    },
    {
        types: T.bucket,
        check: (r) => {
            const force = bool(r.props.forceDestroy);
            if (force === UNKNOWN) {
                return [unverified(`forceDestroy of ${label(r)} is unknown`)];
            }
            return force === true
                ? [
                      violation(
                          `${label(r)} sets forceDestroy: true, so destroying the stack deletes its objects: set it false (SecureBucket: allowForceDestroy).`,
                      ),
                  ]
                : [];
        },
    },
);
