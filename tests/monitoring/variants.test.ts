/**
 * The optional paths, one run each under mocks: prod with Intelligent-Tiering (instead of fixed Glacier
 * tiers) and a target for new `.json` objects; dev with the trail and the budget turned off.
 */
import * as assert from "node:assert/strict";
import * as path from "path";
import { planStack, StackPlan } from "../../gate/plan";
import { one, ofType } from "../helpers/resources";
import { statements, T } from "./helpers";
import { arrivalSamples, routed } from "../helpers/events";

const projectDir = path.resolve(__dirname, "../..");
const QUEUE = "arn:aws:sqs:us-east-1:123456789012:lead-ingest";
let tiered: StackPlan;
let bare: StackPlan;
before(async () => {
    tiered = await planStack({
        projectDir,
        stack: "prod",
        preview: false,
        overrides: [
            "lifecycle.transitions=[{storageClass: INTELLIGENT_TIERING, days: 0}]",
            "intelligentTiering={enabled: true, archiveAccessDays: 120, deepArchiveAccessDays: 240}",
            `notifications.objectCreatedTargetArn=${QUEUE}`,
        ],
    });
    bare = await planStack({
        projectDir,
        stack: "dev",
        preview: false,
        overrides: ["audit.enabled=false", "budget.enabled=false", "alerts={}"],
    });
});

describe("monitoring variants: prod with Intelligent-Tiering and a .json target", () => {
    it("archive tiers on the data bucket", () => {
        const data = one(tiered.resources, T.bucket, "firehose-data").inputs.bucket;
        assert.deepEqual(one(tiered.resources, T.tiering, "firehose-cost-intelligent-tiering").inputs, {
            bucket: data,
            name: "EntireBucket",
            status: "Enabled",
            tierings: [
                { accessTier: "ARCHIVE_ACCESS", days: 120 },
                { accessTier: "DEEP_ARCHIVE_ACCESS", days: 240 },
            ],
        });
    });

    it("new .json objects go to the configured target, once the bucket notifies EventBridge", () => {
        const data = one(tiered.resources, T.bucket, "firehose-data").inputs.bucket;
        const rule = one(tiered.resources, T.rule, "firehose-object-events-json-created");
        assert.deepEqual(routed(rule, arrivalSamples(data as string)), ["new .json object"]);
        assert.ok(rule.dependencies.includes(one(tiered.resources, T.notification, "firehose-object-events").urn));
        assert.deepEqual(one(tiered.resources, T.target, "firehose-object-events-json-created-target").inputs, {
            rule: rule.inputs.name,
            arn: QUEUE,
        });
        assert.deepEqual((rule.inputs.tags as Record<string, string>).Role, "notifications");
    });
});

describe("monitoring variants: dev without trail and budget", () => {
    it("no trail, no trail bucket, no detective rule, no budget", () => {
        for (const type of [T.audit, T.trail, T.detective, T.budget]) {
            assert.deepEqual(ofType(bare.resources, type), [], type);
        }
        // The one rule left is the data-arrival rule (tests/monitoring/dataArrival.test.ts), which publishes to no topic.
        assert.deepEqual(
            ofType(bare.resources, T.rule).map((r) => r.name),
            ["firehose-object-events-json-created"],
        );
        assert.equal(bare.resources.filter((r) => r.name.startsWith("firehose-audit")).length, 0);
    });

    it("no subscriptions; alarms still notify the topic", () => {
        assert.deepEqual(ofType(bare.resources, T.subscription), []);
        assert.equal(ofType(bare.resources, T.alarm).length, 4);
    });

    it("topic policy: owner and alarms only", () => {
        assert.deepEqual(
            statements(one(bare.resources, T.topicPolicy, "firehose-alerts-policy")).map((s) => s.Sid),
            ["AllowAccountManageTopic", "AllowCloudWatchAlarmsPublish"],
        );
        assert.equal(bare.outputs.trailArn, undefined);
    });
});
