/** WriterAccess, ReaderAccess and Replication on their own, under mocks: rows the shipped stacks do not exercise. */
import * as assert from "node:assert/strict";
import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { ReaderAccess } from "../../components/access/readerAccess";
import { Replication } from "../../components/access/replication";
import { ReplicationArgs } from "../../components/access/replicationArgs";
import { SecureBucket } from "../../components/storage/secureBucket";
import { WriterAccess, WriterAccessArgs } from "../../components/access/writerAccess";
import { childrenOf, one, ofType } from "../helpers/resources";
import { mockedRun } from "../helpers/shipped";

const writerArgs: WriterAccessArgs = {
    bucketArn: "arn:aws:s3:::b",
    keyLayout: "hybrid",
    sseAlgorithm: "AES256",
    region: "us-east-1",
    metricsNamespace: "NS",
    logGroupArn: "arn:aws:logs:us-east-1:123456789012:log-group:g",
};

const run = mockedRun;

describe("WriterAccess", () => {
    it("user mode: the secret access key is a Pulumi secret; the key id is not", async () => {
        const { value, error } = await run(() => new WriterAccess("w", { ...writerArgs, mode: "user" }));
        assert.equal(error, undefined);
        assert.ok(value?.secretAccessKey !== undefined && value.accessKeyId !== undefined);
        assert.equal(await pulumi.isSecret(value.secretAccessKey), true);
        assert.equal(await pulumi.isSecret(value.accessKeyId), false);
    });

    it("role mode: no user, no key; outputs only the role ARN", async () => {
        const { run: r, value } = await run(
            () => new WriterAccess("w", { ...writerArgs, trustedPrincipalArn: "arn:aws:iam::210987654321:root", externalId: "ext-1" }),
        );
        assert.deepEqual(childrenOf(r.resources, one(r.resources, "firehose-storage:index:WriterAccess", "w")), [
            "aws:iam/role:Role w",
            "aws:iam/rolePolicy:RolePolicy w-policy",
        ]);
        assert.equal(value?.accessKeyId, undefined);
        assert.equal(value?.secretAccessKey, undefined);
    });

    it("rejects a role without principal and external id, and a user with them, before creating anything", async () => {
        const role = await run(() => new WriterAccess("w", writerArgs));
        assert.equal(
            role.error?.message,
            'invalid WriterAccess args:\n  - trustedPrincipalArn: missing; is required with mode "role" (the default)\n  - externalId: missing; is required with mode "role" (the default)',
        );
        assert.deepEqual(ofType(role.run.resources, "aws:iam/role:Role"), []);
        const user = await run(() => new WriterAccess("w", { ...writerArgs, mode: "user", externalId: "ext-1" }));
        assert.equal(
            user.error?.message,
            'invalid WriterAccess args:\n  - externalId: got "ext-1"; only applies with mode "role" (mode "user" makes the writer a dedicated IAM user); remove it',
        );
        assert.deepEqual(ofType(user.run.resources, "aws:iam/user:User"), []);
    });
});

describe("ReaderAccess", () => {
    it("rejects a bad account, no prefixes and an out-of-range session, all at once", async () => {
        const { error, run: r } = await run(
            () =>
                new ReaderAccess("r", {
                    partnerAccountId: "3456",
                    externalId: "ext",
                    bucketArn: "arn:aws:s3:::b",
                    prefixes: [],
                    region: "us-east-1",
                    maxSessionDurationSeconds: 60,
                }),
        );
        assert.equal(
            error?.message,
            'invalid ReaderAccess args:\n  - partnerAccountId: got "3456"; must be a 12-digit AWS account id\n  - prefixes: got []; list at least one prefix\n  - maxSessionDurationSeconds: got 60; must be a whole number of seconds, 3600-43200 (IAM\'s bounds)',
        );
        assert.deepEqual(ofType(r.resources, "aws:iam/role:Role"), []);
    });
});

describe("Replication", () => {
    it("rejects a replica region that is no region code or the source region; SSE-S3 replication has no KMS selection or key", async () => {
        /** A source bucket in us-east-1 (no access logs) replicated to `replicaRegion` through a provider there. */
        const replicate = (replicaRegion: string, extra: Partial<ReplicationArgs> = {}) =>
            run(() => {
                const source = new SecureBucket("src", { accessLogs: false });
                const replicaProvider = new aws.Provider("replica", { region: replicaRegion });
                return new Replication("rep", { source, sourceRegion: "us-east-1", replicaRegion, replicaProvider, replica: {}, ...extra });
            });
        const same = await replicate("us-east-1");
        assert.match(same.error?.message ?? "", /replicaRegion: got "us-east-1"; must differ from the source region \(us-east-1\)/);
        assert.deepEqual(ofType(same.run.resources, "aws:s3/bucketReplicationConfig:BucketReplicationConfig"), []);
        const bogus = await replicate("mars-north");
        assert.match(bogus.error?.message ?? "", /replicaRegion: got "mars-north"; must be an AWS region code such as us-east-1/);

        const ok = await replicate("us-west-2", {
            replica: { accessLogs: false },
            deleteMarkerReplication: true,
            storageClass: "GLACIER_IR",
        });
        assert.equal(ok.error, undefined);
        const [rule] = one(ok.run.resources, "aws:s3/bucketReplicationConfig:BucketReplicationConfig", "rep").inputs.rules as Record<
            string,
            unknown
        >[];
        assert.deepEqual(rule.deleteMarkerReplication, { status: "Enabled" });
        assert.equal(rule.sourceSelectionCriteria, undefined);
        const destination = rule.destination as Record<string, unknown>;
        assert.equal(destination.storageClass, "GLACIER_IR");
        assert.equal(destination.encryptionConfiguration, undefined);
        const replicaBucket = one(ok.run.resources, "aws:s3/bucket:Bucket", "rep-replica");
        assert.deepEqual(replicaBucket.inputs.tags, { Name: "rep-replica", Role: "replica" });
        assert.ok(replicaBucket.provider.startsWith(one(ok.run.resources, "pulumi:providers:aws", "replica").urn));
        const policy = JSON.parse(one(ok.run.resources, "aws:iam/rolePolicy:RolePolicy", "rep-role-policy").inputs.policy as string) as {
            Statement: { Sid: string }[];
        };
        assert.deepEqual(
            policy.Statement.map((s) => s.Sid),
            ["ReadReplicationSource", "ReadSourceVersions", "WriteReplicas"],
        );
    });
});
