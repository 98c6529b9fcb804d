/**
 * `Replication`: cross-region replication of a `SecureBucket` into a replica `SecureBucket`.
 *
 * Children: `${replicaName}` (a `SecureBucket` with role `replica`, created with the replica region's
 * provider: versioned, encrypted, public access blocked, TLS-only, tagged, logging to its own log
 * bucket), `${name}-role` (assumed by S3), `${name}-role-policy`, and `${name}` the
 * `BucketReplicationConfig` on the source: everything, Replication Time Control 15 minutes with
 * metrics, the configured storage class, SSE-KMS objects re-encrypted with the replica's key. A source
 * with Object Lock needs a replica with Object Lock, and the role reads each version's retention and
 * legal hold. Built without a replica provider (the multi-language package's `ReplicationPlan`), it
 * makes one first: `${name}-provider`, for the replica region.
 */
import * as aws from "../aws";
import * as pulumi from "@pulumi/pulumi";
import { throwOnProblems } from "../argsError";
import { replicationRolePolicy } from "./policies/replicationPolicy";
import { s3ReplicationTrust } from "./policies/trustPolicy";
import {
    replicaLockProblems,
    REPLICATION_DEFAULTS,
    REPLICATION_RULE_ID,
    REPLICATION_TIME_MINUTES,
    ReplicationArgs,
    replicationArgsProblems,
    ReplicationSource,
} from "./replicationArgs";
import { SecureBucket } from "../storage/secureBucket";
import { Problem } from "../storage/lifecycle";
import { published } from "../published";
import { typeToken, withOldTypes } from "../typeTokens";

export const REPLICATION_TYPE = typeToken("Replication");

/**
 * `ReplicationArgs` with the source given by its parts (what the multi-language package has of it),
 * and the replica region's provider optional: without one, a child `${name}-provider` for
 * `replicaRegion` (credentials and settings from the environment, as the default provider's).
 */
export type ReplicationPlan = Omit<ReplicationArgs, "source" | "replicaProvider"> & {
    /** The source bucket by its parts: name, ARN, key, versioning and Object Lock. */
    readonly source: ReplicationSource;
    /** Provider for `replicaRegion`. @default - a child `${name}-provider` for `replicaRegion` */
    readonly replicaProvider?: aws.Provider | undefined;
};

/** Every problem with the plan: regions, storage class, and Object Lock on the replica of a locked source. */
function replicationPlanProblems(
    args: Pick<ReplicationPlan, "source" | "sourceRegion" | "replicaRegion" | "storageClass" | "replica">,
): ReturnType<typeof replicationArgsProblems> {
    return [...replicationArgsProblems(args), ...replicaLockProblems(args.source.objectLock !== undefined, args.replica)];
}

/** What `buildReplication` created: the replica bucket, its name and ARN, and the role S3 replicates with. */
export interface ReplicationParts {
    readonly replica: SecureBucket;
    readonly replicaBucketName: pulumi.Output<string>;
    readonly replicaBucketArn: pulumi.Output<string>;
    readonly roleArn: pulumi.Output<string>;
}

/**
 * The body of `Replication` (this library's and the multi-language package's): checks the plan
 * (`replicationPlanProblems`, then `replicaProblems`, what the caller found in the replica's own
 * arg shape; every problem at once), creates the replica bucket, the role S3 replicates with and the
 * replication configuration as children of `owner`, and returns them.
 */
