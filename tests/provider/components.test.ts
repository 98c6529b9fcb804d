/**
 * Every component of the multi-language package constructed as the plugin host constructs it for a
 * YAML or Python program (`ComponentProvider.construct`), wired from each other's outputs, under
 * mocks: the same resources, URNs and inputs as the TypeScript library composed the same way
 * (`grantWrite`/`grantRead` included), and bad inputs refused, every problem at once, before
 * anything is created.
 */
import * as assert from "node:assert/strict";
import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import * as lib from "../../index";
import { RecordedResource } from "../../gate/recorder";
import { runProgram } from "../../gate/runProgram";
import { one } from "../helpers/resources";
import { attempt } from "../helpers/shipped";
import { components, provider } from "./packageProvider";

const REGION = "us-east-1";
const LOG_GROUP = "arn:aws:logs:us-east-1:123456789012:log-group:firehose-writer";
const RULE_ARN = "arn:aws:events:us-east-1:123456789012:rule/firehose-detective";
const THRESHOLDS = { objectCount: 1e6, bucketSizeBytes: 1e12, errors4xx: 10, errors5xx: 5, replicationLatencySeconds: 900 };
const LOCK = { mode: "GOVERNANCE", days: 30 } as const;
const WRITER = { trustedPrincipalArn: "arn:aws:iam::111122223333:role/streamer", externalId: "ext-1", keyLayout: "hybrid" } as const;
const WRITER_REST = { region: REGION, metricsNamespace: "Firehose", logGroupArn: LOG_GROUP };
const READER = { partnerAccountId: "444455556666", externalId: "ext-2", prefixes: ["year=2026/"], region: REGION };
const REPLICA_REGIONS = { sourceRegion: REGION, replicaRegion: "us-west-2" };
const TOPIC = {
    region: REGION,
    emails: ["ops@example.com"],
    httpsEndpoints: ["https://hooks.example.com/x"],
    eventRuleArns: [RULE_ARN],
    allowBudgets: true,
};
const OBJECT_TARGET = "arn:aws:sqs:us-east-1:123456789012:q";
const DETECTIVE_RULE = "firehose-detective";
const AUDIT = { trailName: "firehose-audit", region: REGION, logRetentionDays: 400 };
const BUDGET = { name: "firehose", monthlyLimitUsd: 50, costAllocationTag: { key: "Project", value: "firehose" } };
const COST_REST = { analytics: { exportPrefix: "exports/" }, intelligentTiering: { archiveAccessDays: 90 } };

function run(program: () => unknown): Promise<RecordedResource[]> {
    return runProgram({ project: "p", stack: "t", config: { "aws:region": REGION }, preview: false, program }).then((r) => r.resources);
}

type State = Record<string, pulumi.Output<unknown>>;
async function make(name: string, component: string, inputs: Record<string, unknown>): Promise<State> {
    return (await provider.construct(name, `firehose-storage:index:${component}`, inputs, {})).state;
}

/** The package's components, wired as a YAML program wires them (outputs into inputs). */
async function viaPackage(): Promise<Record<string, State>> {
    const data = await make("data", "SecureBucket", { encryption: "sse-kms", objectLock: LOCK });
    const bucket = { bucketArn: data.bucketArn, kmsKeyArn: data.kmsKeyArn };
    const writer = await make("w", "WriterAccess", {
        ...WRITER,
        ...WRITER_REST,
        ...bucket,
        sseAlgorithm: data.sseAlgorithm,
        requireEncryptionHeader: data.requireEncryptionHeader,
    });
    await make("r", "ReaderAccess", { ...READER, ...bucket });
    const rep = await make("rep", "Replication", {
        sourceBucketName: data.versionedBucketName,
        sourceBucketArn: data.bucketArn,
        sourceKmsKeyArn: data.kmsKeyArn,
        sourceObjectLock: true,
        ...REPLICA_REGIONS,
        replica: { encryption: "sse-kms", objectLock: LOCK },
        storageClass: "GLACIER_IR",
    });
    const topic = await make("alerts", "AlertTopic", TOPIC);
    await make("alarms", "StorageAlarms", {
        bucketName: data.bucketName,
        topicArn: topic.topicArn,
        thresholds: THRESHOLDS,
        replication: { ruleId: rep.ruleId, destinationBucketName: rep.replicaBucketName },
    });
    await make("events", "ObjectNotifications", { bucketName: data.bucketName, objectCreatedTargetArn: OBJECT_TARGET });
    await make("detective", "DetectiveAlerts", { ruleName: DETECTIVE_RULE, bucketNames: [data.bucketName], topicArn: topic.topicArn });
    await make("audit", "AuditTrail", { ...AUDIT, dataEventsBucketArn: data.bucketArn });
    await make("cost", "CostControls", {
        dataBucketName: data.bucketName,
        dataBucketArn: data.bucketArn,
        budget: { ...BUDGET, topicArn: topic.topicArn },
        ...COST_REST,
    });
    return { data, writer, rep };
}

