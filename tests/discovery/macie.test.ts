/**
 * Sensitive-data discovery with Amazon Macie (`macie.*`): off by default in both stacks; on, a
 * scheduled classification job scoped to the data bucket and its findings to the alert topic, whose
 * policy admits exactly that rule (proven by IAM simulation); Macie's account enablement only with
 * `macie.enableAccount`.
 */
import * as assert from "node:assert/strict";
import { runOfflineGate } from "../../gate/offlineGate";
import { planStack, StackPlan } from "../../gate/plan";
import { SensitiveDataDiscovery } from "../../components/discovery/sensitiveDataDiscovery";
import { simulate } from "../access/simulate";
import { refusedBeforeChildren } from "../helpers/shipped";
import { realPack } from "../helpers/realPack";
import { ACCOUNT, assertAlertsTarget, ofType, one, PROJECT_DIR, resolve, shippedRun, statements, T } from "../helpers/detective";
import { assertNoneOf } from "../helpers/resources";

const ACCOUNT_TYPE = "aws:macie2/account:Account";
const JOB = "aws:macie2/classificationJob:ClassificationJob";
const ON = ["macie.enabled=true"];
const RULE_NAME = "firehose-storage-prod-macie-findings";
const RULE_ARN = `arn:aws:events:us-east-1:${ACCOUNT}:rule/${RULE_NAME}`;

describe("macie: config", () => {
    it("off in both stacks; weekly, every object, the account assumed enabled", () => {
        const off = {
            enabled: false,
            enableAccount: false,
            frequency: "weekly",
            samplingPercentage: 100,
            findingPublishingFrequency: "FIFTEEN_MINUTES",
        };
        assert.deepEqual(resolve({}).macie, off);
        assert.deepEqual(resolve({ environment: "prod" }).macie, off);
    });
});

describe("macie: component args", () => {
    it("a bad findings-rule name and sampling percentage are refused together, before any child is created", async () => {
        const args = { bucketName: "b", jobName: "j", alertRuleName: "r", topicArn: "arn:aws:sns:us-east-1:123456789012:t" };
        assert.equal(
            await refusedBeforeChildren(
                () => new SensitiveDataDiscovery("d", { ...args, alertRuleName: "macie findings", samplingPercentage: 101 }),
                "firehose-storage:discovery:SensitiveDataDiscovery",
            ),
            "invalid SensitiveDataDiscovery args:\n" +
                '  - alertRuleName: got "macie findings"; must be 1-64 letters, digits or .-_ (an EventBridge rule name)\n' +
                "  - samplingPercentage: got 101; must be a whole number 1-100",
        );
    });
});

describe("macie: off (shipped stacks)", () => {
    it("no account, job or findings rule; the topic admits no Macie rule", async () => {
        for (const stack of ["dev", "prod"] as const) {
            const run = await shippedRun(stack, "update");
            assertNoneOf(run.resources, [JOB, ACCOUNT_TYPE], "firehose-discovery", stack);
            const publish = statements(one(run.resources, T.topicPolicy, "firehose-alerts-policy")).find(
                (s) => s.Sid === "AllowEventBridgeRulesPublish",
            );
            assert.ok(!JSON.stringify(publish ?? {}).includes("macie"), stack);
        }
    });
});

