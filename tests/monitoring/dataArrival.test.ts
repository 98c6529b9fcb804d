/** Data-arrival events: config defaults and rules, and the log group, key, resource policy and rule the stacks build. */
import * as assert from "node:assert/strict";
import { ACCOUNT, ofType, one, problems, resolve, shippedRun, statements, T, variant } from "../helpers/detective";
import { assertNoneOf } from "../helpers/resources";
import { shippedRunBefore } from "../helpers/shipped";
import { arrivalSamples, routed } from "../helpers/events";

describe("data arrival: config", () => {
    it("on in both stacks by default; dev logs to its own group for a month, prod a year", () => {
        assert.deepEqual(resolve({}).detective.dataArrival, {
            enabled: true,
            logGroupName: "/aws/s3/leadconduit-firehose-dev",
            retentionDays: 30,
        });
        assert.deepEqual(resolve({ environment: "prod" }).detective.dataArrival, {
            enabled: true,
            logGroupName: "/aws/s3/leadconduit-firehose",
            retentionDays: 365,
        });
    });

    it("explicit values win", () => {
        assert.deepEqual(resolve({ dataArrival: { logGroupName: "/x/y", retentionDays: 90 } }).detective.dataArrival, {
            enabled: true,
            logGroupName: "/x/y",
            retentionDays: 90,
        });
    });

    it("bad values and contradictions, all at once", () => {
        assert.deepEqual(problems({ dataArrival: { retentionDays: 10, logGroupName: "no spaces allowed" } }), [
            'firehose-storage:dataArrival.logGroupName: got "no spaces allowed"; must be a CloudWatch Logs group name (1-512 of letters, digits, _-./#)',
            "firehose-storage:dataArrival.retentionDays: got 10; must be one of 1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653",
        ]);
        assert.deepEqual(problems({ notifications: { eventBridge: false } }), [
            "firehose-storage:dataArrival.enabled: missing; needs notifications.eventBridge true: arrivals are the S3 events the bucket sends to EventBridge (set dataArrival.enabled false to turn both off)",
        ]);
        assert.equal(
            resolve({ dataArrival: { enabled: false }, notifications: { eventBridge: false } }).detective.dataArrival.enabled,
            false,
        );
    });
});

describe("data arrival: the shipped prod stack", () => {
    const prod = shippedRunBefore("prod");

    it("an encrypted log group with the prod retention", () => {
        const key = one(prod().resources, T.key, "firehose-arrivals-key");
        const group = one(prod().resources, T.logGroup, "firehose-arrivals");
        assert.equal(group.inputs.name, "/aws/s3/leadconduit-firehose");
        assert.equal(group.inputs.retentionInDays, 365);
        assert.match(group.inputs.kmsKeyId as string, /^arn:aws:kms:us-east-1:123456789012:key\//);
        assert.ok(group.dependencies.includes(key.urn));
        assert.equal(key.inputs.enableKeyRotation, true);
        assert.equal(group.retainOnDelete, true, "prod keeps the arrival record");
    });

    it("the key admits the regional Logs service for this group only", () => {
        const s = statements(one(prod().resources, T.key, "firehose-arrivals-key")).find(
            (x) => x.Sid === "AllowCloudWatchLogsForThisGroup",
        );
        assert.deepEqual(s, {
            Sid: "AllowCloudWatchLogsForThisGroup",
            Effect: "Allow",
            Principal: { Service: "logs.us-east-1.amazonaws.com" },
            Action: ["kms:Encrypt*", "kms:Decrypt*", "kms:ReEncrypt*", "kms:GenerateDataKey*", "kms:Describe*"],
            Resource: "*",
            Condition: {
                ArnEquals: {
                    "kms:EncryptionContext:aws:logs:arn": `arn:aws:logs:us-east-1:${ACCOUNT}:log-group:/aws/s3/leadconduit-firehose`,
                },
            },
        });
    });

    it("the Logs resource policy admits EventBridge to this group's streams only", () => {
        const policy = one(prod().resources, T.logPolicy, "firehose-arrivals-events");
        assert.equal(policy.inputs.policyName, "firehose-storage-prod-arrival-events");
        assert.deepEqual(JSON.parse(policy.inputs.policyDocument as string), {
            Version: "2012-10-17",
            Statement: [
                {
                    Sid: "AllowEventBridgeToWriteArrivals",
                    Effect: "Allow",
                    Principal: { Service: ["events.amazonaws.com", "delivery.logs.amazonaws.com"] },
                    Action: ["logs:CreateLogStream", "logs:PutLogEvents"],
                    Resource: `arn:aws:logs:us-east-1:${ACCOUNT}:log-group:/aws/s3/leadconduit-firehose:*`,
                },
            ],
        });
    });

    it("the .json rule targets the group, after the resource policy; no other target", () => {
        const data = one(prod().resources, T.bucket, "firehose-data").inputs.bucket;
        const rule = one(prod().resources, T.rule, "firehose-object-events-json-created");
        assert.deepEqual(routed(rule, arrivalSamples(data as string)), ["new .json object"]);
        const target = one(prod().resources, T.target, "firehose-object-events-json-created-log");
        assert.deepEqual(target.inputs, {
            rule: rule.inputs.name,
            arn: `arn:aws:logs:us-east-1:${ACCOUNT}:log-group:/aws/s3/leadconduit-firehose`,
        });
        assert.ok(target.dependencies.includes(one(prod().resources, T.logPolicy, "firehose-arrivals-events").urn));
        assert.deepEqual(
            ofType(prod().resources, T.target)
                .filter((t) => t.inputs.rule === rule.inputs.name)
                .map((t) => t.name),
            ["firehose-object-events-json-created-log"],
        );
    });
});

describe("data arrival: switches", () => {
    it("dev: its own group, a month of retention", async () => {
        const dev = await shippedRun("dev", "update");
        const group = one(dev.resources, T.logGroup, "firehose-arrivals");
        assert.equal(group.inputs.name, "/aws/s3/leadconduit-firehose-dev");
        assert.equal(group.inputs.retentionInDays, 30);
        assert.equal(group.retainOnDelete, false);
    });

    it("off: no group, key, policy or rule; the bucket still notifies EventBridge", async () => {
        const off = await variant("dev", ["dataArrival.enabled=false"]);
        assertNoneOf(off.resources, [T.arrivalLog, T.logGroup, T.logPolicy], "firehose-object-events-json-created");
        assert.equal(ofType(off.resources, T.notification).length, 1);
        assert.equal(off.outputs.arrivalLogGroupName, undefined);
    });

    it("with a configured target: one rule, both targets", async () => {
        const queue = "arn:aws:sqs:us-east-1:123456789012:lead-ingest";
        const on = await variant("dev", [`notifications.objectCreatedTargetArn=${queue}`]);
        const rule = one(on.resources, T.rule, "firehose-object-events-json-created");
        assert.deepEqual(
            ofType(on.resources, T.target)
                .filter((t) => t.inputs.rule === rule.inputs.name)
                .map((t) => [t.name, t.inputs.arn])
                .sort(),
            [
                ["firehose-object-events-json-created-log", `arn:aws:logs:us-east-1:${ACCOUNT}:log-group:/aws/s3/leadconduit-firehose-dev`],
                ["firehose-object-events-json-created-target", queue],
            ],
        );
    });
});
