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
export { MINIMAL_LIFECYCLE, bucketArgsProblems, resolveBucketArgs } from "./components/storage/secureBucketArgs";
export type { AccessLogArgs, EncryptionArgs, ResolvedBucketArgs, SecureBucketArgs } from "./components/storage/secureBucketArgs";
export { lifecycleProblems, lifecycleRules } from "./components/storage/lifecycle";
export type { LifecyclePlan, LifecycleRule, Problem, Transition } from "./components/storage/lifecycle";

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

// The shared pure rules (roles, tags, regions, storage classes, ARNs, action lists, deny statements)
export * from "./rules";

// Pure policy builders of the components (IAM and bucket policy documents; no Pulumi resources)
export {
    allowCloudTrailAclCheck,
    allowCloudTrailWrite,
    allowS3AnalyticsExport,
    cloudTrailDeliveryStatements,
} from "./components/policies/deliveryStatements";
export { allowS3LogDelivery } from "./components/storage/policies/bucketStatements";
export { secureBucketPolicy } from "./components/storage/policies/bucketPolicy";
export type { BucketPolicyInputs } from "./components/storage/policies/bucketPolicy";
export { accessBucketStatements, allowWriter, denyOutsideNetwork } from "./components/access/policies/accessStatements";
export type { AccessBucketStatementInputs, NetworkLimit } from "./components/access/policies/accessStatements";
export { readerIdentityPolicy } from "./components/access/policies/readerPolicy";
export type { ReaderPolicyInputs } from "./components/access/policies/readerPolicy";
export { uploadEncryptionCondition, writerIdentityPolicy } from "./components/access/policies/writerPolicy";
export type { UploadEncryption, WriterPolicyInputs } from "./components/access/policies/writerPolicy";
export { externalIdTrust, s3ReplicationTrust } from "./components/access/policies/trustPolicy";
export type { TrustPolicyDocument, TrustStatement } from "./components/access/policies/trustPolicy";
export { replicationRolePolicy } from "./components/access/policies/replicationPolicy";
export type { ReplicationPolicyInputs } from "./components/access/policies/replicationPolicy";
export {
    ALERT_PUBLISHER_SERVICES,
    alertKeyPolicy,
    alertTopicPolicy,
    allowAccountManageTopic,
    allowAlarmsPublish,
    allowBudgetsPublish,
    allowEventRulesPublish,
} from "./components/monitoring/policies/alertStatements";
export type { TopicPolicyInputs } from "./components/monitoring/policies/alertStatements";