/** The library composed the same way in TypeScript. */
function viaLibrary(): void {
    const data = new lib.SecureBucket("data", { encryption: { mode: "sse-kms" }, objectLock: LOCK });
    data.grantWrite("w", { ...WRITER, ...WRITER_REST });
    data.grantRead("r", READER);
    const rep = new lib.Replication("rep", {
        source: data,
        ...REPLICA_REGIONS,
        replicaProvider: new aws.Provider("rep-provider", { region: "us-west-2" }),
        replica: { encryption: { mode: "sse-kms" }, objectLock: LOCK },
        storageClass: "GLACIER_IR",
    });
    const topic = new lib.AlertTopic("alerts", TOPIC);
    new lib.StorageAlarms("alarms", {
        bucketName: data.bucketName,
        topicArn: topic.topicArn,
        thresholds: THRESHOLDS,
        replication: { ruleId: "replicate-everything", destinationBucketName: rep.replicaBucketName },
    });
    new lib.ObjectNotifications("events", { bucketName: data.bucketName, objectCreatedTargetArn: OBJECT_TARGET });
    new lib.DetectiveAlerts("detective", {
        ruleName: DETECTIVE_RULE,
        bucketNames: [data.bucketName],
        topicArn: topic.topicArn,
        topicPolicy: topic.policy,
    });
    new lib.AuditTrail("audit", { ...AUDIT, dataEventsBucketArn: data.bucketArn });
    new lib.CostControls("cost", {
        dataBucketName: data.bucketName,
        dataBucketArn: data.bucketArn,
        budget: { ...BUDGET, topicArn: topic.topicArn, topicPolicy: topic.policy },
        ...COST_REST,
    });
}

/** URN -> inputs of every resource but the stack and the providers. */
function byUrn(resources: readonly RecordedResource[]): Map<string, unknown> {
    return new Map(
        resources.filter((r) => r.type !== "pulumi:pulumi:Stack" && !r.type.startsWith("pulumi:providers:")).map((r) => [r.urn, r.inputs]),
    );
}

