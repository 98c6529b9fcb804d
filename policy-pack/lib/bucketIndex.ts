/**
 * The stack's buckets and what is attached to them, indexed once (O(resources)) for the stack
 * policies. A child is joined to its bucket through, in order:
 *   1. `propertyDependencies.bucket`: the bucket resource(s) its `bucket` input came from; this is the
 *      only thing that works in preview, where the bucket's name is still unknown;
 *   2. the known value of `bucket` (a name or an `arn:<partition>:s3:::name`) against the buckets' names;
 *   3. when `bucket` is unknown and names no dependency: its only bucket among `dependencies`.
 * A child none of these resolve is kept in `unjoined` so policies can say so instead of guessing.
 * The deprecated inline inputs of a bucket (lib/inline.ts) are children too, in the separate
 * resource's shape and marked with `via`, so every control reads both forms with one judge.
 */
import { StackResource } from "./check";
import { mergedTags } from "./tags";
import { inlineSettings } from "./inline";
import { T } from "./types";
import { bucketNameFromRef } from "../../rules/arn";
import { isLogTarget, ROLE_TAG } from "../../rules/buckets";
import { isUnknown, str, UNKNOWN } from "./unknown";

export type ChildKind =
    | "policy"
    | "publicAccessBlock"
    | "versioning"
    | "encryption"
    | "logging"
    | "lifecycle"
    | "replication"
    | "ownership"
    | "objectLock"
    | "notification";

const CHILD_TYPES: Readonly<Record<ChildKind, readonly string[]>> = {
    policy: T.bucketPolicy,
    publicAccessBlock: T.publicAccessBlock,
    versioning: T.versioning,
    encryption: T.encryption,
    logging: T.logging,
    lifecycle: T.lifecycle,
    replication: T.replication,
    ownership: T.ownership,
    objectLock: T.objectLock,
    notification: T.notification,
};

export interface BucketEntry {
    readonly bucket: StackResource;
    /**
     * The `Role` tag (provider default tags merged). `UNKNOWN` when it cannot be read; `undefined` when
     * absent. A bucket is a data bucket unless its role is a log target: untagged or unknown-role
     * buckets are treated as data, so an unreadable tag never exempts a bucket.
     */
    readonly role: string | typeof UNKNOWN | undefined;
    readonly isData: boolean;
}

export interface BucketIndex {
    readonly byUrn: ReadonlyMap<string, StackResource>;
    readonly buckets: readonly BucketEntry[];
    readonly dataBuckets: readonly BucketEntry[];
    /** Children of `kind` joined to the bucket with this URN: separate resources, then inline settings. */
    children(bucketUrn: string, kind: ChildKind): readonly StackResource[];
    /** Children of `kind` that could not be joined to any bucket of this stack. */
    unjoined(kind: ChildKind): readonly StackResource[];
    /** The bucket a child's bucket-valued input (`bucket`, `rules`, ...) refers to, if resolvable. */
    resolve(r: StackResource, input: string, value: unknown): StackResource | undefined;
}

export function buildBucketIndex(resources: readonly StackResource[]): BucketIndex {
    const bucketTypes = new Set<string>(T.bucket);
    const kindOfType = new Map<string, ChildKind>();
    for (const [kind, types] of Object.entries(CHILD_TYPES) as [ChildKind, readonly string[]][]) {
        types.forEach((t) => kindOfType.set(t, kind));
    }
    const byUrn = new Map<string, StackResource>();
    const bucketByName = new Map<string, StackResource>();
    const buckets: BucketEntry[] = [];
    for (const r of resources) {
        byUrn.set(r.urn, r);
        if (!bucketTypes.has(r.type)) {
            continue;
        }
        const name = str(r.props.bucket);
        if (typeof name === "string") {
            bucketByName.set(name, r);
        }
        const tags = mergedTags(r);
        const role = tags === UNKNOWN ? UNKNOWN : tags[ROLE_TAG];
        buckets.push({ bucket: r, role, isData: typeof role !== "string" || !isLogTarget(role) });
    }

    const resolve = (r: StackResource, input: string, value: unknown): StackResource | undefined => {
        const viaInput = (r.propertyDependencies[input] ?? [])
            .map((u) => byUrn.get(u))
            .filter((b) => b !== undefined && bucketTypes.has(b.type));
        const ref = typeof value === "string" && !isUnknown(value) ? bucketNameFromRef(value) : undefined;
        if (viaInput.length === 1) {
            return viaInput[0];
        }
        if (ref !== undefined) {
            const named = bucketByName.get(ref);
            return named !== undefined && (viaInput.length === 0 || viaInput.includes(named)) ? named : undefined;
        }
        if (viaInput.length === 0 && isUnknown(value)) {
            const viaDeps = r.dependencies.map((u) => byUrn.get(u)).filter((b) => b !== undefined && bucketTypes.has(b.type));
            return viaDeps.length === 1 ? viaDeps[0] : undefined;
        }
        return undefined;
    };

    const joined = new Map<string, StackResource[]>();
    const unjoined = new Map<string, StackResource[]>();
    const addJoined = (key: string, r: StackResource): void => {
        const list = joined.get(key) ?? [];
        list.push(r);
        joined.set(key, list);
    };
    for (const r of resources) {
        const kind = kindOfType.get(r.type);
        if (kind === undefined) {
            continue;
        }
        const bucket = resolve(r, "bucket", r.props.bucket);
        const [map, key] = bucket === undefined ? [unjoined, kind] : [joined, `${kind}\u0000${bucket.urn}`];
        const list = map.get(key) ?? [];
        list.push(r);
        map.set(key, list);
    }
    for (const b of buckets) {
        for (const s of inlineSettings(b.bucket)) {
            addJoined(`${s.kind}\u0000${b.bucket.urn}`, inlineChild(b.bucket, s.input, s.props));
        }
    }
    return {
        byUrn,
        buckets,
        dataBuckets: buckets.filter((b) => b.isData),
        children: (bucketUrn, kind) => joined.get(`${kind}\u0000${bucketUrn}`) ?? [],
        unjoined: (kind) => unjoined.get(kind) ?? [],
        resolve,
    };
}

/**
 * An inline setting as a child of its bucket: the bucket's identity, the setting's props, its
 * `bucket` joined to the bucket itself and its other inputs' dependencies to the inline input's.
 */
function inlineChild(bucket: StackResource, input: string, props: Record<string, unknown>): StackResource {
    const deps = bucket.propertyDependencies[input] ?? [];
    return {
        ...bucket,
        props,
        via: input,
        propertyDependencies: { bucket: [bucket.urn], rules: deps, policy: deps, targetBucket: deps },
    };
}
