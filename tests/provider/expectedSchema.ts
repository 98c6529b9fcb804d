/**
 * The schema the multi-language package must infer, written out: for each component its inputs and
 * outputs with their types, and every named type. Notation: `string`, `number`, `boolean`, `#Name`
 * (a named type), `T[]`, `map<T>`; a trailing `!` marks a plain value (the schema's `plain`: known
 * when the component is constructed, not an output of another resource).
 */

/** A property of the schema Pulumi infers, as far as the notation reads it. */
export interface Property {
    readonly type?: string;
    readonly $ref?: string;
    readonly items?: Property;
    readonly additionalProperties?: Property;
    readonly plain?: boolean;
}

/** A schema property in the notation above. */
export function shapeOf(p: Property): string {
    const base =
        p.$ref !== undefined
            ? `#${p.$ref.split(":").pop() ?? ""}`
            : p.type === "array" && p.items !== undefined
              ? `${shapeOf(p.items)}[]`
              : p.type === "object" && p.additionalProperties !== undefined
                ? `map<${shapeOf(p.additionalProperties)}>`
                : (p.type ?? "?");
    return p.plain === true ? `${base}!` : base;
}

interface ExpectedResource {
    readonly inputs: Record<string, string>;
    readonly requiredInputs: readonly string[];
    readonly outputs: Record<string, string>;
    readonly required: readonly string[];
}

type ExpectedType =
    { readonly enum: readonly string[] } | { readonly properties: Record<string, string>; readonly required: readonly string[] };

/** The inputs of `SecureBucket` but its role: also the properties of `BucketSettings` (a replica's settings). */
const BUCKET_SETTINGS: Record<string, string> = {
    bucketName: "string",
    encryption: "#EncryptionMode!",
    kmsKeyArn: "string",
    requireEncryptionHeader: "boolean!",
    lifecycle: "#Lifecycle!",
    accessLogs: "#AccessLogs!",
    disableAccessLogs: "boolean!",
    mfaExemptPrincipalArns: "string![]!",
    allowForceDestroy: "boolean!",
    retainOnDelete: "boolean!",
    additionalPolicyStatementsJson: "string",
    objectLock: "#ObjectLockRetention!",
    tags: "map<string!>!",
};

export const EXPECTED_RESOURCES: Record<string, ExpectedResource> = {
    SecureBucket: {
        inputs: { role: "#BucketRole!", ...BUCKET_SETTINGS },
        requiredInputs: [],
        outputs: {
            bucketName: "string",
            bucketArn: "string",
            bucketRegionalDomainName: "string",
            kmsKeyArn: "string",
            accessLogBucketName: "string",
            versionedBucketName: "string",
            sseAlgorithm: "#SseAlgorithm",
            requireEncryptionHeader: "boolean",
        },
        required: ["bucketArn", "bucketName", "bucketRegionalDomainName", "requireEncryptionHeader", "sseAlgorithm", "versionedBucketName"],
    },
    WriterAccess: {
        inputs: {
            mode: "#WriterMode!",
            trustedPrincipalArn: "string",
            externalId: "string",
            bucketArn: "string",
            keyLayout: "#KeyLayout!",
            sseAlgorithm: "#SseAlgorithm",
            kmsKeyArn: "string",
            requireEncryptionHeader: "boolean",
            region: "string!",
            metricsNamespace: "string!",
            logGroupArn: "string",
            tags: "map<string!>!",
        },
        requiredInputs: ["bucketArn", "keyLayout", "logGroupArn", "metricsNamespace", "region", "sseAlgorithm"],
        outputs: { principalArn: "string", accessKeyId: "string", secretAccessKey: "string" },
        required: ["principalArn"],
    },
    ReaderAccess: {
        inputs: {
            partnerAccountId: "string!",
            externalId: "string",
            bucketArn: "string",
            prefixes: "string![]!",
            classification: "string!",
            kmsKeyArn: "string",
            region: "string!",
            maxSessionDurationSeconds: "number!",
            tags: "map<string!>!",
        },
        requiredInputs: ["bucketArn", "externalId", "partnerAccountId", "prefixes", "region"],
        outputs: { roleArn: "string" },
        required: ["roleArn"],
    },
    Replication: {
        inputs: {
            sourceBucketName: "string",
            sourceBucketArn: "string",
            sourceKmsKeyArn: "string",
            sourceObjectLock: "boolean!",
            sourceRegion: "string!",
            replicaRegion: "string!",
            replicaName: "string!",
            replica: "#BucketSettings!",
            storageClass: "#ReplicaStorageClass!",
            deleteMarkerReplication: "boolean!",
        },
        requiredInputs: ["replicaRegion", "sourceBucketArn", "sourceBucketName", "sourceRegion"],
        outputs: { replicaBucketName: "string", replicaBucketArn: "string", roleArn: "string", ruleId: "string" },
        required: ["replicaBucketArn", "replicaBucketName", "roleArn", "ruleId"],
    },
    AlertTopic: {
        inputs: {
            region: "string!",
            emails: "string![]!",
            httpsEndpoints: "string![]!",
            eventRuleArns: "string[]!",
            allowBudgets: "boolean!",
            tags: "map<string!>!",
        },
        requiredInputs: ["region"],
        outputs: { topicArn: "string", keyArn: "string" },
        required: ["keyArn", "topicArn"],
    },
    StorageAlarms: {
        inputs: {
            bucketName: "string",
            topicArn: "string",
            thresholds: "#StorageAlarmThresholds!",
            replication: "#ReplicationAlarm!",
            tags: "map<string!>!",
        },
        requiredInputs: ["bucketName", "thresholds", "topicArn"],
        outputs: { alarmArns: "map<string>" },
        required: ["alarmArns"],
    },
    ObjectNotifications: {
        inputs: {
            bucketName: "string",
            objectCreatedTargetArn: "string",
            logGroupArn: "string",
            targetRoleArn: "string",
            keySuffix: "string!",
            tags: "map<string!>!",
        },
        requiredInputs: ["bucketName"],
        outputs: { ruleArn: "string" },
        required: [],
    },
    DetectiveAlerts: {
        inputs: { ruleName: "string!", bucketNames: "string[]!", topicArn: "string", tags: "map<string!>!" },
        requiredInputs: ["bucketNames", "ruleName", "topicArn"],
        outputs: { ruleArn: "string" },
        required: ["ruleArn"],
    },
    AuditTrail: {
        inputs: {
            trailName: "string!",
            region: "string!",
            dataEventsBucketArn: "string",
            logRetentionDays: "number!",
            mfaExemptPrincipalArns: "string![]!",
            allowForceDestroy: "boolean!",
            retainOnDelete: "boolean!",
            tags: "map<string!>!",
        },
        requiredInputs: ["region", "trailName"],
        outputs: { trailArn: "string", logBucketName: "string" },
        required: ["logBucketName", "trailArn"],
    },
    CostControls: {
        inputs: {
            dataBucketName: "string",
            dataBucketArn: "string",
            budget: "#BudgetSettings!",
            analytics: "#StorageClassAnalysis!",
            intelligentTiering: "#IntelligentTieringArchive!",
            allowForceDestroy: "boolean!",
            tags: "map<string!>!",
        },
        requiredInputs: ["dataBucketArn", "dataBucketName"],
        outputs: { analyticsBucketName: "string" },
        required: [],
    },
};

