/**
 * Whether a bucket setting is in effect for the whole bucket, not merely present: a disabled rule,
 * a rule narrowed by a filter, a replication rule with no destination, versioning `Suspended` all
 * leave the bucket (or part of it) without the control, and the answer says what narrows it. Judges
 * read the separate resources' shapes (lib/inline.ts maps the inline inputs to them). Pure.
 *
 * AWS references:
 * - lifecycle filters: https://docs.aws.amazon.com/AmazonS3/latest/userguide/intro-lifecycle-filters.html
 *   (an empty filter or empty prefix applies the rule to every object);
 * - replication rules: https://docs.aws.amazon.com/AmazonS3/latest/userguide/replication-add-config.html
 *   (`Status`, `Filter`, `Destination.Bucket`; an empty `Filter` replicates every object);
 * - versioning states: https://docs.aws.amazon.com/AmazonS3/latest/userguide/Versioning.html
 *   (Unversioned, Enabled, Suspended: Suspended adds no new versions).
 */
import { OBJECT_LOCK_MODES } from "../../rules/objectLock";
import { arr, isUnknown, num, obj, str, UNKNOWN } from "./unknown";

/** `true` in effect; a string says why not; `UNKNOWN` when that depends on an unknown value. */
export type Effect = true | string | typeof UNKNOWN;

/** Tag filter `{ key, value }` or a tag map, for messages. */
function tagText(v: unknown): string {
    const o = obj(v);
    if (o === UNKNOWN || o === undefined) {
        return "a tag";
    }
    if (typeof o.key === "string") {
        return `tag ${o.key}=${String(o.value)}`;
    }
    return `tags ${Object.entries(o)
        .map(([k, x]) => `${k}=${String(x)}`)
        .join(", ")}`;
}

/**
 * What narrows a rule below the whole bucket: its `filter` (`prefix`, `tag`, `and`, object sizes)
 * or the legacy rule-level `prefix`. `true` when it covers every object.
 */
export function wholeBucket(rule: Record<string, unknown>): Effect {
    const narrowing: string[] = [];
    const legacy = str(rule.prefix);
    if (legacy === UNKNOWN) {
        return UNKNOWN;
    }
    if (legacy !== undefined && legacy !== "") {
        narrowing.push(`prefix ${JSON.stringify(legacy)}`);
    }
    const filter = obj(rule.filter);
    if (filter === UNKNOWN) {
        return UNKNOWN;
    }
    const parts = [filter ?? {}, obj(filter?.and) ?? {}];
    if (parts[1] === UNKNOWN) {
        return UNKNOWN;
    }
    for (const f of parts as Record<string, unknown>[]) {
        const prefix = str(f.prefix);
        if (prefix === UNKNOWN || isUnknown(f.tag) || isUnknown(f.tags)) {
            return UNKNOWN;
        }
        if (prefix !== undefined && prefix !== "") {
            narrowing.push(`prefix ${JSON.stringify(prefix)}`);
        }
        if (f.tag !== undefined && f.tag !== null) {
            narrowing.push(tagText(f.tag));
        }
        const tags = obj(f.tags);
        if (tags !== undefined && tags !== UNKNOWN && Object.keys(tags).length > 0) {
            narrowing.push(tagText(tags));
        }
        for (const [key, text] of [
            ["objectSizeGreaterThan", "objects larger than"],
            ["objectSizeLessThan", "objects smaller than"],
        ] as const) {
            const size = num(f[key]);
            if (size === UNKNOWN) {
                return UNKNOWN;
            }
            if (size !== undefined && (key === "objectSizeLessThan" || size > 0)) {
                narrowing.push(`${text} ${size} bytes`);
            }
        }
    }
    return narrowing.length === 0 ? true : `applies only to ${narrowing.join(" and ")}`;
}

/** A rule's name for messages: its id, else its position. */
export function ruleName(rule: Record<string, unknown>, i: number): string {
    return typeof rule.id === "string" && rule.id !== "" ? `rule ${JSON.stringify(rule.id)}` : `rule #${i}`;
}

/**
 * Judges each rule of a list with `judge`; in effect when one rule is. Otherwise the reasons of
 * every rule, or `UNKNOWN` when one undecided rule might be the one in effect.
 */
function anyRule(rules: unknown, what: string, judge: (rule: Record<string, unknown>) => Effect): Effect {
    const list = arr(rules);
    if (list === UNKNOWN) {
        return UNKNOWN;
    }
    if (list.length === 0) {
        return `has no ${what} rule`;
    }
    const reasons: string[] = [];
    let unknown = false;
    for (const [i, item] of list.entries()) {
        const rule = obj(item);
        if (rule === UNKNOWN) {
            unknown = true;
            continue;
        }
        const v = judge(rule ?? {});
        if (v === true) {
            return true;
        }
        if (v === UNKNOWN) {
            unknown = true;
        } else {
            reasons.push(`${ruleName(rule ?? {}, i)} ${v}`);
        }
    }
    return unknown ? UNKNOWN : `is not in effect for the whole bucket: ${reasons.join("; ")}`;
}

function enabled(rule: Record<string, unknown>): Effect {
    const status = str(rule.status);
    return status === UNKNOWN ? UNKNOWN : status === "Enabled" ? true : `is ${JSON.stringify(status ?? null)}`;
}

/** Both parts in effect: the first reason otherwise (an unknown defers to a known reason). */
function both(a: Effect, b: () => Effect): Effect {
    if (typeof a === "string") {
        return a;
    }
    const second = b();
    return typeof second === "string" ? second : a === UNKNOWN || second === UNKNOWN ? UNKNOWN : true;
}

