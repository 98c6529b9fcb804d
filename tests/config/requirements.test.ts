/**
 * What prod requires (config/profiles.ts) is refused by the config layer when a key switches it off,
 * naming the key and saying what prod requires, instead of being accepted and then failed by the
 * policy pack. dev accepts each of these values.
 */
import * as assert from "node:assert/strict";
import { problems, resolve } from "../helpers/config";

const PROD = { environment: "prod" };

/** The raw config setting the dotted `key` to `value` (`{ a: { b: value } }` for `a.b`). */
function at(key: string, value: unknown): Record<string, unknown> {
    return key.split(".").reduceRight<unknown>((inner, k) => ({ [k]: inner }), value) as Record<string, unknown>;
}

describe("stack requirements: prod refuses a key that breaks one", () => {
    // [the key, the value that breaks prod's requirement, what prod does, how to fix it]
    const rows: [string, unknown, string, string][] = [
        ["encryption.mode", "sse-s3", `encrypts data buckets with "sse-kms" (the pack's s3-data-bucket-encryption)`, `set "sse-kms"`],
        ["replication.enabled", false, "replicates the data bucket to a second region (the pack's s3-data-bucket-replication)", "set true"],
        ["budget.enabled", false, "keeps a cost budget (the pack's budget-required)", "set true"],
        ["malwareScan.enabled", false, "scans new objects for malware (the pack's s3-data-bucket-malware-scan)", "set true"],
        [
            "configRules.enabled",
            false,
            "evaluates the data bucket with AWS Config rules (the pack's s3-data-bucket-config-rules)",
            "set true",
        ],
    ];
    for (const [key, value, does, fix] of rows) {
        it(`${key} ${String(value)}: refused in prod, naming the key; accepted in dev`, () => {
            assert.deepEqual(problems({ ...PROD, ...at(key, value) }), [
                `firehose-storage:${key}: got ${JSON.stringify(value)}; prod ${does}; remove the key or ${fix}`,
            ]);
            assert.doesNotThrow(() => resolve(at(key, value)));
        });
    }

    it("all at once: every broken requirement reported in one error", () => {
        const all = Object.assign({}, PROD, ...rows.map(([key, value]) => at(key, value))) as Record<string, unknown>;
        assert.deepEqual(
            problems(all).map((l) => l.split(":").slice(0, 2).join(":")),
            rows.map(([key]) => `firehose-storage:${key}`),
        );
    });

    it("prod's defaults and explicit prod values are accepted", () => {
        const s = resolve({
            ...PROD,
            encryption: { mode: "sse-kms" },
            replication: { enabled: true },
            budget: { enabled: true },
            malwareScan: { enabled: true },
            configRules: { enabled: true },
        });
        assert.equal(s.encryption.mode, "sse-kms");
        assert.equal(s.access.replication.enabled, true);
        assert.equal(s.monitoring.budget.enabled, true);
        assert.equal(s.detective.malwareScan.enabled, true);
        assert.equal(s.detective.configRules.enabled, true);
        assert.deepEqual(resolve(PROD).encryption.mode, "sse-kms");
    });
});

describe("stack requirements: a multipart abort later than the pack allows", () => {
    it("prod (s3-lifecycle-rules mandatory): 8 days refused, naming the key and the limit; 7 and 1 accepted", () => {
        assert.deepEqual(problems({ ...PROD, lifecycle: { abortIncompleteMultipartUploadDays: 8 } }), [
            "firehose-storage:lifecycle.abortIncompleteMultipartUploadDays: got 8; prod aborts incomplete multipart uploads within 7 days (the pack's s3-lifecycle-rules); remove the key or set at most 7",
        ]);
        for (const days of [7, 1]) {
            assert.equal(
                resolve({ ...PROD, lifecycle: { abortIncompleteMultipartUploadDays: days } }).lifecycle.abortIncompleteMultipartUploadDays,
                days,
            );
        }
    });

    it("dev (the pack only advises on it): 30 days accepted, left to the pack's advice", () => {
        assert.equal(resolve({ lifecycle: { abortIncompleteMultipartUploadDays: 30 } }).lifecycle.abortIncompleteMultipartUploadDays, 30);
    });
});
