/** The data bucket's settings that its replica shares: a replica is stored, kept and locked like its source. */
import { SecureBucketArgs } from "../components/storage/secureBucketArgs";
import { Settings } from "../config";

export type SharedBucketArgs = Pick<
    SecureBucketArgs,
    "requireEncryptionHeader" | "lifecycle" | "accessLogs" | "allowForceDestroy" | "retainOnDelete" | "objectLock"
>;

/**
 * The args of the data bucket and of its replica alike. A replica of a locked bucket is locked the
 * same way: S3 replicates from an Object Lock bucket only to one with Object Lock enabled
 * (https://docs.aws.amazon.com/AmazonS3/latest/userguide/object-lock-managing.html#object-lock-managing-replication).
 */
export function sharedBucketArgs(s: Settings): SharedBucketArgs {
    return {
        requireEncryptionHeader: s.encryption.requireEncryptionHeader,
        lifecycle: s.lifecycle,
        accessLogs: s.accessLogs,
        allowForceDestroy: s.allowForceDestroy,
        retainOnDelete: s.protect,
        objectLock: s.objectLock,
    };
}
