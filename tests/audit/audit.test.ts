/**
 * Audit and cost in the dev and prod stacks as shipped (runs shared with alerts.test.ts): the trail and
 * its bucket policy, detective alerts, object events, the budget and storage-class analysis.
 */
import * as assert from "node:assert/strict";
import { childrenOf, one, ofType } from "../helpers/resources";
import { apiCallEvent, JsonObject, routed } from "../helpers/events";
import { ACCT, REGION, shippedStack, sid, statements, T } from "../monitoring/helpers";

for (const stack of ["dev", "prod"] as const) {
    const prod = stack === "prod";
    describe(`monitoring: ${stack} stack, audit and cost`, () => {
        const { res, out } = shippedStack(stack);
        const bucketOf = (name: string, mode: "preview" | "update" = "update") => one(res(mode), T.bucket, name).inputs.bucket as string;
        const topicArn = () => out().alertTopicArn;

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
                ["DenyInsecureTransport", "DenyOutdatedTls", "DenyWrongEncryption", "DenyDestructiveWithoutMfa"],
            );
        });

        it("detective alerts: protection changes on the data and trail buckets reach the topic, after its policy", () => {
            const rule = one(res(), T.rule, "firehose-detective");
            assert.equal(rule.inputs.name, `firehose-storage-${stack}-bucket-protection-changes`);
            // Calls that change who can read a bucket or how it is encrypted alert; reads, object writes and
            // tagging do not; nor does any call on a bucket of another stack.
            const protection: [string, boolean][] = [
                ["PutBucketPolicy", true],
                ["DeleteBucketPolicy", true],
                ["PutBucketAcl", true],
                ["PutBucketPublicAccessBlock", true],
                ["DeleteBucketPublicAccessBlock", true],
                ["PutBucketEncryption", true],
                ["DeleteBucketEncryption", true],
                ["GetBucketPolicy", false],
                ["PutObject", false],
                ["PutBucketTagging", false],
            ];
            const samples = Object.fromEntries(
                protection.flatMap(([call]) =>
                    ["firehose-data", "firehose-audit-logs"].map((b) => [`${call} ${b}`, apiCallEvent(call, bucketOf(b))]),
                ),
            );
            samples["PutBucketPolicy elsewhere"] = apiCallEvent("PutBucketPolicy", "someone-elses-bucket");
            // The same call said by another source, as another kind of event or by another service: not S3's
            // CloudTrail record of it, so no alert.
            const change = apiCallEvent("PutBucketPolicy", bucketOf("firehose-data"));
            samples["PutBucketPolicy from another source"] = { ...change, source: "acme.audit" };
            samples["PutBucketPolicy as another detail-type"] = { ...change, "detail-type": "AWS Service Event via CloudTrail" };
            samples["PutBucketPolicy by another service"] = {
                ...change,
                detail: { ...(change.detail as JsonObject), eventSource: "s3-outposts.amazonaws.com" },
            };
            assert.deepEqual(
                routed(rule, samples),
                protection.filter(([, alerts]) => alerts).flatMap(([call]) => [`${call} firehose-data`, `${call} firehose-audit-logs`]),
            );
            for (const mode of ["preview", "update"] as const) {
                const target = one(res(mode), T.target, "firehose-detective-to-alerts");
                assert.ok(target.dependencies.includes(one(res(mode), T.topicPolicy, "firehose-alerts-policy").urn), mode);
            }
            const target = one(res(), T.target, "firehose-detective-to-alerts");
            assert.deepEqual(target.inputs, { rule: rule.inputs.name, arn: topicArn() });
        });

        it("object events: the data bucket notifies EventBridge; the .json rule records arrivals (tests/monitoring/dataArrival.test.ts)", () => {
            assert.deepEqual(one(res(), T.notification, "firehose-object-events").inputs, {
                bucket: bucketOf("firehose-data"),
                eventbridge: true,
            });
            assert.deepEqual(
                ofType(res(), T.rule)
                    .map((r) => r.name)
                    .sort(),
                // plus prod's malware rules (tests/malware/malware.test.ts)
                stack === "prod"
                    ? [
                          "firehose-detective",
                          "firehose-malware-threats",
                          "firehose-object-events-json-created",
                          "firehose-quarantine-mover-rule",
                      ]
                    : ["firehose-detective", "firehose-object-events-json-created"],
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
    });
}
