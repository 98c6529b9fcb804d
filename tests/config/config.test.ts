import * as assert from "node:assert/strict";
import { ConfigError, configInputFrom, resolveSettings, Settings } from "../../config";

const PROJECT = "firehose-storage";
const valid = { environment: "dev", owner: "data-platform", costCenter: "CC-1" };

function resolve(values: Record<string, unknown>, region: string | undefined = "us-east-1"): Settings {
    return resolveSettings({ project: PROJECT, stack: "test", values, region });
}

/** The problems' text, one line each, for a config that must be rejected. */
function problems(values: Record<string, unknown>, region?: string): string[] {
    try {
        resolve(values, region);
    } catch (e) {
        assert.ok(e instanceof ConfigError, `expected ConfigError, got ${String(e)}`);
        return e.message.split("\n").slice(1);
    }
    assert.fail("config was accepted");
}

describe("config: valid stacks", () => {
    it("dev defaults: unprotected, SSE-S3, one year of data", () => {
        const s = resolve(valid);
        assert.equal(s.environment, "dev");
        assert.equal(s.protect, false);
        assert.equal(s.allowForceDestroy, false);
        assert.deepEqual(s.encryption, { mode: "sse-s3", kmsKeyArn: undefined, requireEncryptionHeader: false });
        assert.equal(s.lifecycle.expirationDays, 365);
        assert.deepEqual(s.accessLogs, { prefix: "access-logs/", retentionDays: 30 });
        assert.deepEqual(s.tags, {
            Project: PROJECT,
            Environment: "dev",
            Owner: "data-platform",
            CostCenter: "CC-1",
            DataType: "lead-data",
        });
    });

    it("ARN keys take every partition's ARNs (a GovCloud stack), the same pattern as rules/arn.ts", () => {
        const kmsKeyArn = "arn:aws-us-gov:kms:us-gov-west-1:123456789012:key/abc";
        const deployer = "arn:aws-us-gov:iam::123456789012:role/deployer";
        const s = resolve(
            {
                ...valid,
                allowedRegions: ["us-gov-west-1"],
                encryption: { mode: "sse-kms", kmsKeyArn },
                mfa: { exemptPrincipalArns: [deployer] },
            },
            "us-gov-west-1",
        );
        assert.equal(s.encryption.kmsKeyArn, kmsKeyArn);
        assert.deepEqual(s.access.mfa.exemptPrincipalArns, [deployer]);
    });

    it("prod defaults: protected, the storage plan, header required", () => {
        const s = resolve({ ...valid, environment: "prod" });
        assert.equal(s.protect, true);
        assert.equal(s.encryption.requireEncryptionHeader, true);
        assert.deepEqual(s.lifecycle.transitions, [
            { storageClass: "STANDARD_IA", days: 90 },
            { storageClass: "GLACIER", days: 365 },
            { storageClass: "DEEP_ARCHIVE", days: 2555 },
        ]);
        assert.equal(s.lifecycle.expirationDays, 7300);
    });

    it("expirationDays 0 keeps data forever; partial sections merge with defaults", () => {
        const s = resolve({ ...valid, lifecycle: { expirationDays: 0 }, accessLogs: { retentionDays: 90 } });
        assert.equal(s.lifecycle.expirationDays, undefined);
        assert.deepEqual(s.lifecycle.transitions, [{ storageClass: "STANDARD_IA", days: 90 }]);
        assert.deepEqual(s.accessLogs, { prefix: "access-logs/", retentionDays: 90 });
    });

    it("reads the engine's flat config map: strings stay strings, objects are decoded", () => {
        const input = configInputFrom(
            {
                "firehose-storage:environment": "dev",
                "firehose-storage:owner": "123",
                "firehose-storage:costCenter": "CC-1",
                "firehose-storage:protect": "true",
                "firehose-storage:encryption": '{"mode":"sse-kms"}',
                "aws:region": "us-west-2",
                "other:key": "ignored",
            },
            PROJECT,
            "dev",
        );
        assert.deepEqual(input, {
            project: PROJECT,
            stack: "dev",
            values: { environment: "dev", owner: "123", costCenter: "CC-1", protect: true, encryption: { mode: "sse-kms" } },
            region: "us-west-2",
        });
    });
});

