/**
 * The alerting half every detective control shares: an EventBridge rule whose matches go to the
 * alert topic (`DetectiveAlerts`, `MalwareProtection`'s THREATS_FOUND results, `SensitiveDataDiscovery`'s
 * Macie findings).
 *
 * Children (of `owner`): `${name}` EventRule (exact `alertRuleName`: the topic policy admits it by
 * ARN before it exists) and `${name}-to-alerts` EventTarget.
 */
import * as aws from "../aws";
import * as pulumi from "@pulumi/pulumi";

/** Where a detective control's alerts go: its rule's exact name, the alert topic and the topic's policy. */
export interface AlertDestination {
    /** Exact name of the alert rule (1-64 of letters, digits, `.-_`): the topic policy admits it by ARN. */
    readonly alertRuleName: string;
    /** The alert topic. */
    readonly topicArn: pulumi.Input<string>;
    /** The topic's policy (admitting `alertRuleName`): the target waits for it. @default - none */
    readonly topicPolicy?: pulumi.Resource | undefined;
}

/** What an alert rule matches, and how it is described and tagged. */
export interface AlertRuleSpec {
    readonly description: string;
    /** The EventBridge pattern, as JSON. */
    readonly eventPattern: pulumi.Input<string>;
    readonly tags: Readonly<Record<string, string>>;
}

/** Creates the rule and its target to the alert topic as children of `owner`; returns the rule. */
export function alertRule(owner: pulumi.Resource, name: string, to: AlertDestination, rule: AlertRuleSpec): aws.cloudwatch.EventRule {
    const parent = { parent: owner };
    const created = new aws.cloudwatch.EventRule(
        name,
        { name: to.alertRuleName, description: rule.description, eventPattern: rule.eventPattern, tags: rule.tags },
        parent,
    );
    // EventBridge drops deliveries the topic policy does not admit: target only once it is in place.
    new aws.cloudwatch.EventTarget(
        `${name}-to-alerts`,
        { rule: created.name, arn: to.topicArn },
        { ...parent, dependsOn: to.topicPolicy !== undefined ? [to.topicPolicy] : [] },
    );
    return created;
}
