/**
 * The multi-language component package (PulumiPlugin.yaml beside it). Pulumi's Node.js runtime
 * loads this module, finds the exported components and serves them through ComponentProvider
 * (@pulumi/pulumi/provider/experimental), whose schema is inferred from these sources: every export
 * here must keep to the shapes it reads (named interfaces, string enums, plain arrays, no callbacks).
 */
export { SecureBucket } from "./secureBucket";
export {
    AccessLogs,
    BucketRole,
    BucketSettings,
    EncryptionMode,
    Lifecycle,
    LifecycleTransition,
    NoncurrentVersions,
    ObjectLockMode,
    ObjectLockRetention,
    SecureBucketArgs,
    SseAlgorithm,
    StorageClass,
} from "./secureBucketArgs";
export { ReaderAccess, WriterAccess } from "./access";
export { KeyLayout, ReaderAccessArgs, WriterAccessArgs, WriterMode } from "./accessArgs";
export { Replication, ReplicaStorageClass, ReplicationArgs } from "./replication";
export { AlertTopic, DetectiveAlerts, ObjectNotifications, StorageAlarms } from "./monitoring";
export {
    AlertTopicArgs,
    DetectiveAlertsArgs,
    ObjectNotificationsArgs,
    ReplicationAlarm,
    StorageAlarmsArgs,
    StorageAlarmThresholds,
} from "./monitoringArgs";
export { AuditTrail, CostControls } from "./auditCost";
export {
    AuditTrailArgs,
    BudgetSettings,
    CostAllocationTag,
    CostControlsArgs,
    IntelligentTieringArchive,
    StorageClassAnalysis,
} from "./auditCostArgs";
