/**
 * Alerts in the dev and prod stacks as shipped (runs shared with audit.test.ts): the topic, its key and
 * policy, subscriptions, every alarm, tags and provider of every resource the feature creates.
 */
import * as assert from "node:assert/strict";
import { UNKNOWN } from "../../gate/recorder";
import { childrenOf, one, ofType } from "../helpers/resources";
import { monitoringResources, ACCT, REGION, shippedStack, sid, statements, T, TAGGABLE } from "./helpers";

for (const stack of ["dev", "prod"] as const) {
    const prod = stack === "prod";
    describe(`monitoring: ${stack} stack, alerts`, () => {
        const { res, out } = shippedStack(stack);
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
            assert.deepEqual(
                childrenOf(r, one(r, T.objectEvents, "firehose-object-events")),
                [
                    `${T.rule} firehose-object-events-json-created`,
                    `${T.target} firehose-object-events-json-created-log`,
                    `${T.notification} firehose-object-events`,
                ].sort(),
            );
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

        it("topic policy: owner, alarms of this account, exactly the detective and malware rules, budgets", () => {
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
            // The ARNs computed before the rules exist are the ones the rules really get: the detective
            // rule and, with malware scanning on in prod, the THREATS_FOUND rule.
            const ruleArn = (name: string) => `arn:aws:events:${REGION}:${ACCT}:rule/${String(one(res(), T.rule, name).inputs.name)}`;
            assert.deepEqual(sid(s, "AllowEventBridgeRulesPublish").Principal, { Service: "events.amazonaws.com" });
            assert.deepEqual(sid(s, "AllowEventBridgeRulesPublish").Condition, {
                ArnEquals: {
                    "aws:SourceArn": [ruleArn("firehose-detective"), ...(stack === "prod" ? [ruleArn("firehose-malware-threats")] : [])],
                },
            });
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

        it("every taggable resource has Name and Role; all use the tagged aws-primary provider", () => {
            for (const mode of ["preview", "update"] as const) {
                const provider = one(res(mode), T.provider, "aws-primary");
                const mine = monitoringResources(res(mode)).filter((r) => r.custom);
                // prod: topic 5 (key, topic, policy, 2 subscriptions), alarms 7, audit 8 (bucket 7 + trail),
                // detective 2, object events 3 (notification, .json rule, its log target), cost 9 (budget,
                // analytics bucket 7, analysis). dev: 4+5+8+2+3+1.
                assert.equal(mine.length, prod ? 34 : 23, mode);
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
