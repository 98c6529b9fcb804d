/**
 * `SensitiveDataDiscovery`: Amazon Macie on one bucket. A scheduled classification job
 * (sensitive-data discovery job) scoped to the bucket by name, and an EventBridge rule that sends
 * Macie's findings about the bucket to the alert topic. Macie must be enabled in the account and
 * region: an account singleton, so the stack enables it only when asked (`enableAccount`).
 * https://docs.aws.amazon.com/macie/latest/user/discovery-jobs.html
 *
 * Children: `${name}-account` Macie Account (with `enableAccount`), `${name}` ClassificationJob
 * (exact `jobName`), `${name}-findings` EventRule (exact `alertRuleName`: the topic policy admits it
 * by ARN) and `${name}-findings-to-alerts` EventTarget.
 */
import * as aws from "../aws";
import * as pulumi from "@pulumi/pulumi";
import { throwOnProblems } from "../argsError";
import { EVENT_RULE_NAME, matching, required, ruleProblems, wholeNumber } from "../argRules";
import { AlertDestination, alertRule } from "../monitoring/alertRule";
import { macieFindingPattern } from "../monitoring/eventPatterns";
import { Problem } from "../storage/lifecycle";

export const SENSITIVE_DATA_DISCOVERY_TYPE = "firehose-storage:discovery:SensitiveDataDiscovery";

/** Recurrence of the job. */
export type DiscoveryFrequency = "daily" | "weekly" | "monthly";

/** The bucket and job, and where findings go (`alertRuleName`: the findings rule's). */
export interface SensitiveDataDiscoveryArgs extends AlertDestination {
    /** The bucket the job analyses. */
    readonly bucketName: pulumi.Input<string>;
    /** Exact job name (1-500 characters; a job cannot be renamed: a new name is a new job). */
    readonly jobName: string;
    /** Daily, weekly (Mondays) or monthly (on the 1st). @default "weekly" */
    readonly frequency?: DiscoveryFrequency | undefined;
    /** Percentage of eligible objects each run analyses. @default 100 */
    readonly samplingPercentage?: number | undefined;
    /**
     * Enable Macie in the account and region (`aws.macie2.Account`, one per account and region) with
     * this publishing frequency of policy-finding updates. @default - Macie already enabled
     */
    readonly enableAccount?: { readonly findingPublishingFrequency: "FIFTEEN_MINUTES" | "ONE_HOUR" | "SIX_HOURS" } | undefined;
    /** Extra tags; `Name` and `Role` are always set. @default {} */
    readonly tags?: Readonly<Record<string, string>> | undefined;
}

/** Macie's `scheduleFrequency` for a recurrence. */
export function scheduleFrequency(f: DiscoveryFrequency): aws.types.input.macie2.ClassificationJobScheduleFrequency {
    return f === "daily" ? { dailySchedule: true } : f === "weekly" ? { weeklySchedule: "MONDAY" } : { monthlySchedule: 1 };
}

/** Every problem with the args: the job's name, the findings rule's name, the sampling percentage. */
export function discoveryProblems(args: SensitiveDataDiscoveryArgs): Problem[] {
    return ruleProblems(args, {
        jobName: required(matching(/^.{1,500}$/, "must be 1-500 characters")),
        alertRuleName: required(EVENT_RULE_NAME),
        samplingPercentage: wholeNumber(1, 100),
    });
}

export class SensitiveDataDiscovery extends pulumi.ComponentResource {
    /** The classification job's id. */
    public readonly jobId: pulumi.Output<string>;

    constructor(name: string, args: SensitiveDataDiscoveryArgs, opts?: pulumi.ComponentResourceOptions) {
        super(SENSITIVE_DATA_DISCOVERY_TYPE, name, {}, opts);
        throwOnProblems("SensitiveDataDiscovery", discoveryProblems(args), this);
        const parent = { parent: this };
        const tags = (suffix: string) => ({ ...args.tags, Name: `${name}${suffix}`, Role: "discovery" });
        const accountId = aws.getCallerIdentityOutput({}, parent).accountId;

        const account =
            args.enableAccount !== undefined
                ? new aws.macie2.Account(
                      `${name}-account`,
                      { status: "ENABLED", findingPublishingFrequency: args.enableAccount.findingPublishingFrequency },
                      parent,
                  )
                : undefined;
        const job = new aws.macie2.ClassificationJob(
            name,
            {
                name: args.jobName,
                description: "Sensitive-data discovery on the firehose-storage data bucket",
                jobType: "SCHEDULED",
                scheduleFrequency: scheduleFrequency(args.frequency ?? "weekly"),
                // The first run analyses the objects already there; later runs, the objects new since.
                initialRun: true,
                samplingPercentage: args.samplingPercentage ?? 100,
                s3JobDefinition: {
                    bucketDefinitions: [{ accountId, buckets: [pulumi.output(args.bucketName)] }],
                },
                tags: tags(""),
            },
            // AWS: CreateClassificationJob fails until Macie is enabled in the account.
            { ...parent, dependsOn: account !== undefined ? [account] : [] },
        );
        alertRule(this, `${name}-findings`, args, {
            description: "Macie found sensitive data or a policy issue in the data bucket",
            eventPattern: pulumi.output(args.bucketName).apply((b) => JSON.stringify(macieFindingPattern(b))),
            tags: tags("-findings"),
        });

        this.jobId = job.jobId;
        this.registerOutputs({ jobId: this.jobId });
    }
}
