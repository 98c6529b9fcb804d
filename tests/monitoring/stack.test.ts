/**
 * Monitoring, audit and cost in the dev and prod stacks as shipped, under mocks as preview and update
 * (one run per stack and mode): each resource, each alarm, each policy statement. prod has everything;
 * dev the cheaper subset (no data events, no analytics, no replication alarms).
 */
import * as assert from "node:assert/strict";
import * as path from "path";
import { MOCK_ACCOUNT_ID } from "../../gate/mocks";
import { planStack, StackPlan } from "../../gate/plan";
import { RecordedResource, UNKNOWN } from "../../gate/recorder";
import { childrenOf, one, ofType } from "../helpers/resources";
import { monitoringResources, sid, statements, T, TAGGABLE } from "./helpers";

const projectDir = path.resolve(__dirname, "../..");
const runs: Record<string, StackPlan> = {};
before(async () => {
    for (const stack of ["dev", "prod"]) {
        for (const preview of [true, false]) {
            runs[`${stack}/${preview ? "preview" : "update"}`] = await planStack({ projectDir, stack, preview });
        }
    }
});

const ACCT = MOCK_ACCOUNT_ID;
const REGION = "us-east-1";

for (const stack of ["dev", "prod"] as const) {
    const prod = stack === "prod";
    describe(`monitoring: ${stack} stack`, () => {
        const res = (mode: "preview" | "update" = "update"): RecordedResource[] => runs[`${stack}/${mode}`].resources;
        const out = () => runs[`${stack}/update`].outputs as Record<string, string>;
        const bucketOf = (name: string, mode: "preview" | "update" = "update") => one(res(mode), T.bucket, name).inputs.bucket as string;
        const topicArn = () => out().alertTopicArn;

        it("components and their exact children", () => {
            const r = res();
            const subs = childrenOf(r, one(r, T.alertTopic, "firehose-alerts")).filter((c) => c.startsWith(T.subscription));
            assert.deepEqual(
                childrenOf(r, one(r, T.alertTopic, "firehose-alerts")).filter((c) => !c.startsWith(T.subscription)),
                [`${T.key} firehose-alerts-key`, `${T.topic} firehose-alerts`, `${T.topicPolicy} firehose-alerts-policy`].sort(),
            );
            assert.equal(subs.length, prod ? 2 : 1);
            const alarmIds = [
                "4xx-errors",
                "5xx-errors",
                "object-count",
                "bucket-size",
                ...(prod ? ["replication-failed", "replication-latency"] : []),
            ];
            assert.deepEqual(
                childrenOf(r, one(r, T.alarms, "firehose-alarms")),
                [`${T.metric} firehose-alarms-request-metrics`, ...alarmIds.map((id) => `${T.alarm} firehose-alarms-${id}`)].sort(),
            );
            assert.deepEqual(
                childrenOf(r, one(r, T.audit, "firehose-audit")),
                [`${T.trail} firehose-audit`, `${T.sb} firehose-audit-logs`].sort(),
            );
            assert.deepEqual(childrenOf(r, one(r, T.detective, "firehose-detective")), [
                `${T.rule} firehose-detective`,
                `${T.target} firehose-detective-to-alerts`,
            ]);
            assert.deepEqual(childrenOf(r, one(r, T.objectEvents, "firehose-object-events")), [`${T.notification} firehose-object-events`]);
            assert.deepEqual(
                childrenOf(r, one(r, T.cost, "firehose-cost")),
                [
                    `${T.budget} firehose-cost-budget`,
                    ...(prod ? [`${T.sb} firehose-cost-analytics`, `${T.analytics} firehose-cost-storage-class-analysis`] : []),
                ].sort(),
            );
            assert.deepEqual(ofType(r, T.tiering), [], "Intelligent-Tiering is off in both stacks (fixed lifecycle tiers)");
        });

        it("alert topic: encrypted with its own rotating key that alarms, rules and budgets may use", () => {
            const key = one(res(), T.key, "firehose-alerts-key");
            assert.equal(key.inputs.enableKeyRotation, true);
            assert.deepEqual(statements(key), [
                {
                    Sid: "EnableAccountAdministration",
                    Effect: "Allow",
                    Principal: { AWS: `arn:aws:iam::${ACCT}:root` },
                    Action: "kms:*",
                    Resource: "*",
                },
                {
                    Sid: "AllowAlertPublishersUseOfKey",
                    Effect: "Allow",
                    Principal: { Service: ["cloudwatch.amazonaws.com", "events.amazonaws.com", "budgets.amazonaws.com"] },
                    Action: ["kms:Decrypt", "kms:GenerateDataKey*"],
                    Resource: "*",
                },
            ]);
            const topic = one(res(), T.topic, "firehose-alerts");
            assert.match(String(topic.inputs.kmsMasterKeyId), new RegExp(`^arn:aws:kms:${REGION}:${ACCT}:key/`));
            assert.notEqual(topic.inputs.kmsMasterKeyId, "alias/aws/sns");
            assert.equal(topicArn(), `arn:aws:sns:${REGION}:${ACCT}:${String(topic.inputs.name)}`);
        });

        it("topic policy: owner, alarms of this account, exactly the detective rule, budgets", () => {
            const policy = one(res(), T.topicPolicy, "firehose-alerts-policy");
            assert.equal(policy.inputs.arn, topicArn());
            const s = statements(policy);
            assert.deepEqual(
                s.map((x) => x.Sid),
                ["AllowAccountManageTopic", "AllowCloudWatchAlarmsPublish", "AllowEventBridgeRulesPublish", "AllowBudgetsPublish"],
            );
            for (const x of s) {
                assert.equal(x.Effect, "Allow");
                assert.equal(x.Resource, topicArn());
            }
            assert.deepEqual(sid(s, "AllowAccountManageTopic").Principal, { AWS: `arn:aws:iam::${ACCT}:root` });
            assert.deepEqual(sid(s, "AllowCloudWatchAlarmsPublish"), {
                Sid: "AllowCloudWatchAlarmsPublish",
                Effect: "Allow",
                Principal: { Service: "cloudwatch.amazonaws.com" },
                Action: "sns:Publish",
                Resource: topicArn(),
                Condition: {
                    ArnLike: { "aws:SourceArn": `arn:aws:cloudwatch:${REGION}:${ACCT}:alarm:*` },
                    StringEquals: { "aws:SourceAccount": ACCT },
                },
            });
            // The ARN computed before the rule exists is the one the rule really gets.
            const rule = one(res(), T.rule, "firehose-detective");
            const ruleArn = `arn:aws:events:${REGION}:${ACCT}:rule/${String(rule.inputs.name)}`;
            assert.deepEqual(sid(s, "AllowEventBridgeRulesPublish").Principal, { Service: "events.amazonaws.com" });
            assert.deepEqual(sid(s, "AllowEventBridgeRulesPublish").Condition, { ArnEquals: { "aws:SourceArn": [ruleArn] } });
            assert.deepEqual(sid(s, "AllowBudgetsPublish").Principal, { Service: "budgets.amazonaws.com" });
            assert.deepEqual(sid(s, "AllowBudgetsPublish").Condition, {
                ArnLike: { "aws:SourceArn": `arn:aws:budgets::${ACCT}:*` },
                StringEquals: { "aws:SourceAccount": ACCT },
            });
        });

        it("subscriptions: the stack's e-mails (and prod's paging webhook) on the topic", () => {
            const subs = ofType(res(), T.subscription).map((x) => [x.inputs.protocol, x.inputs.endpoint, x.inputs.topic]);
            const expected = prod
                ? [
                      ["email", "data-platform-oncall@example.com", topicArn()],
                      ["https", "https://events.pagerduty.example.com/integration/firehose-storage-prod/enqueue", topicArn()],
                  ]
                : [["email", "data-platform-dev@example.com", topicArn()]];
            assert.deepEqual(subs.sort(), expected.sort());
        });

        it("alarms: metric, namespace, dimensions, period, statistic, missing data and both actions", () => {
            const data = bucketOf("firehose-data");
            const metric = one(res(), T.metric, "firehose-alarms-request-metrics");
            assert.deepEqual(metric.inputs, { bucket: data, name: "EntireBucket" }, "whole-bucket request metrics (no filter)");
            const replica = prod ? bucketOf("firehose-data-replica") : "";
            const ruleId = prod ? (one(res(), T.replicationConfig, "firehose-replication").inputs.rules as { id: string }[])[0].id : "";
            const rep = { SourceBucket: data, DestinationBucket: replica, RuleId: ruleId };
            const rows: [string, string, Record<string, string>, number, string, string, number][] = [
                ["4xx-errors", "4xxErrors", { BucketName: data, FilterId: "EntireBucket" }, 300, "Sum", "notBreaching", 100],
                ["5xx-errors", "5xxErrors", { BucketName: data, FilterId: "EntireBucket" }, 300, "Sum", "notBreaching", 10],
                [
                    "object-count",
                    "NumberOfObjects",
                    { BucketName: data, StorageType: "AllStorageTypes" },
                    86400,
                    "Average",
                    "ignore",
                    100_000_000,
                ],
                [
                    "bucket-size",
                    "BucketSizeBytes",
                    { BucketName: data, StorageType: "StandardStorage" },
                    86400,
                    "Average",
                    "ignore",
                    5 * 1024 ** 4,
                ],
                ...(prod
                    ? ([
                          ["replication-failed", "OperationsFailedReplication", rep, 300, "Sum", "notBreaching", 0],
                          ["replication-latency", "ReplicationLatency", rep, 300, "Maximum", "notBreaching", 900],
                      ] as [string, string, Record<string, string>, number, string, string, number][])
                    : []),
            ];
            assert.equal(ofType(res(), T.alarm).length, rows.length);
            for (const [id, metricName, dimensions, period, statistic, treatMissingData, threshold] of rows) {
                const a = one(res(), T.alarm, `firehose-alarms-${id}`).inputs;
                assert.deepEqual(
                    {
                        namespace: a.namespace,
                        metricName: a.metricName,
                        dimensions: a.dimensions,
                        period: a.period,
                        statistic: a.statistic,
                        treatMissingData: a.treatMissingData,
                        threshold: a.threshold,
                        comparisonOperator: a.comparisonOperator,
                        alarmActions: a.alarmActions,
                        okActions: a.okActions,
                    },
                    {
                        namespace: "AWS/S3",
                        metricName,
                        dimensions,
                        period,
                        statistic,
                        treatMissingData,
                        threshold,
                        comparisonOperator: "GreaterThanThreshold",
                        alarmActions: [topicArn()],
                        okActions: [topicArn()],
                    },
                    id,
                );
                assert.ok(String(a.alarmDescription).length > 40, `${id}: says what to do`);
            }
        });

        it("request alarms take FilterId from the metrics configuration, also in preview", () => {
            for (const mode of ["preview", "update"] as const) {
                const metric = one(res(mode), T.metric, "firehose-alarms-request-metrics");
                for (const id of ["4xx-errors", "5xx-errors"]) {
                    const alarm = one(res(mode), T.alarm, `firehose-alarms-${id}`);
                    assert.ok(alarm.propertyDependencies.dimensions.includes(metric.urn), `${mode} ${id}`);
                    assert.equal((alarm.inputs.dimensions as Record<string, string>).FilterId, metric.inputs.name);
                }
            }
        });

        it("trail: multi-region, global events, log validation, into the audit-logs bucket after its policy", () => {
            const trail = one(res(), T.trail, "firehose-audit");
            const logs = bucketOf("firehose-audit-logs");
            const selectors = [
                { name: "All management events", fieldSelectors: [{ field: "eventCategory", equals: ["Management"] }] },
                ...(prod
                    ? [
                          {
                              name: "S3 data events on the data bucket's objects",
                              fieldSelectors: [
                                  { field: "eventCategory", equals: ["Data"] },
                                  { field: "resources.type", equals: ["AWS::S3::Object"] },
                                  { field: "resources.ARN", startsWiths: [`arn:aws:s3:::${bucketOf("firehose-data")}/`] },
                              ],
                          },
                      ]
                    : []),
            ];
            assert.deepEqual(trail.inputs, {
                name: `firehose-storage-${stack}-trail`,
                s3BucketName: logs,
                isMultiRegionTrail: true,
                includeGlobalServiceEvents: true,
                enableLogFileValidation: true,
                enableLogging: true,
                advancedEventSelectors: selectors,
                tags: { Name: "firehose-audit", Role: "audit" },
            });
            assert.ok(trail.dependencies.includes(one(res(), T.bucketPolicy, "firehose-audit-logs-policy").urn));
            assert.equal(out().trailArn, `arn:aws:cloudtrail:${REGION}:${ACCT}:trail/firehose-storage-${stack}-trail`);
            assert.equal(out().trailLogBucketName, logs);
            for (const mode of ["preview", "update"] as const) {
                const t = one(res(mode), T.trail, "firehose-audit");
                assert.equal(t.protect, prod, `${mode}: audit trail protected in prod only`);
            }
        });

        it("trail-log bucket: SSE-S3, no log bucket of its own, retention, and exactly CloudTrail's two statements", () => {
            const logs = bucketOf("firehose-audit-logs");
            const arn = `arn:aws:s3:::${logs}`;
            const sb = one(res(), T.sb, "firehose-audit-logs");
            assert.deepEqual(one(res(), T.bucket, "firehose-audit-logs").inputs.tags, { Name: "firehose-audit-logs", Role: "audit-logs" });
            assert.equal(childrenOf(res(), sb).filter((c) => c.startsWith(T.sb)).length, 0);
            const sse = one(res(), T.sse, "firehose-audit-logs-encryption").inputs.rules as {
                applyServerSideEncryptionByDefault: { sseAlgorithm: string };
            }[];
            assert.equal(sse[0].applyServerSideEncryptionByDefault.sseAlgorithm, "AES256");
            const rules = one(res(), T.lifecycle, "firehose-audit-logs-lifecycle").inputs.rules as { expiration?: { days: number } }[];
            assert.ok(rules.some((r) => r.expiration?.days === (prod ? 2555 : 90)));
            const all = statements(one(res(), T.bucketPolicy, "firehose-audit-logs-policy"));
            const allows = all.filter((x) => x.Effect === "Allow");
            const source = out().trailArn;
            assert.deepEqual(allows, [
                {
                    Sid: "AWSCloudTrailAclCheck",
                    Effect: "Allow",
                    Principal: { Service: "cloudtrail.amazonaws.com" },
                    Action: "s3:GetBucketAcl",
                    Resource: arn,
                    Condition: { StringEquals: { "aws:SourceArn": source } },
                },
                {
                    Sid: "AWSCloudTrailWrite",
                    Effect: "Allow",
                    Principal: { Service: "cloudtrail.amazonaws.com" },
                    Action: "s3:PutObject",
                    Resource: `${arn}/AWSLogs/${ACCT}/*`,
                    Condition: { StringEquals: { "s3:x-amz-acl": "bucket-owner-full-control", "aws:SourceArn": source } },
                },
            ]);
            assert.deepEqual(
                all.filter((x) => x.Effect === "Deny").map((x) => x.Sid),
                ["DenyInsecureTransport", "DenyOutdatedTls", "DenyWrongEncryption", "DenyDeleteWithoutMfa"],
            );
        });

        it("detective alerts: protection changes on the data and trail buckets reach the topic, after its policy", () => {
            const rule = one(res(), T.rule, "firehose-detective");
            assert.equal(rule.inputs.name, `firehose-storage-${stack}-bucket-protection-changes`);
            assert.deepEqual(JSON.parse(rule.inputs.eventPattern as string), {
                source: ["aws.s3"],
                "detail-type": ["AWS API Call via CloudTrail"],
                detail: {
                    eventSource: ["s3.amazonaws.com"],
                    eventName: [
                        "PutBucketPolicy",
                        "DeleteBucketPolicy",
                        "PutBucketAcl",
                        "PutBucketPublicAccessBlock",
                        "DeleteBucketPublicAccessBlock",
                        "PutBucketEncryption",
                        "DeleteBucketEncryption",
                    ],
                    requestParameters: { bucketName: [bucketOf("firehose-data"), bucketOf("firehose-audit-logs")] },
                },
            });
            for (const mode of ["preview", "update"] as const) {
                const target = one(res(mode), T.target, "firehose-detective-to-alerts");
                assert.ok(target.dependencies.includes(one(res(mode), T.topicPolicy, "firehose-alerts-policy").urn), mode);
            }
            const target = one(res(), T.target, "firehose-detective-to-alerts");
            assert.deepEqual(target.inputs, { rule: rule.inputs.name, arn: topicArn() });
        });

        it("object events: the data bucket notifies EventBridge; no .json rule without a configured target", () => {
            assert.deepEqual(one(res(), T.notification, "firehose-object-events").inputs, {
                bucket: bucketOf("firehose-data"),
                eventbridge: true,
            });
            assert.deepEqual(
                ofType(res(), T.rule).map((r) => r.name),
                ["firehose-detective"],
            );
        });

        it("budget: monthly S3 cost of the project's tag, 80%/100% actual and 100% forecast to the topic", () => {
            const budget = one(res(), T.budget, "firehose-cost-budget");
            const note = (threshold: number, notificationType: string) => ({
                comparisonOperator: "GREATER_THAN",
                threshold,
                thresholdType: "PERCENTAGE",
                notificationType,
                subscriberSnsTopicArns: [topicArn()],
            });
            assert.deepEqual(budget.inputs, {
                name: `firehose-storage-${stack}-s3-monthly`,
                budgetType: "COST",
                limitAmount: prod ? "1000.00" : "100.00",
                limitUnit: "USD",
                timeUnit: "MONTHLY",
                costFilters: [
                    { name: "Service", values: ["Amazon Simple Storage Service"] },
                    { name: "TagKeyValue", values: ["user:Project$firehose-storage"] },
                ],
                notifications: [note(80, "ACTUAL"), note(100, "ACTUAL"), note(100, "FORECASTED")],
                tags: { Name: "firehose-cost-budget", Role: "cost" },
            });
            assert.ok(budget.dependencies.includes(one(res(), T.topicPolicy, "firehose-alerts-policy").urn));
        });

        it(prod ? "analytics: CSV export into its own bucket, admitted by a statement scoped to the data bucket" : "analytics: off", () => {
            if (!prod) {
                assert.deepEqual(ofType(res(), T.analytics), []);
                assert.equal(out().analyticsBucketName, undefined);
                return;
            }
            const dest = bucketOf("firehose-cost-analytics");
            const cfg = one(res(), T.analytics, "firehose-cost-storage-class-analysis");
            assert.deepEqual(cfg.inputs, {
                bucket: bucketOf("firehose-data"),
                name: "EntireBucket",
                storageClassAnalysis: {
                    dataExport: {
                        outputSchemaVersion: "V_1",
                        destination: {
                            s3BucketDestination: {
                                bucketArn: `arn:aws:s3:::${dest}`,
                                bucketAccountId: ACCT,
                                format: "CSV",
                                prefix: "storage-analytics/",
                            },
                        },
                    },
                },
            });
            const policy = one(res(), T.bucketPolicy, "firehose-cost-analytics-policy");
            assert.ok(cfg.dependencies.includes(policy.urn));
            assert.deepEqual(sid(statements(policy), "AllowS3AnalyticsExport"), {
                Sid: "AllowS3AnalyticsExport",
                Effect: "Allow",
                Principal: { Service: "s3.amazonaws.com" },
                Action: "s3:PutObject",
                Resource: `arn:aws:s3:::${dest}/storage-analytics/*`,
                Condition: {
                    ArnLike: { "aws:SourceArn": `arn:aws:s3:::${bucketOf("firehose-data")}` },
                    StringEquals: { "aws:SourceAccount": ACCT, "s3:x-amz-acl": "bucket-owner-full-control" },
                },
            });
            assert.equal(out().analyticsBucketName, dest);
        });

        it("every taggable resource has Name and Role; all use the tagged aws-primary provider", () => {
            for (const mode of ["preview", "update"] as const) {
                const provider = one(res(mode), T.provider, "aws-primary");
                const mine = monitoringResources(res(mode)).filter((r) => r.custom);
                // prod: topic 5 (key, topic, policy, 2 subscriptions), alarms 7, audit 8 (bucket 7 + trail),
                // detective 2, object events 1, cost 9 (budget, analytics bucket 7, analysis). dev: 4+5+8+2+1+1.
                assert.equal(mine.length, prod ? 32 : 21, mode);
                for (const r of mine) {
                    assert.ok(r.provider.startsWith(provider.urn), `${r.name} uses ${r.provider}`);
                    if (TAGGABLE.has(r.type)) {
                        const tags = r.inputs.tags as Record<string, string> | undefined;
                        assert.ok(
                            tags !== undefined && typeof tags.Name === "string" && typeof tags.Role === "string" && tags.Role !== UNKNOWN,
                            `${r.type} ${r.name}`,
                        );
                    }
                }
            }
            const { tags } = JSON.parse(one(res(), T.provider, "aws-primary").inputs.defaultTags as string) as {
                tags: Record<string, string>;
            };
            assert.deepEqual(
                [tags.Project, tags.Environment, tags.CostCenter, tags.DataType],
                ["firehose-storage", stack, "CC-1042", "lead-data"],
            );
        });
    });
}
