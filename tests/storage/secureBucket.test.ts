/** SecureBucket on its own, under mocks: argument rows the stacks do not exercise. */
import * as assert from "node:assert/strict";
import { SecureBucket } from "../../components/storage/secureBucket";
import { SecureBucketArgs } from "../../components/storage/secureBucketArgs";
import { UNKNOWN } from "../../gate/recorder";
import { ProgramRun, runProgram } from "../../gate/runProgram";
import { childrenOf, one, ofType } from "../helpers/resources";
import { attempt } from "../helpers/shipped";

const KEY = "arn:aws:kms:us-east-1:123456789012:key/11111111-2222-3333-4444-555555555555";

function run(args: SecureBucketArgs, preview = false): Promise<ProgramRun> {
    return runProgram({
        project: "p",
        stack: "t",
        config: { "aws:region": "us-east-1" },
        preview,
        program: () => {
            const b = new SecureBucket("b", args);
            return { name: b.bucketName };
        },
    });
}

describe("SecureBucket", () => {
    it("sse-kms with a given key: no key created, the given key and a bucket key used, other keys denied", async () => {
        const { resources } = await run({ encryption: { mode: "sse-kms", kmsKeyArn: KEY }, accessLogs: false });
        assert.equal(ofType(resources, "aws:kms/key:Key").length, 0);
        assert.deepEqual(
            one(resources, "aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration", "b-encryption").inputs
                .rules,
            [{ applyServerSideEncryptionByDefault: { sseAlgorithm: "aws:kms", kmsMasterKeyId: KEY }, bucketKeyEnabled: true }],
        );
        const policy = JSON.parse(one(resources, "aws:s3/bucketPolicy:BucketPolicy", "b-policy").inputs.policy as string) as {
            Statement: { Sid: string; Condition: unknown }[];
        };
        assert.deepEqual(policy.Statement.find((s) => s.Sid === "DenyWrongKmsKey")?.Condition, {
            Null: { "s3:x-amz-server-side-encryption-aws-kms-key-id": "false" },
            StringNotEquals: { "s3:x-amz-server-side-encryption-aws-kms-key-id": KEY },
        });
    });

    it("accessLogs: false creates neither a log bucket nor logging", async () => {
        const { resources } = await run({ accessLogs: false });
        const component = one(resources, "firehose-storage:index:SecureBucket", "b");
        assert.equal(childrenOf(resources, component).length, 7);
        assert.equal(ofType(resources, "aws:s3/bucketLogging:BucketLogging").length, 0);
    });

    it("defaults: no lifecycle plan still aborts uploads and expires old versions; allowForceDestroy reaches the bucket", async () => {
        const { resources } = await run({ accessLogs: false, allowForceDestroy: true });
        assert.equal(one(resources, "aws:s3/bucket:Bucket", "b").inputs.forceDestroy, true);
        const rules = one(resources, "aws:s3/bucketLifecycleConfiguration:BucketLifecycleConfiguration", "b-lifecycle").inputs.rules as {
            id: string;
        }[];
        assert.deepEqual(
            rules.map((r) => r.id),
            ["noncurrent-versions", "abort-incomplete-multipart-uploads", "expired-delete-markers"],
        );
    });

    it("additional policy statements are merged after the component's own", async () => {
        const { resources } = await run({
            accessLogs: false,
            additionalPolicyStatements: (arn) => [
                { Sid: "Extra", Effect: "Deny", Principal: "*", Action: "s3:DeleteBucket", Resource: arn },
            ],
        });
        const policy = JSON.parse(one(resources, "aws:s3/bucketPolicy:BucketPolicy", "b-policy").inputs.policy as string) as {
            Statement: { Sid: string; Resource: unknown }[];
        };
        assert.deepEqual(
            policy.Statement.map((s) => s.Sid),
            ["DenyInsecureTransport", "DenyOutdatedTls", "DenyWrongEncryption", "Extra"],
        );
        assert.equal(policy.Statement[3].Resource, `arn:aws:s3:::${one(resources, "aws:s3/bucket:Bucket", "b").inputs.bucket as string}`);
    });

    it("preview: the KMS key ARN is unknown where it is used", async () => {
        const { resources } = await run({ encryption: { mode: "sse-kms" }, accessLogs: false }, true);
        const rules = one(
            resources,
            "aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration",
            "b-encryption",
        ).wireInputs.rules as {
            applyServerSideEncryptionByDefault: { kmsMasterKeyId: string };
        }[];
        assert.equal(rules[0].applyServerSideEncryptionByDefault.kmsMasterKeyId, UNKNOWN);
        assert.equal(one(resources, "aws:kms/key:Key", "b-key").inputs.enableKeyRotation, true);
    });

    it("rejects bad arguments with every problem named, before any child is created", async () => {
        const { error, types } = await attempt(
            () =>
                new SecureBucket("logs", {
                    role: "access-logs",
                    encryption: { mode: "sse-kms" },
                    accessLogs: { prefix: "/x" },
                    lifecycle: {
                        transitions: [{ storageClass: "STANDARD_IA", days: 1 }],
                        noncurrent: { transitions: [], expirationDays: 1 },
                        abortIncompleteMultipartUploadDays: 1,
                    },
                }),
        );
        assert.ok(error !== undefined, "SecureBucket must throw");
        assert.match(error.message, /encryption\.mode: got "sse-kms"; log buckets must use sse-s3/);
        assert.match(error.message, /accessLogs: got \{"prefix":"\/x"\}; a log bucket must not log/);
        assert.match(error.message, /logDeliverySource: missing; an access-logs bucket needs the source bucket/);
        assert.match(error.message, /accessLogs.prefix: got "\/x"; must be a key prefix ending in \//);
        assert.match(error.message, /lifecycle.transitions\[0\].days: got 1; STANDARD_IA needs objects at least 30 days old/);
        assert.deepEqual(
            types,
            ["pulumi:pulumi:Stack", "firehose-storage:index:SecureBucket"],
            "only the stack and the component itself are registered",
        );
    });
});
