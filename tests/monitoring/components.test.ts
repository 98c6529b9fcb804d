/** The monitoring components on their own, under mocks: bad args are rejected before any child, every problem named. */
import * as assert from "node:assert/strict";
import { AlertTopic } from "../../components/monitoring/alerts";
import { AuditTrail } from "../../components/audit/auditTrail";
import { CostControls, costControlsProblems } from "../../components/cost/costControls";
import { DetectiveAlerts } from "../../components/audit/detectiveAlerts";
import { attempt } from "../helpers/shipped";

describe("monitoring components: bad args", () => {
    it("AlertTopic: an address listed twice (any case) and a plain-http endpoint", async () => {
        const { error, types } = await attempt(
            () =>
                new AlertTopic("a", {
                    region: "us-east-1",
                    emails: ["ops@example.com", "OPS@example.com"],
                    httpsEndpoints: ["http://hooks.example.com"],
                }),
        );
        assert.ok(error !== undefined, "AlertTopic must throw");
        assert.match(error.message, /emails\[1\]: got "OPS@example.com"; is listed twice; list each address once/);
        assert.match(error.message, /httpsEndpoints\[0\]: got "http:\/\/hooks.example.com"; must be an https:\/\/ URL/);
        assert.deepEqual(types, ["pulumi:pulumi:Stack", "firehose-storage:index:AlertTopic"]);
    });

    it("DetectiveAlerts: a rule name EventBridge rejects and no bucket", async () => {
        const { error, types } = await attempt(
            () => new DetectiveAlerts("d", { ruleName: "bad name!", bucketNames: [], topicArn: "arn:aws:sns:us-east-1:123456789012:t" }),
        );
        assert.ok(error !== undefined, "DetectiveAlerts must throw");
        assert.match(error.message, /ruleName: got "bad name!"; must be 1-64 letters/);
        assert.match(error.message, /bucketNames: got \[\]; must name at least one bucket/);
        assert.deepEqual(types, ["pulumi:pulumi:Stack", "firehose-storage:index:DetectiveAlerts"]);
    });

    it("AuditTrail: zero retention and a trail name CloudTrail rejects", async () => {
        const { error, types } = await attempt(() => new AuditTrail("t", { trailName: "-x", region: "us-east-1", logRetentionDays: 0 }));
        assert.ok(error !== undefined, "AuditTrail must throw");
        assert.match(error.message, /logRetentionDays: got 0; must be a whole number of days, at least 1/);
        assert.match(error.message, /trailName: got "-x"; must be 3-128 letters/);
        assert.deepEqual(types, ["pulumi:pulumi:Stack", "firehose-storage:index:AuditTrail"]);
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
        const { error, types } = await attempt(() => new CostControls("c", { ...base, intelligentTiering: {} }));
        assert.ok(error !== undefined, "CostControls must throw");
        assert.match(
            error.message,
            /intelligentTiering: got \{\}; enables no archive tier: set archiveAccessDays \(90-730\) and\/or deepArchiveAccessDays \(180-730\)/,
        );
        assert.deepEqual(types, ["pulumi:pulumi:Stack", "firehose-storage:index:CostControls"]);
    });
});