describe("multi-language package: every component through ComponentProvider.construct", function () {
    this.timeout(240_000);
    let pkg: RecordedResource[];
    let lib_: RecordedResource[];
    let state: Record<string, State>;

    before(async () => {
        pkg = await run(async () => {
            state = await viaPackage();
            return {};
        });
        lib_ = await run(() => {
            viaLibrary();
            return {};
        });
    });

    it("registers exactly what the TypeScript library registers composed the same way (grants included)", () => {
        const types = new Set(pkg.map((r) => r.type));
        for (const c of components) {
            assert.ok(types.has(`firehose-storage:index:${c.name}`), c.name);
        }
        assert.equal(byUrn(pkg).size, byUrn(lib_).size);
        assert.deepEqual(byUrn(pkg), byUrn(lib_));
    });

    it("SecureBucket's outputs feed the writer exactly what grantWrite passes; Object Lock is on and protected", async () => {
        const d = state.data;
        const values = await new Promise<unknown[]>((resolve) =>
            pulumi.all([d.sseAlgorithm, d.requireEncryptionHeader, d.versionedBucketName, d.bucketName]).apply(resolve),
        );
        assert.deepEqual(values.slice(0, 3), ["aws:kms", false, values[3]]);
        assert.match(String(values[3]), /^data-[0-9a-f]{7}$/);
        const lock = one(pkg, "aws:s3/bucketObjectLockConfiguration:BucketObjectLockConfiguration", "data-object-lock");
        assert.deepEqual([lock.protect, lock.retainOnDelete], [true, true]);
    });

    it("ordering AWS needs travels with the outputs: replication after versioning, targets and budgets after the topic policy", () => {
        const versioning = one(pkg, "aws:s3/bucketVersioning:BucketVersioning", "data-versioning").urn;
        assert.ok(one(pkg, "aws:s3/bucketReplicationConfig:BucketReplicationConfig", "rep").dependencies.includes(versioning));
        const policy = one(pkg, "aws:sns/topicPolicy:TopicPolicy", "alerts-policy").urn;
        assert.ok(one(pkg, "aws:cloudwatch/eventTarget:EventTarget", "detective-to-alerts").dependencies.includes(policy));
        assert.ok(one(pkg, "aws:budgets/budget:Budget", "cost-budget").dependencies.includes(policy));
    });

    it("Replication: the replica is made in the replica region by the component's own provider", () => {
        const prov = one(pkg, "pulumi:providers:aws", "rep-provider");
        assert.equal(prov.inputs.region, "us-west-2");
        assert.ok(prov.parent.endsWith("firehose-storage:index:Replication::rep"), prov.parent);
        assert.ok(one(pkg, "aws:s3/bucket:Bucket", "rep-replica").provider.startsWith(`${prov.urn}::`));
    });

    it("bad inputs: every problem at once, naming the input, nothing created", async () => {
        const [Writer, Replication] = ["WriterAccess", "Replication"].map((n) => components.find((c) => c.name === n)!);
        const writer = await attempt(() => {
            new Writer("w", {
                mode: "robot",
                keyLayout: "daily",
                sseAlgorithm: "AES128",
                bucketArn: "b",
                region: REGION,
                metricsNamespace: "F",
                logGroupArn: LOG_GROUP,
            });
        });
        assert.equal(
            writer.error?.message,
            [
                "invalid WriterAccess args:",
                '  - mode: got "robot"; must be one of "role", "user"',
                '  - keyLayout: got "daily"; must be one of "hybrid", "time", "flow-first"',
                '  - sseAlgorithm: got "AES128"; must be one of "AES256", "aws:kms"',
            ].join("\n"),
        );
        assert.deepEqual(writer.types, ["pulumi:pulumi:Stack", "firehose-storage:index:WriterAccess"]);
        const rep = await attempt(() => {
            new Replication("rep", {
                sourceBucketName: "s",
                sourceBucketArn: "arn:aws:s3:::s",
                sourceObjectLock: true,
                sourceRegion: REGION,
                replicaRegion: REGION,
                storageClass: "REDUCED_REDUNDANCY",
                replica: { disableAccessLogs: true, accessLogs: {} },
            });
        });
        assert.equal(
            rep.error?.message,
            [
                "invalid Replication args:",
                `  - replicaRegion: got "${REGION}"; must differ from the source region (${REGION}): a replica in the same region does not survive a regional outage`,
                '  - storageClass: got "REDUCED_REDUNDANCY"; must be one of STANDARD, STANDARD_IA, ONEZONE_IA, INTELLIGENT_TIERING, GLACIER_IR, GLACIER, DEEP_ARCHIVE',
                "  - replica.objectLock: missing; the source bucket has Object Lock: S3 replicates it only into a bucket with Object Lock; give the replica one",
                "  - replica.accessLogs: got {}; conflicts with disableAccessLogs: true; set one of them",
            ].join("\n"),
        );
        assert.deepEqual(rep.types, ["pulumi:pulumi:Stack", "firehose-storage:index:Replication"]);
        const Bucket = components.find((c) => c.name === "SecureBucket")!;
        const bucket = await attempt(() => {
            new Bucket("b", { encryption: "sse-c", objectLock: { mode: "LEGAL_HOLD", days: 1, years: 1 } });
        });
        assert.equal(
            bucket.error?.message,
            [
                "invalid SecureBucket args:",
                '  - encryption: got "sse-c"; must be one of "sse-s3", "sse-kms"',
                '  - objectLock.mode: got "LEGAL_HOLD"; must be one of GOVERNANCE, COMPLIANCE',
                "  - objectLock.years: got 1; a default retention takes days or years, not both (days is 1); remove one",
            ].join("\n"),
        );
        assert.deepEqual(bucket.types, ["pulumi:pulumi:Stack", "firehose-storage:index:SecureBucket"]);
    });
});