describe("config: bad input names the key, quotes the value, says what is allowed", () => {
    const rows: [string, Record<string, unknown>, string, string?][] = [
        ["unknown environment", { ...valid, environment: "qa" }, `firehose-storage:environment: got "qa"; must be one of "dev", "prod"`],
        ["missing owner", { environment: "dev", costCenter: "CC-1" }, "firehose-storage:owner: missing;"],
        ["empty cost centre", { ...valid, costCenter: " " }, `firehose-storage:costCenter: got " ";`],
        ["misspelt top-level key", { ...valid, lifecyle: {} }, "firehose-storage:lifecyle: got {}; unknown key;"],
        [
            "misspelt nested key",
            { ...valid, encryption: { mode: "sse-s3", kmsKeyId: "k" } },
            `firehose-storage:encryption.kmsKeyId: got "k"; unknown key in encryption;`,
        ],
        [
            "unknown encryption mode",
            { ...valid, encryption: { mode: "aes" } },
            `firehose-storage:encryption.mode: got "aes"; must be one of "sse-s3", "sse-kms"`,
        ],
        [
            "malformed KMS key ARN",
            { ...valid, encryption: { mode: "sse-kms", kmsKeyArn: "key-123" } },
            `firehose-storage:encryption.kmsKeyArn: got "key-123"; must be a KMS key or alias ARN`,
        ],
        [
            "KMS key ARN of no partition",
            { ...valid, encryption: { mode: "sse-kms", kmsKeyArn: "arn:awsx:kms:us-east-1:123456789012:key/abc" } },
            `firehose-storage:encryption.kmsKeyArn: got "arn:awsx:kms:us-east-1:123456789012:key/abc"; must be a KMS key or alias ARN`,
        ],
        [
            "KMS key with SSE-S3",
            { ...valid, encryption: { mode: "sse-s3", kmsKeyArn: "arn:aws:kms:us-east-1:123456789012:key/abc" } },
            `firehose-storage:encryption.kmsKeyArn: got "arn:aws:kms:us-east-1:123456789012:key/abc"; only applies with encryption.mode "sse-kms"`,
        ],
        [
            "upper-case bucket name",
            { ...valid, bucketName: "Leads" },
            `firehose-storage:bucketName: got "Leads"; must be 3-63 lowercase letters`,
        ],
        [
            "bucket name like an IP address",
            { ...valid, bucketName: "10.0.0.1" },
            `firehose-storage:bucketName: got "10.0.0.1"; must not look like an IP address`,
        ],
        [
            "unknown key layout",
            { ...valid, keyLayout: "daily" },
            `firehose-storage:keyLayout: got "daily"; must be one of "hybrid", "time", "flow-first"`,
        ],
        [
            "IA transition at 10 days",
            { ...valid, lifecycle: { transitions: [{ storageClass: "STANDARD_IA", days: 10 }] } },
            "firehose-storage:lifecycle.transitions[0].days: got 10; STANDARD_IA needs objects at least 30 days old",
        ],
        [
            "unknown storage class",
            { ...valid, lifecycle: { transitions: [{ storageClass: "COLD", days: 100 }] } },
            `firehose-storage:lifecycle.transitions[0].storageClass: got "COLD"; must be one of "STANDARD_IA", "INTELLIGENT_TIERING"`,
        ],
        [
            "expiration before the last transition",
            { ...valid, lifecycle: { transitions: [{ storageClass: "GLACIER", days: 400 }], expirationDays: 300 } },
            "firehose-storage:lifecycle.expirationDays: got 300; must be greater than the last transition's 400 days (GLACIER)",
        ],
        [
            "negative days",
            { ...valid, lifecycle: { abortIncompleteMultipartUploadDays: -1 } },
            "firehose-storage:lifecycle.abortIncompleteMultipartUploadDays: got -1;",
        ],
        ["fractional days", { ...valid, accessLogs: { retentionDays: 1.5 } }, "firehose-storage:accessLogs.retentionDays: got 1.5;"],
        [
            "log prefix without slash",
            { ...valid, accessLogs: { prefix: "logs" } },
            `firehose-storage:accessLogs.prefix: got "logs"; must be a key prefix ending in /`,
        ],
        [
            "region outside the allow-list",
            valid,
            `aws:region: got "eu-west-1"; must be one of allowedRegions (us-east-1, us-east-2, us-west-1, us-west-2)`,
            "eu-west-1",
        ],
        [
            "malformed allowed region",
            { ...valid, allowedRegions: ["useast1"] },
            `firehose-storage:allowedRegions[0]: got "useast1"; must be an AWS region code`,
        ],
        [
            "standard tag in tags",
            { ...valid, tags: { Owner: "me" } },
            `firehose-storage:tags.Owner: got "me"; is a standard tag set from its own key`,
        ],
        [
            "prod without protection",
            { ...valid, environment: "prod", protect: false },
            "firehose-storage:protect: got false; prod data buckets are always protected",
        ],
        [
            "prod with force-destroy",
            { ...valid, environment: "prod", allowForceDestroy: true },
            "firehose-storage:allowForceDestroy: got true; prod never force-destroys",
        ],
        ["boolean given as text", { ...valid, protect: "yes" }, `firehose-storage:protect: got "yes"; must be true or false`],
    ];
    for (const [title, values, expected, region] of rows) {
        it(title, () => {
            const found = problems(values, region);
            assert.ok(
                found.some((line) => line.includes(expected)),
                `expected a problem containing\n  ${expected}\ngot\n${found.join("\n")}`,
            );
        });
    }

    it("a missing aws:region is reported", () => {
        assert.throws(
            () => resolveSettings({ project: PROJECT, stack: "t", values: valid, region: undefined }),
            /aws:region: missing; is required/,
        );
    });

    it("reports every problem at once", () => {
        const found = problems({ environment: "qa", owner: "", costCenter: "CC", keyLayout: "x", encryption: { mode: "y" }, extra: 1 });
        assert.equal(found.length, 5, found.join("\n"));
    });

    it("reports schema and rule problems together", () => {
        const found = problems(
            { ...valid, keyLayout: "x", lifecycle: { transitions: [{ storageClass: "STANDARD_IA", days: 10 }] } },
            "eu-west-1",
        );
        assert.deepEqual(
            found.map((line) => line.replace("  - ", "").split(":").slice(0, 2).join(":")),
            ["firehose-storage:keyLayout", "firehose-storage:lifecycle.transitions[0].days", "aws:region"],
        );
    });

    it("reports every rule problem at once", () => {
        const found = problems(
            {
                ...valid,
                environment: "prod",
                protect: false,
                allowForceDestroy: true,
                lifecycle: { transitions: [{ storageClass: "ONEZONE_IA", days: 1 }] },
            },
            "eu-west-1",
        );
        assert.equal(found.length, 4, found.join("\n"));
    });
});
