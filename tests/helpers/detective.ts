/** Shared lookups for the detective tests (compliance, discovery, malware, monitoring, storage): types, config resolution, problem lines, policy statements. */
import * as assert from "node:assert/strict";
import * as path from "path";
import { planStack, StackPlan } from "../../gate/plan";
import { RecordedResource } from "../../gate/recorder";
import { Statement } from "../../rules/document";
import { one } from "./resources";

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

/** A shipped stack with overrides, as an update (every value resolved). */
export function variant(stack: "dev" | "prod", overrides: readonly string[]): Promise<StackPlan> {
    return planStack({ projectDir: PROJECT_DIR, stack, preview: false, overrides });
}

/** Statements of a resource's JSON policy input. */
export function statements(r: RecordedResource, key = "policy"): Statement[] {
    return (JSON.parse(r.inputs[key] as string) as { Statement: Statement[] }).Statement;
}

export { problems, resolve } from "./config";
export { one, ofType } from "./resources";
export { shippedRun } from "./shipped";

/**
 * The prod stack's event rule target `targetName` sends to the alert topic, registered after the
 * topic's policy, which lets exactly the rules `ruleNames` (account us-east-1 rules) publish. Returns
 * the topic policy.
 */
export function assertAlertsTarget(plan: StackPlan, targetName: string, ruleNames: readonly string[]): RecordedResource {
    const target = one(plan.resources, T.target, targetName);
    const topicPolicy = one(plan.resources, T.topicPolicy, "firehose-alerts-policy");
    assert.equal(target.inputs.arn, plan.outputs.alertTopicArn);
    assert.ok(target.dependencies.includes(topicPolicy.urn));
    const publish = statements(topicPolicy).find((s) => s.Sid === "AllowEventBridgeRulesPublish");
    assert.deepEqual(publish?.Condition, {
        ArnEquals: { "aws:SourceArn": ruleNames.map((n) => `arn:aws:events:us-east-1:${ACCOUNT}:rule/${n}`) },
    });
    return topicPolicy;
}
