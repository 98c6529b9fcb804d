/** The monitoring components on their own, under mocks: bad args are rejected before any child, every problem named. */
import * as assert from "node:assert/strict";
import { AlertTopic } from "../../components/monitoring/alerts";
import { AuditTrail } from "../../components/audit/auditTrail";
import { CostControls, costControlsProblems } from "../../components/cost/costControls";
import { DetectiveAlerts } from "../../components/audit/detectiveAlerts";
import { refusedBeforeChildren } from "../helpers/shipped";

describe("monitoring components: bad args", () => {
    it("AlertTopic: an address listed twice (any case) and a plain-http endpoint", async () => {
        const error = await refusedBeforeChildren(
            () =>
                new AlertTopic("a", {
                    region: "us-east-1",
                    emails: ["ops@example.com", "OPS@example.com"],
                    httpsEndpoints: ["http://hooks.example.com"],
                }),
            "firehose-storage:index:AlertTopic",
        );
        assert.match(error, /emails\[1\]: got "OPS@example.com"; is listed twice; list each address once/);
        assert.match(error, /httpsEndpoints\[0\]: got "http:\/\/hooks.example.com"; must be an https:\/\/ URL/);
    });

    it("DetectiveAlerts: a rule name EventBridge rejects and no bucket", async () => {
        const error = await refusedBeforeChildren(
            () => new DetectiveAlerts("d", { ruleName: "bad name!", bucketNames: [], topicArn: "arn:aws:sns:us-east-1:123456789012:t" }),
            "firehose-storage:index:DetectiveAlerts",
        );
        assert.match(error, /ruleName: got "bad name!"; must be 1-64 letters/);
        assert.match(error, /bucketNames: got \[\]; must name at least one bucket/);
    });

    it("AuditTrail: zero retention and a trail name CloudTrail rejects", async () => {
        const error = await refusedBeforeChildren(
            () => new AuditTrail("t", { trailName: "-x", region: "us-east-1", logRetentionDays: 0 }),
            "firehose-storage:index:AuditTrail",
        );
        assert.match(error, /logRetentionDays: got 0; must be a whole number of days, at least 1/);
        assert.match(error, /trailName: got "-x"; must be 3-128 letters/);
    });

    it("CostControls: archive tiers outside AWS's limits, no tier, zero budget, bad prefix", async () => {
        const base = { dataBucketName: "b", dataBucketArn: "arn:aws:s3:::b" };
        const budget = {
            name: "n",
            monthlyLimitUsd: 0,
            costAllocationTag: { key: "Project", value: "p" },
            topicArn: "arn:aws:sns:us-east-1:1:t",
        };
        assert.deepEqual(
            costControlsProblems({
                ...base,
                intelligentTiering: { archiveAccessDays: 30, deepArchiveAccessDays: 800 },
                budget,
                analytics: { exportPrefix: "/x" },
            }).map((p) => p.path),
            [
                "intelligentTiering.archiveAccessDays",
                "intelligentTiering.deepArchiveAccessDays",
                "budget.monthlyLimitUsd",
                "analytics.exportPrefix",
            ],
        );
        assert.deepEqual(costControlsProblems({ ...base, intelligentTiering: { archiveAccessDays: 90, deepArchiveAccessDays: 180 } }), []);
        const error = await refusedBeforeChildren(
            () => new CostControls("c", { ...base, intelligentTiering: {} }),
            "firehose-storage:index:CostControls",
        );
        assert.match(
            error,
            /intelligentTiering: got \{\}; enables no archive tier: set archiveAccessDays \(90-730\) and\/or deepArchiveAccessDays \(180-730\)/,
        );
    });
});
