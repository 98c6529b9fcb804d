/** Shared lookups for the detective tests (compliance, discovery, malware, monitoring, storage): types, config resolution, problem lines, policy statements. */
import * as assert from "node:assert/strict";
import * as path from "path";
import { ConfigError, resolveSettings, Settings } from "../../config";
import { planStack, StackPlan } from "../../gate/plan";
import { RecordedResource } from "../../gate/recorder";
import { Statement } from "../../rules/document";

export const T = {
    arrivalLog: "firehose-storage:monitoring:ArrivalLog",
    objectEvents: "firehose-storage:index:ObjectNotifications",
    logGroup: "aws:cloudwatch/logGroup:LogGroup",
    logPolicy: "aws:cloudwatch/logResourcePolicy:LogResourcePolicy",
    key: "aws:kms/key:Key",
    rule: "aws:cloudwatch/eventRule:EventRule",
    target: "aws:cloudwatch/eventTarget:EventTarget",
    notification: "aws:s3/bucketNotification:BucketNotification",
    bucket: "aws:s3/bucket:Bucket",
    bucketPolicy: "aws:s3/bucketPolicy:BucketPolicy",
    role: "aws:iam/role:Role",
    rolePolicy: "aws:iam/rolePolicy:RolePolicy",
    topicPolicy: "aws:sns/topicPolicy:TopicPolicy",
} as const;

export const PROJECT_DIR = path.resolve(__dirname, "../..");
export const ACCOUNT = "123456789012";

const base = { environment: "dev", owner: "data-platform", costCenter: "CC-1" };

export function resolve(values: Record<string, unknown>): Settings {
    return resolveSettings({ project: "firehose-storage", stack: "test", values: { ...base, ...values }, region: "us-east-1" });
}

/** The problem lines of a rejected config. */
export function problems(values: Record<string, unknown>): string[] {
    try {
        resolve(values);
    } catch (e) {
        assert.ok(e instanceof ConfigError, `expected ConfigError, got ${String(e)}`);
        return e.message
            .split("\n")
            .slice(1)
            .map((l) => l.replace(/^\s*- /, ""));
    }
    assert.fail("config was accepted");
}

/** A shipped stack with overrides, as an update (every value resolved). */
export function variant(stack: "dev" | "prod", overrides: readonly string[]): Promise<StackPlan> {
    return planStack({ projectDir: PROJECT_DIR, stack, preview: false, overrides });
}

/** Statements of a resource's JSON policy input. */
export function statements(r: RecordedResource, key = "policy"): Statement[] {
    return (JSON.parse(r.inputs[key] as string) as { Statement: Statement[] }).Statement;
}

export { one, ofType } from "./resources";
export { shippedRun } from "./shipped";
