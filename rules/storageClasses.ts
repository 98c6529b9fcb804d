/**
 * Lifecycle storage classes and the AWS transition constraints ("Constraints and considerations for
 * transitions": https://docs.aws.amazon.com/AmazonS3/latest/userguide/lifecycle-transition-general-considerations.html):
 * - STANDARD_IA and ONEZONE_IA need objects to be at least 30 days old (current and noncurrent);
 * - objects must stay 30 days in an IA class before the next transition;
 * - classes only move down the waterfall, so days and classes are both strictly increasing.
 * The component validates plans with these rules and the policy pack judges lifecycle resources with them.
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

/** Infrequent-access classes: objects must be this many days old before, and stay this long in them. */
export const INFREQUENT_ACCESS_CLASSES: readonly string[] = ["STANDARD_IA", "ONEZONE_IA"];
export const IA_MINIMUM_DAYS = 30;

/** One transition at an age in days (current: days after creation; noncurrent: after becoming noncurrent). */
export interface AgedTransition {
    readonly storageClass: string;
    readonly days: number;
}

/** What is wrong with transition `index` of a list: the field at fault, its value and what AWS allows. */
export interface TransitionIssue {
    readonly index: number;
    readonly field: "days" | "storageClass";
    readonly value: string | number;
    readonly message: string;
}

/** Every constraint above broken by `transitions` (in rule order). Classes outside the waterfall are not ordered. */
export function transitionIssues(transitions: readonly AgedTransition[]): TransitionIssue[] {
    const issues: TransitionIssue[] = [];
    const order = (c: string) => (TRANSITION_STORAGE_CLASSES as readonly string[]).indexOf(c);
    transitions.forEach((t, index) => {
        if (INFREQUENT_ACCESS_CLASSES.includes(t.storageClass) && t.days < IA_MINIMUM_DAYS) {
            issues.push({
                index,
                field: "days",
                value: t.days,
                message: `${t.storageClass} needs objects at least ${IA_MINIMUM_DAYS} days old`,
            });
        }
        const prev = transitions[index - 1];
        if (prev === undefined) {
            return;
        }
        if (t.days <= prev.days) {
            issues.push({
                index,
                field: "days",
                value: t.days,
                message: `must be greater than the previous transition's ${prev.days} days`,
            });
        } else if (INFREQUENT_ACCESS_CLASSES.includes(prev.storageClass) && t.days - prev.days < IA_MINIMUM_DAYS) {
            issues.push({
                index,
                field: "days",
                value: t.days,
                message: `must be at least ${prev.days + IA_MINIMUM_DAYS}: objects stay ${IA_MINIMUM_DAYS} days in ${prev.storageClass} before moving on`,
            });
        }
        if (order(t.storageClass) >= 0 && order(prev.storageClass) >= 0 && order(t.storageClass) <= order(prev.storageClass)) {
            issues.push({
                index,
                field: "storageClass",
                value: t.storageClass,
                message: `cannot follow ${prev.storageClass}; classes must move down the waterfall ${TRANSITION_STORAGE_CLASSES.join(" > ")}`,
            });
        }
    });
    return issues;
}
