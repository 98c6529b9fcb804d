/**
 * SecureBucket's grants (as CDK's `grantPut`/`grantRead`): the writer and reader take the bucket's
 * ARN, encryption and key from the bucket itself, so a caller cannot pair a bucket with the wrong
 * algorithm or key.
 */
import * as assert from "node:assert/strict";
import { SecureBucket } from "../../components/storage/secureBucket";
import { mockedRun } from "../helpers/shipped";
import { one } from "../helpers/resources";

interface Doc {
    Statement: {
        Sid?: string;
        Action: string | string[];
        Resource: string | string[];
        Condition?: Record<string, Record<string, unknown>>;
    }[];
}

async function granted(mode: "sse-s3" | "sse-kms") {
    const { run: r, error } = await mockedRun(() => {
        const b = new SecureBucket("data", { role: "data", encryption: { mode }, accessLogs: false });
        b.grantWrite("writer", {
            trustedPrincipalArn: "arn:aws:iam::210987654321:root",
            externalId: "ext-1",
            keyLayout: "hybrid",
            region: "us-east-1",
            metricsNamespace: "NS",
            logGroupArn: "arn:aws:logs:us-east-1:123456789012:log-group:g",
        });
        b.grantRead("reader", { partnerAccountId: "345678901234", externalId: "ext-2", prefixes: ["flow=f1/"], region: "us-east-1" });
    });
    assert.equal(error, undefined);
    const doc = (name: string) => JSON.parse(String(one(r.resources, "aws:iam/rolePolicy:RolePolicy", name).inputs.policy)) as Doc;
    // The bucket's own encryption child says which bucket and key it uses.
    const enc = one(
        r.resources,
        "aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration",
        "data-encryption",
    ).inputs as {
        bucket: string;
        rules: { applyServerSideEncryptionByDefault: { kmsMasterKeyId?: string } }[];
    };
    return {
        writer: doc("writer-policy"),
        reader: doc("reader-policy"),
        bucketArn: `arn:aws:s3:::${enc.bucket}`,
        keyArn: enc.rules[0].applyServerSideEncryptionByDefault.kmsMasterKeyId,
    };
}

const actions = (d: Doc) => d.Statement.flatMap((s) => [s.Action].flat());
const resources = (d: Doc) => d.Statement.flatMap((s) => [s.Resource].flat());

describe("SecureBucket grants", () => {
    it("SSE-KMS: the writer uploads with aws:kms under the bucket's own key; the reader may decrypt with it", async () => {
        const g = await granted("sse-kms");
        const keyArn = String(g.keyArn);
        assert.match(keyArn, /^arn:aws:kms:us-east-1:\d{12}:key\//);
        assert.ok(
            resources(g.writer).some((r) => r.startsWith(`${g.bucketArn}/`)),
            "writer's object resources are the bucket's",
        );
        assert.ok(resources(g.writer).includes(keyArn), "writer may use the bucket's key");
        assert.ok(resources(g.reader).includes(keyArn), "reader may use the bucket's key");
        assert.ok(actions(g.reader).includes("kms:Decrypt"));
        const conditions = JSON.stringify(g.writer.Statement.map((s) => s.Condition ?? {}));
        assert.match(conditions, /"s3:x-amz-server-side-encryption":"aws:kms"/);
    });

    it("SSE-S3: no key anywhere; the writer's uploads ask for AES256", async () => {
        const g = await granted("sse-s3");
        assert.equal(g.keyArn, undefined);
        assert.ok(
            resources(g.reader).some((r) => r.startsWith(g.bucketArn)),
            "reader's resources are the bucket's",
        );
        assert.deepEqual(
            [...actions(g.writer), ...actions(g.reader)].filter((a) => a.startsWith("kms:")),
            [],
        );
        assert.match(JSON.stringify(g.writer.Statement.map((s) => s.Condition ?? {})), /"s3:x-amz-server-side-encryption":"AES256"/);
    });
});
