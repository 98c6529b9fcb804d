/** The monitoring config section: defaults per environment and every bad input, reported with key, value and rule. */
import * as assert from "node:assert/strict";
import { problems, resolve } from "../helpers/config";

const IT_LIFECYCLE = { transitions: [{ storageClass: "INTELLIGENT_TIERING", days: 0 }] };

describe("monitoring config: defaults", () => {
    it("dev: the cheaper subset (trail without data events, 90 days of trail logs, no analytics)", () => {
        const m = resolve({}).monitoring;
        assert.deepEqual(m.audit, { enabled: true, logRetentionDays: 90, dataEvents: false });
        assert.deepEqual(m.analytics, { enabled: false, exportPrefix: "storage-analytics/" });
        assert.deepEqual(m.budget, { enabled: true, monthlyLimitUsd: 1000 });
        assert.deepEqual(m.notifications, { eventBridge: true, objectCreatedTargetArn: undefined });
        assert.deepEqual(m.intelligentTiering, { enabled: false, archiveAccessDays: undefined, deepArchiveAccessDays: undefined });
        // The default thresholds are checked where they act: the shipped stacks' alarms (alerts.test.ts).
        assert.deepEqual([m.alerts.emails, m.alerts.httpsEndpoints], [[], []]);
    });

    it("prod: everything (data events, seven years of trail logs, analytics)", () => {
        const m = resolve({ environment: "prod" }).monitoring;
        assert.deepEqual(m.audit, { enabled: true, logRetentionDays: 2555, dataEvents: true });
        assert.equal(m.analytics.enabled, true);
    });

    it("explicit values win; Intelligent-Tiering with an INTELLIGENT_TIERING transition and no later tier is valid", () => {
        const m = resolve({
            alerts: {
                emails: ["a@example.com"],
                httpsEndpoints: ["https://hooks.example.com/x"],
                errors5xxThreshold: 3,
                replicationLatencySeconds: 600,
            },
            budget: { monthlyLimitUsd: 250.5 },
            lifecycle: IT_LIFECYCLE,
            intelligentTiering: { enabled: true, archiveAccessDays: 90, deepArchiveAccessDays: 180 },
            notifications: { objectCreatedTargetArn: "arn:aws:sqs:us-east-1:123456789012:leads" },
        }).monitoring;
        assert.equal(m.alerts.thresholds.errors5xx, 3);
        assert.equal(m.alerts.thresholds.replicationLatencySeconds, 600);
        assert.equal(m.budget.monthlyLimitUsd, 250.5);
        assert.deepEqual(m.intelligentTiering, { enabled: true, archiveAccessDays: 90, deepArchiveAccessDays: 180 });
        assert.equal(m.notifications.objectCreatedTargetArn, "arn:aws:sqs:us-east-1:123456789012:leads");
    });
});

