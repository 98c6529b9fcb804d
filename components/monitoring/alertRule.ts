/**
 * The alerting half every detective control shares: an EventBridge rule whose matches go to the
 * alert topic (`DetectiveAlerts`, `MalwareProtection`'s THREATS_FOUND results, `SensitiveDataDiscovery`'s
 * Macie findings).
 *
 * Children (of `opts.parent`): `${name}` EventRule (exact `ruleName`: the topic policy admits it by
 * ARN before it exists) and `${name}-to-alerts` EventTarget.
 */
import * as aws from "../aws";
import * as pulumi from "@pulumi/pulumi";

export interface AlertRuleArgs {
    /** Exact rule name (1-64 of letters, digits, `.-_`): the topic policy admits it by ARN. */
    readonly ruleName: string;
    readonly description: string;
    /** The EventBridge pattern, as JSON. */
    readonly eventPattern: pulumi.Input<string>;
    /** The alert topic. */
    readonly topicArn: pulumi.Input<string>;
    /** The topic policy admitting the rule: the target waits for it. @default - none */
    readonly topicPolicy?: pulumi.Resource | undefined;
    readonly tags: Readonly<Record<string, string>>;
}

/** Creates the rule and its target to the alert topic; returns the rule. */
export function alertRule(name: string, args: AlertRuleArgs, opts: pulumi.CustomResourceOptions): aws.cloudwatch.EventRule {
    const rule = new aws.cloudwatch.EventRule(
        name,
        { name: args.ruleName, description: args.description, eventPattern: args.eventPattern, tags: args.tags },
        opts,
    );
    // EventBridge drops deliveries the topic policy does not admit: target only once it is in place.
    new aws.cloudwatch.EventTarget(
        `${name}-to-alerts`,
        { rule: rule.name, arn: args.topicArn },
        { ...opts, dependsOn: args.topicPolicy !== undefined ? [args.topicPolicy] : [] },
    );
    return rule;
}
