/**
 * The AWS Config recorder switch (`configRules.createRecorder`): off by default (the account's
 * recorder is used, nothing is created); on, the recorder (S3 buckets only), its role, the delivery
 * channel into a secured history bucket whose policy admits Config for this account only, the
 * recorder started, and the rules created after it. Policies proven by IAM simulation; the prod stack
 * with the recorder passes the prod gate.
 */
import * as assert from "node:assert/strict";
import { runOfflineGate } from "../../gate/offlineGate";
import { planStack, StackPlan } from "../../gate/plan";
import { ConfigRecorder } from "../../components/compliance/configRecorder";
import { simulate } from "../access/simulate";
import { refusedBeforeChildren } from "../helpers/shipped";
import { realPack } from "../helpers/realPack";
import { ACCOUNT, ofType, one, PROJECT_DIR, resolve, shippedRun, statements, T, variant } from "../helpers/detective";
import { assertNoneOf } from "../helpers/resources";

const RECORDER = "aws:cfg/recorder:Recorder";
const CHANNEL = "aws:cfg/deliveryChannel:DeliveryChannel";
const STATUS = "aws:cfg/recorderStatus:RecorderStatus";
const RULE = "aws:cfg/rule:Rule";
const ATTACHMENT = "aws:iam/rolePolicyAttachment:RolePolicyAttachment";
const ON = ["configRules.createRecorder=true"];

describe("config recorder: config", () => {
    it("off by default in both stacks; history kept 30 days (dev) / 2555 days (prod) when on", () => {
        assert.equal(resolve({}).detective.configRules.createRecorder, false);
        assert.equal(resolve({ environment: "prod" }).detective.configRules.createRecorder, false);
        assert.equal(resolve({ configRules: { enabled: true, createRecorder: true } }).detective.configRules.historyRetentionDays, 30);
        assert.equal(
            resolve({ environment: "prod", configRules: { createRecorder: true } }).detective.configRules.historyRetentionDays,
            2555,
        );
    });
});

describe("config recorder: component args", () => {
    it("a bad recorder name and retention are refused before any child is created", async () => {
        const message = await refusedBeforeChildren(
            () => new ConfigRecorder("r", { recorderName: "has space", roleName: "r", region: "us-east-1", historyRetentionDays: 0.5 }),
            "firehose-storage:compliance:ConfigRecorder",
        );
        assert.equal(
            message,
            'invalid ConfigRecorder args:\n  - recorderName: got "has space"; must be 1-256 letters, digits or ._-\n  - historyRetentionDays: got 0.5; must be a whole number of days, at least 1',
        );
    });
});

describe("config recorder: off (shipped prod)", () => {
    it("no recorder, channel, status or history bucket; the rules wait only for their inputs", async () => {
        const prod = await shippedRun("prod", "update");
        assertNoneOf(prod.resources, [RECORDER, CHANNEL, STATUS, ATTACHMENT], "firehose-config-recorder");
        for (const rule of ofType(prod.resources, RULE)) {
            const fromInputs = new Set(Object.values(rule.propertyDependencies).flat());
            assert.deepEqual(
                rule.dependencies.filter((d) => !fromInputs.has(d)),
                [],
                rule.name,
            );
        }
    });
});

