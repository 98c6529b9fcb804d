/**
 * `AuditTrail`: a multi-region CloudTrail trail (management events, global service events, log file
 * validation, optionally S3 data events on the data bucket's objects) delivering into a dedicated
 * `SecureBucket` of role `audit-logs` whose policy admits exactly this trail.
 *
 * Why `aws.cloudtrail.Trail` and not `awsx.cloudtrail.Trail`: the awsx component creates (or adopts)
 * the bucket and writes its own bucket policy, which would replace the `SecureBucket` policy (one
 * bucket has one policy: TLS-only, MFA deletes, ...); it is also a multi-language component whose
 * children are hidden from the offline gate and tests. The plain resource keeps the trail bucket ours.
 *
 * Children: `${name}-logs` (SecureBucket, role audit-logs, SSE-S3, no access-log bucket of its own),
 * `${name}` Trail.
 */
import * as aws from "../aws";
import * as pulumi from "@pulumi/pulumi";
import { throwOnProblems } from "../argsError";
import { matching, required, ruleProblems, wholeNumber } from "../argRules";
import { LifecyclePlan } from "../storage/lifecycle";
import { trailArn } from "../../rules/arn";
import { cloudTrailDeliveryStatements } from "../policies/deliveryStatements";
import { SecureBucket } from "../storage/secureBucket";
import { Problem } from "../storage/lifecycle";
import { published } from "../published";
import { typeToken, withOldTypes } from "../typeTokens";

export const AUDIT_TRAIL_TYPE = typeToken("AuditTrail");

export interface AuditTrailArgs {
    /** Exact trail name: the trail-log bucket policy names the trail's ARN before the trail exists. */
    readonly trailName: string;
    /** The trail's home region (the provider's). */
    readonly region: string;
    /**
     * Record S3 data events (object-level calls: GetObject, PutObject, DeleteObject, ...) on the
     * objects of this bucket. Billed per event. @default - management events only
     */
    readonly dataEventsBucketArn?: pulumi.Input<string> | undefined;
    /** Days trail log files are kept. @default 365 */
    readonly logRetentionDays?: number | undefined;
    /** Principals exempt from the log bucket's delete-needs-MFA rule. @default [] */
    readonly mfaExemptPrincipalArns?: readonly string[] | undefined;
    /** Let `pulumi destroy` delete a log bucket that still holds logs. @default false */
    readonly allowForceDestroy?: boolean | undefined;
    /** Keep the log bucket in AWS when removed from the program. @default false */
    readonly retainOnDelete?: boolean | undefined;
    /** Extra tags; `Name` and `Role` are always set. @default {} */
    readonly tags?: Readonly<Record<string, string>> | undefined;
}

/** Trail log bucket tiers: none (logs are small), old versions gone after 30 days. */
function trailLogLifecycle(retentionDays: number): LifecyclePlan {
    return {
        transitions: [],
        expirationDays: retentionDays,
        noncurrent: { transitions: [], expirationDays: 30 },
        abortIncompleteMultipartUploadDays: 1,
    };
}

/**
 * Advanced event selectors: all management events (a trail with advanced selectors records only what
 * they select), plus data events on `dataBucketArn`'s objects when given.
 */
export function trailEventSelectors(dataBucketArn?: pulumi.Input<string>): aws.types.input.cloudtrail.TrailAdvancedEventSelector[] {
    const selectors: aws.types.input.cloudtrail.TrailAdvancedEventSelector[] = [
        { name: "All management events", fieldSelectors: [{ field: "eventCategory", equals: ["Management"] }] },
    ];
    if (dataBucketArn !== undefined) {
        selectors.push({
            name: "S3 data events on the data bucket's objects",
            fieldSelectors: [
                { field: "eventCategory", equals: ["Data"] },
                { field: "resources.type", equals: ["AWS::S3::Object"] },
                { field: "resources.ARN", startsWiths: [pulumi.interpolate`${dataBucketArn}/`] },
            ],
        });
    }
    return selectors;
}

/** Every problem with the args: the retention and the trail name. */
function auditTrailArgsProblems(args: Pick<AuditTrailArgs, "trailName" | "logRetentionDays">): Problem[] {
    return ruleProblems(args, {
        logRetentionDays: wholeNumber(1, undefined, "days"),
        trailName: required(matching(/^[A-Za-z0-9][\w.-]{2,127}$/, "must be 3-128 letters, digits or ._- starting with a letter or digit")),
    });
}

/**
 * The body of `AuditTrail` (this library's and the multi-language package's): checks the args
 * (`auditTrailArgsProblems`, every problem at once), creates the trail-log bucket and the trail as
 * children of `owner`, and returns the outputs and the log bucket.
 */
export function buildAuditTrail(
    owner: pulumi.ComponentResource,
    name: string,
    args: AuditTrailArgs,
): { readonly trailArn: pulumi.Output<string>; readonly logBucketName: pulumi.Output<string>; readonly logBucket: SecureBucket } {
    throwOnProblems("AuditTrail", auditTrailArgsProblems(args), owner);
    const parent = { parent: owner };
    const accountId = aws.getCallerIdentityOutput({}, parent).accountId;
    const arn = accountId.apply((id) => trailArn(args.region, id, args.trailName));

    const logBucket = new SecureBucket(
        `${name}-logs`,
        {
            role: "audit-logs",
            encryption: { mode: "sse-s3" },
            lifecycle: trailLogLifecycle(args.logRetentionDays ?? 365),
            additionalPolicyStatements: (bucketArn) =>
                pulumi.all([arn, accountId]).apply(([source, id]) => cloudTrailDeliveryStatements(bucketArn, source, id)),
            mfaExemptPrincipalArns: args.mfaExemptPrincipalArns,
            allowForceDestroy: args.allowForceDestroy,
            retainOnDelete: args.retainOnDelete,
            tags: args.tags,
        },
        parent,
    );

    // AWS: CreateTrail checks that the bucket policy admits CloudTrail (InsufficientS3BucketPolicyException).
    const trail = new aws.cloudtrail.Trail(
        name,
        {
            name: args.trailName,
            s3BucketName: logBucket.bucketName,
            isMultiRegionTrail: true,
            includeGlobalServiceEvents: true,
            enableLogFileValidation: true,
            enableLogging: true,
            advancedEventSelectors: trailEventSelectors(args.dataEventsBucketArn),
            tags: { ...args.tags, Name: name, Role: "audit" },
        },
        { ...parent, dependsOn: [logBucket.policy] },
    );
    return { trailArn: trail.arn, logBucketName: logBucket.bucketName, logBucket };
}

export class AuditTrail extends pulumi.ComponentResource {
    /** `arn:<partition>:cloudtrail:<region>:<account>:trail/<trailName>`. */
    declare public readonly trailArn: pulumi.Output<string>;
    /** Name of the bucket receiving the trail's log files. */
    declare public readonly logBucketName: pulumi.Output<string>;
    /** The trail-log bucket component. */
    public readonly logBucket: SecureBucket;

    constructor(name: string, args: AuditTrailArgs, opts?: pulumi.ComponentResourceOptions) {
        super(AUDIT_TRAIL_TYPE, name, {}, withOldTypes("AuditTrail", opts));
        const { logBucket, ...outputs } = buildAuditTrail(this, name, args);
        this.logBucket = logBucket;
        this.registerOutputs(published<AuditTrail>(this, outputs));
    }
}
