/**
 * Pure builders of the alert topic's policy and of its KMS key's policy: who may publish (CloudWatch
 * alarms, EventBridge rules, AWS Budgets), each scoped to this account's sources.
 */
import { accountRootArn, alarmArnPattern, budgetArnPattern, partitionOfArn } from "../../../rules/arn";
import { KMS_PUBLISH_ACTIONS, SNS_OWNER_ACTIONS, SNS_PUBLISH } from "../../../rules/actions";
import { allowService, policyDocument, PolicyDocument, Statement } from "../../../rules/document";
import { enableAccountAdministration } from "../../policies/keyPolicyStatements";

/** The AWS services that publish to the alert topic. */
export const ALERT_PUBLISHER_SERVICES = ["cloudwatch.amazonaws.com", "events.amazonaws.com", "budgets.amazonaws.com"] as const;

/** The topic's own account keeps managing and subscribing to it (what SNS's default policy grants). */
export function allowAccountManageTopic(topicArn: string, accountId: string): Statement {
    return {
        Sid: "AllowAccountManageTopic",
        Effect: "Allow",
        Principal: { AWS: accountRootArn(partitionOfArn(topicArn), accountId) },
        Action: [...SNS_OWNER_ACTIONS],
        Resource: topicArn,
    };
}

/** CloudWatch alarms of this account and region publish alarm and OK notifications. */
export function allowAlarmsPublish(topicArn: string, region: string, accountId: string): Statement {
    return allowService("AllowCloudWatchAlarmsPublish", "cloudwatch.amazonaws.com", SNS_PUBLISH, topicArn, {
        ArnLike: { "aws:SourceArn": alarmArnPattern(region, accountId) },
        StringEquals: { "aws:SourceAccount": accountId },
    });
}

/** Exactly the listed EventBridge rules publish (https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-use-resource-based.html#eb-sns-permissions). */
export function allowEventRulesPublish(topicArn: string, ruleArns: readonly string[]): Statement {
    return allowService("AllowEventBridgeRulesPublish", "events.amazonaws.com", SNS_PUBLISH, topicArn, {
        ArnEquals: { "aws:SourceArn": [...ruleArns] },
    });
}

/** This account's budgets publish threshold notifications (https://docs.aws.amazon.com/cost-management/latest/userguide/budgets-sns-policy.html). */
export function allowBudgetsPublish(topicArn: string, accountId: string): Statement {
    return allowService("AllowBudgetsPublish", "budgets.amazonaws.com", SNS_PUBLISH, topicArn, {
        ArnLike: { "aws:SourceArn": budgetArnPattern(partitionOfArn(topicArn), accountId) },
        StringEquals: { "aws:SourceAccount": accountId },
    });
}

export interface TopicPolicyInputs {
    readonly topicArn: string;
    readonly region: string;
    readonly accountId: string;
    /** Rules allowed to publish; no EventBridge statement when empty. */
    readonly eventRuleArns: readonly string[];
    /** Whether AWS Budgets may publish. */
    readonly budgets: boolean;
}

/** The alert topic's whole policy: owner, alarms, the listed rules, budgets. */
export function alertTopicPolicy(i: TopicPolicyInputs): PolicyDocument {
    const statements = [allowAccountManageTopic(i.topicArn, i.accountId), allowAlarmsPublish(i.topicArn, i.region, i.accountId)];
    if (i.eventRuleArns.length > 0) {
        statements.push(allowEventRulesPublish(i.topicArn, i.eventRuleArns));
    }
    if (i.budgets) {
        statements.push(allowBudgetsPublish(i.topicArn, i.accountId));
    }
    return policyDocument(...statements);
}

/**
 * The alert key's policy. The account administers the key through IAM (without this statement the
 * key becomes unmanageable). The publishing services may generate data keys and decrypt: SNS asks
 * for them on the publisher's behalf. AWS's documented key policies for CloudWatch alarms and
 * EventBridge targets carry no condition; the topic policy does the per-source scoping.
 */
export function alertKeyPolicy(region: string, accountId: string): PolicyDocument {
    return policyDocument(enableAccountAdministration(region, accountId), {
        Sid: "AllowAlertPublishersUseOfKey",
        Effect: "Allow",
        Principal: { Service: [...ALERT_PUBLISHER_SERVICES] },
        Action: [...KMS_PUBLISH_ACTIONS],
        Resource: "*",
    });
}
