/** The writer's identity policy (pure builder), table-driven. */
import * as assert from "node:assert/strict";
import { KEY_LAYOUTS } from "../../components/storage/layout";
import { uploadEncryptionCondition, writerIdentityPolicy, WriterPolicyInputs } from "../../components/access/policies/writerPolicy";
import { logGroupArn } from "../../rules/arn";

const B = "arn:aws:s3:::firehose-data-1";
const KEY = "arn:aws:kms:us-east-1:123456789012:key/11111111-2222-3333-4444-555555555555";
const LOGS = logGroupArn("us-east-1", "123456789012", "/leadconduit/firehose-writer");

const writerInputs: WriterPolicyInputs = {
    bucketArn: B,
    layout: "hybrid",
    sseAlgorithm: "AES256",
    requireEncryptionHeader: true,
    region: "us-east-1",
    metricsNamespace: "LeadConduit/Firehose",
    logGroupArn: LOGS,
};

describe("writer identity policy", () => {
    const rows: [string, Parameters<typeof uploadEncryptionCondition>[0], unknown][] = [
        [
            "required, SSE-S3",
            { sseAlgorithm: "AES256", requireEncryptionHeader: true },
            { StringEquals: { "s3:x-amz-server-side-encryption": "AES256" } },
        ],
        [
            "optional, SSE-S3",
            { sseAlgorithm: "AES256", requireEncryptionHeader: false },
            { StringEqualsIfExists: { "s3:x-amz-server-side-encryption": "AES256" } },
        ],
        [
            "required, SSE-KMS with key",
            { sseAlgorithm: "aws:kms", kmsKeyArn: KEY, requireEncryptionHeader: true },
            {
                StringEquals: { "s3:x-amz-server-side-encryption": "aws:kms" },
                StringEqualsIfExists: { "s3:x-amz-server-side-encryption-aws-kms-key-id": KEY },
            },
        ],
        [
            "optional, SSE-KMS with key",
            { sseAlgorithm: "aws:kms", kmsKeyArn: KEY, requireEncryptionHeader: false },
            {
                StringEqualsIfExists: {
                    "s3:x-amz-server-side-encryption": "aws:kms",
                    "s3:x-amz-server-side-encryption-aws-kms-key-id": KEY,
                },
            },
        ],
        [
            "required, SSE-KMS, key not known",
            { sseAlgorithm: "aws:kms", requireEncryptionHeader: true },
            { StringEquals: { "s3:x-amz-server-side-encryption": "aws:kms" } },
        ],
    ];
    for (const [what, input, expected] of rows) {
        it(`upload condition: ${what}`, () => assert.deepEqual(uploadEncryptionCondition(input), expected));
    }

    it("hybrid layout, SSE-S3: exactly the least-privilege statements", () => {
        const objects = `${B}/year=*/month=*/day=*/hour=*/flow_id=*/*.json`;
        assert.deepEqual(writerIdentityPolicy(writerInputs).Statement, [
            {
                Sid: "PutLayoutObjects",
                Effect: "Allow",
                Action: "s3:PutObject",
                Resource: objects,
                Condition: { StringEquals: { "s3:x-amz-server-side-encryption": "AES256" } },
            },
            { Sid: "GetLayoutObjects", Effect: "Allow", Action: "s3:GetObject", Resource: objects },
            {
                Sid: "ListLayoutPrefixes",
                Effect: "Allow",
                Action: "s3:ListBucket",
                Resource: B,
                Condition: { StringLike: { "s3:prefix": ["", "year=*"] } },
            },
            { Sid: "LocateBucket", Effect: "Allow", Action: "s3:GetBucketLocation", Resource: B },
            {
                Sid: "PutMetricsInNamespace",
                Effect: "Allow",
                Action: "cloudwatch:PutMetricData",
                Resource: "*",
                Condition: { StringEquals: { "cloudwatch:namespace": "LeadConduit/Firehose" } },
            },
            {
                Sid: "WriteOwnLogGroup",
                Effect: "Allow",
                Action: ["logs:CreateLogStream", "logs:PutLogEvents", "logs:DescribeLogStreams"],
                Resource: [
                    "arn:aws:logs:us-east-1:123456789012:log-group:/leadconduit/firehose-writer",
                    "arn:aws:logs:us-east-1:123456789012:log-group:/leadconduit/firehose-writer:log-stream:*",
                ],
            },
        ]);
    });

    it("SSE-KMS adds the bucket key, only through S3 in the bucket's region", () => {
        const last = writerIdentityPolicy({ ...writerInputs, sseAlgorithm: "aws:kms", kmsKeyArn: KEY }).Statement.at(-1);
        assert.deepEqual(last, {
            Sid: "UseBucketKeyViaS3",
            Effect: "Allow",
            Action: ["kms:GenerateDataKey", "kms:Decrypt"],
            Resource: KEY,
            Condition: { StringEquals: { "kms:ViaService": "s3.us-east-1.amazonaws.com" } },
        });
    });

    for (const layout of KEY_LAYOUTS) {
        for (const sse of ["AES256", "aws:kms"] as const) {
            it(`${layout}/${sse}: no s3:*, no "*" resource for S3 actions, objects only at layout keys`, () => {
                const doc = writerIdentityPolicy({ ...writerInputs, layout, sseAlgorithm: sse, kmsKeyArn: KEY });
                for (const s of doc.Statement) {
                    const actions = ([] as string[]).concat(s.Action);
                    const resources = ([] as string[]).concat(s.Resource);
                    assert.ok(!actions.some((a) => a === "*" || a === "s3:*"), `${s.Sid} grants a wildcard action`);
                    if (actions.some((a) => a.startsWith("s3:"))) {
                        assert.ok(!resources.includes("*"), `${s.Sid} grants S3 on "*"`);
                        assert.ok(
                            resources.every((r) => r === B || r.startsWith(`${B}/${layout === "flow-first" ? "flow_id=*" : "year=*"}/`)),
                            s.Sid,
                        );
                    }
                }
            });
        }
    }
});
