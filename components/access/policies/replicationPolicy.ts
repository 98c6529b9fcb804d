/** The S3 replication role's identity policy (pure): exactly what replication needs. */
import {
    REPLICATION_DESTINATION_ACTIONS,
    REPLICATION_SOURCE_BUCKET_ACTIONS,
    REPLICATION_SOURCE_LOCK_ACTIONS,
    REPLICATION_SOURCE_OBJECT_ACTIONS,
} from "../../../rules/actions";
import { PolicyDocument, policyDocument, Statement } from "../../../rules/document";
import { allowKeyViaS3 } from "./keyStatements";

export interface ReplicationPolicyInputs {
    readonly sourceBucketArn: string;
    readonly replicaBucketArn: string;
    readonly sourceRegion: string;
    readonly replicaRegion: string;
    /** SSE-KMS: the source bucket's key (decrypt) and the replica's key (encrypt); both or neither. */
    readonly kms?: { readonly sourceKeyArn: string; readonly replicaKeyArn: string } | undefined;
    /** The source has Object Lock: the role also reads each version's retention and legal hold. @default false */
    readonly objectLock?: boolean | undefined;
}

/**
 * Source: `GetReplicationConfiguration` and `ListBucket` on the bucket, `GetObjectVersionForReplication`,
 * `GetObjectVersionAcl`, `GetObjectVersionTagging` on its objects. Destination: `ReplicateObject`,
 * `ReplicateDelete`, `ReplicateTags` on the replica's objects. With SSE-KMS, `kms:Decrypt` on the
 * source key and `kms:Encrypt` on the replica key, each only through S3 in its region and for its
 * bucket: https://docs.aws.amazon.com/AmazonS3/latest/userguide/replication-config-for-kms-objects.html
 * (`allowKeyViaS3`, which explains the encryption-context condition).
 */
export function replicationRolePolicy(i: ReplicationPolicyInputs): PolicyDocument {
    const statements: Statement[] = [
        { Sid: "ReadReplicationSource", Effect: "Allow", Action: [...REPLICATION_SOURCE_BUCKET_ACTIONS], Resource: i.sourceBucketArn },
        { Sid: "ReadSourceVersions", Effect: "Allow", Action: [...REPLICATION_SOURCE_OBJECT_ACTIONS], Resource: `${i.sourceBucketArn}/*` },
        { Sid: "WriteReplicas", Effect: "Allow", Action: [...REPLICATION_DESTINATION_ACTIONS], Resource: `${i.replicaBucketArn}/*` },
    ];
    if (i.objectLock === true) {
        statements.push({
            Sid: "ReadSourceObjectLock",
            Effect: "Allow",
            Action: [...REPLICATION_SOURCE_LOCK_ACTIONS],
            Resource: `${i.sourceBucketArn}/*`,
        });
    }
    if (i.kms !== undefined) {
        statements.push(
            allowKeyViaS3("DecryptSource", i.kms.sourceKeyArn, "kms:Decrypt", i.sourceRegion, i.sourceBucketArn),
            allowKeyViaS3("EncryptReplicas", i.kms.replicaKeyArn, "kms:Encrypt", i.replicaRegion, i.replicaBucketArn),
        );
    }
    return policyDocument(...statements);
}
