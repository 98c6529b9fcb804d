/**
 * The firehose-storage library (package `main`/`exports["."]`): the components with their args
 * types, the pure IAM/bucket policy builders and the object-key layout helpers. The stack program is
 * apart from it (`stack/index.ts`, Pulumi.yaml `main`); importing this file registers nothing.
 *
 * ```ts
 * import { SecureBucket } from "firehose-storage";
 * const bucket = new SecureBucket("archive", { encryption: { mode: "sse-kms" } });
 * ```
 */

// Storage
export { SecureBucket, SECURE_BUCKET_TYPE } from "./components/storage/secureBucket";
export { BUCKET_ROLES, MINIMAL_LIFECYCLE, bucketArgsProblems, resolveBucketArgs } from "./components/storage/secureBucketArgs";
export type {
    AccessLogArgs,
    BucketRole,
    EncryptionArgs,
    ResolvedBucketArgs,
    SecureBucketArgs,
} from "./components/storage/secureBucketArgs";
export { TRANSITION_STORAGE_CLASSES, lifecycleProblems, lifecycleRules } from "./components/storage/lifecycle";
export type { LifecyclePlan, LifecycleRule, Problem, Transition, TransitionStorageClass } from "./components/storage/lifecycle";

// Key layout
export {
    FLOW_ID_PATTERN,
    KEY_LAYOUTS,
    keyPattern,
    listPrefixPatterns,
    objectArnPattern,
    objectKey,
    partitionPrefix,
} from "./components/storage/layout";
export type { KeyLayout, PartitionRef } from "./components/storage/layout";

// Access
export { ReaderAccess, READER_ACCESS_TYPE } from "./components/access/readerAccess";
export type { ReaderAccessArgs } from "./components/access/readerAccess";
export { WriterAccess, WRITER_ACCESS_TYPE, writerArgsProblems } from "./components/access/writerAccess";
export type { WriterAccessArgs } from "./components/access/writerAccess";
export { Replication, REPLICATION_TYPE } from "./components/access/replication";
export { REPLICA_STORAGE_CLASSES, REPLICATION_TIME_MINUTES, replicationArgsProblems } from "./components/access/replicationArgs";
export type { ReplicaStorageClass, ReplicationArgs } from "./components/access/replicationArgs";

// Monitoring, audit, cost
export { AlertTopic, ALERT_TOPIC_TYPE } from "./components/monitoring/alerts";
export type { AlertTopicArgs } from "./components/monitoring/alerts";
export { ObjectNotifications, OBJECT_NOTIFICATIONS_TYPE } from "./components/monitoring/objectNotifications";
export type { ObjectNotificationsArgs } from "./components/monitoring/objectNotifications";
export { StorageAlarms, STORAGE_ALARMS_TYPE, storageAlarmSpecs } from "./components/monitoring/storageAlarms";
export type {
    AlarmSpec,
    AlarmThresholds,
    ReplicationAlarmInput,
    StorageAlarmsArgs,
    TreatMissingData,
} from "./components/monitoring/storageAlarms";
export { bucketProtectionChangePattern, objectCreatedPattern } from "./components/monitoring/eventPatterns";
export type { EventPattern } from "./components/monitoring/eventPatterns";
export { AuditTrail, AUDIT_TRAIL_TYPE, trailEventSelectors } from "./components/audit/auditTrail";
export type { AuditTrailArgs } from "./components/audit/auditTrail";
export { DetectiveAlerts, DETECTIVE_ALERTS_TYPE } from "./components/audit/detectiveAlerts";
export type { DetectiveAlertsArgs } from "./components/audit/detectiveAlerts";
export { CostControls, COST_CONTROLS_TYPE, budgetNotifications, costControlsProblems } from "./components/cost/costControls";
export type { BudgetArgs, CostControlsArgs } from "./components/cost/costControls";

// Pure policy builders (IAM and bucket policy statements; no Pulumi resources)
export * as actions from "./components/policies/actions";
export { bucketAndObjects, policyDocument } from "./components/policies/document";
export type { Conditions, Effect, PolicyDocument, Principal, Statement } from "./components/policies/document";
export * from "./components/policies/deliveryStatements";
export * from "./components/storage/policies/bucketStatements";
export * from "./components/storage/policies/bucketPolicy";
export * from "./components/access/policies/accessStatements";
export * from "./components/access/policies/readerPolicy";
export * from "./components/access/policies/writerPolicy";
export * from "./components/access/policies/trustPolicy";
export * from "./components/access/policies/replicationPolicy";
export * from "./components/monitoring/policies/alertStatements";
