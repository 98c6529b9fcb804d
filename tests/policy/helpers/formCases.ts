/**
 * The one-field changes of tests/policy/forms.test.ts, per policy: each form a program writes a bucket
 * control in (fixtures/forms.ts), changed so that the policy must fire on that resource, and the
 * message it must then give.
 */
import { TYPE } from "./cases";
import { PolicyPackConfig } from "../../../gate/analyzer";

export type Inputs = Record<string, unknown>;
type Rule = Record<string, unknown>;

/** Policies whose knobs decide whether the fixture is judged at all. */
export const CONFIG: PolicyPackConfig = {
    all: "mandatory",
    "s3-data-bucket-encryption": { enforcementLevel: "mandatory", requireKms: true },
    "s3-data-bucket-replication": { enforcementLevel: "mandatory", requireReplication: true },
    "s3-bucket-encryption": { enforcementLevel: "mandatory", requireBucketKeyForKms: true },
};

/** A one-field change: on which resource, and what the policy must then say. */
export interface Case {
    readonly title: string;
    readonly type: string;
    readonly name: string;
    readonly change: (i: Inputs) => void;
    readonly onResource: string;
    readonly message: RegExp;
    /** Replaces CONFIG for this case. */
    readonly config?: PolicyPackConfig;
}

const INLINE = { type: TYPE.bucket, name: "inline-data", onResource: "inline-data" };
const V2 = { type: TYPE.bucketV2, name: "v2-data", onResource: "v2-data" };
const first = (i: Inputs, key: string): Rule => (i[key] as Rule[])[0];

