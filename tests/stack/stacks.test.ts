/**
 * The dev and prod stacks as shipped, run under mocks as preview and as update: the core component's
 * children, their security inputs, parenting, tags, ordering and protection.
 */
import * as assert from "node:assert/strict";
import { RecordedResource, UNKNOWN } from "../../gate/recorder";
import { childrenOf, descendantsOf, one, ofType } from "../helpers/resources";
import { ShippedRuns, shippedRuns } from "../helpers/shipped";

const SB = "firehose-storage:index:SecureBucket";
const T = {
    bucket: "aws:s3/bucket:Bucket",
    versioning: "aws:s3/bucketVersioning:BucketVersioning",
    sse: "aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration",
    pab: "aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock",
    ownership: "aws:s3/bucketOwnershipControls:BucketOwnershipControls",
    policy: "aws:s3/bucketPolicy:BucketPolicy",
    lifecycle: "aws:s3/bucketLifecycleConfiguration:BucketLifecycleConfiguration",
    logging: "aws:s3/bucketLogging:BucketLogging",
    key: "aws:kms/key:Key",
};

let runs: ShippedRuns;
before(async () => {
    runs = await shippedRuns();
});

function policyOf(r: RecordedResource): { Sid: string; Effect: string; Condition?: unknown; Principal?: unknown; Resource: unknown }[] {
    return (JSON.parse(r.inputs.policy as string) as { Statement: [] }).Statement;
}

