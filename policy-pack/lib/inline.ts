/**
 * The deprecated inline bucket inputs, read in the shape of the separate resource that replaced
 * each, so one judge reads both forms. @pulumi/aws v7 still accepts them on `aws.s3.Bucket`
 * (singular objects) and `aws.s3.BucketV2` (lists, nested lists for `applyServerSideEncryptionByDefaults`,
 * `destinations`, `filters`, `expirations`); shapes from node_modules/@pulumi/aws/types/input.d.ts
 * (`BucketVersioning`, `BucketV2Versioning`, ...). Pure; unknown values are passed through as the
 * engine's sentinels, so the judges see them as unknown.
 */
import { ChildKind } from "./bucketIndex";
import { ResourceView } from "./check";
import { isUnknown } from "./unknown";

/** An inline setting as a pseudo child: its input name and the separate resource's props. */
export interface InlineSetting {
    readonly kind: ChildKind;
    /** The bucket input it came from (`versioning`, `versionings`, ...). */
    readonly input: string;
    readonly props: Record<string, unknown>;
}

type Obj = Record<string, unknown>;

/** The bucket's `objectLockEnabled` creation flag: a source of "Object Lock on", never a competing writer. */
export const OBJECT_LOCK_FLAG = "objectLockEnabled";

/** A plain object (not null, not a list): the shape of an inline input's settings. */
export const isObj = (v: unknown): v is Obj => v !== null && typeof v === "object" && !Array.isArray(v);

/** `v` itself when unknown, else `f(v)` for a plain object, else `undefined`. */
function mapObj(v: unknown, f: (o: Obj) => unknown): unknown {
    return isUnknown(v) ? v : isObj(v) ? f(v) : undefined;
}

/** `v` when unknown, else each object of the list through `f`. */
function mapList(v: unknown, f: (o: Obj) => unknown): unknown {
    return isUnknown(v) ? v : Array.isArray(v) ? (v as unknown[]).map((x) => (isUnknown(x) ? x : isObj(x) ? f(x) : x)) : undefined;
}

/** First element of a V2 nested list (`destinations`, `filters`, ...), kept unknown when unknown. */
function first(v: unknown): unknown {
    return isUnknown(v) ? v : Array.isArray(v) ? v[0] : v;
}

/** `enabled: true|false` -> the separate resources' `"Enabled"`/`"Disabled"` (unknown kept). */
function status(enabled: unknown, off: string): unknown {
    return isUnknown(enabled) ? enabled : enabled === true || enabled === "true" ? "Enabled" : off;
}

/** Bucket `versioning` / BucketV2 `versionings[i]` -> BucketVersioning props. */
function versioning(v: unknown): Obj {
    return {
        versioningConfiguration: mapObj(v, (o) => ({
            // AWS: a bucket that had versioning and is set to enabled: false is Suspended; one that never had it stays unversioned.
            status: status(o.enabled, "Suspended"),
            mfaDelete: isUnknown(o.mfaDelete) ? o.mfaDelete : o.mfaDelete === true ? "Enabled" : "Disabled",
        })),
    };
}

/** Bucket `serverSideEncryptionConfiguration.rule` / V2 `...Configurations[i].rules` -> rules of the separate resource. */
export function encryptionRule(r: Obj): Obj {
    const byDefault = r.applyServerSideEncryptionByDefault ?? first(r.applyServerSideEncryptionByDefaults);
    return { applyServerSideEncryptionByDefault: byDefault, bucketKeyEnabled: r.bucketKeyEnabled };
}

/** The inline lifecycle filter (`prefix`, `tags`) as the separate resource's `filter`. */
function lifecycleFilter(r: Obj): unknown {
    const prefix = r.prefix;
    const tags = r.tags;
    const hasTags = isUnknown(tags) || (isObj(tags) && Object.keys(tags).length > 0);
    if (hasTags) {
        return { and: { prefix, tags } };
    }
    return prefix === undefined ? {} : { prefix };
}

/** Bucket `lifecycleRules[i]` / V2 `lifecycleRules[i]` -> BucketLifecycleConfiguration rule. */
function lifecycleRule(r: Obj): Obj {
    const abort = r.abortIncompleteMultipartUploadDays;
    return {
        id: r.id,
        status: status(r.enabled, "Disabled"),
        filter: lifecycleFilter(r),
        abortIncompleteMultipartUpload: abort === undefined ? undefined : { daysAfterInitiation: abort },
        expiration: r.expiration ?? first(r.expirations),
        transitions: r.transitions,
        noncurrentVersionTransitions: mapList(r.noncurrentVersionTransitions, (t) => ({
            noncurrentDays: t.days,
            storageClass: t.storageClass,
        })),
    };
}

