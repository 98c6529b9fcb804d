/**
 * `ArrivalLog`: the CloudWatch log group where data-arrival events are recorded, encrypted with a
 * customer-managed KMS key scoped to it, with retention, and the CloudWatch Logs resource policy that
 * lets EventBridge write into it (EventBridge uses no role for a log-group target).
 *
 * Children: `${name}-key` KMS key (rotation on), `${name}` LogGroup (exact name), `${name}-events`
 * LogResourcePolicy (account-level, named `policyName`: one per stack; at most 10 per region).
 */
import * as aws from "../aws";
import * as pulumi from "@pulumi/pulumi";
import { throwOnProblems } from "../argsError";
import { matching, required, ruleProblems, wholeNumber } from "../argRules";
import { Problem } from "../storage/lifecycle";
import { eventsToLogGroupPolicy, logGroupKeyPolicy } from "./policies/arrivalLogStatements";
import { logGroupArn } from "../../rules/arn";

export const ARRIVAL_LOG_TYPE = "firehose-storage:monitoring:ArrivalLog";

export interface ArrivalLogArgs {
    /** Exact log group name, e.g. `/aws/s3/leadconduit-firehose`. */
    readonly logGroupName: string;
    /** Days events are kept; a value CloudWatch Logs accepts (1, 3, 5, 7, 14, 30, ... 3653). */
    readonly retentionDays: number;
    /** Region of the group (the provider's): the key policy names the regional Logs service. */
    readonly region: string;
    /** Name of the account-level Logs resource policy admitting EventBridge (1-255 characters). */
    readonly policyName: string;
    /** Keep the group (and its key) when removed from the program. @default false */
    readonly retainOnDelete?: boolean;
    /** Extra tags; `Name` and `Role` are always set. @default {} */
    readonly tags?: Readonly<Record<string, string>>;
}

/** Every problem with the args: the group's name, its retention, the resource policy's name. */
export function arrivalLogProblems(args: ArrivalLogArgs): Problem[] {
    return ruleProblems(args, {
        logGroupName: required(matching(/^[\w.\-/#]{1,512}$/, "must be 1-512 of letters, digits, _-./#")),
        retentionDays: required(wholeNumber(1, undefined, "days")),
        policyName: required(matching(/^[\w.\-/#+=,@]{1,255}$/, "must be 1-255 letters, digits or _-./#+=,@")),
    });
}

export class ArrivalLog extends pulumi.ComponentResource {
    /** `arn:<partition>:logs:<region>:<account>:log-group:<name>` (without `:*`): the EventBridge target ARN. */
    public readonly logGroupArn: pulumi.Output<string>;
    /** The log group's name. */
    public readonly logGroupName: pulumi.Output<string>;
    /** The resource policy: event targets writing here must depend on it. */
    public readonly resourcePolicy: aws.cloudwatch.LogResourcePolicy;

    constructor(name: string, args: ArrivalLogArgs, opts?: pulumi.ComponentResourceOptions) {
        super(ARRIVAL_LOG_TYPE, name, {}, opts);
        throwOnProblems("ArrivalLog", arrivalLogProblems(args), this);
        const parent = { parent: this };
        const keep = { ...parent, retainOnDelete: args.retainOnDelete ?? false };
        const tags = (suffix: string) => ({ ...args.tags, Name: `${name}${suffix}`, Role: "monitoring" });
        const accountId = aws.getCallerIdentityOutput({}, parent).accountId;
        // The ARN from the exact name: known before the group exists, so the key policy can name it.
        const arn = accountId.apply((id) => logGroupArn(args.region, id, args.logGroupName));

        const key = new aws.kms.Key(
            `${name}-key`,
            {
                description: `Encrypts the ${args.logGroupName} log group`,
                enableKeyRotation: true,
                deletionWindowInDays: 30,
                policy: pulumi.all([accountId, arn]).apply(([id, a]) => JSON.stringify(logGroupKeyPolicy(id, args.region, a))),
                tags: tags("-key"),
            },
            keep,
        );
        // AWS: CreateLogGroup with a kmsKeyId fails unless the key policy already admits the Logs service.
        const group = new aws.cloudwatch.LogGroup(
            name,
            { name: args.logGroupName, retentionInDays: args.retentionDays, kmsKeyId: key.arn, tags: tags("") },
            keep,
        );
        const resourcePolicy = new aws.cloudwatch.LogResourcePolicy(
            `${name}-events`,
            { policyName: args.policyName, policyDocument: arn.apply((a) => JSON.stringify(eventsToLogGroupPolicy(a))) },
            parent,
        );

        this.logGroupArn = pulumi.all([group.name, arn]).apply(([, a]) => a);
        this.logGroupName = group.name;
        this.resourcePolicy = resourcePolicy;
        this.registerOutputs({ logGroupArn: this.logGroupArn, logGroupName: this.logGroupName });
    }
}
