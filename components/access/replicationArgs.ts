/** Arguments of `Replication` and the closed choices they use (pure: config imports from here too). */
import { Problem } from "../storage/lifecycle";
import { REGION_REGEX, REGION_RULE } from "../../rules/regions";
import type * as aws from "@pulumi/aws";
import type * as pulumi from "@pulumi/pulumi";
import type { SecureBucket } from "../storage/secureBucket";
import type { SecureBucketArgs } from "../storage/secureBucketArgs";

/** Destination storage classes a replica may use (S3 `Destination.StorageClass`, without REDUCED_REDUNDANCY). */
export const REPLICA_STORAGE_CLASSES = [
    "STANDARD",
    "STANDARD_IA",
    "ONEZONE_IA",
    "INTELLIGENT_TIERING",
    "GLACIER_IR",
    "GLACIER",
    "DEEP_ARCHIVE",
] as const;
export type ReplicaStorageClass = (typeof REPLICA_STORAGE_CLASSES)[number];

/** Id of the one replication rule (the `RuleId` dimension of the replication metrics). */
export const REPLICATION_RULE_ID = "replicate-everything";

/** S3 Replication Time Control: the only threshold AWS offers, in minutes. */
export const REPLICATION_TIME_MINUTES = 15;

/** What `storageClass` and `deleteMarkerReplication` default to (the config layer's defaults too). */
export const REPLICATION_DEFAULTS = { storageClass: "STANDARD_IA", deleteMarkerReplication: false } as const satisfies Pick<
    ReplicationArgs,
    "storageClass" | "deleteMarkerReplication"
>;

/** What replication needs of its source bucket: a `SecureBucket` has all of it. */
export interface ReplicationSource {
    readonly bucketName: pulumi.Input<string>;
    readonly bucketArn: pulumi.Input<string>;
    /** The source's KMS key, for SSE-KMS sources; undefined for SSE-S3. */
    readonly kmsKeyArn: pulumi.Input<string | undefined>;
    /**
     * The source's versioning: the replication configuration waits for it. @default - none: then
     * `bucketName` must carry that dependency
     */
    readonly versioning?: pulumi.Resource | undefined;
    /** Set when the source has Object Lock (its replica must have it too). @default - none */
    readonly objectLock?: object | undefined;
}

export interface ReplicationArgs {
    /** The bucket to replicate (versioned, as every `SecureBucket` is). */
    readonly source: SecureBucket;
    /** Region of the source bucket. */
    readonly sourceRegion: string;
    /** Region of the replica; must differ from `sourceRegion`. */
    readonly replicaRegion: string;
    /** Provider for `replicaRegion`: the replica bucket and its children are created with it. */
    readonly replicaProvider: aws.Provider;
    /** Component name of the replica bucket. @default `${name}-replica` */
    readonly replicaName?: string | undefined;
    /**
     * The replica bucket's args (role is always `replica`). With `encryption.mode` `sse-kms`, the
     * replica gets its own key in its region and SSE-KMS objects are selected for replication.
     */
    readonly replica: Omit<SecureBucketArgs, "role">;
    /** Storage class of the replicas. @default "STANDARD_IA" */
    readonly storageClass?: ReplicaStorageClass | undefined;
    /**
     * Replicate delete markers, so a (non-versioned) delete on the source also hides the replica's copy.
     * Off by default: the replica is the copy that survives mistakes.
     * https://docs.aws.amazon.com/AmazonS3/latest/userguide/delete-marker-replication.html
     * @default false
     */
    readonly deleteMarkerReplication?: boolean | undefined;
}

/** Every problem with the args (the config layer checks `replication.*` with it too). */
export function replicationArgsProblems(args: Pick<ReplicationArgs, "sourceRegion" | "replicaRegion" | "storageClass">): Problem[] {
    const problems: Problem[] = [];
    if (!REGION_REGEX.test(args.replicaRegion)) {
        problems.push({ path: "replicaRegion", value: args.replicaRegion, message: REGION_RULE });
    } else if (args.replicaRegion === args.sourceRegion) {
        problems.push({
            path: "replicaRegion",
            value: args.replicaRegion,
            message: `must differ from the source region (${args.sourceRegion}): a replica in the same region does not survive a regional outage`,
        });
    }
    if (args.storageClass !== undefined && !REPLICA_STORAGE_CLASSES.includes(args.storageClass)) {
        problems.push({ path: "storageClass", value: args.storageClass, message: `must be one of ${REPLICA_STORAGE_CLASSES.join(", ")}` });
    }
    return problems;
}

/**
 * A source bucket with Object Lock replicates only into a bucket with Object Lock
 * (https://docs.aws.amazon.com/AmazonS3/latest/userguide/object-lock-managing.html#object-lock-managing-replication):
 * the replica must be given one too.
 */
export function replicaLockProblems(sourceLocked: boolean, replica: Pick<ReplicationArgs["replica"], "objectLock">): Problem[] {
    return sourceLocked && replica.objectLock === undefined
        ? [
              {
                  path: "replica.objectLock",
                  value: undefined,
                  message: "the source bucket has Object Lock: S3 replicates it only into a bucket with Object Lock; give the replica one",
              },
          ]
        : [];
}
