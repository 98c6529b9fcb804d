/**
 * Lifecycle tiers (pure): the plan type, the checks AWS would otherwise reject at apply time, and the
 * `BucketLifecycleConfiguration` rules built from a plan. The transition constraints are the shared
 * ones of rules/storageClasses.ts (the policy pack judges with the same); added here: an expiration
 * must come after the last transition.
 */
import { TransitionStorageClass, transitionIssues } from "../../rules/storageClasses";

export { TRANSITION_STORAGE_CLASSES, TransitionStorageClass } from "../../rules/storageClasses";

export interface Transition {
    readonly storageClass: TransitionStorageClass;
    readonly days: number;
}

export interface LifecyclePlan {
    /** Current-version tiers, in order. */
    readonly transitions: readonly Transition[];
    /** Days after creation when current versions expire; `undefined` keeps them forever. */
    readonly expirationDays?: number | undefined;
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
    return transitionIssues(transitions).map((i) => ({ path: `${path}[${i.index}].${i.field}`, value: i.value, message: i.message }));
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
