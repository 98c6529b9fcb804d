/** Named IAM action lists used by the policy builders (pure). One place to read what a statement grants. */

/** Every S3 action: used only in Deny statements. */
export const ALL_S3_ACTIONS = "s3:*";

/** Actions that destroy stored data or its protection; guarded by MFA in bucket policies. */
export const DESTRUCTIVE_OBJECT_ACTIONS = ["s3:DeleteObject", "s3:DeleteObjectVersion"] as const;

/** What the S3 server-access-logging service needs on the target bucket. */
export const LOG_DELIVERY_ACTIONS = ["s3:PutObject"] as const;

/** Upload action, the one encryption headers are checked on. */
export const PUT_OBJECT = "s3:PutObject";

// Access and replication (issue 4). Exact lists: what each principal may do, and nothing more.

/** Bucket-level changes that remove the bucket or its protection; with object deletes, guarded by MFA. */
export const BUCKET_GUARD_ACTIONS = ["s3:DeleteBucket", "s3:PutBucketPolicy", "s3:DeleteBucketPolicy"] as const;

/** What `denyDestructiveWithoutMfa` guards on every bucket: object deletes and bucket-level changes. */
export const MFA_GUARDED_ACTIONS = [...DESTRUCTIVE_OBJECT_ACTIONS, ...BUCKET_GUARD_ACTIONS] as const;

/** Object reads. */
export const GET_OBJECT = "s3:GetObject";
/** Listing; scoped with the `s3:prefix` condition key. */
export const LIST_BUCKET = "s3:ListBucket";
/** Where the bucket is: SDKs ask before their first request. */
export const GET_BUCKET_LOCATION = "s3:GetBucketLocation";

/** The writer's CloudWatch action (namespaces have no ARN; scoped with `cloudwatch:namespace`). */
export const PUT_METRIC_DATA = "cloudwatch:PutMetricData";
/** CloudWatch Logs actions the writer needs on its one log group (the group itself is not created by it). */
export const WRITER_LOG_ACTIONS = ["logs:CreateLogStream", "logs:PutLogEvents", "logs:DescribeLogStreams"] as const;

/** SSE-KMS: what a writer needs to upload and read back objects encrypted with the bucket's key. */
export const KMS_WRITE_ACTIONS = ["kms:GenerateDataKey", "kms:Decrypt"] as const;
/** SSE-KMS: what a reader needs to read objects. */
export const KMS_READ_ACTIONS = ["kms:Decrypt"] as const;

/** Assuming a role. */
export const ASSUME_ROLE = "sts:AssumeRole";

/**
 * S3 replication, source side (https://docs.aws.amazon.com/AmazonS3/latest/userguide/setting-repl-config-perm-overview.html):
 * read the configuration and list on the bucket ...
 */
export const REPLICATION_SOURCE_BUCKET_ACTIONS = ["s3:GetReplicationConfiguration", "s3:ListBucket"] as const;
/** ... and read each object version with its ACL and tags. */
export const REPLICATION_SOURCE_OBJECT_ACTIONS = [
    "s3:GetObjectVersionForReplication",
    "s3:GetObjectVersionAcl",
    "s3:GetObjectVersionTagging",
] as const;
/**
 * ... and, from a bucket with Object Lock, each version's retention and legal hold, which replicate
 * with it (https://docs.aws.amazon.com/AmazonS3/latest/userguide/setting-repl-config-perm-overview.html).
 */
export const REPLICATION_SOURCE_LOCK_ACTIONS = ["s3:GetObjectRetention", "s3:GetObjectLegalHold"] as const;
/** S3 replication, destination side: write replicas, delete markers and tags. */
export const REPLICATION_DESTINATION_ACTIONS = ["s3:ReplicateObject", "s3:ReplicateDelete", "s3:ReplicateTags"] as const;

/**
 * Data-plane actions the network limit applies to. Explicit rather than `s3:*`: the replication
 * actions above are performed by S3 itself and must keep working, and control-plane calls (the
 * deployer's) are guarded by MFA instead.
 */
export const NETWORK_LIMITED_ACTIONS = [
    "s3:GetObject",
    "s3:GetObjectVersion",
    "s3:GetObjectAttributes",
    "s3:PutObject",
    "s3:DeleteObject",
    "s3:DeleteObjectVersion",
    "s3:ListBucket",
    "s3:ListBucketVersions",
    "s3:ListBucketMultipartUploads",
    "s3:ListMultipartUploadParts",
    "s3:AbortMultipartUpload",
] as const;

// Monitoring, audit and cost (issue 5).

/** CloudTrail checks the trail bucket's ACL before delivering (https://docs.aws.amazon.com/awscloudtrail/latest/userguide/create-s3-bucket-policy-for-cloudtrail.html). */
export const GET_BUCKET_ACL = "s3:GetBucketAcl";
/** Publishing to an SNS topic: what alarms, rules and budgets need on the alert topic. */
export const SNS_PUBLISH = "sns:Publish";
/** What the owning account keeps on its alert topic (the actions of SNS's default topic policy). */
export const SNS_OWNER_ACTIONS = [
    "sns:GetTopicAttributes",
    "sns:SetTopicAttributes",
    "sns:AddPermission",
    "sns:RemovePermission",
    "sns:DeleteTopic",
    "sns:Subscribe",
    "sns:ListSubscriptionsByTopic",
    "sns:Publish",
] as const;
/** What a service publishing to a KMS-encrypted topic needs on the topic's key. */
export const KMS_PUBLISH_ACTIONS = ["kms:Decrypt", "kms:GenerateDataKey*"] as const;
/** Every KMS action: only for the key's own account (the key policy's administration statement). */
export const ALL_KMS_ACTIONS = "kms:*";