export function buildReplication(
    owner: pulumi.ComponentResource,
    name: string,
    args: ReplicationPlan,
    replicaProblems: readonly Problem[] = [],
): ReplicationParts {
    throwOnProblems("Replication", [...replicationPlanProblems(args), ...replicaProblems], owner);
    const locked = args.source.objectLock !== undefined;
    const parent = { parent: owner };
    const replicaProvider =
        args.replicaProvider ?? new aws.Provider(`${name}-provider`, { region: args.replicaRegion as aws.Region }, parent);
    const kms = args.replica.encryption?.mode === "sse-kms";
    const source = args.source;

    const replica = new SecureBucket(
        args.replicaName ?? `${name}-replica`,
        { ...args.replica, role: "replica" },
        {
            parent: owner,
            provider: replicaProvider,
        },
    );

    const accountId = aws.getCallerIdentityOutput({}, parent).accountId;
    const role = new aws.iam.Role(
        `${name}-role`,
        {
            description: "Assumed by S3 to replicate the Firehose archive to its replica",
            assumeRolePolicy: pulumi
                .all([accountId, source.bucketArn])
                .apply(([account, arn]) => JSON.stringify(s3ReplicationTrust(account, arn))),
            tags: { ...args.replica.tags, Name: `${name}-role`, Role: "replication" },
        },
        parent,
    );
    const policy = new aws.iam.RolePolicy(
        `${name}-role-policy`,
        {
            role: role.name,
            policy: pulumi
                .all([source.bucketArn, replica.bucketArn, source.kmsKeyArn, replica.kmsKeyArn])
                .apply(([sourceBucketArn, replicaBucketArn, sourceKeyArn, replicaKeyArn]) =>
                    JSON.stringify(
                        replicationRolePolicy({
                            sourceBucketArn,
                            replicaBucketArn,
                            sourceRegion: args.sourceRegion,
                            replicaRegion: args.replicaRegion,
                            kms:
                                kms && sourceKeyArn !== undefined && replicaKeyArn !== undefined
                                    ? { sourceKeyArn, replicaKeyArn }
                                    : undefined,
                            objectLock: locked,
                        }),
                    ),
                ),
        },
        parent,
    );

    const rule: aws.types.input.s3.BucketReplicationConfigRule = {
        id: REPLICATION_RULE_ID,
        status: "Enabled",
        priority: 1,
        filter: {},
        deleteMarkerReplication: {
            status: (args.deleteMarkerReplication ?? REPLICATION_DEFAULTS.deleteMarkerReplication) ? "Enabled" : "Disabled",
        },
        destination: {
            bucket: replica.bucketArn,
            storageClass: args.storageClass ?? REPLICATION_DEFAULTS.storageClass,
            // S3 RTC: replicationTime needs metrics (with the same 15-minute threshold) beside it.
            replicationTime: { status: "Enabled", time: { minutes: REPLICATION_TIME_MINUTES } },
            metrics: { status: "Enabled", eventThreshold: { minutes: REPLICATION_TIME_MINUTES } },
            ...(kms
                ? {
                      encryptionConfiguration: {
                          replicaKmsKeyId: replica.kmsKeyArn.apply((k) => {
                              if (k === undefined) {
                                  throw new Error(`${name}: an SSE-KMS replica must have a key`);
                              }
                              return k;
                          }),
                      },
                  }
                : {}),
        },
        // SSE-KMS objects are only replicated when selected; the destination then needs its key.
        ...(kms ? { sourceSelectionCriteria: { sseKmsEncryptedObjects: { status: "Enabled" } } } : {}),
    };
    // AWS: PutBucketReplication fails unless versioning is enabled on both buckets; S3 also checks
    // the role when the first objects replicate, so its policy must be in place first.
    new aws.s3.BucketReplicationConfig(
        name,
        { bucket: source.bucketName, role: role.arn, rules: [rule] },
        { ...parent, dependsOn: [...(source.versioning !== undefined ? [source.versioning] : []), replica.versioning, policy] },
    );
    return { replica, replicaBucketName: replica.bucketName, replicaBucketArn: replica.bucketArn, roleArn: role.arn };
}

export class Replication extends pulumi.ComponentResource {
    /** The replica bucket component. */
    public readonly replica: SecureBucket;
    /** Name of the replica bucket. */
    declare public readonly replicaBucketName: pulumi.Output<string>;
    /** `arn:<partition>:s3:::<replicaBucketName>`. */
    declare public readonly replicaBucketArn: pulumi.Output<string>;
    /** `arn:<partition>:iam::<account>:role/<name>` of the role S3 replicates with. */
    declare public readonly roleArn: pulumi.Output<string>;

    constructor(name: string, args: ReplicationArgs, opts?: pulumi.ComponentResourceOptions) {
        super(REPLICATION_TYPE, name, {}, withOldTypes("Replication", opts));
        const { replica, ...outputs } = buildReplication(this, name, args);
        this.replica = replica;
        this.registerOutputs(published<Replication>(this, outputs));
    }
}
