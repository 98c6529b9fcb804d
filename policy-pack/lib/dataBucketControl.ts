/**
 * A per-bucket control as a stack policy: for every data bucket (lib/bucketIndex.ts), the children
 * of one kind joined to it must exist and at least one must satisfy the control. One function
 * mapped over the controls in policies/dataBuckets.ts, rather than copies.
 */
import { BucketEntry, BucketIndex, buildBucketIndex, ChildKind } from "./bucketIndex";
import { CheckedStackPolicy, Finding, label, PolicyMeta, StackResource, stackPolicy, unverified, violation } from "./check";
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
    /** Buckets the control applies to. @default every data bucket */
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

/** Findings for one control over every data bucket. */
export function judgeControl<C extends object>(resources: readonly StackResource[], control: Control<C>, config: C): Finding[] {
    if (control.enabled !== undefined && !control.enabled(config)) {
        return [];
    }
    const index = buildBucketIndex(resources);
    const findings: Finding[] = [];
    for (const b of index.dataBuckets) {
        if (control.appliesTo !== undefined && !control.appliesTo(b)) {
            continue;
        }
        const bucket = label(b.bucket);
        const children = index.children(b.bucket.urn, control.kind);
        if (children.length === 0) {
            findings.push(
                violation(
                    `data bucket ${bucket} has no ${control.what} attached${unjoinedNote(index, control.kind)}: ${control.fix}`,
                    b.bucket.urn,
                ),
            );
            continue;
        }
        const verdicts = children.map((c) => [c, control.judge(c, config)] as const);
        if (verdicts.some(([, v]) => v === true)) {
            continue;
        }
        const unknown = verdicts.filter(([, v]) => v === UNKNOWN);
        if (unknown.length > 0) {
            findings.push(
                unverified(
                    `${control.what} of data bucket ${bucket} (${unknown.map(([c]) => c.name).join(", ")}) cannot be judged until its values are known`,
                    b.bucket.urn,
                ),
            );
            continue;
        }
        for (const [c, v] of verdicts) {
            findings.push(violation(`data bucket ${bucket}: ${label(c)} ${String(v)}`, c.urn));
        }
    }
    return findings;
}

export function dataBucketPolicy<C extends object>(meta: PolicyMeta, control: Control<C>): CheckedStackPolicy {
    return stackPolicy<C>(meta, { defaults: control.defaults, check: (resources, config) => judgeControl(resources, control, config) });
}
