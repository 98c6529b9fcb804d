/**
 * The detective, discovery, cost and retention sections' refusals, one table each: values outside
 * AWS's limits, and keys that only apply while a switch of their section is on (config/problems.ts
 * keysNotApplying). Each is refused naming the key, quoting the value and saying what is allowed; all
 * of a config's problems at once. dev stacks unless a row says.
 */
import * as assert from "node:assert/strict";
import { problems } from "../helpers/config";

const SECURITY = "arn:aws:iam::123456789012:role/security-responder";

// [the config, then each refused key: [key, its value, the switch it needs]]
const notApplying: [Record<string, unknown>, [string, unknown, string][]][] = [
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
    for (const [values, refused] of notApplying) {
        it(`${refused.map(([key]) => key).join(", ")} while ${refused[0][2]} is off: refused, naming the switch`, () => {
            assert.deepEqual(problems(values), refused.map(line));
        });
    }
});

// [the config, then each refused key: [key, its value, the rule]]
const outOfBounds: [Record<string, unknown>, [string, unknown, string][]][] = [
    [
        { configRules: { enabled: true, maximumAutomaticAttempts: 30, retryAttemptSeconds: 0 } },
        [
            ["configRules.maximumAutomaticAttempts", 30, "must be at most 25"],
            ["configRules.retryAttemptSeconds", 0, "must be at least 1"],
        ],
    ],
    [
        { configRules: { enabled: true, createRecorder: "yes", historyRetentionDays: 0 } },
        [
            ["configRules.createRecorder", "yes", "must be true or false"],
            ["configRules.historyRetentionDays", 0, "must be at least 1"],
        ],
    ],
    [
        { macie: { enabled: true, frequency: "hourly", samplingPercentage: 0 } },
        [
            ["macie.frequency", "hourly", 'must be one of "daily", "weekly", "monthly"'],
            ["macie.samplingPercentage", 0, "must be at least 1"],
        ],
    ],
    [
        { malwareScan: { securityRoleArn: "arn:aws:iam::123456789012:user/bob", quarantineGlacierDays: -1 } },
        [
            [
                "malwareScan.securityRoleArn",
                "arn:aws:iam::123456789012:user/bob",
                "must be an IAM role ARN such as arn:aws:iam::123456789012:role/security",
            ],
            ["malwareScan.quarantineGlacierDays", -1, "must be at least 0"],
        ],
    ],
];

describe("config: values outside AWS's limits", () => {
    for (const [values, refused] of outOfBounds) {
        it(`${refused.map(([key]) => key).join(", ")}: refused at once, each with its rule`, () => {
            assert.deepEqual(
                problems(values),
                refused.map(([key, value, rule]) => `firehose-storage:${key}: got ${JSON.stringify(value)}; ${rule}`),
            );
        });
    }
});
