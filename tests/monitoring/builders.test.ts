/** Pure builders of the monitoring feature: policy statements, event patterns, alarm specs, budget and tiering rows. */
import * as assert from "node:assert/strict";
import { trailEventSelectors } from "../../components/audit/auditTrail";
import { budgetNotifications, tieringsFor } from "../../components/cost/costControls";
import { bucketProtectionChangePattern, objectCreatedPattern } from "../../components/monitoring/eventPatterns";
import { alertKeyPolicy, alertTopicPolicy } from "../../components/monitoring/policies/alertStatements";
import { eventRuleArn, trailArn } from "../../rules/arn";
import { allowS3AnalyticsExport, cloudTrailDeliveryStatements } from "../../components/policies/deliveryStatements";
import { storageAlarmSpecs } from "../../components/monitoring/storageAlarms";

const ACCT = "111122223333";
const TOPIC = `arn:aws:sns:us-east-2:${ACCT}:alerts`;
const THRESHOLDS = { objectCount: 10, bucketSizeBytes: 20, errors4xx: 30, errors5xx: 40, replicationLatencySeconds: 600 };

describe("monitoring builders: delivery statements", () => {
    it("trail ARN from region, account and name", () => {
        assert.equal(trailArn("us-east-2", ACCT, "t1"), `arn:aws:cloudtrail:us-east-2:${ACCT}:trail/t1`);
    });

    it("CloudTrail delivery: ACL check on the bucket, PutObject under AWSLogs/<account>/ with bucket-owner-full-control, both for the one trail", () => {
        const source = trailArn("us-east-2", ACCT, "t1");
        assert.deepEqual(cloudTrailDeliveryStatements("arn:aws:s3:::logs", source, ACCT), [
            {
                Sid: "AWSCloudTrailAclCheck",
                Effect: "Allow",
                Principal: { Service: "cloudtrail.amazonaws.com" },
                Action: "s3:GetBucketAcl",
                Resource: "arn:aws:s3:::logs",
                Condition: { StringEquals: { "aws:SourceArn": source } },
            },
            {
                Sid: "AWSCloudTrailWrite",
                Effect: "Allow",
                Principal: { Service: "cloudtrail.amazonaws.com" },
                Action: "s3:PutObject",
                Resource: `arn:aws:s3:::logs/AWSLogs/${ACCT}/*`,
                Condition: { StringEquals: { "s3:x-amz-acl": "bucket-owner-full-control", "aws:SourceArn": source } },
            },
        ]);
    });

    it("analytics export: s3.amazonaws.com under the prefix, for the source bucket and account only", () => {
        assert.deepEqual(allowS3AnalyticsExport("arn:aws:s3:::reports", "arn:aws:s3:::data", ACCT, "sca/"), {
            Sid: "AllowS3AnalyticsExport",
            Effect: "Allow",
            Principal: { Service: "s3.amazonaws.com" },
            Action: "s3:PutObject",
            Resource: "arn:aws:s3:::reports/sca/*",
            Condition: {
                ArnLike: { "aws:SourceArn": "arn:aws:s3:::data" },
                StringEquals: { "aws:SourceAccount": ACCT, "s3:x-amz-acl": "bucket-owner-full-control" },
            },
        });
    });
});

describe("monitoring builders: alert topic and key policies", () => {
    const rule = eventRuleArn("us-east-2", ACCT, "r1");

    it("event rule ARN on the default bus", () => {
        assert.equal(rule, `arn:aws:events:us-east-2:${ACCT}:rule/r1`);
    });

    const rows: [string, readonly string[], boolean, string[]][] = [
        ["alarms only", [], false, ["AllowAccountManageTopic", "AllowCloudWatchAlarmsPublish"]],
        ["with a rule", [rule], false, ["AllowAccountManageTopic", "AllowCloudWatchAlarmsPublish", "AllowEventBridgeRulesPublish"]],
        ["with budgets", [], true, ["AllowAccountManageTopic", "AllowCloudWatchAlarmsPublish", "AllowBudgetsPublish"]],
        [
            "everything",
            [rule],
            true,
            ["AllowAccountManageTopic", "AllowCloudWatchAlarmsPublish", "AllowEventBridgeRulesPublish", "AllowBudgetsPublish"],
        ],
    ];
    for (const [title, ruleArns, budgets, sids] of rows) {
        it(`topic policy, ${title}: ${sids.length} statements, all on the topic`, () => {
            const doc = alertTopicPolicy({ topicArn: TOPIC, region: "us-east-2", accountId: ACCT, eventRuleArns: ruleArns, budgets });
            assert.deepEqual(
                doc.Statement.map((s) => s.Sid),
                sids,
            );
            assert.ok(doc.Statement.every((s) => s.Resource === TOPIC && s.Effect === "Allow"));
        });
    }

    it("rules are admitted by exact ARN; alarms by this account's alarm ARNs", () => {
        const doc = alertTopicPolicy({ topicArn: TOPIC, region: "us-east-2", accountId: ACCT, eventRuleArns: [rule], budgets: false });
        assert.deepEqual(doc.Statement[2].Condition, { ArnEquals: { "aws:SourceArn": [rule] } });
        assert.deepEqual(doc.Statement[1].Condition, {
            ArnLike: { "aws:SourceArn": `arn:aws:cloudwatch:us-east-2:${ACCT}:alarm:*` },
            StringEquals: { "aws:SourceAccount": ACCT },
        });
    });

    it("key policy: the account administers, the three publishing services encrypt", () => {
        const doc = alertKeyPolicy("us-east-2", ACCT);
        assert.deepEqual(doc.Statement[0].Principal, { AWS: `arn:aws:iam::${ACCT}:root` });
        assert.deepEqual(doc.Statement[1].Principal, {
            Service: ["cloudwatch.amazonaws.com", "events.amazonaws.com", "budgets.amazonaws.com"],
        });
        assert.deepEqual(doc.Statement[1].Action, ["kms:Decrypt", "kms:GenerateDataKey*"]);
    });
});

