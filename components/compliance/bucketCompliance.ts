/**
 * `BucketCompliance`: AWS Config managed rules scoped to one bucket (`complianceResourceId`), each
 * with automatic remediation through its AWS-owned Automation runbook where one fits
 * (`policies/checks.ts`). The rules need a configuration recorder in the account and region: the
 * account's existing one, or `ConfigRecorder` (pass its `ready` as `recorderReady`).
 *
 * Children, per check `<slug>`: `${name}-<slug>` Rule (exact name `${rulePrefix}-<slug>`) and
 * `${name}-<slug>-remediation` RemediationConfiguration.
 */
import * as aws from "../aws";
import * as pulumi from "@pulumi/pulumi";
import { throwOnProblems } from "../argsError";
import { matching, required, ruleProblems, wholeNumber } from "../argRules";
import { Problem } from "../storage/lifecycle";
import { checksFor, remediationParameters } from "./policies/checks";

export const BUCKET_COMPLIANCE_TYPE = "firehose-storage:compliance:BucketCompliance";

export interface RemediationArgs {
    /** The role Systems Manager Automation assumes (`AutomationAssumeRole`). */
    readonly roleArn: pulumi.Input<string>;
    /** Attempts per noncompliant resource before Config gives up (1-25). @default 5 */
    readonly maximumAutomaticAttempts?: number;
    /** Seconds over which those attempts are counted (1-2678000). @default 600 */
    readonly retryAttemptSeconds?: number;
}

export interface BucketComplianceArgs {
    readonly bucketName: pulumi.Input<string>;
    /** Rule names are `${rulePrefix}-<slug>` (at most 128 characters; unique in the account and region). */
    readonly rulePrefix: string;
    /** The bucket's KMS key when it is SSE-KMS: adds `S3_DEFAULT_ENCRYPTION_KMS`. @default - SSE-S3 */
    readonly kmsKeyArn?: pulumi.Input<string>;
    /** The bucket receives logs: no `S3_BUCKET_LOGGING_ENABLED`. @default false */
    readonly logTarget?: boolean;
    /** Automatic remediation. @default - detective only */
    readonly remediation?: RemediationArgs;
    /**
     * The recorder's status when the same program creates the recorder: rules wait for it (AWS:
     * PutConfigRule fails with NoAvailableConfigurationRecorderException without a recorder).
     * @default - the account's existing recorder
     */
    readonly recorderReady?: pulumi.Resource;
    /** Extra tags; `Name` and `Role` are always set. @default {} */
    readonly tags?: Readonly<Record<string, string>>;
}

/** Every problem with the args: the rule-name prefix, and the remediation limits AWS Config sets. */
export function bucketComplianceProblems(args: BucketComplianceArgs): Problem[] {
    return [
        ...ruleProblems(args, {
            rulePrefix: required(matching(/^[\w.-]{1,100}$/, "must be 1-100 letters, digits or .-_ (Config rule names)")),
        }),
        ...ruleProblems(
            args.remediation ?? {},
            {
                maximumAutomaticAttempts: wholeNumber(1, 25, undefined, "AWS Config's limit"),
                retryAttemptSeconds: wholeNumber(1, 2678000, undefined, "AWS Config's limit"),
            },
            "remediation.",
        ),
    ];
}

export class BucketCompliance extends pulumi.ComponentResource {
    /** Rule names, by managed-rule identifier. */
    public readonly ruleNames: pulumi.Output<Record<string, string>>;

    constructor(name: string, args: BucketComplianceArgs, opts?: pulumi.ComponentResourceOptions) {
        super(BUCKET_COMPLIANCE_TYPE, name, {}, opts);
        throwOnProblems("BucketCompliance", bucketComplianceProblems(args), this);
        const parent = { parent: this };
        const accountId = aws.getCallerIdentityOutput({}, parent).accountId;
        const names: Record<string, pulumi.Output<string>> = {};
        for (const check of checksFor({ kms: args.kmsKeyArn !== undefined, logTarget: args.logTarget ?? false })) {
            const rule = new aws.cfg.Rule(
                `${name}-${check.slug}`,
                {
                    name: `${args.rulePrefix}-${check.slug}`,
                    description: `${check.description} (${check.identifier}) on a firehose-storage bucket`,
                    source: { owner: "AWS", sourceIdentifier: check.identifier },
                    scope: { complianceResourceTypes: ["AWS::S3::Bucket"], complianceResourceId: args.bucketName },
                    tags: { ...args.tags, Name: `${name}-${check.slug}`, Role: "compliance" },
                },
                { ...parent, dependsOn: args.recorderReady !== undefined ? [args.recorderReady] : [] },
            );
            names[check.identifier] = rule.name;
            const r = args.remediation;
            if (r !== undefined && check.remediation !== undefined) {
                const remediation = check.remediation;
                new aws.cfg.RemediationConfiguration(
                    `${name}-${check.slug}-remediation`,
                    {
                        configRuleName: rule.name,
                        resourceType: "AWS::S3::Bucket",
                        targetType: "SSM_DOCUMENT",
                        targetId: remediation.document,
                        automatic: true,
                        maximumAutomaticAttempts: r.maximumAutomaticAttempts ?? 5,
                        retryAttemptSeconds: r.retryAttemptSeconds ?? 600,
                        parameters: pulumi
                            .all([r.roleArn, accountId, args.kmsKeyArn])
                            .apply(([roleArn, id, kmsKeyArn]) => remediationParameters(remediation, { accountId: id, kmsKeyArn }, roleArn)),
                    },
                    { ...parent, dependsOn: [rule] },
                );
            }
        }
        this.ruleNames = pulumi.all(names);
        this.registerOutputs({ ruleNames: this.ruleNames });
    }
}