export const CASES: Readonly<Record<string, readonly Case[]>> = {
    "s3-data-bucket-versioning": [
        {
            ...INLINE,
            title: "inline versioning.enabled false",
            change: (i) => (i.versioning = { enabled: false }),
            message: /inline input versioning\) has status "Suspended"/,
        },
        {
            ...V2,
            title: "BucketV2 versionings[0].enabled false",
            change: (i) => (first(i, "versionings").enabled = false),
            message: /inline input versionings\) has status "Suspended"/,
        },
        {
            type: TYPE.versioningV2,
            name: "v2child-data-versioning",
            onResource: "v2child-data-versioning",
            title: "BucketVersioningV2 Suspended",
            change: (i) => (i.versioningConfiguration = { status: "Suspended" }),
            message: /BucketVersioningV2\) has status "Suspended"/,
        },
        {
            type: TYPE.bucket,
            name: "v2child-data",
            onResource: "v2child-data",
            title: "both forms set (a conflict)",
            change: (i) => (i.versioning = { enabled: true }),
            message: /set 2 times .*BucketVersioningV2.*inline input versioning.*written last/,
        },
    ],
    "s3-data-bucket-encryption": [
        {
            ...INLINE,
            title: "inline SSE-S3 where KMS is required",
            change: (i) =>
                (i.serverSideEncryptionConfiguration = {
                    rule: { applyServerSideEncryptionByDefault: { sseAlgorithm: "AES256" }, bucketKeyEnabled: true },
                }),
            message: /inline input serverSideEncryptionConfiguration\) uses "AES256"/,
        },
        {
            ...V2,
            title: "BucketV2 rule without a default algorithm",
            change: (i) => (first(i, "serverSideEncryptionConfigurations").rules = [{ bucketKeyEnabled: true }]),
            message: /inline input serverSideEncryptionConfigurations\) sets no supported default algorithm/,
        },
        {
            type: TYPE.encryptionV2,
            name: "v2child-data-encryption",
            onResource: "v2child-data-encryption",
            title: "BucketServerSideEncryptionConfigurationV2 SSE-S3",
            change: (i) => (i.rules = [{ applyServerSideEncryptionByDefault: { sseAlgorithm: "AES256" }, bucketKeyEnabled: true }]),
            message: /ConfigurationV2\) uses "AES256"/,
        },
    ],
    "s3-data-bucket-access-logging": [
        {
            ...INLINE,
            title: "inline logging without a target",
            change: (i) => (i.logging = { targetBucket: "" }),
            message: /inline input logging\) has no targetBucket/,
        },
        {
            ...V2,
            title: "BucketV2 loggings without a target",
            change: (i) => (i.loggings = [{ targetBucket: "" }]),
            message: /inline input loggings\) has no targetBucket/,
        },
    ],
    "s3-data-bucket-lifecycle": [
        {
            ...INLINE,
            title: "inline rule disabled",
            change: (i) => (first(i, "lifecycleRules").enabled = false),
            message: /inline input lifecycleRules\) is not in effect for the whole bucket: rule "abort-uploads" is "Disabled"/,
        },
        {
            ...V2,
            title: "BucketV2 rule narrowed by a prefix",
            change: (i) => (first(i, "lifecycleRules").prefix = "tmp/"),
            message: /rule "abort-uploads" applies only to prefix "tmp\/"/,
        },
        {
            type: TYPE.lifecycleV2,
            name: "v2child-data-lifecycle",
            onResource: "v2child-data-lifecycle",
            title: "BucketLifecycleConfigurationV2 rule narrowed by a tag",
            change: (i) => (first(i, "rules").filter = { tag: { key: "tier", value: "hot" } }),
            message: /applies only to tag tier=hot/,
        },
    ],
    "s3-data-bucket-replication": [
        {
            ...INLINE,
            title: "inline rule Disabled",
            change: (i) => (first(i.replicationConfiguration as Inputs, "rules").status = "Disabled"),
            message: /inline input replicationConfiguration\) is not in effect for the whole bucket: rule "all" is "Disabled"/,
        },
        {
            ...V2,
            title: "BucketV2 rule without a destination",
            change: (i) => (first(first(i, "replicationConfigurations"), "rules").destinations = []),
            message: /rule "all" has no destination bucket/,
        },
        {
            type: TYPE.replication,
            name: "v2child-data-replication",
            onResource: "v2child-data-replication",
            title: "BucketReplicationConfig rule narrowed by a prefix",
            change: (i) => (first(i, "rules").filter = { prefix: "exports/" }),
            message: /rule "all" applies only to prefix "exports\/"/,
        },
    ],
    "s3-data-bucket-tls-only": [
        {
            ...V2,
            title: "BucketV2 inline policy without the TLS deny",
            change: (i) => (i.policy = JSON.stringify({ Version: "2012-10-17", Statement: [] })),
            message: /inline input policy\) has no statement denying plain HTTP/,
        },
    ],
    "s3-data-bucket-object-lock": [
        {
            ...INLINE,
            title: "inline objectLockEnabled false",
            change: (i) => (i.objectLockEnabled = false),
            message: /inline input objectLockEnabled\) has objectLockEnabled "Disabled"/,
        },
        {
            type: TYPE.objectLockV2,
            name: "v2child-data-object-lock",
            onResource: "v2child-data-object-lock",
            title: "BucketObjectLockConfigurationV2 retention mode not GOVERNANCE/COMPLIANCE",
            change: (i) => (i.rule = { defaultRetention: { mode: "WORM", days: 30 } }),
            message: /ConfigurationV2\) has default retention mode "WORM"/,
        },
        {
            ...V2,
            title: "BucketV2 without Object Lock where requireObjectLock",
            change: (i) => (i.tags = { Role: "data" }),
            message: /data bucket v2-data .* has no Object Lock/,
            config: { ...CONFIG, "s3-data-bucket-object-lock": { enforcementLevel: "mandatory", requireObjectLock: true } },
        },
    ],
    "s3-data-bucket-event-notifications": [
        {
            type: "aws:s3/bucketNotification:BucketNotification",
            name: "v2child-data-notification",
            onResource: "v2child-data-notification",
            title: "a notification that sends nothing",
            change: (i) => (i.eventbridge = false),
            message: /sends no event anywhere/,
        },
    ],
    "s3-data-bucket-mfa-delete": [
        {
            ...V2,
            title: "BucketV2 inline policy without the MFA deny",
            change: (i) => {
                const doc = JSON.parse(i.policy as string) as { Statement: { Sid: string }[] };
                doc.Statement = doc.Statement.filter((st) => st.Sid !== "DenyDestructiveWithoutMfa");
                i.policy = JSON.stringify(doc);
            },
            message: /inline input policy\) has no Deny of .* without MFA/,
        },
        {
            ...V2,
            title: "BucketV2 inline policy whose MFA deny leaves out DeleteBucket",
            change: (i) => {
                const doc = JSON.parse(i.policy as string) as { Statement: { Sid: string; Action: string[] }[] };
                const mfa = doc.Statement.find((st) => st.Sid === "DenyDestructiveWithoutMfa");
                if (mfa !== undefined) {
                    mfa.Action = mfa.Action.filter((a) => a !== "s3:DeleteBucket");
                }
                i.policy = JSON.stringify(doc);
            },
            message: /has no Deny of s3:DeleteObjectVersion, s3:DeleteBucket without MFA \(Condition BoolIfExists/,
        },
    ],
    "s3-bucket-policy-no-cross-account-admin": [
        {
            ...V2,
            title: "BucketV2 inline policy letting another account replace the policy",
            change: (i) => {
                const doc = JSON.parse(i.policy as string) as { Statement: Record<string, unknown>[] };
                doc.Statement.push({
                    Sid: "PartnerAdmin",
                    Effect: "Allow",
                    Principal: { AWS: "arn:aws:iam::999999999999:root" },
                    Action: "s3:Put*",
                    Resource: "arn:aws:s3:::v2-data-bucket",
                });
                i.policy = JSON.stringify(doc);
            },
            message:
                /PartnerAdmin of v2-data .* allows arn:aws:iam::999999999999:root to s3:PutBucketAcl, s3:PutBucketPolicy, s3:PutEncryptionConfiguration, s3:PutObjectAcl/,
        },
    ],
    "s3-bucket-versioning": [
        {
            ...INLINE,
            title: "inline versioning off",
            change: (i) => (i.versioning = { enabled: false }),
            message: /inline input versioning\) has status "Suspended"/,
        },
    ],
    "s3-bucket-encryption": [
        {
            ...INLINE,
            title: "inline SSE-KMS without a bucket key",
            change: (i) => ((i.serverSideEncryptionConfiguration as { rule: Rule }).rule.bucketKeyEnabled = false),
            message: /inline input serverSideEncryptionConfiguration\) uses SSE-KMS without a bucket key/,
        },
        {
            ...V2,
            title: "BucketV2 unsupported algorithm",
            change: (i) =>
                ((
                    first(first(i, "serverSideEncryptionConfigurations"), "rules").applyServerSideEncryptionByDefaults as Rule[]
                )[0].sseAlgorithm = "none"),
            message: /inline input serverSideEncryptionConfigurations\) has sseAlgorithm "none"/,
        },
    ],
    "s3-lifecycle-rules": [
        {
            ...INLINE,
            title: "inline abort rule only under a prefix",
            change: (i) => (first(i, "lifecycleRules").prefix = "uploads/"),
            message:
                /inline input lifecycleRules\): no enabled rule aborts incomplete multipart uploads within 7 days for the whole bucket \(rule "abort-uploads" applies only to prefix "uploads\/"\)/,
        },
        {
            type: TYPE.lifecycleV2,
            name: "v2child-data-lifecycle",
            onResource: "v2child-data-lifecycle",
            title: "BucketLifecycleConfigurationV2 abort only above a size",
            change: (i) => (first(i, "rules").filter = { objectSizeGreaterThan: 1048576 }),
            message: /applies only to objects larger than 1048576 bytes/,
        },
    ],
};