/** The inline replication filter (`filter` or V2 `filters[0]`: `prefix`, `tags`) as the separate resource's. */
function replicationFilter(r: Obj): unknown {
    const f = r.filter ?? first(r.filters);
    return mapObj(f, (o) => {
        const hasTags = isUnknown(o.tags) || (isObj(o.tags) && Object.keys(o.tags).length > 0);
        return hasTags ? { and: { prefix: o.prefix, tags: o.tags } } : o.prefix === undefined ? {} : { prefix: o.prefix };
    });
}

/** Bucket `replicationConfiguration.rules[i]` / V2 `replicationConfigurations[i].rules[j]` -> BucketReplicationConfig rule. */
function replicationRule(r: Obj): Obj {
    return {
        id: r.id,
        status: r.status,
        prefix: r.prefix,
        filter: replicationFilter(r),
        destination: r.destination ?? first(r.destinations),
    };
}

/** Bucket `objectLockConfiguration` (+ `objectLockEnabled`) -> BucketObjectLockConfiguration props. */
function objectLock(v: unknown): Obj {
    if (isUnknown(v) || !isObj(v)) {
        return { objectLockEnabled: v, rule: v };
    }
    return { objectLockEnabled: v.objectLockEnabled, rule: v.rule ?? first(v.rules) };
}

/** Props of a list-valued V2 input, one per element; a whole unknown list is one unknown setting. */
function each(v: unknown, f: (x: unknown) => Obj): Obj[] {
    if (isUnknown(v)) {
        return [f(v)];
    }
    return Array.isArray(v) ? v.map(f) : [];
}

/**
 * Every inline setting a bucket declares, in the separate resources' shapes. A `Bucket` input that
 * is absent declares nothing; an empty V2 list declares nothing.
 */
export function inlineSettings(bucket: ResourceView): InlineSetting[] {
    const p = bucket.props;
    const out: InlineSetting[] = [];
    const add = (kind: ChildKind, input: string, props: Obj): void => {
        out.push({ kind, input, props });
    };
    if (p.versioning !== undefined) {
        add("versioning", "versioning", versioning(p.versioning));
    }
    each(p.versionings, versioning).forEach((x) => add("versioning", "versionings", x));
    if (p.serverSideEncryptionConfiguration !== undefined) {
        const c = p.serverSideEncryptionConfiguration;
        add("encryption", "serverSideEncryptionConfiguration", {
            rules: isUnknown(c) ? c : isObj(c) ? mapList([c.rule], encryptionRule) : [],
        });
    }
    each(p.serverSideEncryptionConfigurations, (c) => ({
        rules: isUnknown(c) ? c : isObj(c) ? mapList(c.rules, encryptionRule) : [],
    })).forEach((x) => add("encryption", "serverSideEncryptionConfigurations", x));
    if (p.logging !== undefined) {
        add("logging", "logging", isObj(p.logging) ? { ...p.logging } : { targetBucket: p.logging });
    }
    each(p.loggings, (l) => (isObj(l) ? { ...l } : { targetBucket: l })).forEach((x) => add("logging", "loggings", x));
    if (p.lifecycleRules !== undefined && !(Array.isArray(p.lifecycleRules) && p.lifecycleRules.length === 0)) {
        add("lifecycle", "lifecycleRules", { rules: mapList(p.lifecycleRules, lifecycleRule) });
    }
    if (p.replicationConfiguration !== undefined) {
        const c = p.replicationConfiguration;
        add("replication", "replicationConfiguration", {
            role: mapObj(c, (o) => o.role),
            rules: isUnknown(c) ? c : isObj(c) ? mapList(c.rules, replicationRule) : [],
        });
    }
    each(p.replicationConfigurations, (c) => ({
        role: mapObj(c, (o) => o.role),
        rules: isUnknown(c) ? c : isObj(c) ? mapList(c.rules, replicationRule) : [],
    })).forEach((x) => add("replication", "replicationConfigurations", x));
    if (p.objectLockConfiguration !== undefined) {
        add("objectLock", "objectLockConfiguration", objectLock(p.objectLockConfiguration));
    }
    // The current (not deprecated) creation flag: it enables Object Lock but sets no default
    // retention, so it does not compete with a configuration resource (see OBJECT_LOCK_FLAG).
    if (p.objectLockEnabled !== undefined) {
        add("objectLock", OBJECT_LOCK_FLAG, {
            objectLockEnabled: isUnknown(p.objectLockEnabled) ? p.objectLockEnabled : p.objectLockEnabled === true ? "Enabled" : "Disabled",
        });
    }
    if (p.policy !== undefined && p.policy !== "") {
        add("policy", "policy", { policy: p.policy });
    }
    return out;
}

/**
 * The views a resource policy judges for one kind of setting: a separate resource is itself; a
 * bucket gives each inline setting of that kind (as `via` views, in the separate resource's shape).
 */
export function settingsOf(r: ResourceView, kind: ChildKind, bucketTypes: readonly string[]): ResourceView[] {
    if (!bucketTypes.includes(r.type)) {
        return [r];
    }
    return inlineSettings(r)
        .filter((s) => s.kind === kind)
        .map((s) => ({ ...r, props: s.props, via: s.input }));
}