describe("config recorder: on (prod)", function () {
    this.timeout(300_000);
    let on: StackPlan;
    before(async () => {
        on = await variant("prod", ON);
    });
    const historyBucket = () => one(on.resources, T.bucket, "firehose-config-recorder-history");
    const historyArn = () => `arn:aws:s3:::${historyBucket().inputs.bucket as string}`;
    const roleArn = `arn:aws:iam::${ACCOUNT}:role/firehose-storage-prod-config-recorder`;

    it("the recorder records S3 buckets only, continuously, as its own role", () => {
        const recorder = one(on.resources, RECORDER, "firehose-config-recorder");
        assert.deepEqual(recorder.inputs, {
            name: "firehose-storage-prod",
            roleArn,
            recordingGroup: {
                allSupported: false,
                includeGlobalResourceTypes: false,
                resourceTypes: ["AWS::S3::Bucket"],
                recordingStrategies: [{ useOnly: "INCLUSION_BY_RESOURCE_TYPES" }],
            },
            recordingMode: { recordingFrequency: "CONTINUOUS" },
        });
        assert.ok(recorder.dependencies.includes(one(on.resources, ATTACHMENT, "firehose-config-recorder-role-config").urn));
    });

    it("channel after the recorder and the bucket policy, status after the channel, rules after the status", () => {
        const recorder = one(on.resources, RECORDER, "firehose-config-recorder");
        const channel = one(on.resources, CHANNEL, "firehose-config-recorder-delivery");
        const status = one(on.resources, STATUS, "firehose-config-recorder-status");
        assert.deepEqual(channel.inputs, {
            name: "firehose-storage-prod",
            s3BucketName: historyBucket().inputs.bucket,
            snapshotDeliveryProperties: { deliveryFrequency: "TwentyFour_Hours" },
        });
        for (const dep of [recorder, one(on.resources, T.bucketPolicy, "firehose-config-recorder-history-policy")]) {
            assert.ok(channel.dependencies.includes(dep.urn), dep.name);
        }
        assert.deepEqual(status.inputs, { name: "firehose-storage-prod", isEnabled: true });
        assert.ok(status.dependencies.includes(channel.urn));
        const rules = ofType(on.resources, RULE);
        assert.equal(rules.length, 8);
        for (const rule of rules) {
            assert.ok(rule.dependencies.includes(status.urn), rule.name);
        }
    });

    it("the role: trusted by Config for this account; AWS_ConfigRole; delivery into the history bucket only", () => {
        const role = one(on.resources, T.role, "firehose-config-recorder-role");
        assert.equal(role.inputs.name, "firehose-storage-prod-config-recorder");
        assert.deepEqual(statements(role, "assumeRolePolicy"), [
            {
                Sid: "AllowConfigRecorder",
                Effect: "Allow",
                Principal: { Service: "config.amazonaws.com" },
                Action: "sts:AssumeRole",
                Condition: { StringEquals: { "aws:SourceAccount": ACCOUNT } },
            },
        ]);
        assert.equal(
            one(on.resources, ATTACHMENT, "firehose-config-recorder-role-config").inputs.policyArn,
            "arn:aws:iam::aws:policy/service-role/AWS_ConfigRole",
        );
        assert.deepEqual(statements(one(on.resources, T.rolePolicy, "firehose-config-recorder-role-delivery")), [
            {
                Sid: "DeliverConfigurationHistory",
                Effect: "Allow",
                Action: "s3:PutObject",
                Resource: `${historyArn()}/AWSLogs/${ACCOUNT}/*`,
                Condition: { StringEquals: { "s3:x-amz-acl": "bucket-owner-full-control" } },
            },
            { Sid: "CheckDeliveryBucketAcl", Effect: "Allow", Action: "s3:GetBucketAcl", Resource: historyArn() },
        ]);
    });

    it("the history bucket: an audit-logs SecureBucket kept 2555 days, admitting Config for this account only", async () => {
        assert.equal((historyBucket().inputs.tags as Record<string, string>).Role, "audit-logs");
        const lifecycle = one(
            on.resources,
            "aws:s3/bucketLifecycleConfiguration:BucketLifecycleConfiguration",
            "firehose-config-recorder-history-lifecycle",
        );
        assert.ok(JSON.stringify(lifecycle.inputs.rules).includes('"days":2555'));
        const policy = one(on.resources, T.bucketPolicy, "firehose-config-recorder-history-policy");
        const resourcePolicy = JSON.parse(policy.inputs.policy as string) as unknown;
        const history = `${historyArn()}/AWSLogs/${ACCOUNT}/Config/us-east-1/2026/12/2/ConfigHistory/h.json.gz`;
        const ask = async (
            principal: string,
            identityPolicies: { name: string; policy: unknown }[],
            context: Record<string, string>,
            action = "s3:PutObject",
            resource = history,
        ) =>
            (
                await simulate({
                    who: principal,
                    principal,
                    action,
                    resource,
                    context: {
                        "aws:SecureTransport": "true",
                        ...(action === "s3:PutObject" ? { "s3:x-amz-acl": "bucket-owner-full-control" } : {}),
                        ...context,
                    },
                    identityPolicies,
                    resourcePolicy,
                    resourceAccount: ACCOUNT,
                    expected: "Allowed",
                    note: "",
                })
            ).verdict;
        // Config's checks and delivery (https://docs.aws.amazon.com/config/latest/developerguide/s3-bucket-policy.html):
        // for this account, under AWSLogs/<account>/Config/ only, handing the objects to the bucket owner.
        const config = (account: string, action?: string, resource?: string, extra: Record<string, string> = {}) =>
            ask("config.amazonaws.com", [], { "aws:SourceAccount": account, ...extra }, action, resource);
        const checks: [string, string][] = [
            ["s3:GetBucketAcl", historyArn()],
            ["s3:ListBucket", historyArn()],
            ["s3:PutObject", history],
        ];
        for (const [action, resource] of checks) {
            assert.equal(await config(ACCOUNT, action, resource), "Allowed", action);
            assert.equal(await config("999999999999", action, resource), "ImplicitlyDenied", `${action} for another account`);
            const otherService = await ask("cloudtrail.amazonaws.com", [], { "aws:SourceAccount": ACCOUNT }, action, resource);
            assert.equal(otherService, "ImplicitlyDenied", `${action} by another service for this account`);
        }
        assert.equal(await config(ACCOUNT, "s3:PutObject", `${historyArn()}/AWSLogs/${ACCOUNT}/other/h.json.gz`), "ImplicitlyDenied");
        assert.equal(await config(ACCOUNT, "s3:PutObject", history, { "s3:x-amz-acl": "private" }), "ImplicitlyDenied");
        const rolePolicy = JSON.parse(
            one(on.resources, T.rolePolicy, "firehose-config-recorder-role-delivery").inputs.policy as string,
        ) as unknown;
        const session = `arn:aws:sts::${ACCOUNT}:assumed-role/firehose-storage-prod-config-recorder/AWSConfig`;
        const asRole = { "aws:PrincipalArn": roleArn, "aws:PrincipalAccount": ACCOUNT };
        assert.equal(await ask(session, [{ name: "delivery", policy: rolePolicy }], asRole), "Allowed");
        assert.equal(await ask(session, [], asRole), "ImplicitlyDenied", "the role without its delivery policy");
    });

    it("the prod gate passes with the recorder (no mandatory violation)", async () => {
        const result = await runOfflineGate({ projectDir: PROJECT_DIR, stack: "prod", overrides: ON, pack: realPack() });
        assert.deepEqual(
            result.analysis.violations.filter((v) => v.enforcementLevel === "mandatory").map((v) => `${v.policyName}@${v.resourceName}`),
            [],
        );
        assert.equal(result.verdict, "pass");
    });

    it("as a preview: the same resources", async () => {
        const preview = await planStack({ projectDir: PROJECT_DIR, stack: "prod", preview: true, overrides: ON });
        for (const type of [RECORDER, CHANNEL, STATUS, ATTACHMENT]) {
            assert.equal(ofType(preview.resources, type).length, 1, type);
        }
        assert.deepEqual(preview.resources.map((r) => r.urn).sort(), on.resources.map((r) => r.urn).sort());
    });
});
