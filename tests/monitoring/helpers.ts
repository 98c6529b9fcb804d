/** Shared lookups for the monitoring tests: resource types, policy documents, descendants of a component. */
import { MOCK_ACCOUNT_ID } from "../../gate/mocks";
import { RecordedResource } from "../../gate/recorder";
import { Statement } from "../../rules/document";
import { Mode, shippedRunBefore, Stack } from "../helpers/shipped";

export const T = {
    provider: "pulumi:providers:aws",
    sb: "firehose-storage:index:SecureBucket",
    alertTopic: "firehose-storage:index:AlertTopic",
    alarms: "firehose-storage:index:StorageAlarms",
    audit: "firehose-storage:index:AuditTrail",
    detective: "firehose-storage:index:DetectiveAlerts",
    objectEvents: "firehose-storage:index:ObjectNotifications",
    cost: "firehose-storage:index:CostControls",
    bucket: "aws:s3/bucket:Bucket",
    bucketPolicy: "aws:s3/bucketPolicy:BucketPolicy",
    sse: "aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration",
    lifecycle: "aws:s3/bucketLifecycleConfiguration:BucketLifecycleConfiguration",
    replicationConfig: "aws:s3/bucketReplicationConfig:BucketReplicationConfig",
    key: "aws:kms/key:Key",
    topic: "aws:sns/topic:Topic",
    topicPolicy: "aws:sns/topicPolicy:TopicPolicy",
    subscription: "aws:sns/topicSubscription:TopicSubscription",
    metric: "aws:s3/bucketMetric:BucketMetric",
    alarm: "aws:cloudwatch/metricAlarm:MetricAlarm",
    trail: "aws:cloudtrail/trail:Trail",
    rule: "aws:cloudwatch/eventRule:EventRule",
    target: "aws:cloudwatch/eventTarget:EventTarget",
    notification: "aws:s3/bucketNotification:BucketNotification",
    budget: "aws:budgets/budget:Budget",
    analytics: "aws:s3/analyticsConfiguration:AnalyticsConfiguration",
    tiering: "aws:s3/bucketIntelligentTieringConfiguration:BucketIntelligentTieringConfiguration",
} as const;

/** The components this feature adds at the stack's top level. */
export const MONITORING_COMPONENTS = [T.alertTopic, T.alarms, T.audit, T.detective, T.objectEvents, T.cost] as const;

/** Resource types this feature creates that accept tags (the rest, e.g. BucketMetric, take none). */
export const TAGGABLE = new Set<string>([T.bucket, T.key, T.topic, T.alarm, T.trail, T.rule, T.budget]);

/** Statements of a resource's JSON `policy` input. */
export function statements(r: RecordedResource): Statement[] {
    return (JSON.parse(r.inputs.policy as string) as { Statement: Statement[] }).Statement;
}

/** Statement by Sid, failing loudly when absent. */
export function sid(all: readonly Statement[], id: string): Statement {
    const found = all.find((s) => s.Sid === id);
    if (found === undefined) {
        throw new Error(`no statement ${id} among ${all.map((s) => s.Sid).join(", ")}`);
    }
    return found;
}

/** Every resource below the monitoring components. */
export function monitoringResources(resources: readonly RecordedResource[]): RecordedResource[] {
    const roots = new Set(resources.filter((r) => (MONITORING_COMPONENTS as readonly string[]).includes(r.type)).map((r) => r.urn));
    const below = new Set(roots);
    // Registration answers may arrive out of order: iterate to a fixed point.
    let grew = true;
    while (grew) {
        grew = false;
        for (const r of resources) {
            if (!below.has(r.urn) && below.has(r.parent)) {
                below.add(r.urn);
                grew = true;
            }
        }
    }
    return resources.filter((r) => below.has(r.urn) && !roots.has(r.urn));
}

export { shippedRuns } from "../helpers/shipped";
export type { ShippedRuns } from "../helpers/shipped";

/** The mocks' account and the shipped stacks' region. */
export const ACCT = MOCK_ACCOUNT_ID;
export const REGION = "us-east-1";

/**
 * The shipped `stack` as the enclosing `describe` reads it (its two runs are awaited in `before` hooks,
 * tests/helpers/shipped.ts `shippedRunBefore`): its resources per mode, and the update's outputs.
 */
export function shippedStack(stack: Stack): {
    res: (mode?: Mode) => RecordedResource[];
    out: () => Record<string, string>;
} {
    const runs = { preview: shippedRunBefore(stack, "preview"), update: shippedRunBefore(stack, "update") };
    return { res: (mode = "update") => runs[mode]().resources, out: () => runs.update().outputs as Record<string, string> };
}
