/**
 * Lifecycle tiers (pure): the plan type, the checks AWS would otherwise reject at apply time, and the
 * `BucketLifecycleConfiguration` rules built from a plan.
 *
 * AWS constraints checked here (S3 API `Transition`, and "Constraints and considerations for
 * transitions": https://docs.aws.amazon.com/AmazonS3/latest/userguide/lifecycle-transition-general-considerations.html):
 * - STANDARD_IA and ONEZONE_IA need objects to be at least 30 days old (current and noncurrent);
 * - objects must stay 30 days in an IA class before the next transition;
 * - classes only move down the waterfall, so days and classes are both strictly increasing;
 * - an expiration must come after the last transition.
 */

/** Transition targets in waterfall order: a plan may only move an object further down this list. */
export const TRANSITION_STORAGE_CLASSES = [
    "STANDARD_IA",
    "INTELLIGENT_TIERING",
    "ONEZONE_IA",
    "GLACIER_IR",
    "GLACIER",
    "DEEP_ARCHIVE",
] as const;
export type TransitionStorageClass = (typeof TRANSITION_STORAGE_CLASSES)[number];

const INFREQUENT_ACCESS: ReadonlySet<TransitionStorageClass> = new Set(["STANDARD_IA", "ONEZONE_IA"]);
const IA_MINIMUM_DAYS = 30;

export interface Transition {
    readonly storageClass: TransitionStorageClass;
    readonly days: number;
}

export interface LifecyclePlan {
    /** Current-version tiers, in order. */
    readonly transitions: readonly Transition[];
    /** Days after creation when current versions expire; `undefined` keeps them forever. */
    readonly expirationDays?: number;
    readonly noncurrent: {
        readonly transitions: readonly Transition[];
        /** Days after becoming noncurrent when old versions are deleted. */
        readonly expirationDays: number;
    };
    /** Days after which incomplete multipart uploads are aborted. */
    readonly abortIncompleteMultipartUploadDays: number;
}

/** One thing wrong with a value: where (a dotted path), what was there, and what is allowed. */
export interface Problem {
    readonly path: string;
    readonly value: unknown;
    readonly message: string;
}

function transitionProblems(transitions: readonly Transition[], path: string): Problem[] {
    const problems: Problem[] = [];
    transitions.forEach((t, i) => {
        const at = `${path}[${i}]`;
        if (INFREQUENT_ACCESS.has(t.storageClass) && t.days < IA_MINIMUM_DAYS) {
            problems.push({
                path: `${at}.days`,
                value: t.days,
                message: `${t.storageClass} needs objects at least ${IA_MINIMUM_DAYS} days old`,
            });
        }
        const prev = transitions[i - 1];
        if (prev === undefined) {
            return;
        }
        if (t.days <= prev.days) {
            problems.push({
                path: `${at}.days`,
                value: t.days,
                message: `must be greater than the previous transition's ${prev.days} days`,
            });
        } else if (INFREQUENT_ACCESS.has(prev.storageClass) && t.days - prev.days < IA_MINIMUM_DAYS) {
            problems.push({
                path: `${at}.days`,
                value: t.days,
                message: `must be at least ${prev.days + IA_MINIMUM_DAYS}: objects stay ${IA_MINIMUM_DAYS} days in ${prev.storageClass} before moving on`,
            });
        }
        const order = TRANSITION_STORAGE_CLASSES.indexOf(t.storageClass);
        if (order <= TRANSITION_STORAGE_CLASSES.indexOf(prev.storageClass)) {
            problems.push({
                path: `${at}.storageClass`,
                value: t.storageClass,
                message: `cannot follow ${prev.storageClass}; classes must move down the waterfall ${TRANSITION_STORAGE_CLASSES.join(" > ")}`,
            });
        }
    });
    return problems;
}

function expirationProblem(transitions: readonly Transition[], expirationDays: number | undefined, path: string): Problem[] {
    const last = transitions[transitions.length - 1];
    if (expirationDays === undefined || last === undefined || expirationDays > last.days) {
        return [];
    }
    return [
        { path, value: expirationDays, message: `must be greater than the last transition's ${last.days} days (${last.storageClass})` },
    ];
}

/** Every problem AWS would reject the plan for; `path` is prefixed to each problem's path. */
export function lifecycleProblems(plan: LifecyclePlan, path: string): Problem[] {
    return [
        ...transitionProblems(plan.transitions, `${path}.transitions`),
        ...expirationProblem(plan.transitions, plan.expirationDays, `${path}.expirationDays`),
        ...transitionProblems(plan.noncurrent.transitions, `${path}.noncurrent.transitions`),
        ...expirationProblem(plan.noncurrent.transitions, plan.noncurrent.expirationDays, `${path}.noncurrent.expirationDays`),
    ];
}

/** A lifecycle rule as `aws.s3.BucketLifecycleConfiguration` takes it (plain values only). */
export interface LifecycleRule {
    id: string;
    status: "Enabled";
    filter: Record<string, never>;
    transitions?: { storageClass: string; days: number }[];
    expiration?: { days?: number; expiredObjectDeleteMarker?: boolean };
    noncurrentVersionTransitions?: { storageClass: string; noncurrentDays: number }[];
    noncurrentVersionExpiration?: { noncurrentDays: number };
    abortIncompleteMultipartUpload?: { daysAfterInitiation: number };
}

/** The rules for a (validated) plan; each applies to the whole bucket (`filter: {}`). */
export function lifecycleRules(plan: LifecyclePlan): LifecycleRule[] {
    const rules: LifecycleRule[] = [];
    if (plan.transitions.length > 0 || plan.expirationDays !== undefined) {
        rules.push({
            id: "current-versions",
            status: "Enabled",
            filter: {},
            ...(plan.transitions.length > 0
                ? { transitions: plan.transitions.map((t) => ({ storageClass: t.storageClass, days: t.days })) }
                : {}),
            ...(plan.expirationDays !== undefined ? { expiration: { days: plan.expirationDays } } : {}),
        });
    }
    rules.push({
        id: "noncurrent-versions",
        status: "Enabled",
        filter: {},
        ...(plan.noncurrent.transitions.length > 0
            ? {
                  noncurrentVersionTransitions: plan.noncurrent.transitions.map((t) => ({
                      storageClass: t.storageClass,
                      noncurrentDays: t.days,
                  })),
              }
            : {}),
        noncurrentVersionExpiration: { noncurrentDays: plan.noncurrent.expirationDays },
    });
    rules.push({
        id: "abort-incomplete-multipart-uploads",
        status: "Enabled",
        filter: {},
        abortIncompleteMultipartUpload: { daysAfterInitiation: plan.abortIncompleteMultipartUploadDays },
    });
    rules.push({ id: "expired-delete-markers", status: "Enabled", filter: {}, expiration: { expiredObjectDeleteMarker: true } });
    return rules;
}