describe("macie: on (prod)", function () {
    this.timeout(300_000);
    let on: StackPlan;
    before(async () => {
        on = await planStack({ projectDir: PROJECT_DIR, stack: "prod", preview: false, overrides: ON });
    });
    const data = () => one(on.resources, T.bucket, "firehose-data").inputs.bucket as string;

    it("a weekly job over every object of the data bucket, existing ones first; the account is not touched", () => {
        assert.deepEqual(ofType(on.resources, ACCOUNT_TYPE), []);
        const job = one(on.resources, JOB, "firehose-discovery");
        assert.deepEqual(job.inputs, {
            name: "firehose-storage-prod-data-discovery",
            description: "Sensitive-data discovery on the firehose-storage data bucket",
            jobType: "SCHEDULED",
            scheduleFrequency: { weeklySchedule: "MONDAY" },
            initialRun: true,
            samplingPercentage: 100,
            s3JobDefinition: { bucketDefinitions: [{ accountId: ACCOUNT, buckets: [data()] }] },
            tags: { Name: "firehose-discovery", Role: "discovery" },
        });
    });

    it("findings about the data bucket go to the alert topic, whose policy admits exactly that rule", async () => {
        const rule = one(on.resources, T.rule, "firehose-discovery-findings");
        assert.equal(rule.inputs.name, "firehose-storage-prod-macie-findings");
        assert.deepEqual(JSON.parse(rule.inputs.eventPattern as string), {
            source: ["aws.macie"],
            "detail-type": ["Macie Finding"],
            detail: { resourcesAffected: { s3Bucket: { name: [data()] } } },
        });
        const topicPolicy = assertAlertsTarget(on, "firehose-discovery-findings-to-alerts", [
            "firehose-storage-prod-bucket-protection-changes",
            "firehose-storage-prod-malware-threats",
            RULE_NAME,
        ]);
        const deliver = async (sourceArn: string) =>
            (
                await simulate({
                    who: "eventbridge",
                    principal: "events.amazonaws.com",
                    action: "sns:Publish",
                    resource: on.outputs.alertTopicArn as string,
                    context: { "aws:SourceArn": sourceArn, "aws:SourceAccount": ACCOUNT, "aws:SecureTransport": "true" },
                    identityPolicies: [],
                    resourcePolicy: JSON.parse(topicPolicy.inputs.policy as string) as unknown,
                    resourceAccount: ACCOUNT,
                    expected: "Allowed",
                    note: "",
                })
            ).verdict;
        assert.equal(await deliver(RULE_ARN), "Allowed");
        assert.equal(await deliver(`arn:aws:events:us-east-1:${ACCOUNT}:rule/someone-elses-rule`), "ImplicitlyDenied");
    });

    it("the data bucket's network limit exempts Macie's service-linked role (it reads objects from AWS networks)", async () => {
        const slr = `arn:aws:iam::${ACCOUNT}:role/aws-service-role/macie.amazonaws.com/AWSServiceRoleForAmazonMacie`;
        const exempt = (run: StackPlan) =>
            statements(one(run.resources, T.bucketPolicy, "firehose-data-policy")).find((s) => s.Sid === "DenyOutsideAllowedNetworks")
                ?.Condition?.ArnNotEquals?.["aws:PrincipalArn"];
        assert.ok(exempt(on)?.includes(slr));
        assert.ok(!(exempt(await shippedRun("prod", "update")) ?? []).includes(slr));
        const policy = JSON.parse(one(on.resources, T.bucketPolicy, "firehose-data-policy").inputs.policy as string) as unknown;
        const read = async (principal: string) =>
            (
                await simulate({
                    who: "macie",
                    principal,
                    action: "s3:GetObject",
                    resource: `arn:aws:s3:::${data()}/year=2026/month=11/day=24/hour=07/flow_id=acme-leads/lead-0001.json`,
                    context: {
                        "aws:PrincipalArn": principal,
                        "aws:PrincipalAccount": ACCOUNT,
                        "aws:SourceIp": "192.0.2.55",
                        "aws:SecureTransport": "true",
                    },
                    identityPolicies: [
                        {
                            name: "slr",
                            policy: { Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: "s3:GetObject", Resource: "*" }] },
                        },
                    ],
                    resourcePolicy: policy,
                    resourceAccount: ACCOUNT,
                    expected: "Allowed",
                    note: "",
                })
            ).verdict;
        assert.equal(await read(slr), "Allowed");
        assert.equal(await read(`arn:aws:iam::${ACCOUNT}:role/someone`), "ExplicitlyDenied");
    });

    it("with enableAccount: Macie enabled by the stack before the job; daily, sampled", async () => {
        const run = await planStack({
            projectDir: PROJECT_DIR,
            stack: "prod",
            preview: false,
            overrides: [
                "macie={enabled: true, enableAccount: true, frequency: daily, samplingPercentage: 25, findingPublishingFrequency: ONE_HOUR}",
            ],
        });
        const account = one(run.resources, ACCOUNT_TYPE, "firehose-discovery-account");
        assert.deepEqual(account.inputs, { status: "ENABLED", findingPublishingFrequency: "ONE_HOUR" });
        const job = one(run.resources, JOB, "firehose-discovery");
        assert.ok(job.dependencies.includes(account.urn));
        assert.deepEqual(job.inputs.scheduleFrequency, { dailySchedule: true });
        assert.equal(job.inputs.samplingPercentage, 25);
    });

    it("as a preview, and through the prod gate (no mandatory violation)", async () => {
        const preview = await planStack({ projectDir: PROJECT_DIR, stack: "prod", preview: true, overrides: ON });
        assert.equal(ofType(preview.resources, JOB).length, 1);
        assert.equal(ofType(preview.resources, T.rule).filter((r) => r.name === "firehose-discovery-findings").length, 1);
        const gate = await runOfflineGate({ projectDir: PROJECT_DIR, stack: "prod", overrides: ON, pack: realPack() });
        assert.deepEqual(
            gate.analysis.violations.filter((v) => v.enforcementLevel === "mandatory").map((v) => `${v.policyName}@${v.resourceName}`),
            [],
        );
    });
});
