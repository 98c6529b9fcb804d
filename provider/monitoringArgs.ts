/**
 * Args of the multi-language monitoring components (`AlertTopic`, `StorageAlarms`,
 * `ObjectNotifications`, `DetectiveAlerts`) in the shapes Pulumi's schema inference reads: named
 * interfaces, plain arrays (of inputs), string maps. The library's resource-typed args (the topic
 * policy or log-group policy a target waits for) have no schema shape: the package's
 * `AlertTopic.topicArn` carries the topic policy as a dependency instead.
 */
import * as pulumi from "@pulumi/pulumi";

export interface AlertTopicArgs {
    /** Region of the topic (the provider's), used to scope the alarm publishing statement. */
    region: string;
    /** E-mail addresses to subscribe. @default [] */
    emails?: string[];
    /** HTTPS endpoints to subscribe. @default [] */
    httpsEndpoints?: string[];
    /**
     * ARNs of the EventBridge rules allowed to publish (`aws:SourceArn`), built from the rule names
     * (e.g. `DetectiveAlerts.ruleName`), since the rules' targets wait for this policy. @default []
     */
    eventRuleArns?: pulumi.Input<string>[];
    /** Let AWS Budgets publish threshold notifications. @default false */
    allowBudgets?: boolean;
    /** Extra tags; `Name` and `Role` are always set. @default {} */
    tags?: { [key: string]: string };
}

/** Alarm thresholds of `StorageAlarms`. */
export interface StorageAlarmThresholds {
    /** NumberOfObjects, all storage classes. */
    objectCount: number;
    /** BucketSizeBytes in S3 Standard. */
    bucketSizeBytes: number;
    /** 4xx responses per 5 minutes. */
    errors4xx: number;
    /** 5xx responses per 5 minutes. */
    errors5xx: number;
    /** Maximum ReplicationLatency in seconds. */
    replicationLatencySeconds: number;
}

/** The watched bucket's replication: its rule id and destination. */
export interface ReplicationAlarm {
    /** `Replication.ruleId`. */
    ruleId: pulumi.Input<string>;
    /** `Replication.replicaBucketName`. */
    destinationBucketName: pulumi.Input<string>;
}

export interface StorageAlarmsArgs {
    /** The bucket to watch. */
    bucketName: pulumi.Input<string>;
    /** Topic notified on ALARM and on OK (`AlertTopic.topicArn`). */
    topicArn: pulumi.Input<string>;
    /** Alarm thresholds. */
    thresholds: StorageAlarmThresholds;
    /** The bucket's replication; replication alarms only when given. @default - none */
    replication?: ReplicationAlarm;
    /** Extra tags; `Name` and `Role` are always set. @default {} */
    tags?: { [key: string]: string };
}

export interface ObjectNotificationsArgs {
    /** The bucket whose events go to EventBridge. */
    bucketName: pulumi.Input<string>;
    /** A target for new objects with the key suffix (SQS, SNS, Lambda, ...); its own resource policy must admit EventBridge. @default - none */
    objectCreatedTargetArn?: pulumi.Input<string>;
    /** A CloudWatch Logs log group receiving new-object events; its resource policy must admit EventBridge. @default - no log target */
    logGroupArn?: pulumi.Input<string>;
    /** Role EventBridge assumes for targets that need one (Kinesis, event buses). @default - none */
    targetRoleArn?: pulumi.Input<string>;
    /** Object key suffix the rule matches. @default ".json" */
    keySuffix?: string;
    /** Extra tags; `Name` and `Role` are always set. @default {} */
    tags?: { [key: string]: string };
}

export interface DetectiveAlertsArgs {
    /** Exact rule name (1-64 of letters, digits, `.-_`); its ARN goes in `AlertTopic.eventRuleArns`. */
    ruleName: string;
    /** Buckets whose policy, ACL, public access block or encryption changes are reported. */
    bucketNames: pulumi.Input<string>[];
    /** The alert topic (`AlertTopic.topicArn`: the target then waits for the topic policy). */
    topicArn: pulumi.Input<string>;
    /** Extra tags; `Name` and `Role` are always set. @default {} */
    tags?: { [key: string]: string };
}