for (const stack of ["dev", "prod"] as const) {
    describe(`stack ${stack}`, () => {
        const res = (mode: "preview" | "update") => runs[`${stack}/${mode}`].resources;

        it("the data component owns exactly the documented children", () => {
            const data = one(res("update"), SB, "firehose-data");
            const expected = [
                `${SB} firehose-data-access-logs`,
                `${T.bucket} firehose-data`,
                `${T.lifecycle} firehose-data-lifecycle`,
                `${T.logging} firehose-data-logging`,
                `${T.ownership} firehose-data-ownership`,
                `${T.policy} firehose-data-policy`,
                `${T.pab} firehose-data-public-access-block`,
                `${T.sse} firehose-data-encryption`,
                `${T.versioning} firehose-data-versioning`,
                ...(stack === "prod" ? [`${T.key} firehose-data-key`] : []),
            ].sort();
            assert.deepEqual(childrenOf(res("update"), data), expected);
            const logs = one(res("update"), SB, "firehose-data-access-logs");
            assert.deepEqual(
                childrenOf(res("update"), logs),
                [
                    `${T.bucket} firehose-data-access-logs`,
                    `${T.lifecycle} firehose-data-access-logs-lifecycle`,
                    `${T.ownership} firehose-data-access-logs-ownership`,
                    `${T.policy} firehose-data-access-logs-policy`,
                    `${T.pab} firehose-data-access-logs-public-access-block`,
                    `${T.sse} firehose-data-access-logs-encryption`,
                    `${T.versioning} firehose-data-access-logs-versioning`,
                ].sort(),
            );
        });

        it("buckets: tagged Name and Role, never force-destroyed; provider carries the standard tags", () => {
            const [data, logs] = [one(res("update"), T.bucket, "firehose-data"), one(res("update"), T.bucket, "firehose-data-access-logs")];
            assert.deepEqual(data.inputs.tags, { Name: "firehose-data", Role: "data" });
            assert.deepEqual(logs.inputs.tags, { Name: "firehose-data-access-logs", Role: "access-logs" });
            assert.equal(data.inputs.forceDestroy, false);
            assert.equal(logs.inputs.forceDestroy, false);
            const provider = one(res("update"), "pulumi:providers:aws", "aws-primary");
            assert.deepEqual(JSON.parse(provider.inputs.defaultTags as string), {
                tags: {
                    Project: "firehose-storage",
                    Environment: stack,
                    Owner: "data-platform",
                    CostCenter: "CC-1042",
                    DataType: "lead-data",
                },
            });
            assert.equal(provider.inputs.region, "us-east-1");
            for (const b of [data, logs]) {
                assert.ok(b.provider.startsWith(provider.urn), `${b.name} must use the aws-primary provider`);
            }
        });

        it("versioning enabled and ownership enforced on both buckets; all four public-access flags", () => {
            for (const name of ["firehose-data", "firehose-data-access-logs"]) {
                assert.deepEqual(one(res("update"), T.versioning, `${name}-versioning`).inputs.versioningConfiguration, {
                    status: "Enabled",
                });
                assert.deepEqual(one(res("update"), T.ownership, `${name}-ownership`).inputs.rule, {
                    objectOwnership: "BucketOwnerEnforced",
                });
                const pab = one(res("update"), T.pab, `${name}-public-access-block`).inputs;
                assert.deepEqual(
                    [pab.blockPublicAcls, pab.blockPublicPolicy, pab.ignorePublicAcls, pab.restrictPublicBuckets],
                    [true, true, true, true],
                );
            }
        });

        it("default encryption: data per stack config with a bucket key; access logs SSE-S3", () => {
            const data = one(res("update"), T.sse, "firehose-data-encryption").inputs.rules as {
                applyServerSideEncryptionByDefault: unknown;
                bucketKeyEnabled: boolean;
            }[];
            if (stack === "prod") {
                const key = one(res("update"), T.key, "firehose-data-key").inputs;
                assert.equal(key.enableKeyRotation, true);
                const { kmsKeyArn } = runs[`${stack}/update`].outputs.encryption as { kmsKeyArn: string };
                assert.match(kmsKeyArn, /^arn:aws:kms:us-east-1:123456789012:key\/[0-9a-f-]{36}$/);
                assert.deepEqual(data, [
                    { applyServerSideEncryptionByDefault: { sseAlgorithm: "aws:kms", kmsMasterKeyId: kmsKeyArn }, bucketKeyEnabled: true },
                ]);
            } else {
                assert.deepEqual(data, [{ applyServerSideEncryptionByDefault: { sseAlgorithm: "AES256" }, bucketKeyEnabled: true }]);
            }
            assert.deepEqual(one(res("update"), T.sse, "firehose-data-access-logs-encryption").inputs.rules, [
                { applyServerSideEncryptionByDefault: { sseAlgorithm: "AES256" }, bucketKeyEnabled: true },
            ]);
        });

        it("bucket policies: TLS-only and TLS 1.2 on both; log delivery and MFA delete on the log bucket", () => {
            const data = one(res("update"), T.bucket, "firehose-data");
            const logs = one(res("update"), T.bucket, "firehose-data-access-logs");
            const dataArn = `arn:aws:s3:::${data.inputs.bucket as string}`;
            const dataPolicy = policyOf(one(res("update"), T.policy, "firehose-data-policy"));
            // Every SecureBucket's policy starts with the same transport and encryption denials.
            const baseline = ["DenyInsecureTransport", "DenyOutdatedTls", "DenyWrongEncryption"];
            assert.deepEqual(
                dataPolicy.map((s) => s.Sid),
                [
                    ...baseline,
                    ...(stack === "prod" ? ["DenyWrongKmsKey", "DenyMissingEncryptionHeader"] : []),
                    // Access statements (issue 4; asserted in tests/access/).
                    "AllowWriterPut",
                    "AllowWriterGet",
                    "AllowWriterList",
                    "DenyDestructiveWithoutMfa",
                    // Malware scanning, on in prod (issue 14; asserted in tests/malware/).
                    ...(stack === "prod" ? ["DenyOutsideAllowedNetworks", "DenyReadingInfectedObjects"] : []),
                ],
            );
            assert.deepEqual(dataPolicy[0].Resource, [dataArn, `${dataArn}/*`]);
            const logPolicy = policyOf(one(res("update"), T.policy, "firehose-data-access-logs-policy"));
            assert.deepEqual(
                logPolicy.map((s) => s.Sid),
                [...baseline, "AllowS3ServerAccessLogDelivery", "DenyDestructiveWithoutMfa"],
            );
            const delivery = logPolicy[3];
            assert.deepEqual(delivery.Condition, {
                ArnLike: { "aws:SourceArn": dataArn },
                StringEquals: { "aws:SourceAccount": "123456789012" },
            });
            assert.equal(one(res("update"), T.policy, "firehose-data-access-logs-policy").inputs.bucket, logs.inputs.bucket);
        });

        it("lifecycle: the stack's tiers on data, retention on logs, multipart uploads aborted", () => {
            const rules = one(res("update"), T.lifecycle, "firehose-data-lifecycle").inputs.rules as {
                id: string;
                transitions?: unknown;
                expiration?: unknown;
            }[];
            const current = rules.find((r) => r.id === "current-versions");
            assert.deepEqual(
                current?.transitions,
                stack === "prod"
                    ? [
                          { storageClass: "STANDARD_IA", days: 90 },
                          { storageClass: "GLACIER", days: 365 },
                          { storageClass: "DEEP_ARCHIVE", days: 2555 },
                      ]
                    : [{ storageClass: "STANDARD_IA", days: 90 }],
            );
            assert.deepEqual(current?.expiration, { days: stack === "prod" ? 7300 : 365 });
            assert.ok(rules.some((r) => r.id === "abort-incomplete-multipart-uploads"));
            const logRules = one(res("update"), T.lifecycle, "firehose-data-access-logs-lifecycle").inputs.rules as {
                id: string;
                expiration?: unknown;
            }[];
            assert.deepEqual(logRules.find((r) => r.id === "current-versions")?.expiration, { days: stack === "prod" ? 365 : 30 });
        });

        it("access logging: into the log bucket, prefixed, partitioned by event time", () => {
            const logging = one(res("update"), T.logging, "firehose-data-logging").inputs;
            assert.equal(logging.bucket, one(res("update"), T.bucket, "firehose-data").inputs.bucket);
            assert.equal(logging.targetBucket, one(res("update"), T.bucket, "firehose-data-access-logs").inputs.bucket);
            assert.equal(logging.targetPrefix, "access-logs/");
            assert.deepEqual(logging.targetObjectKeyFormat, { partitionedPrefix: { partitionDateSource: "EventTime" } });
        });

        it("ordering: policy after public access block and ownership, lifecycle after versioning, logging after the log policy", () => {
            const r = res("update");
            const urn = (type: string, name: string) => one(r, type, name).urn;
            const deps = (type: string, name: string) => one(r, type, name).dependencies;
            for (const dep of [urn(T.pab, "firehose-data-public-access-block"), urn(T.ownership, "firehose-data-ownership")]) {
                assert.ok(deps(T.policy, "firehose-data-policy").includes(dep), dep);
            }
            assert.ok(deps(T.lifecycle, "firehose-data-lifecycle").includes(urn(T.versioning, "firehose-data-versioning")));
            assert.ok(deps(T.logging, "firehose-data-logging").includes(urn(T.policy, "firehose-data-access-logs-policy")));
        });

        it(stack === "prod" ? "prod: everything protected, buckets and key retained on delete" : "dev: nothing protected", () => {
            const data = one(res("update"), SB, "firehose-data");
            const all = [data, ...descendantsOf(res("update"), data)];
            assert.equal(all.length, stack === "prod" ? 18 : 17);
            for (const r of all) {
                assert.equal(r.protect, stack === "prod", `${r.type} ${r.name} protect`);
            }
            for (const r of [...ofType(all, T.bucket), ...ofType(all, T.key)]) {
                assert.equal(r.retainOnDelete, stack === "prod", `${r.name} retainOnDelete`);
            }
        });

        it("preview: ids and ARNs are unknown, children still reference their bucket by dependency", () => {
            const r = res("preview");
            const bucket = one(r, T.bucket, "firehose-data");
            for (const [type, name] of [
                [T.versioning, "firehose-data-versioning"],
                [T.pab, "firehose-data-public-access-block"],
                [T.policy, "firehose-data-policy"],
            ]) {
                const child = one(r, type, name);
                assert.equal(child.wireInputs.bucket, UNKNOWN, `${name}.bucket is unknown in preview`);
                assert.deepEqual(child.propertyDependencies.bucket, [bucket.urn]);
            }
            const dataPolicy = one(r, T.policy, "firehose-data-policy");
            if (stack === "prod") {
                assert.equal(dataPolicy.wireInputs.policy, UNKNOWN, "prod's policy names the created KMS key, whose ARN is computed");
            } else {
                assert.deepEqual(
                    policyOf(dataPolicy),
                    policyOf(one(res("update"), T.policy, "firehose-data-policy")),
                    "dev's is known, as in the update",
                );
            }
            const writer = one(r, stack === "prod" ? "aws:iam/role:Role" : "aws:iam/user:User", "firehose-writer");
            assert.ok(dataPolicy.dependencies.includes(writer.urn), "the policy naming the writer waits for it");
            assert.equal(r.length, res("update").length, "preview and update register the same resources");
        });

        it("preview: policies built from the bucket name are known, so the gate can judge them before pulumi up", () => {
            const r = res("preview");
            const name = one(r, T.bucket, "firehose-data-access-logs").inputs.bucket as string;
            assert.match(name, /^firehose-data-access-logs-[0-9a-f]{7}$/);
            const logPolicy = policyOf(one(r, T.policy, "firehose-data-access-logs-policy"));
            assert.deepEqual(logPolicy[0].Resource, [`arn:aws:s3:::${name}`, `arn:aws:s3:::${name}/*`]);
            assert.deepEqual(
                policyOf(one(res("update"), T.policy, "firehose-data-access-logs-policy")),
                logPolicy,
                "preview and update agree",
            );
        });
    });
}
