/**
 * `AlertTopic`: the SNS topic every alarm, detective rule and budget notifies, encrypted with a
 * customer-managed KMS key, with e-mail and HTTPS subscriptions.
 *
 * Why not `alias/aws/sns`: the AWS-managed key's policy cannot be edited and does not let
 * cloudwatch.amazonaws.com or events.amazonaws.com call kms:GenerateDataKey/kms:Decrypt, so alarm
 * actions fail ("CloudWatch Alarms does not have authorization to access the SNS topic encryption
 * key") and EventBridge deliveries are dropped
 * (https://repost.aws/knowledge-center/cloudwatch-configure-alarm-sns). A key of our own, whose policy
 * admits those services, is the only way to have an encrypted topic that alarms can reach.
 *
 * Children: `${name}-key` KMS key (rotation on), `${name}` topic, `${name}-policy` topic policy,
 * `${name}-email-<hash>` / `${name}-https-<hash>` subscriptions (named by a hash of the endpoint, so
 * reordering the list replaces nothing).
 */
import * as aws from "../aws";
import * as pulumi from "@pulumi/pulumi";
import { createHash } from "crypto";
import { throwOnProblems } from "../argsError";
import { Problem } from "../storage/lifecycle";
import { published } from "../published";
import { alertKeyPolicy, alertTopicPolicy } from "./policies/alertStatements";
import { typeToken, withOldTypes } from "../typeTokens";

export const ALERT_TOPIC_TYPE = typeToken("AlertTopic");

export interface AlertTopicArgs {
    /** Region of the topic (the provider's), used to scope the alarm publishing statement. */
    readonly region: string;
    /** E-mail addresses to subscribe. @default [] */
    readonly emails?: readonly string[] | undefined;
    /** HTTPS endpoints to subscribe. @default [] */
    readonly httpsEndpoints?: readonly string[] | undefined;
    /**
     * ARNs of the EventBridge rules allowed to publish (`aws:SourceArn`); computed from the rule
     * names, since the rules' targets depend on this policy. @default [] (no EventBridge statement)
     */
    readonly eventRuleArns?: readonly pulumi.Input<string>[] | undefined;
    /** Let AWS Budgets publish threshold notifications. @default false */
    readonly allowBudgets?: boolean | undefined;
    /** Extra tags; `Name` and `Role` are always set. @default {} */
    readonly tags?: Readonly<Record<string, string>> | undefined;
}

function endpointSuffix(endpoint: string): string {
    return createHash("sha256").update(endpoint.toLowerCase()).digest("hex").slice(0, 8);
}

/** Every problem with the subscriptions: an address or endpoint listed twice (any case), a non-https endpoint. */
export function alertTopicArgsProblems(args: Pick<AlertTopicArgs, "emails" | "httpsEndpoints">): Problem[] {
    const twice = (key: string, list: readonly string[], what: string): Problem[] =>
        list.flatMap((e, i) =>
            list.findIndex((x) => x.toLowerCase() === e.toLowerCase()) !== i
                ? [{ path: `${key}[${i}]`, value: e, message: `is listed twice; list each ${what} once` }]
                : [],
        );
    const https = args.httpsEndpoints ?? [];
    return [
        ...twice("emails", args.emails ?? [], "address"),
        ...twice("httpsEndpoints", https, "endpoint"),
        ...https.flatMap((u, i) =>
            u.startsWith("https://") ? [] : [{ path: `httpsEndpoints[${i}]`, value: u, message: "must be an https:// URL" }],
        ),
    ];
}

/** What `buildAlertTopic` created: the topic's and key's ARNs (the outputs) and the topic policy. */
export interface AlertTopicParts {
    readonly topicArn: pulumi.Output<string>;
    readonly keyArn: pulumi.Output<string>;
    readonly policy: aws.sns.TopicPolicy;
}

/**
 * The body of `AlertTopic` (this library's and the multi-language package's): checks the args
 * (`alertTopicArgsProblems`, every problem at once), creates the key, topic, topic policy and
 * subscriptions as children of `owner`, and returns what they are.
 */
export function buildAlertTopic(owner: pulumi.ComponentResource, name: string, args: AlertTopicArgs): AlertTopicParts {
    throwOnProblems("AlertTopic", alertTopicArgsProblems(args), owner);
    const emails = args.emails ?? [];
    const https = args.httpsEndpoints ?? [];
    const parent = { parent: owner };
    const tags = (suffix: string) => ({ ...args.tags, Name: `${name}${suffix}`, Role: "alerts" });
    const accountId = aws.getCallerIdentityOutput({}, parent).accountId;

    const key = new aws.kms.Key(
        `${name}-key`,
        {
            description: `Encrypts the ${name} alert topic; usable by CloudWatch alarms, EventBridge and AWS Budgets`,
            enableKeyRotation: true,
            deletionWindowInDays: 30,
            policy: accountId.apply((id) => JSON.stringify(alertKeyPolicy(args.region, id))),
            tags: tags("-key"),
        },
        parent,
    );

    const topic = new aws.sns.Topic(name, { kmsMasterKeyId: key.arn, tags: tags("") }, parent);

    const policy = new aws.sns.TopicPolicy(
        `${name}-policy`,
        {
            arn: topic.arn,
            policy: pulumi.all([topic.arn, accountId, pulumi.all([...(args.eventRuleArns ?? [])])]).apply(([topicArn, id, ruleArns]) =>
                JSON.stringify(
                    alertTopicPolicy({
                        topicArn,
                        region: args.region,
                        accountId: id,
                        eventRuleArns: ruleArns,
                        budgets: args.allowBudgets ?? false,
                    }),
                ),
            ),
        },
        parent,
    );

    for (const email of emails) {
        new aws.sns.TopicSubscription(
            `${name}-email-${endpointSuffix(email)}`,
            { topic: topic.arn, protocol: "email", endpoint: email },
            parent,
        );
    }
    for (const url of https) {
        new aws.sns.TopicSubscription(
            `${name}-https-${endpointSuffix(url)}`,
            { topic: topic.arn, protocol: "https", endpoint: url, endpointAutoConfirms: false },
            parent,
        );
    }

    return { topicArn: topic.arn, keyArn: key.arn, policy };
}

export class AlertTopic extends pulumi.ComponentResource {
    /** `arn:<partition>:sns:<region>:<account>:<name>`. */
    declare public readonly topicArn: pulumi.Output<string>;
    /** ARN of the topic's KMS key. */
    declare public readonly keyArn: pulumi.Output<string>;
    /** The topic policy: event-rule targets must depend on it. */
    public readonly policy: aws.sns.TopicPolicy;

    constructor(name: string, args: AlertTopicArgs, opts?: pulumi.ComponentResourceOptions) {
        super(ALERT_TOPIC_TYPE, name, {}, withOldTypes("AlertTopic", opts));
        const { policy, ...outputs } = buildAlertTopic(this, name, args);
        this.policy = policy;
        this.registerOutputs(published<AlertTopic>(this, outputs));
    }
}
