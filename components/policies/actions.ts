/** Named S3 action lists used by the policy builders. One place to read what a statement grants. */

/** Every S3 action: used only in Deny statements. */
export const ALL_S3_ACTIONS = "s3:*";

/** Actions that destroy stored data or its protection; guarded by MFA in bucket policies. */
export const DESTRUCTIVE_OBJECT_ACTIONS = ["s3:DeleteObject", "s3:DeleteObjectVersion"] as const;

/** What the S3 server-access-logging service needs on the target bucket. */
export const LOG_DELIVERY_ACTIONS = ["s3:PutObject"] as const;

/** Upload action, the one encryption headers are checked on. */
export const PUT_OBJECT = "s3:PutObject";
