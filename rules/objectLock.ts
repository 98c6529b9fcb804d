/**
 * S3 Object Lock rules (pure), shared by the config layer, `SecureBucket` and the policy pack.
 * https://docs.aws.amazon.com/AmazonS3/latest/userguide/object-lock.html
 *
 * - GOVERNANCE: a locked version cannot be overwritten or deleted unless the caller has
 *   `s3:BypassGovernanceRetention` and sends `x-amz-bypass-governance-retention: true`.
 * - COMPLIANCE: nobody, the root user included, can delete a locked version or shorten its retention
 *   until it expires.
 * - The bucket's default retention takes a mode and either days or years, never both
 *   (PutObjectLockConfiguration: https://docs.aws.amazon.com/AmazonS3/latest/API/API_PutObjectLockConfiguration.html).
 * - Once on, Object Lock can never be turned off and versioning can never be suspended
 *   (https://docs.aws.amazon.com/AmazonS3/latest/userguide/object-lock-configure.html).
 */

export const OBJECT_LOCK_MODES = ["GOVERNANCE", "COMPLIANCE"] as const;
export type ObjectLockMode = (typeof OBJECT_LOCK_MODES)[number];

/** Bounds this project accepts for the default retention (AWS sets none; 100 years is well past any legal hold). */
export const MAX_RETENTION_DAYS = 36500;
export const MAX_RETENTION_YEARS = 100;

/** A bucket's default retention: a mode and exactly one of `days` or `years`. */
export interface DefaultRetention {
    readonly mode: ObjectLockMode;
    readonly days?: number | undefined;
    readonly years?: number | undefined;
}

export interface RetentionProblem {
    readonly path: string;
    readonly value: unknown;
    readonly message: string;
}

function wholeIn(value: number, max: number): boolean {
    return Number.isInteger(value) && value >= 1 && value <= max;
}

/** Every problem with a default retention; paths are `${prefix}mode`, `${prefix}days`, `${prefix}years`. */
export function defaultRetentionProblems(r: DefaultRetention, prefix = ""): RetentionProblem[] {
    const problems: RetentionProblem[] = [];
    if (!(OBJECT_LOCK_MODES as readonly string[]).includes(r.mode)) {
        problems.push({ path: `${prefix}mode`, value: r.mode, message: `must be one of ${OBJECT_LOCK_MODES.join(", ")}` });
    }
    if (r.days !== undefined && r.years !== undefined) {
        problems.push({
            path: `${prefix}years`,
            value: r.years,
            message: `a default retention takes days or years, not both (days is ${r.days}); remove one`,
        });
    } else if (r.days === undefined && r.years === undefined) {
        problems.push({
            path: `${prefix}days`,
            value: undefined,
            message: "the default retention of new object versions needs days or years",
        });
    }
    if (r.days !== undefined && !wholeIn(r.days, MAX_RETENTION_DAYS)) {
        problems.push({ path: `${prefix}days`, value: r.days, message: `must be a whole number 1-${MAX_RETENTION_DAYS}` });
    }
    if (r.years !== undefined && !wholeIn(r.years, MAX_RETENTION_YEARS)) {
        problems.push({ path: `${prefix}years`, value: r.years, message: `must be a whole number 1-${MAX_RETENTION_YEARS}` });
    }
    return problems;
}
