/**
 * `ConfigRecorder`: the account's AWS Config configuration recorder in one region, for stacks whose
 * account has none (an account has at most one recorder and one delivery channel per region:
 * https://docs.aws.amazon.com/config/latest/developerguide/stop-start-recorder.html). It records S3
 * buckets only (what the stack's managed rules evaluate), continuously, and delivers the history into
 * a dedicated `SecureBucket` of role `audit-logs` whose policy admits Config for this account only.
 *
 * Order (AWS): the delivery channel needs the recorder (PutDeliveryChannel fails with
 * NoAvailableConfigurationRecorderException) and a bucket policy that admits Config
 * (InsufficientDeliveryPolicyException); starting the recorder needs the delivery channel
 * (NoAvailableDeliveryChannelException). Rules that depend on `ready` are created once it records.
 *
 * Children: `${name}-history` (SecureBucket, role audit-logs, SSE-S3), `${name}-role` Role (exact
 * `roleName`), `${name}-role-config` RolePolicyAttachment (AWS_ConfigRole), `${name}-role-delivery`
 * RolePolicy, `${name}` Recorder, `${name}-delivery` DeliveryChannel, `${name}-status` RecorderStatus.
 */
import * as aws from "../aws";
import * as pulumi from "@pulumi/pulumi";
import { partitionOfRegion } from "../../rules/regions";
import { throwOnProblems } from "../argsError";
import { matching, required, ruleProblems, wholeNumber } from "../argRules";
import { serviceTrust } from "../malware/policies/serviceTrust";
import { configDeliveryStatements } from "../policies/deliveryStatements";
import { Problem } from "../storage/lifecycle";
import { SecureBucket } from "../storage/secureBucket";
import { configRecorderDeliveryPolicy, configRoleManagedPolicyArn } from "./policies/recorderPolicy";

export const CONFIG_RECORDER_TYPE = "firehose-storage:compliance:ConfigRecorder";

/** What the recorder records: S3 buckets, the resource type of every rule the stack creates. */
export const RECORDED_RESOURCE_TYPES = ["AWS::S3::Bucket"] as const;

export interface ConfigRecorderArgs {
    /** Name of the recorder and of its delivery channel (1-256 characters). */
    readonly recorderName: string;
    /** Exact name of the recorder's service role (the delivery bucket's policy and tests name it). */
    readonly roleName: string;
    /** The region the recorder records (the provider's); picks the partition of the managed policy. */
    readonly region: string;
    /** Days configuration history and snapshots are kept. @default 365 */
    readonly historyRetentionDays?: number | undefined;
    /** Principals exempt from the history bucket's delete-needs-MFA rule. @default [] */
    readonly mfaExemptPrincipalArns?: readonly string[] | undefined;
    /** Let `pulumi destroy` delete a history bucket that still holds objects. @default false */
    readonly allowForceDestroy?: boolean | undefined;
    /** Keep the history bucket in AWS when removed from the program. @default false */
    readonly retainOnDelete?: boolean | undefined;
    /** Extra tags; `Name` and `Role` are always set. @default {} */
    readonly tags?: Readonly<Record<string, string>> | undefined;
}

/** Every problem with the args: the recorder's name, the history's retention. */
export function configRecorderProblems(args: ConfigRecorderArgs): Problem[] {
    return ruleProblems(args, {
        recorderName: required(matching(/^[\w.-]{1,256}$/, "must be 1-256 letters, digits or ._-")),
        historyRetentionDays: wholeNumber(1, undefined, "days"),
    });
}

export class ConfigRecorder extends pulumi.ComponentResource {
    /** Name of the recorder (also the delivery channel's). */
    public readonly recorderName: pulumi.Output<string>;
    /** Name of the bucket receiving configuration history and snapshots. */
    public readonly historyBucketName: pulumi.Output<string>;
    /** The recorder's status, enabled: what rules depend on. */
    public readonly ready: aws.cfg.RecorderStatus;

    constructor(name: string, args: ConfigRecorderArgs, opts?: pulumi.ComponentResourceOptions) {
        super(CONFIG_RECORDER_TYPE, name, {}, opts);
        throwOnProblems("ConfigRecorder", configRecorderProblems(args), this);
        const parent = { parent: this };
        const accountId = aws.getCallerIdentityOutput({}, parent).accountId;
        const tags = (n: string) => ({ ...args.tags, Name: n, Role: "compliance" });

        const history = new SecureBucket(
            `${name}-history`,
            {
                role: "audit-logs",
                encryption: { mode: "sse-s3" },
                lifecycle: {
                    transitions: [],
                    expirationDays: args.historyRetentionDays ?? 365,
                    noncurrent: { transitions: [], expirationDays: 30 },
                    abortIncompleteMultipartUploadDays: 1,
                },
                additionalPolicyStatements: (bucketArn) => accountId.apply((id) => configDeliveryStatements(bucketArn, id)),
                mfaExemptPrincipalArns: args.mfaExemptPrincipalArns,
                allowForceDestroy: args.allowForceDestroy,
                retainOnDelete: args.retainOnDelete,
                tags: args.tags,
            },
            parent,
        );

        // Trust for this account only (AWS:SourceAccount), as the Config developer guide's trust policy.
        const role = new aws.iam.Role(
            `${name}-role`,
            {
                name: args.roleName,
                description: "Assumed by AWS Config to record the stack's S3 buckets and deliver their configuration history",
                assumeRolePolicy: accountId.apply((id) => JSON.stringify(serviceTrust("AllowConfigRecorder", "config.amazonaws.com", id))),
                tags: tags(`${name}-role`),
            },
            parent,
        );
        const managed = new aws.iam.RolePolicyAttachment(
            `${name}-role-config`,
            { role: role.name, policyArn: configRoleManagedPolicyArn(partitionOfRegion(args.region)) },
            parent,
        );
        const delivery = new aws.iam.RolePolicy(
            `${name}-role-delivery`,
            {
                role: role.name,
                policy: pulumi
                    .all([history.bucketArn, accountId])
                    .apply(([arn, id]) => JSON.stringify(configRecorderDeliveryPolicy(arn, id))),
            },
            parent,
        );

        const recorder = new aws.cfg.Recorder(
            name,
            {
                name: args.recorderName,
                roleArn: role.arn,
                recordingGroup: {
                    allSupported: false,
                    includeGlobalResourceTypes: false,
                    resourceTypes: [...RECORDED_RESOURCE_TYPES],
                    recordingStrategies: [{ useOnly: "INCLUSION_BY_RESOURCE_TYPES" }],
                },
                recordingMode: { recordingFrequency: "CONTINUOUS" },
            },
            // AWS: the recorder reads configurations with the role's permissions from its first run.
            { ...parent, dependsOn: [managed] },
        );
        const channel = new aws.cfg.DeliveryChannel(
            `${name}-delivery`,
            {
                name: args.recorderName,
                s3BucketName: history.bucketName,
                snapshotDeliveryProperties: { deliveryFrequency: "TwentyFour_Hours" },
            },
            // AWS: needs the recorder, and a bucket Config may write to (checked on creation).
            { ...parent, dependsOn: [recorder, history.policy, delivery] },
        );
        this.ready = new aws.cfg.RecorderStatus(
            `${name}-status`,
            { name: recorder.name, isEnabled: true },
            // AWS: a recorder starts only with a delivery channel.
            { ...parent, dependsOn: [channel] },
        );

        this.recorderName = recorder.name;
        this.historyBucketName = history.bucketName;
        this.registerOutputs({ recorderName: this.recorderName, historyBucketName: this.historyBucketName });
    }
}
