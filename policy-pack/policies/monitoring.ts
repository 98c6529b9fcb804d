/** Resource policies for alerting: the topic alerts go to, and the alarms that feed it. */
import { label, resourcePolicy, unverified, violation } from "../lib/check";
import { T } from "../lib/types";
import { arr, bool, str, UNKNOWN } from "../lib/unknown";

/**
 * Checks whether an SNS topic is encrypted at rest with a KMS key (`kmsMasterKeyId`). A key ARN
 * that is unknown during preview still counts: the key is set, only its ARN is pending.
 */
export const snsTopicEncrypted = resourcePolicy(
    {
        name: "sns-topic-encrypted",
        description: "Checks whether an SNS topic sets kmsMasterKeyId.",
        severity: "medium",
        securityHub: ["SNS.1"],
        cis: [],
        topics: ["monitoring", "encryption"],
        remediation: "Set kmsMasterKeyId on the topic.",
    },
    {
        types: T.topic,
        check: (r) => {
            const key = str(r.props.kmsMasterKeyId);
            return key === UNKNOWN || (key !== undefined && key !== "")
                ? []
                : [violation(`${label(r)} is not encrypted: set kmsMasterKeyId (a customer key, or "alias/aws/sns").`)];
        },
    },
);

/**
 * Checks whether a CloudWatch metric alarm notifies someone: actions enabled and at least one alarm
 * action. An alarm without actions changes state silently.
 */
export const cloudwatchAlarmHasActions = resourcePolicy(
    {
        name: "cloudwatch-alarm-has-actions",
        description: "Checks whether a CloudWatch metric alarm has actions enabled and an alarm action.",
        severity: "medium",
        securityHub: ["CloudWatch.15"],
        cis: [],
        topics: ["monitoring"],
        remediation: "Enable actions and add the alert topic to alarmActions.",
    },
    {
        types: T.metricAlarm,
        check: (r) => {
            const enabled = bool(r.props.actionsEnabled);
            const actions = arr(r.props.alarmActions);
            if (enabled === false) {
                return [violation(`${label(r)} has actionsEnabled: false: enable actions so the alarm notifies the alert topic.`)];
            }
            if (actions !== UNKNOWN && actions.length === 0) {
                return [violation(`${label(r)} has no alarmActions: add the alert topic's ARN to alarmActions (and okActions).`)];
            }
            return enabled === UNKNOWN || actions === UNKNOWN ? [unverified(`the actions of ${label(r)} are unknown`)] : [];
        },
    },
);
