/**
 * Lifecycle rules as `aws.s3.BucketLifecycleConfiguration` takes them, judged against the AWS
 * transition constraints of rules/storageClasses.ts (the ones the component validates plans with:
 * IA minimum age, 30 days in IA before moving on, down the waterfall only). Pure.
 */
import { ruleName, wholeBucket } from "./effect";
import { arr, num, obj, str, UNKNOWN } from "./unknown";
import { AgedTransition, transitionIssues } from "../../rules/storageClasses";

export interface LifecycleVerdict {
    /** What is wrong, each a sentence naming the rule. */
    readonly problems: string[];
    /** What could not be judged because a value is unknown. */
    readonly unknowns: string[];
}

function transitionProblems(ruleId: string, list: unknown, daysKey: "days" | "noncurrentDays", v: LifecycleVerdict): void {
    const items = arr(list);
    if (items === UNKNOWN) {
        v.unknowns.push(`rule ${ruleId}: ${daysKey === "days" ? "transitions" : "noncurrentVersionTransitions"}`);
        return;
    }
    const known: AgedTransition[] = [];
    for (const item of items) {
        const t = obj(item);
        if (t === UNKNOWN || t === undefined) {
            v.unknowns.push(`rule ${ruleId}: a transition`);
            continue;
        }
        const days = num(t[daysKey]);
        const cls = str(t.storageClass);
        if (days === UNKNOWN || cls === UNKNOWN) {
            v.unknowns.push(`rule ${ruleId}: a transition's ${daysKey} or storageClass`);
            continue;
        }
        if (days !== undefined) {
            known.push({ storageClass: cls ?? "", days }); // date-based transitions carry no age
        }
    }
    for (const i of transitionIssues(known)) {
        const t = known[i.index];
        v.problems.push(`rule ${ruleId}: ${t.storageClass} after ${t.days} days: ${i.message}`);
    }
}

/**
 * Problems with a whole configuration: transitions as above, and at least one enabled rule for the
 * whole bucket (lib/effect.ts `wholeBucket`) that aborts incomplete multipart uploads within
 * `maxAbortDays`; a rule narrowed by a prefix or size filter does not count, and the problem says so.
 */
export function judgeLifecycle(rules: unknown, maxAbortDays: number): LifecycleVerdict {
    const v: LifecycleVerdict = { problems: [], unknowns: [] };
    const list = arr(rules);
    if (list === UNKNOWN) {
        v.unknowns.push("rules");
        return v;
    }
    let aborts: boolean | typeof UNKNOWN = false;
    const narrowed: string[] = [];
    for (const [i, item] of list.entries()) {
        const rule = obj(item);
        if (rule === UNKNOWN || rule === undefined) {
            v.unknowns.push(`rule #${i}`);
            continue;
        }
        const id = typeof rule.id === "string" ? rule.id : `#${i}`;
        const status = str(rule.status);
        if (status === UNKNOWN) {
            v.unknowns.push(`rule ${id}: status`);
        } else if (status !== "Enabled") {
            continue;
        }
        transitionProblems(id, rule.transitions, "days", v);
        transitionProblems(id, rule.noncurrentVersionTransitions, "noncurrentDays", v);
        const abort = obj(rule.abortIncompleteMultipartUpload);
        const days = abort === UNKNOWN ? UNKNOWN : num(abort?.daysAfterInitiation);
        const couldAbort = days === UNKNOWN || (days !== undefined && days >= 1 && days <= maxAbortDays);
        if (!couldAbort) {
            continue;
        }
        const whole = wholeBucket(rule);
        if (typeof whole === "string") {
            narrowed.push(`${ruleName(rule, i)} ${whole}`);
            continue;
        }
        if (status === "Enabled" && days !== UNKNOWN && whole === true) {
            aborts = true;
        } else if (aborts === false) {
            aborts = UNKNOWN;
        }
    }
    if (aborts === false) {
        const why = narrowed.length > 0 ? ` for the whole bucket (${narrowed.join("; ")})` : "";
        v.problems.push(`no enabled rule aborts incomplete multipart uploads within ${maxAbortDays} days${why}`);
    } else if (aborts === UNKNOWN) {
        v.unknowns.push("abortIncompleteMultipartUpload");
    }
    return v;
}
