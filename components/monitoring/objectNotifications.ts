/**
 * `ObjectNotifications`: the bucket sends its S3 events to EventBridge (`eventbridge: true`), and a
 * rule forwards "Object Created" events for keys ending in `.json` to the data-arrival log group
 * and/or a configurable target (no rule when neither is given).
 * The target's own resource policy (SQS queue policy, SNS topic policy, Lambda permission) must admit
 * events.amazonaws.com for that rule; targets that need a role (Kinesis, another bus) take `roleArn`.
 *
 * Children: `${name}` BucketNotification, and with a log group or a target `${name}-json-created`
 * EventRule, `${name}-json-created-log` and/or `${name}-json-created-target` EventTargets.
 */
import * as aws from "../aws";
import * as pulumi from "@pulumi/pulumi";
import { objectCreatedPattern } from "./eventPatterns";
import { published } from "../published";
import { typeToken, withOldTypes } from "../typeTokens";

export const OBJECT_NOTIFICATIONS_TYPE = typeToken("ObjectNotifications");

export interface ObjectNotificationsArgs {
    readonly bucketName: pulumi.Input<string>;
    /** Another target for new `.json` objects (SQS, SNS, Lambda, ...). @default - none */
    readonly objectCreatedTargetArn?: pulumi.Input<string> | undefined;
    /** The data-arrival log group (`ArrivalLog.logGroupArn`). @default - no log target */
    readonly logGroupArn?: pulumi.Input<string> | undefined;
    /** The Logs resource policy admitting EventBridge: the log target waits for it. @default - none */
    readonly logGroupPolicy?: pulumi.Resource | undefined;
    /** Role EventBridge assumes for targets that need one (Kinesis, event buses). @default - none */
    readonly targetRoleArn?: pulumi.Input<string> | undefined;
    /** Object key suffix the rule matches. @default ".json" */
    readonly keySuffix?: string | undefined;
    /** Extra tags; `Name` and `Role` are always set. @default {} */
    readonly tags?: Readonly<Record<string, string>> | undefined;
}

/**
 * The body of `ObjectNotifications` (this library's and the multi-language package's): creates the
 * bucket notification and, with a log group or target, the rule and its targets as children of
 * `owner`; returns the rule's ARN, when there is a rule.
 */
export function buildObjectNotifications(
    owner: pulumi.ComponentResource,
    name: string,
    args: ObjectNotificationsArgs,
): { readonly ruleArn: pulumi.Output<string> | undefined } {
    const parent = { parent: owner };
    const suffix = args.keySuffix ?? ".json";
    // One notification configuration per bucket: this resource owns it.
    const notification = new aws.s3.BucketNotification(name, { bucket: args.bucketName, eventbridge: true }, parent);
    let ruleArn: pulumi.Output<string> | undefined;
    if (args.objectCreatedTargetArn !== undefined || args.logGroupArn !== undefined) {
        const rule = new aws.cloudwatch.EventRule(
            `${name}-json-created`,
            {
                description: `New ${suffix} objects in the data bucket`,
                eventPattern: pulumi.output(args.bucketName).apply((b) => JSON.stringify(objectCreatedPattern(b, suffix))),
                tags: { ...args.tags, Name: `${name}-json-created`, Role: "notifications" },
            },
            // Events only flow once the bucket sends them to EventBridge.
            { ...parent, dependsOn: [notification] },
        );
        if (args.logGroupArn !== undefined) {
            // EventBridge drops deliveries the Logs resource policy does not admit: target only once it is in place.
            new aws.cloudwatch.EventTarget(
                `${name}-json-created-log`,
                { rule: rule.name, arn: args.logGroupArn },
                { ...parent, dependsOn: args.logGroupPolicy !== undefined ? [args.logGroupPolicy] : [] },
            );
        }
        if (args.objectCreatedTargetArn !== undefined) {
            new aws.cloudwatch.EventTarget(
                `${name}-json-created-target`,
                { rule: rule.name, arn: args.objectCreatedTargetArn, roleArn: args.targetRoleArn },
                parent,
            );
        }
        ruleArn = rule.arn;
    }
    return { ruleArn };
}

export class ObjectNotifications extends pulumi.ComponentResource {
    /** ARN of the object-created rule, when a log group or target is configured. */
    declare public readonly ruleArn: pulumi.Output<string> | undefined;

    constructor(name: string, args: ObjectNotificationsArgs, opts?: pulumi.ComponentResourceOptions) {
        super(OBJECT_NOTIFICATIONS_TYPE, name, {}, withOldTypes("ObjectNotifications", opts));
        this.registerOutputs(published<ObjectNotifications>(this, buildObjectNotifications(this, name, args)));
    }
}
