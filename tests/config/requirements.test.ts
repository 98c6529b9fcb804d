/**
 * What prod requires (config/profiles.ts) is refused by the config layer when a key switches it off,
 * naming the key and saying what prod requires, instead of being accepted and then failed by the
 * policy pack. dev accepts each of these values.
 */
import * as assert from "node:assert/strict";
import { problems, resolve } from "../helpers/config";

const PROD = { environment: "prod" };

describe("stack requirements: prod refuses a key that breaks one", () => {
    const rows: [string, Record<string, unknown>, string][] = [
        [
            "encryption.mode sse-s3",
            { encryption: { mode: "sse-s3" } },
            `firehose-storage:encryption.mode: got "sse-s3"; prod encrypts data buckets with "sse-kms" (the pack's s3-data-bucket-encryption); remove the key or set "sse-kms"`,
        ],
        [
            "replication.enabled false",
            { replication: { enabled: false } },
            "firehose-storage:replication.enabled: got false; prod replicates the data bucket to a second region (the pack's s3-data-bucket-replication); remove the key or set true",
        ],
        [
            "budget.enabled false",
            { budget: { enabled: false } },
            "firehose-storage:budget.enabled: got false; prod keeps a cost budget (the pack's budget-required); remove the key or set true",
        ],
        [
            "malwareScan.enabled false",
            { malwareScan: { enabled: false } },
            "firehose-storage:malwareScan.enabled: got false; prod scans new objects for malware (the pack's s3-data-bucket-malware-scan); remove the key or set true",
        ],
        [
            "configRules.enabled false",
            { configRules: { enabled: false } },
            "firehose-storage:configRules.enabled: got false; prod evaluates the data bucket with AWS Config rules (the pack's s3-data-bucket-config-rules); remove the key or set true",
        ],
    ];
    for (const [title, values, message] of rows) {
        it(`${title}: refused in prod, naming the key; accepted in dev`, () => {
            assert.deepEqual(problems({ ...PROD, ...values }), [message]);
            assert.doesNotThrow(() => resolve(values));
        });
    }

    it("all at once: every broken requirement reported in one error", () => {
        const all = Object.assign({}, PROD, ...rows.map(([, v]) => v)) as Record<string, unknown>;
        assert.deepEqual(
            problems(all).map((l) => l.split(":").slice(0, 2).join(":")),
            rows.map(([title]) => `firehose-storage:${title.split(" ")[0]}`),
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

describe("stack requirements: every environment refuses a multipart abort later than its pack allows", () => {
    for (const environment of ["dev", "prod"]) {
        it(`${environment}: 8 days refused, naming the key and the limit; 7 and 1 accepted`, () => {
            assert.deepEqual(problems({ environment, lifecycle: { abortIncompleteMultipartUploadDays: 8 } }), [
                `firehose-storage:lifecycle.abortIncompleteMultipartUploadDays: got 8; ${environment} aborts incomplete multipart uploads within 7 days (the pack's s3-lifecycle-rules); remove the key or set at most 7`,
            ]);
            for (const days of [7, 1]) {
                const s = resolve({ environment, lifecycle: { abortIncompleteMultipartUploadDays: days } });
                assert.equal(s.lifecycle.abortIncompleteMultipartUploadDays, days);
            }
        });
    }
});
