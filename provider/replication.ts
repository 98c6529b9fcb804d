/**
 * `Replication` for every Pulumi language: the library's component (components/access/replication.ts)
 * behind args Pulumi's schema inference reads. The library takes the source `SecureBucket` and an
 * `aws.Provider` for the replica region; a schema carries neither, so the source comes as its outputs
 * and the replica region's provider is a child, `${name}-provider` (credentials and settings from the
 * environment, as the default provider's). Otherwise the same children, names and type token as
 * in TypeScript.
 */
import * as pulumi from "@pulumi/pulumi";
import { buildReplication, REPLICATION_TYPE, ReplicationPlan } from "../components/access/replication";
import { REPLICATION_RULE_ID, ReplicaStorageClass as LibraryStorageClass } from "../components/access/replicationArgs";
import { bucketArgsProblems } from "../components/storage/secureBucketArgs";
import { published } from "../components/published";
import { withOldTypes } from "../components/typeTokens";
import { BucketSettings, facadeProblems, toLibraryArgs } from "./secureBucketArgs";

/** Storage class of the replicas (S3 `Destination.StorageClass`). */
export enum ReplicaStorageClass {
    Standard = "STANDARD",
    StandardIa = "STANDARD_IA",
    OnezoneIa = "ONEZONE_IA",
    IntelligentTiering = "INTELLIGENT_TIERING",
    GlacierIr = "GLACIER_IR",
    Glacier = "GLACIER",
    DeepArchive = "DEEP_ARCHIVE",
}

export interface ReplicationArgs {
    /**
     * The source bucket's name once versioning is on: `SecureBucket.versionedBucketName` (S3 refuses
     * replication on an unversioned bucket, so the configuration must wait for versioning).
     */
    sourceBucketName: pulumi.Input<string>;
    /** The source bucket's ARN (`SecureBucket.bucketArn`). */
    sourceBucketArn: pulumi.Input<string>;
    /** The source bucket's KMS key (`SecureBucket.kmsKeyArn`). @default - none (SSE-S3 source) */
    sourceKmsKeyArn?: pulumi.Input<string>;
    /** The source bucket has Object Lock (its replica must then have it too). @default false */
    sourceObjectLock?: boolean;
    /** Region of the source bucket. */
    sourceRegion: string;
    /** Region of the replica; must differ from `sourceRegion`. */
    replicaRegion: string;
    /** Component name of the replica bucket. @default - `<name>-replica` */
    replicaName?: string;
    /** The replica bucket's settings (its role is always `replica`). @default {} */
    replica?: BucketSettings;
    /** Storage class of the replicas. @default STANDARD_IA */
    storageClass?: ReplicaStorageClass;
    /**
     * Replicate delete markers. Off by default: the replica is the copy that survives mistakes.
     * https://docs.aws.amazon.com/AmazonS3/latest/userguide/delete-marker-replication.html @default false
     */
    deleteMarkerReplication?: boolean;
}

/** Cross-region replication of a bucket into a replica `SecureBucket` (Replication Time Control, 15 minutes). */
export class Replication extends pulumi.ComponentResource {
    /** Name of the replica bucket. */
    declare public readonly replicaBucketName: pulumi.Output<string>;
    /** `arn:<partition>:s3:::<replicaBucketName>`. */
    declare public readonly replicaBucketArn: pulumi.Output<string>;
    /** `arn:<partition>:iam::<account>:role/<name>` of the role S3 replicates with. */
    declare public readonly roleArn: pulumi.Output<string>;
    /** Id of the replication rule: the `RuleId` of `StorageAlarms`' replication alarms. */
    declare public readonly ruleId: pulumi.Output<string>;

    constructor(name: string, args: ReplicationArgs, opts?: pulumi.ComponentResourceOptions) {
        super(REPLICATION_TYPE, name, {}, withOldTypes("Replication", opts));
        const settings = args.replica ?? {};
        const replica = toLibraryArgs(settings);
        const plan: ReplicationPlan = {
            source: {
                bucketName: args.sourceBucketName,
                bucketArn: args.sourceBucketArn,
                kmsKeyArn: args.sourceKmsKeyArn,
                objectLock: args.sourceObjectLock === true ? {} : undefined,
            },
            sourceRegion: args.sourceRegion,
            replicaRegion: args.replicaRegion,
            replicaName: args.replicaName,
            replica,
            storageClass: args.storageClass as string as LibraryStorageClass | undefined,
            deleteMarkerReplication: args.deleteMarkerReplication,
        };
        const replicaProblems = [...facadeProblems(settings), ...bucketArgsProblems({ ...replica, role: "replica" })];
        const { replicaBucketName, replicaBucketArn, roleArn } = buildReplication(
            this,
            name,
            plan,
            replicaProblems.map((p) => ({ ...p, path: `replica.${p.path}` })),
        );
        const ruleId = pulumi.output(REPLICATION_RULE_ID);
        this.registerOutputs(published<Replication>(this, { replicaBucketName, replicaBucketArn, roleArn, ruleId }));
    }
}
