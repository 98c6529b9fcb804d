/**
 * `AlertTopic`, `StorageAlarms`, `ObjectNotifications` and `DetectiveAlerts` for every Pulumi
 * language: the library's components (components/monitoring/, components/audit/detectiveAlerts.ts)
 * behind args Pulumi's schema inference reads; the same children, names and type tokens as in
 * TypeScript.
 */
import * as pulumi from "@pulumi/pulumi";
import { buildDetectiveAlerts, DETECTIVE_ALERTS_TYPE } from "../components/audit/detectiveAlerts";
import { ALERT_TOPIC_TYPE, buildAlertTopic } from "../components/monitoring/alerts";
import { buildObjectNotifications, OBJECT_NOTIFICATIONS_TYPE } from "../components/monitoring/objectNotifications";
import { buildStorageAlarms, STORAGE_ALARMS_TYPE } from "../components/monitoring/storageAlarms";
import { published } from "../components/published";
import { withOldTypes } from "../components/typeTokens";
import { AlertTopicArgs, DetectiveAlertsArgs, ObjectNotificationsArgs, StorageAlarmsArgs } from "./monitoringArgs";

/** The SNS topic alarms, detective rules and budgets notify: encrypted with its own KMS key, with e-mail and HTTPS subscriptions. */
export class AlertTopic extends pulumi.ComponentResource {
    /**
     * `arn:<partition>:sns:<region>:<account>:<name>`, known once the topic policy is in place: alarms,
     * rule targets and budgets given it wait for the policy that admits them.
     */
    declare public readonly topicArn: pulumi.Output<string>;
    /** ARN of the topic's KMS key. */
    declare public readonly keyArn: pulumi.Output<string>;

    constructor(name: string, args: AlertTopicArgs, opts?: pulumi.ComponentResourceOptions) {
        super(ALERT_TOPIC_TYPE, name, {}, withOldTypes("AlertTopic", opts));
        const { topicArn, keyArn, policy } = buildAlertTopic(this, name, args);
        this.registerOutputs(published<AlertTopic>(this, { topicArn: pulumi.all([topicArn, policy.id]).apply(([arn]) => arn), keyArn }));
    }
}

/** CloudWatch alarms on a bucket (errors, growth, replication), notifying a topic on ALARM and OK. */
export class StorageAlarms extends pulumi.ComponentResource {
    /** Alarm id (`4xx-errors`, `5xx-errors`, `object-count`, `bucket-size`, `replication-failed`, `replication-latency`) -> alarm ARN. */
    declare public readonly alarmArns: pulumi.Output<{ [id: string]: string }>;

    constructor(name: string, args: StorageAlarmsArgs, opts?: pulumi.ComponentResourceOptions) {
        super(STORAGE_ALARMS_TYPE, name, {}, withOldTypes("StorageAlarms", opts));
        this.registerOutputs(published<StorageAlarms>(this, { alarmArns: pulumi.output(buildStorageAlarms(this, name, args).alarmArns) }));
    }
}

/** The bucket sends its events to EventBridge; a rule forwards new objects with a key suffix to a log group and/or a target. */
export class ObjectNotifications extends pulumi.ComponentResource {
    /** ARN of the object-created rule; empty without a log group or target. */
    declare public readonly ruleArn: pulumi.Output<string | undefined>;

    constructor(name: string, args: ObjectNotificationsArgs, opts?: pulumi.ComponentResourceOptions) {
        super(OBJECT_NOTIFICATIONS_TYPE, name, {}, withOldTypes("ObjectNotifications", opts));
        this.registerOutputs(
            published<ObjectNotifications>(this, {
                ruleArn: buildObjectNotifications(this, name, args).ruleArn ?? pulumi.output(undefined),
            }),
        );
    }
}

/** An EventBridge rule reporting changes to buckets' policy, ACL, public access block or encryption to the alert topic. */
export class DetectiveAlerts extends pulumi.ComponentResource {
    /** `arn:<partition>:events:<region>:<account>:rule/<ruleName>`. */
    declare public readonly ruleArn: pulumi.Output<string>;

    constructor(name: string, args: DetectiveAlertsArgs, opts?: pulumi.ComponentResourceOptions) {
        super(DETECTIVE_ALERTS_TYPE, name, {}, withOldTypes("DetectiveAlerts", opts));
        this.registerOutputs(published<DetectiveAlerts>(this, buildDetectiveAlerts(this, name, args)));
    }
}
