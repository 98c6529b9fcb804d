/** Shared constants and policy readers for the access stack tests. */
import * as assert from "node:assert/strict";
import { RecordedResource } from "../../gate/recorder";

export const T = {
    writer: "firehose-storage:index:WriterAccess",
    reader: "firehose-storage:index:ReaderAccess",
    replication: "firehose-storage:index:Replication",
    sb: "firehose-storage:index:SecureBucket",
    role: "aws:iam/role:Role",
    rolePolicy: "aws:iam/rolePolicy:RolePolicy",
    user: "aws:iam/user:User",
    userPolicy: "aws:iam/userPolicy:UserPolicy",
    accessKey: "aws:iam/accessKey:AccessKey",
    bucket: "aws:s3/bucket:Bucket",
    policy: "aws:s3/bucketPolicy:BucketPolicy",
    versioning: "aws:s3/bucketVersioning:BucketVersioning",
    sse: "aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration",
    pab: "aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock",
    replicationConfig: "aws:s3/bucketReplicationConfig:BucketReplicationConfig",
    provider: "pulumi:providers:aws",
    key: "aws:kms/key:Key",
};
export const ACCOUNT = "123456789012";
export const DEPLOYER = "arn:aws:iam::123456789012:role/pulumi-deployer";
export const OBJECTS = "year=*/month=*/day=*/hour=*/flow_id=*/*.json";

export interface Stmt {
    Sid: string;
    Effect: string;
    Principal?: unknown;
    Action: unknown;
    Resource: unknown;
    Condition?: Record<string, Record<string, unknown>>;
}
export const doc = (r: RecordedResource, key = "policy"): Stmt[] =>
    (JSON.parse(r.inputs[key] as string) as { Statement: Stmt[] }).Statement;
export const sid = (statements: Stmt[], id: string): Stmt => {
    const found = statements.find((s) => s.Sid === id);
    assert.ok(found !== undefined, `no statement ${id}`);
    return found;
};