/** A replication configuration with an enabled, whole-bucket rule that names a destination bucket. */
export function replicationEffect(props: Record<string, unknown>): Effect {
    return anyRule(props.rules, "replication", (rule) =>
        both(enabled(rule), () =>
            both(wholeBucket(rule), () => {
                const dest = obj(rule.destination);
                const bucket = dest === UNKNOWN ? UNKNOWN : str(dest?.bucket);
                return bucket === UNKNOWN ? UNKNOWN : bucket !== undefined && bucket !== "" ? true : "has no destination bucket";
            }),
        ),
    );
}

/** A lifecycle configuration with an enabled, whole-bucket rule. */
export function lifecycleEffect(props: Record<string, unknown>): Effect {
    return anyRule(props.rules, "lifecycle", (rule) => both(enabled(rule), () => wholeBucket(rule)));
}

/** Versioning `Enabled` (`Suspended` keeps old versions but adds none: off). */
export function versioningEffect(props: Record<string, unknown>): Effect {
    const cfg = obj(props.versioningConfiguration);
    const status = cfg === UNKNOWN ? UNKNOWN : str(cfg?.status);
    if (status === UNKNOWN) {
        return UNKNOWN;
    }
    return status === "Enabled" ? true : `has status ${JSON.stringify(status ?? null)}: set it to "Enabled" (Suspended is off).`;
}

/**
 * SSE-S3 and SSE-KMS: the algorithms S3 Bucket Keys work with (not DSSE-KMS:
 * https://docs.aws.amazon.com/AmazonS3/latest/userguide/bucket-key.html).
 */
export const BUCKET_KEY_ALGORITHMS: ReadonlySet<string> = new Set(["AES256", "aws:kms"]);
/** Every default-encryption algorithm S3 supports. */
export const SSE_ALGORITHMS: ReadonlySet<string> = new Set([...BUCKET_KEY_ALGORITHMS, "aws:kms:dsse"]);
export const KMS_ALGORITHMS: ReadonlySet<string> = new Set(["aws:kms", "aws:kms:dsse"]);

/** The `applyServerSideEncryptionByDefault.sseAlgorithm` of one rule of a default-encryption resource. */
export function ruleAlgorithm(rule: Record<string, unknown> | typeof UNKNOWN | undefined): string | typeof UNKNOWN | undefined {
    const byDefault = rule === UNKNOWN ? UNKNOWN : obj(rule?.applyServerSideEncryptionByDefault);
    return byDefault === UNKNOWN ? UNKNOWN : str(byDefault?.sseAlgorithm);
}

/** The default-encryption algorithm of the first rule that sets one: a string, `UNKNOWN`, or `undefined`. */
export function sseAlgorithm(props: Record<string, unknown>): string | typeof UNKNOWN | undefined {
    const rules = arr(props.rules);
    if (rules === UNKNOWN) {
        return UNKNOWN;
    }
    for (const item of rules) {
        const algorithm = ruleAlgorithm(obj(item));
        if (algorithm !== undefined) {
            return algorithm;
        }
    }
    return undefined;
}

/** Default encryption with a supported algorithm (SSE-S3, SSE-KMS, DSSE-KMS). */
export function encryptionEffect(props: Record<string, unknown>): Effect {
    const algorithm = sseAlgorithm(props);
    if (algorithm === UNKNOWN) {
        return UNKNOWN;
    }
    return algorithm !== undefined && SSE_ALGORITHMS.has(algorithm)
        ? true
        : `sets no supported default algorithm (${JSON.stringify(algorithm ?? null)}): use "AES256" or "aws:kms".`;
}

/** Server access logging with a target bucket. */
export function loggingEffect(props: Record<string, unknown>): Effect {
    const target = str(props.targetBucket);
    return target === UNKNOWN ? UNKNOWN : target !== undefined && target !== "" ? true : "has no targetBucket: name the log bucket.";
}

/**
 * Object Lock enabled (`objectLockEnabled` "Enabled"); a default retention, when given, must have
 * a mode (GOVERNANCE or COMPLIANCE) and a positive period.
 * https://docs.aws.amazon.com/AmazonS3/latest/userguide/object-lock.html
 */
export function objectLockEffect(props: Record<string, unknown>): Effect {
    const on = str(props.objectLockEnabled);
    if (on === UNKNOWN) {
        return UNKNOWN;
    }
    const rule = obj(props.rule);
    const retention = rule === UNKNOWN ? UNKNOWN : obj(rule?.defaultRetention);
    if (retention === UNKNOWN) {
        return UNKNOWN;
    }
    if (retention !== undefined) {
        const mode = str(retention.mode);
        const days = num(retention.days);
        const years = num(retention.years);
        if (mode === UNKNOWN || days === UNKNOWN || years === UNKNOWN) {
            return UNKNOWN;
        }
        if (!(OBJECT_LOCK_MODES as readonly (string | undefined)[]).includes(mode)) {
            return `has default retention mode ${JSON.stringify(mode ?? null)}: use ${OBJECT_LOCK_MODES.map((m) => `"${m}"`).join(" or ")}.`;
        }
        if (!((days ?? 0) > 0 || (years ?? 0) > 0)) {
            return "has a default retention with no positive days or years.";
        }
    }
    // A configuration resource without objectLockEnabled still turns Object Lock on (the provider defaults it to "Enabled").
    return on === undefined || on === "Enabled" ? true : `has objectLockEnabled ${JSON.stringify(on)}: set "Enabled".`;
}
