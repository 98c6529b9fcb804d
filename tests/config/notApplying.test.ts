/**
 * Keys that only apply while a switch of their section is on (config/problems.ts keysNotApplying),
 * in every section that has them: each such key set while its switch is off is refused, naming the
 * key, quoting the value and naming the switch (all of a section's at once). dev stacks unless a row says.
 */
import * as assert from "node:assert/strict";
import { problems } from "../helpers/config";

const SECURITY = "arn:aws:iam::123456789012:role/security-responder";

// [the config, then each refused key: [key, its value, the switch it needs]]
const rows: [Record<string, unknown>, [string, unknown, string][]][] = [
    [{ dataArrival: { enabled: false, retentionDays: 30 } }, [["dataArrival.retentionDays", 30, "dataArrival.enabled"]]],
    [
        { malwareScan: { securityRoleArn: SECURITY, quarantine: false } },
        [
            ["malwareScan.securityRoleArn", SECURITY, "malwareScan.enabled"],
            ["malwareScan.quarantine", false, "malwareScan.enabled"],
        ],
    ],
    [
        { malwareScan: { enabled: true, quarantine: false, quarantineGlacierDays: 10 } },
        [["malwareScan.quarantineGlacierDays", 10, "malwareScan.quarantine"]],
    ],
    [{ configRules: { remediation: false } }, [["configRules.remediation", false, "configRules.enabled"]]],
    [
        { configRules: { enabled: true, remediation: false, retryAttemptSeconds: 60 } },
        [["configRules.retryAttemptSeconds", 60, "configRules.remediation"]],
    ],
    [
        { configRules: { createRecorder: true, historyRetentionDays: 90 } },
        [
            ["configRules.createRecorder", true, "configRules.enabled"],
            ["configRules.historyRetentionDays", 90, "configRules.enabled"],
        ],
    ],
    [
        { configRules: { enabled: true, historyRetentionDays: 90 } },
        [["configRules.historyRetentionDays", 90, "configRules.createRecorder"]],
    ],
    [
        { macie: { frequency: "daily", enableAccount: true } },
        [
            ["macie.enableAccount", true, "macie.enabled"],
            ["macie.frequency", "daily", "macie.enabled"],
        ],
    ],
    [
        { macie: { enabled: true, findingPublishingFrequency: "ONE_HOUR" } },
        [["macie.findingPublishingFrequency", "ONE_HOUR", "macie.enableAccount"]],
    ],
    [
        { intelligentTiering: { deepArchiveAccessDays: 180 } },
        [["intelligentTiering.deepArchiveAccessDays", 180, "intelligentTiering.enabled"]],
    ],
    [{ objectLock: { mode: "COMPLIANCE" } }, [["objectLock.mode", "COMPLIANCE", "objectLock.enabled"]]],
];

/** The problem line of `key` set to `value` while `needs` is off. */
function line([key, value, needs]: [string, unknown, string]): string {
    return `firehose-storage:${key}: got ${JSON.stringify(value)}; only applies with ${needs} true; enable it or remove the key`;
}

describe("config: keys that only apply while their switch is on", () => {
    for (const [values, refused] of rows) {
        it(`${refused.map(([key]) => key).join(", ")} while ${refused[0][2]} is off: refused, naming the switch`, () => {
            assert.deepEqual(problems(values), refused.map(line));
        });
    }
});
