/**
 * `DetectiveAlerts`: an EventBridge rule matching CloudTrail management events that change a
 * bucket's policy, ACL, public access block or encryption, delivered to the alert topic. Needs a
 * logging trail in the account (EventBridge gets these events through CloudTrail).
 *
 * Children: `${name}` EventRule (exact name: the alert topic policy admits it by ARN before it
 * exists), `${name}-to-alerts` EventTarget.
 */
import * as pulumi from "@pulumi/pulumi";
import { throwOnProblems } from "../argsError";
import { EVENT_RULE_NAME, required, ruleProblems } from "../argRules";
import { alertRule } from "../monitoring/alertRule";
import { bucketProtectionChangePattern } from "../monitoring/eventPatterns";
import { Problem } from "../storage/lifecycle";
import { published } from "../published";
import { typeToken, withOldTypes } from "../typeTokens";

export const DETECTIVE_ALERTS_TYPE = typeToken("DetectiveAlerts");

export interface DetectiveAlertsArgs {
    /** Exact rule name (1-64 of letters, digits, `.-_`); its ARN is in the topic policy. */
    readonly ruleName: string;
    /** Buckets whose protection changes are reported. */
    readonly bucketNames: readonly pulumi.Input<string>[];
    /** The alert topic. */
    readonly topicArn: pulumi.Input<string>;
    /** The topic policy admitting this rule: the target waits for it. @default - none */
    readonly topicPolicy?: pulumi.Resource | undefined;
    /** Extra tags; `Name` and `Role` are always set. @default {} */
    readonly tags?: Readonly<Record<string, string>> | undefined;
}

/** Every problem with the args: the rule name, at least one bucket. */
function detectiveAlertsArgsProblems(args: Pick<DetectiveAlertsArgs, "ruleName" | "bucketNames">): Problem[] {
    return [
        ...ruleProblems(args, { ruleName: required(EVENT_RULE_NAME) }),
        ...(args.bucketNames.length > 0 ? [] : [{ path: "bucketNames", value: [], message: "must name at least one bucket" }]),
    ];
}

/**
 * The body of `DetectiveAlerts` (this library's and the multi-language package's): checks the args
 * (`detectiveAlertsArgsProblems`, every problem at once), creates the rule and its target as
 * children of `owner`, and returns the outputs.
 */
export function buildDetectiveAlerts(
    owner: pulumi.ComponentResource,
    name: string,
    args: DetectiveAlertsArgs,
): { readonly ruleArn: pulumi.Output<string> } {
    throwOnProblems("DetectiveAlerts", detectiveAlertsArgsProblems(args), owner);
    const rule = alertRule(
        owner,
        name,
        { ...args, alertRuleName: args.ruleName },
        {
            description: "Bucket policy, ACL, public access block or encryption changed on a firehose-storage bucket",
            eventPattern: pulumi.all([...args.bucketNames]).apply((names) => JSON.stringify(bucketProtectionChangePattern(names))),
            tags: { ...args.tags, Name: name, Role: "monitoring" },
        },
    );
    return { ruleArn: rule.arn };
}

export class DetectiveAlerts extends pulumi.ComponentResource {
    /** `arn:<partition>:events:<region>:<account>:rule/<ruleName>`. */
    declare public readonly ruleArn: pulumi.Output<string>;

    constructor(name: string, args: DetectiveAlertsArgs, opts?: pulumi.ComponentResourceOptions) {
        super(DETECTIVE_ALERTS_TYPE, name, {}, withOldTypes("DetectiveAlerts", opts));
        this.registerOutputs(published<DetectiveAlerts>(this, buildDetectiveAlerts(this, name, args)));
    }
}
