/**
 * What the deployed bucket has, read through the S3 API (one Get call per setting), in the
 * canonical shape of verify/bucketState.ts. A "not found" error for a setting means the bucket has
 * none (`absent`); any other error (access denied, no such bucket) is thrown.
 * API reference: https://docs.aws.amazon.com/AmazonS3/latest/API/API_Operations_Amazon_Simple_Storage_Service.html
 */
import {
    GetBucketEncryptionCommand,
    GetBucketLifecycleConfigurationCommand,
    GetBucketLoggingCommand,
    GetBucketOwnershipControlsCommand,
    GetBucketPolicyCommand,
    GetBucketReplicationCommand,
    GetBucketVersioningCommand,
    GetPublicAccessBlockCommand,
    S3Client,
} from "@aws-sdk/client-s3";
import { PUBLIC_ACCESS_BLOCK_FLAGS } from "../rules/publicAccess";
import { ABSENT, BucketState, encryptionText, lifecycleText, pabText, policyText, replicationText, s3ApiFlagName } from "./bucketState";

/** The error codes S3 answers when a bucket has no such configuration. */
const NOT_CONFIGURED = new Set([
    "ServerSideEncryptionConfigurationNotFoundError",
    "NoSuchPublicAccessBlockConfiguration",
    "OwnershipControlsNotFoundError",
    "NoSuchBucketPolicy",
    "NoSuchLifecycleConfiguration",
    "ReplicationConfigurationNotFoundError",
]);

async function orAbsent(read: () => Promise<string>): Promise<string> {
    try {
        return await read();
    } catch (e) {
        if (NOT_CONFIGURED.has((e as { name?: string }).name ?? "")) {
            return ABSENT;
        }
        throw e;
    }
}

export async function observedState(client: S3Client, bucket: string): Promise<BucketState> {
    const Bucket = bucket;
    const [versioning, encryption, pab, ownership, policy, lifecycle, logging, replication] = await Promise.all([
        orAbsent(async () => (await client.send(new GetBucketVersioningCommand({ Bucket }))).Status ?? ABSENT),
        orAbsent(async () => {
            const rule = (await client.send(new GetBucketEncryptionCommand({ Bucket }))).ServerSideEncryptionConfiguration?.Rules?.[0];
            const algorithm = rule?.ApplyServerSideEncryptionByDefault?.SSEAlgorithm;
            return algorithm !== undefined ? encryptionText(algorithm, rule?.BucketKeyEnabled === true) : ABSENT;
        }),
        orAbsent(async () => {
            const c: Record<string, unknown> = {
                ...(await client.send(new GetPublicAccessBlockCommand({ Bucket }))).PublicAccessBlockConfiguration,
            };
            return pabText(Object.fromEntries(PUBLIC_ACCESS_BLOCK_FLAGS.map((f) => [f, c[s3ApiFlagName(f)]])));
        }),
        orAbsent(
            async () =>
                (await client.send(new GetBucketOwnershipControlsCommand({ Bucket }))).OwnershipControls?.Rules?.[0]?.ObjectOwnership ??
                ABSENT,
        ),
        orAbsent(async () => {
            const p = (await client.send(new GetBucketPolicyCommand({ Bucket }))).Policy;
            return p !== undefined ? policyText(p) : ABSENT;
        }),
        orAbsent(async () => {
            const rules = (await client.send(new GetBucketLifecycleConfigurationCommand({ Bucket }))).Rules ?? [];
            return lifecycleText(
                rules.map((r) => ({
                    id: r.ID ?? "",
                    status: r.Status ?? "",
                    transitions: (r.Transitions ?? []).map((t) => ({ days: t.Days ?? 0, storageClass: t.StorageClass ?? "" })),
                    expirationDays: r.Expiration?.Days,
                    noncurrentTransitions: (r.NoncurrentVersionTransitions ?? []).map((t) => ({
                        days: t.NoncurrentDays ?? 0,
                        storageClass: t.StorageClass ?? "",
                    })),
                    noncurrentExpirationDays: r.NoncurrentVersionExpiration?.NoncurrentDays,
                    abortDays: r.AbortIncompleteMultipartUpload?.DaysAfterInitiation,
                })),
            );
        }),
        orAbsent(async () => {
            const l = (await client.send(new GetBucketLoggingCommand({ Bucket }))).LoggingEnabled;
            return l !== undefined ? `prefix ${l.TargetPrefix ?? ""}` : ABSENT;
        }),
        orAbsent(async () => {
            const rules = (await client.send(new GetBucketReplicationCommand({ Bucket }))).ReplicationConfiguration?.Rules ?? [];
            return replicationText(
                rules.map((r) => ({ id: r.ID ?? "", status: r.Status ?? "", storageClass: r.Destination?.StorageClass })),
            );
        }),
    ]);
    return {
        versioning,
        encryption,
        "public access block": pab,
        ownership,
        policy,
        lifecycle,
        logging,
        replication,
    };
}