describe("monitoring builders: event patterns", () => {
    it("protection changes on the listed buckets", () => {
        const p = bucketProtectionChangePattern(["a", "b"]);
        assert.deepEqual(p.detail.requestParameters, { bucketName: ["a", "b"] });
        assert.equal((p.detail.eventName as string[]).length, 7);
        assert.deepEqual(p["detail-type"], ["AWS API Call via CloudTrail"]);
    });

    it("object created with a key suffix", () => {
        assert.deepEqual(objectCreatedPattern("data", ".json"), {
            source: ["aws.s3"],
            "detail-type": ["Object Created"],
            detail: { bucket: { name: ["data"] }, object: { key: [{ suffix: ".json" }] } },
        });
    });
});

describe("monitoring builders: alarm specs", () => {
    it("without replication: request and storage alarms only", () => {
        const specs = storageAlarmSpecs("b", "F", THRESHOLDS);
        assert.deepEqual(
            specs.map((s) => [s.metricName, s.dimensions, s.period, s.statistic, s.treatMissingData, s.threshold]),
            [
                ["4xxErrors", { BucketName: "b", FilterId: "F" }, 300, "Sum", "notBreaching", 30],
                ["5xxErrors", { BucketName: "b", FilterId: "F" }, 300, "Sum", "notBreaching", 40],
                ["NumberOfObjects", { BucketName: "b", StorageType: "AllStorageTypes" }, 86400, "Average", "ignore", 10],
                ["BucketSizeBytes", { BucketName: "b", StorageType: "StandardStorage" }, 86400, "Average", "ignore", 20],
            ],
        );
        assert.ok(specs.every((s) => s.namespace === "AWS/S3"));
    });

    it("with replication: failures and latency on source, destination and rule", () => {
        const specs = storageAlarmSpecs("b", "F", THRESHOLDS, { ruleId: "r", destinationBucketName: "d" }).slice(4);
        const dims = { SourceBucket: "b", DestinationBucket: "d", RuleId: "r" };
        assert.deepEqual(
            specs.map((s) => [s.metricName, s.dimensions, s.statistic, s.threshold, s.treatMissingData]),
            [
                ["OperationsFailedReplication", dims, "Sum", 0, "notBreaching"],
                ["ReplicationLatency", dims, "Maximum", 600, "notBreaching"],
            ],
        );
    });
});

describe("monitoring builders: trail selectors, budget, tiering", () => {
    it("management events always; data events only for a given bucket", () => {
        assert.deepEqual(trailEventSelectors(), [
            { name: "All management events", fieldSelectors: [{ field: "eventCategory", equals: ["Management"] }] },
        ]);
        assert.equal(trailEventSelectors("arn:aws:s3:::data").length, 2);
    });

    it("budget notifications: 80% and 100% actual, 100% forecast", () => {
        assert.deepEqual(
            budgetNotifications(TOPIC).map((n) => [n.threshold, n.notificationType, n.subscriberSnsTopicArns]),
            [
                [80, "ACTUAL", [TOPIC]],
                [100, "ACTUAL", [TOPIC]],
                [100, "FORECASTED", [TOPIC]],
            ],
        );
    });

    it("tierings from the configured days", () => {
        assert.deepEqual(tieringsFor({ archiveAccessDays: 90 }), [{ accessTier: "ARCHIVE_ACCESS", days: 90 }]);
        assert.deepEqual(tieringsFor({ archiveAccessDays: 100, deepArchiveAccessDays: 200 }), [
            { accessTier: "ARCHIVE_ACCESS", days: 100 },
            { accessTier: "DEEP_ARCHIVE_ACCESS", days: 200 },
        ]);
        assert.deepEqual(tieringsFor({}), []);
    });
});
