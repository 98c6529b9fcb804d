/**
 * A per-bucket control as a stack policy: for every data bucket (or every log target), the children
 * of one kind joined to it (lib/bucketIndex.ts) must exist and at least one must satisfy the control.
 * One function mapped over the controls in policies/dataBuckets.ts, rather than copies.
 */
import { BucketEntry, BucketIndex, buildBucketIndex, ChildKind } from "./bucketIndex";
import { CheckedStackPolicy, Finding, label, StackResource, stackPolicy, unverified, violation, withKnobs, WithoutKnobs } from "./check";
import { PolicySpec } from "./meta";
import { OBJECT_LOCK_FLAG } from "./inline";
import { UNKNOWN } from "./unknown";

/** What one control asks of the children of one kind attached to a data bucket. */
export interface Control<C extends object> {
    readonly kind: ChildKind;
    /** Human name of the child, for "has no ..." messages. */
    readonly what: string;
    /** How to fix a missing child. */
    readonly fix: string;
    readonly defaults: C;
    /** Whether the control is switched on by its config. @default always */
    readonly enabled?: (config: C) => boolean;
    /**
     * Whether a bucket without any such child violates the control. When `false`, only the children a
     * stack declares are judged. @default always
     */
    readonly requiredWhen?: (config: C) => boolean;
    /** Buckets of the population the control applies to. @default all of them */
    readonly appliesTo?: (b: BucketEntry) => boolean;
    /**
     * Judges one attached child: `true` satisfies the control, a string says what is wrong with it,
     * `UNKNOWN` means it cannot be decided until the values are known.
     */
    readonly judge: (child: StackResource, config: C) => true | string | typeof UNKNOWN;
}

function unjoinedNote(index: BucketIndex, kind: ChildKind): string {
    const n = index.unjoined(kind).length;
    return n === 0
        ? ""
        : ` (${n} such resource(s) in the stack could not be joined to a bucket: their \`bucket\` is unknown and depends on no bucket)`;
}

/** Which buckets a control is run over: data buckets, or the log targets they write to. */
export type Population = "data bucket" | "log bucket";

/** Findings for one control over every bucket of `population` in `index`. */
export function judgeControl<C extends object>(
    index: BucketIndex,
    control: WithoutKnobs<Control<C>>,
    config: C,
    population: Population = "data bucket",
): Finding[] {
    if (control.enabled !== undefined && !control.enabled(config)) {
        return [];
    }
    const findings: Finding[] = [];
    for (const b of index.buckets) {
        if (b.isData !== (population === "data bucket") || (control.appliesTo !== undefined && !control.appliesTo(b))) {
            continue;
        }
        const bucket = label(b.bucket);
        const children = index.children(b.bucket.urn, control.kind);
        if (children.length === 0) {
            if (control.requiredWhen !== undefined && !control.requiredWhen(config)) {
                continue;
            }
            findings.push(
                violation(
                    `${population} ${bucket} has no ${control.what} attached${unjoinedNote(index, control.kind)}: ${control.fix}`,
                    b.bucket.urn,
                ),
            );
            continue;
        }
        const writers = children.filter((c) => c.via !== OBJECT_LOCK_FLAG);
        if (writers.length > 1) {
            findings.push(
                violation(
                    `${population} ${bucket}: ${control.what} is set ${writers.length} times (${writers.map(label).join("; ")}): AWS keeps whichever is written last and every update rewrites it, so the setting in effect flips. Keep one (the separate resource) and remove the others.`,
                    b.bucket.urn,
                ),
            );
        }
        const verdicts = children.map((c) => [c, control.judge(c, config)] as const);
        if (verdicts.some(([, v]) => v === true)) {
            continue;
        }
        const unknown = verdicts.filter(([, v]) => v === UNKNOWN);
        if (unknown.length > 0) {
            const names = unknown.map(([c]) => label(c)).join(", ");
            findings.push(unverified(`${population} ${bucket}: ${names} cannot be judged until its values are known`, b.bucket.urn));
            continue;
        }
        for (const [c, v] of verdicts) {
            findings.push(violation(`${population} ${bucket}: ${label(c)} ${String(v)}`, c.urn));
        }
    }
    return findings;
}

/** A stack policy running one control over every data bucket (a control without knobs leaves `defaults` out). */
export function dataBucketPolicy(meta: PolicySpec, control: WithoutKnobs<Control<object>>): CheckedStackPolicy;
export function dataBucketPolicy<C extends object>(meta: PolicySpec, control: Control<C>): CheckedStackPolicy;
export function dataBucketPolicy<C extends object>(meta: PolicySpec, given: Control<C> | WithoutKnobs<Control<C>>): CheckedStackPolicy {
    const control = withKnobs(given);
    return stackPolicy<C>(meta, {
        defaults: control.defaults,
        check: (resources, config) => judgeControl(buildBucketIndex(resources), control, config),
    });
}