export const EXPECTED_TYPES: Record<string, ExpectedType> = {
    BucketRole: { enum: ["data", "replica", "audit-logs", "quarantine"] },
    EncryptionMode: { enum: ["sse-s3", "sse-kms"] },
    Lifecycle: {
        properties: {
            transitions: "#LifecycleTransition![]!",
            expirationDays: "number!",
            noncurrent: "#NoncurrentVersions!",
            abortIncompleteMultipartUploadDays: "number!",
        },
        required: [],
    },
    LifecycleTransition: { properties: { storageClass: "#StorageClass!", days: "number!" }, required: ["days", "storageClass"] },
    StorageClass: { enum: ["STANDARD_IA", "INTELLIGENT_TIERING", "ONEZONE_IA", "GLACIER_IR", "GLACIER", "DEEP_ARCHIVE"] },
    NoncurrentVersions: {
        properties: { transitions: "#LifecycleTransition![]!", expirationDays: "number!" },
        required: ["expirationDays"],
    },
    AccessLogs: { properties: { prefix: "string!", retentionDays: "number!" }, required: [] },
    ObjectLockRetention: { properties: { mode: "#ObjectLockMode!", days: "number!", years: "number!" }, required: ["mode"] },
    ObjectLockMode: { enum: ["GOVERNANCE", "COMPLIANCE"] },
    SseAlgorithm: { enum: ["AES256", "aws:kms"] },
    WriterMode: { enum: ["role", "user"] },
    KeyLayout: { enum: ["hybrid", "time", "flow-first"] },
    BucketSettings: { properties: BUCKET_SETTINGS, required: [] },
    ReplicaStorageClass: {
        enum: ["STANDARD", "STANDARD_IA", "ONEZONE_IA", "INTELLIGENT_TIERING", "GLACIER_IR", "GLACIER", "DEEP_ARCHIVE"],
    },
    StorageAlarmThresholds: {
        properties: {
            objectCount: "number!",
            bucketSizeBytes: "number!",
            errors4xx: "number!",
            errors5xx: "number!",
            replicationLatencySeconds: "number!",
        },
        required: ["bucketSizeBytes", "errors4xx", "errors5xx", "objectCount", "replicationLatencySeconds"],
    },
    ReplicationAlarm: { properties: { ruleId: "string", destinationBucketName: "string" }, required: ["destinationBucketName", "ruleId"] },
    BudgetSettings: {
        properties: { name: "string!", monthlyLimitUsd: "number!", costAllocationTag: "#CostAllocationTag!", topicArn: "string" },
        required: ["costAllocationTag", "monthlyLimitUsd", "name", "topicArn"],
    },
    CostAllocationTag: { properties: { key: "string!", value: "string!" }, required: ["key", "value"] },
    StorageClassAnalysis: { properties: { exportPrefix: "string!", retentionDays: "number!" }, required: ["exportPrefix"] },
    IntelligentTieringArchive: { properties: { archiveAccessDays: "number!", deepArchiveAccessDays: "number!" }, required: [] },
};