describe("monitoring config: bad inputs", () => {
    const rows: [string, Record<string, unknown>, string[]][] = [
        [
            "an e-mail that is not one",
            { alerts: { emails: ["oncall-at-example.com"] } },
            ['alerts.emails[0]: got "oncall-at-example.com"; must be an e-mail address'],
        ],
        [
            "an http (not https) endpoint",
            { alerts: { httpsEndpoints: ["http://hooks.example.com/x"] } },
            ['alerts.httpsEndpoints[0]: got "http://hooks.example.com/x"; must be an https:// URL'],
        ],
        [
            "the same address twice",
            { alerts: { emails: ["a@example.com", "A@example.com"] } },
            ['alerts.emails[1]: got "A@example.com"; is listed twice'],
        ],
        ["a zero threshold", { alerts: { errors4xxThreshold: 0 } }, ["alerts.errors4xxThreshold: got 0;"]],
        ["a fractional object count", { alerts: { objectCountThreshold: 1.5 } }, ["alerts.objectCountThreshold: got 1.5;"]],
        [
            "replication latency under a minute",
            { alerts: { replicationLatencySeconds: 30 } },
            ["alerts.replicationLatencySeconds: got 30;"],
        ],
        ["a misspelt alerts key", { alerts: { email: ["a@example.com"] } }, ['alerts.email: got ["a@example.com"]; unknown key in alerts']],
        ["a negative budget", { budget: { monthlyLimitUsd: -5 } }, ["budget.monthlyLimitUsd: got -5;"]],
        ["a budget given as a string", { budget: { monthlyLimitUsd: "1000" } }, ['budget.monthlyLimitUsd: got "1000";']],
        [
            "an analytics prefix without a trailing slash",
            { analytics: { exportPrefix: "analytics" } },
            ['analytics.exportPrefix: got "analytics"; must be a key prefix ending in /'],
        ],
        [
            "a target that is not an ARN",
            { notifications: { objectCreatedTargetArn: "my-queue" } },
            ['notifications.objectCreatedTargetArn: got "my-queue"; must be an ARN'],
        ],
        [
            "a target while EventBridge notifications are off",
            {
                notifications: { eventBridge: false, objectCreatedTargetArn: "arn:aws:sqs:us-east-1:123456789012:leads" },
                dataArrival: { enabled: false },
            },
            ['notifications.objectCreatedTargetArn: got "arn:aws:sqs:us-east-1:123456789012:leads"; needs notifications.eventBridge true'],
        ],
        [
            "data events without a trail",
            { audit: { enabled: false, dataEvents: true } },
            ["audit.dataEvents: got true; only applies with audit.enabled true"],
        ],
        [
            "archive days while Intelligent-Tiering is off",
            { intelligentTiering: { archiveAccessDays: 90 } },
            ["intelligentTiering.archiveAccessDays: got 90; only applies with intelligentTiering.enabled true"],
        ],
        ["trail retention of 0 days", { audit: { logRetentionDays: 0 } }, ["audit.logRetentionDays: got 0;"]],
        [
            "Archive Access before AWS's 90 days",
            { lifecycle: IT_LIFECYCLE, intelligentTiering: { enabled: true, archiveAccessDays: 60 } },
            ["intelligentTiering.archiveAccessDays: got 60;"],
        ],
        [
            "Deep Archive Access before AWS's 180 days",
            { lifecycle: IT_LIFECYCLE, intelligentTiering: { enabled: true, deepArchiveAccessDays: 120 } },
            ["intelligentTiering.deepArchiveAccessDays: got 120;"],
        ],
        [
            "Archive Access after AWS's 730 days",
            { lifecycle: IT_LIFECYCLE, intelligentTiering: { enabled: true, archiveAccessDays: 731 } },
            ["intelligentTiering.archiveAccessDays: got 731;"],
        ],
        [
            "Deep Archive Access not after Archive Access",
            { lifecycle: IT_LIFECYCLE, intelligentTiering: { enabled: true, archiveAccessDays: 200, deepArchiveAccessDays: 200 } },
            ["intelligentTiering.deepArchiveAccessDays: got 200; must be greater than archiveAccessDays (200)"],
        ],
        [
            "Intelligent-Tiering with no archive tier",
            { lifecycle: IT_LIFECYCLE, intelligentTiering: { enabled: true } },
            ['intelligentTiering: got {"enabled":true}; enables no archive tier'],
        ],
        [
            "Intelligent-Tiering while no lifecycle transition puts objects in the class",
            { intelligentTiering: { enabled: true, archiveAccessDays: 90 } },
            ["intelligentTiering.enabled: got true; archives only objects in the INTELLIGENT_TIERING class"],
        ],
        [
            "Intelligent-Tiering archive tiers while lifecycle moves objects on to Glacier and Deep Archive",
            {
                lifecycle: {
                    transitions: [
                        { storageClass: "INTELLIGENT_TIERING", days: 0 },
                        { storageClass: "GLACIER", days: 365 },
                        { storageClass: "DEEP_ARCHIVE", days: 2555 },
                    ],
                    expirationDays: 7300,
                },
                intelligentTiering: { enabled: true, archiveAccessDays: 90 },
            },
            [
                'lifecycle.transitions[1].storageClass: got "GLACIER"; moves objects out of INTELLIGENT_TIERING to GLACIER by age',
                'lifecycle.transitions[2].storageClass: got "DEEP_ARCHIVE"; moves objects out of INTELLIGENT_TIERING to DEEP_ARCHIVE by age',
            ],
        ],
        [
            "prod without a trail",
            { environment: "prod", audit: { enabled: false } },
            ["audit.enabled: got false; prod always keeps a CloudTrail trail"],
        ],
        [
            "prod keeping trail logs 90 days",
            { environment: "prod", audit: { logRetentionDays: 90 } },
            ["audit.logRetentionDays: got 90; prod keeps trail logs at least 365 days"],
        ],
    ];
    for (const [title, values, expected] of rows) {
        it(title, () => {
            const got = problems(values);
            assert.equal(got.length, expected.length, got.join("\n"));
            expected.forEach((e, i) =>
                assert.ok(got[i].startsWith(`firehose-storage:${e}`), `${got[i]}\n  should start with\nfirehose-storage:${e}`),
            );
        });
    }

    it("reports every problem of the section at once", () => {
        const got = problems({
            alerts: { emails: ["nope"], errors5xxThreshold: 0 },
            budget: { monthlyLimitUsd: 0 },
            intelligentTiering: { enabled: true, archiveAccessDays: 90 },
        });
        assert.deepEqual(
            got.map((l) => l.split(":")[1]),
            ["alerts.emails[0]", "alerts.errors5xxThreshold", "budget.monthlyLimitUsd", "intelligentTiering.enabled"],
        );
    });
});
