/**
 * What a bucket is for, told apart by its `Role` tag (the component sets it, the policy pack reads it).
 * Helper buckets are not data buckets: a log target gets no access-log bucket of its own and must
 * not be asked to log or replicate (awsguard #36, compliance-policies #42).
 */

export const BUCKET_ROLES = ["data", "replica", "access-logs", "audit-logs", "quarantine"] as const;
export type BucketRole = (typeof BUCKET_ROLES)[number];

/** The tag that carries a bucket's role. */
export const ROLE_TAG = "Role";

/** Roles whose buckets receive logs (server access logs, CloudTrail). */
export const LOG_TARGET_ROLES: readonly BucketRole[] = ["access-logs", "audit-logs"];

/**
 * Roles whose buckets are not asked to replicate: a replica (compliance-policies #42) and the
 * quarantine (infected objects removed from the data need no disaster-recovery copy).
 */
export const NOT_REPLICATED_ROLES: readonly string[] = ["replica", "quarantine"];

/**
 * Roles whose bucket policy carries the delete-needs-MFA deny from the component itself: log targets
 * and the quarantine (evidence). A data bucket's and a replica's come with their access statements.
 */
export const MFA_GUARDED_BY_COMPONENT_ROLES: readonly BucketRole[] = [...LOG_TARGET_ROLES, "quarantine"];

/** Whether `role` (a `BucketRole` or any `Role` tag value) is a log target. */
export function isLogTarget(role: string): boolean {
    return (LOG_TARGET_ROLES as readonly string[]).includes(role);
}

/** Whether `value` is one of `BUCKET_ROLES`. */
export function isBucketRole(value: string): value is BucketRole {
    return (BUCKET_ROLES as readonly string[]).includes(value);
}
