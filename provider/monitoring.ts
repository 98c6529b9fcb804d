/**
 * `AlertTopic`, `StorageAlarms`, `ObjectNotifications` and `DetectiveAlerts` for every Pulumi
 * language: the library's components (components/monitoring/, components/audit/detectiveAlerts.ts)
 * behind args Pulumi's schema inference reads; the same children, names and type tokens as in
 * TypeScript.
 */
import * as pulumi from "@pulumi/pulumi";
import { throwOnProblems } from "../components/argsError";
import { DETECTIVE_ALERTS_TYPE, detectiveAlertsArgsProblems, detectiveAlertsResources } from "../components/audit/detectiveAlerts";
import { ALERT_TOPIC_TYPE, alertTopicArgsProblems, alertTopicResources } from "../components/monitoring/alerts";
import { OBJECT_NOTIFICATIONS_TYPE, objectNotificationsResources } from "../components/monitoring/objectNotifications";
import { STORAGE_ALARMS_TYPE, storageAlarmsResources } from "../components/monitoring/storageAlarms";
import { withOldTypes } from "../components/typeTokens";
import { AlertTopicArgs, DetectiveAlertsArgs, ObjectNotificationsArgs, StorageAlarmsArgs } from "./monitoringArgs";

/** The SNS topic alarms, detective rules and budgets notify: encrypted with its own KMS key, with e-mail and HTTPS subscriptions. */
export class AlertTopic extends pulumi.ComponentResource {
    /**
     * `arn:aws:sns:<region>:<account>:<name>`, known once the topic policy is in place: alarms,
     * rule targets and budgets given it wait for the policy that admits them.
     */
    public readonly topicArn: pulumi.Output<string>;
    /** ARN of the topic's KMS key. */
    public readonly keyArn: pulumi.Output<string>;

    constructor(name: string, args: AlertTopicArgs, opts?: pulumi.ComponentResourceOptions) {
        super(ALERT_TOPIC_TYPE, name, {}, withOldTypes("AlertTopic", opts));
        throwOnProblems("AlertTopic", alertTopicArgsProblems(args), this);
        const parts = alertTopicResources(this, name, args);
        this.topicArn = pulumi.all([parts.topicArn, parts.policy.id]).apply(([arn]) => arn);
        this.keyArn = parts.keyArn;
        this.registerOutputs({ topicArn: this.topicArn, keyArn: this.keyArn });
    }
}

/** CloudWatch alarms on a bucket (errors, growth, replication), notifying a topic on ALARM and OK. */
export class StorageAlarms extends pulumi.ComponentResource {
    /** Alarm id (`4xx-errors`, `5xx-errors`, `object-count`, `bucket-size`, `replication-failed`, `replication-latency`) -> alarm ARN. */
    public readonly alarmArns: pulumi.Output<{ [id: string]: string }>;

    constructor(name: string, args: StorageAlarmsArgs, opts?: pulumi.ComponentResourceOptions) {
        super(STORAGE_ALARMS_TYPE, name, {}, withOldTypes("StorageAlarms", opts));
        this.alarmArns = pulumi.output(storageAlarmsResources(this, name, args));
        this.registerOutputs({ alarmArns: this.alarmArns });
    }
}

/** The bucket sends its events to EventBridge; a rule forwards new objects with a key suffix to a log group and/or a target. */
export class ObjectNotifications extends pulumi.ComponentResource {
    /** ARN of the object-created rule; empty without a log group or target. */
    public readonly ruleArn: pulumi.Output<string | undefined>;

    constructor(name: string, args: ObjectNotificationsArgs, opts?: pulumi.ComponentResourceOptions) {
        super(OBJECT_NOTIFICATIONS_TYPE, name, {}, withOldTypes("ObjectNotifications", opts));
        this.ruleArn = objectNotificationsResources(this, name, args) ?? pulumi.output(undefined);
        this.registerOutputs({ ruleArn: this.ruleArn });
    }
}

/** An EventBridge rule reporting changes to buckets' policy, ACL, public access block or encryption to the alert topic. */
export class DetectiveAlerts extends pulumi.ComponentResource {
    /** `arn:aws:events:<region>:<account>:rule/<ruleName>`. */
    public readonly ruleArn: pulumi.Output<string>;

    constructor(name: string, args: DetectiveAlertsArgs, opts?: pulumi.ComponentResourceOptions) {
        super(DETECTIVE_ALERTS_TYPE, name, {}, withOldTypes("DetectiveAlerts", opts));
        throwOnProblems("DetectiveAlerts", detectiveAlertsArgsProblems(args), this);
        this.ruleArn = detectiveAlertsResources(this, name, args);
        this.registerOutputs({ ruleArn: this.ruleArn });
    }
}
