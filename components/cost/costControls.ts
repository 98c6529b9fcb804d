/**
 * `CostControls`: a monthly AWS Budget on the project's S3 cost, S3 storage-class analysis of the data
 * bucket exported as CSV, and optional Intelligent-Tiering archive tiers.
 *
 * Children: `${name}-budget` Budget; with analytics `${name}-analytics` (SecureBucket receiving the
 * exports) and `${name}-storage-class-analysis`; with archive tiers `${name}-intelligent-tiering`.
 *
 * The export bucket uses role `audit-logs`: it is a log-like target AWS delivers into (SSE-S3, no
 * access-log bucket of its own, deletes need MFA), not a data bucket.
 */
import * as aws from "../aws";
import * as pulumi from "@pulumi/pulumi";
import { KEY_PREFIX_REGEX, KEY_PREFIX_RULE } from "../../rules/keys";
import { throwOnProblems } from "../argsError";
import { LifecyclePlan, Problem } from "../storage/lifecycle";
import { allowS3AnalyticsExport } from "../policies/deliveryStatements";
import { published } from "../published";
import { SecureBucket } from "../storage/secureBucket";
import { typeToken, withOldTypes } from "../typeTokens";

export const COST_CONTROLS_TYPE = typeToken("CostControls");

/** The Cost Explorer name of S3 in budget filters. */
export const S3_SERVICE_NAME = "Amazon Simple Storage Service";
/** Name of the whole-bucket analytics and Intelligent-Tiering configurations. */
export const ENTIRE_BUCKET_CONFIG = "EntireBucket";

export interface BudgetArgs {
    /** Exact budget name (unique in the account). */
    readonly name: string;
    readonly monthlyLimitUsd: number;
    /** The cost-allocation tag the budget is filtered to, e.g. `{ key: "Project", value: "firehose-storage" }`. */
    readonly costAllocationTag: { readonly key: string; readonly value: string };
    /** Topic notified at 80% and 100% actual and 100% forecast (its policy must admit budgets). */
    readonly topicArn: pulumi.Input<string>;
    /** The topic policy admitting budgets.amazonaws.com: the budget waits for it. @default - none */
    readonly topicPolicy?: pulumi.Resource | undefined;
}

export interface CostControlsArgs {
    readonly dataBucketName: pulumi.Input<string>;
    readonly dataBucketArn: pulumi.Input<string>;
    /** @default - no budget */
    readonly budget?: BudgetArgs | undefined;
    /** Storage-class analysis exported as CSV under `exportPrefix`. @default - none */
    readonly analytics?: {
        readonly exportPrefix: string;
        /** Days the exports are kept. @default 365 */
        readonly retentionDays?: number | undefined;
    };
    /** Intelligent-Tiering archive tiers (days without access). @default - none */
    readonly intelligentTiering?: { readonly archiveAccessDays?: number; readonly deepArchiveAccessDays?: number } | undefined;
    /** Let `pulumi destroy` delete a non-empty export bucket. @default false */
    readonly allowForceDestroy?: boolean | undefined;
    /** Extra tags; `Name` and `Role` are always set. @default {} */
    readonly tags?: Readonly<Record<string, string>> | undefined;
}

/** Budget notifications: 80% and 100% of actual spend, 100% of forecast spend. */
export function budgetNotifications(topicArn: pulumi.Input<string>): aws.types.input.budgets.BudgetNotification[] {
    const at = (threshold: number, notificationType: "ACTUAL" | "FORECASTED") => ({
        comparisonOperator: "GREATER_THAN",
        threshold,
        thresholdType: "PERCENTAGE",
        notificationType,
        subscriberSnsTopicArns: [topicArn],
    });
    return [at(80, "ACTUAL"), at(100, "ACTUAL"), at(100, "FORECASTED")];
}

/** Intelligent-Tiering tierings from the configured days (pure). */
export function tieringsFor(it: NonNullable<CostControlsArgs["intelligentTiering"]>): { accessTier: string; days: number }[] {
    const tierings: { accessTier: string; days: number }[] = [];
    if (it.archiveAccessDays !== undefined) {
        tierings.push({ accessTier: "ARCHIVE_ACCESS", days: it.archiveAccessDays });
    }
    if (it.deepArchiveAccessDays !== undefined) {
        tierings.push({ accessTier: "DEEP_ARCHIVE_ACCESS", days: it.deepArchiveAccessDays });
    }
    return tierings;
}

/** Intelligent-Tiering archive tiers, days without access: AWS's bounds (API_Tiering). */
export const IT_LIMITS = { archive: { min: 90, max: 730 }, deepArchive: { min: 180, max: 730 } } as const;

/**
 * Problems with the archive tiers (https://docs.aws.amazon.com/AmazonS3/latest/API/API_Tiering.html):
 * at least one tier, each within AWS's bounds, Deep Archive Access after Archive Access. Paths are
 * `intelligentTiering...`, the arg and the config key alike.
 */
export function intelligentTieringArgsProblems(it: NonNullable<CostControlsArgs["intelligentTiering"]>): Problem[] {
    const { archive, deepArchive } = IT_LIMITS;
    const problems: Problem[] = [];
    if (tieringsFor(it).length === 0) {
        problems.push({
            path: "intelligentTiering",
            value: it,
            message: `enables no archive tier: set archiveAccessDays (${archive.min}-${archive.max}) and/or deepArchiveAccessDays (${deepArchive.min}-${deepArchive.max})`,
        });
    }
    const range = (key: string, v: number | undefined, l: { readonly min: number; readonly max: number }) => {
        if (v !== undefined && (!Number.isInteger(v) || v < l.min || v > l.max)) {
            problems.push({ path: `intelligentTiering.${key}`, value: v, message: `must be a whole number of days, ${l.min}-${l.max}` });
        }
    };
    range("archiveAccessDays", it.archiveAccessDays, archive);
    range("deepArchiveAccessDays", it.deepArchiveAccessDays, deepArchive);
    if (it.archiveAccessDays !== undefined && it.deepArchiveAccessDays !== undefined && it.deepArchiveAccessDays <= it.archiveAccessDays) {
        problems.push({
            path: "intelligentTiering.deepArchiveAccessDays",
            value: it.deepArchiveAccessDays,
            message: `must be greater than archiveAccessDays (${it.archiveAccessDays}): objects reach Deep Archive Access after Archive Access`,
        });
    }
    return problems;
}

/** Every problem with the args. */
export function costControlsProblems(args: CostControlsArgs): Problem[] {
    const problems: Problem[] = args.intelligentTiering !== undefined ? intelligentTieringArgsProblems(args.intelligentTiering) : [];
    const b = args.budget;
    if (b !== undefined && !(b.monthlyLimitUsd > 0)) {
        problems.push({ path: "budget.monthlyLimitUsd", value: b.monthlyLimitUsd, message: "must be a positive amount of USD" });
    }
    if (args.analytics !== undefined && !KEY_PREFIX_REGEX.test(args.analytics.exportPrefix)) {
        problems.push({ path: "analytics.exportPrefix", value: args.analytics.exportPrefix, message: KEY_PREFIX_RULE });
    }
    return problems;
}

/**
 * The body of `CostControls` (this library's and the multi-language package's): checks the args
 * (`costControlsProblems`, every problem at once), creates the budget, the analysis export and the
 * archive tiers as children of `owner`, and returns the outputs.
 */
export function buildCostControls(
    owner: pulumi.ComponentResource,
    name: string,
    args: CostControlsArgs,
): { readonly analyticsBucketName: pulumi.Output<string> | undefined } {
    throwOnProblems("CostControls", costControlsProblems(args), owner);
    const it = args.intelligentTiering;
    const parent = { parent: owner };
    const tags = (suffix: string, role: string) => ({ ...args.tags, Name: `${name}${suffix}`, Role: role });

    if (args.budget !== undefined) {
        const b = args.budget;
        new aws.budgets.Budget(
            `${name}-budget`,
            {
                name: b.name,
                budgetType: "COST",
                limitAmount: b.monthlyLimitUsd.toFixed(2),
                limitUnit: "USD",
                timeUnit: "MONTHLY",
                costFilters: [
                    { name: "Service", values: [S3_SERVICE_NAME] },
                    // Cost-allocation tags are filtered as `user:<key>$<value>` (the tag must be activated in Billing).
                    { name: "TagKeyValue", values: [`user:${b.costAllocationTag.key}$${b.costAllocationTag.value}`] },
                ],
                notifications: budgetNotifications(b.topicArn),
                tags: tags("-budget", "cost"),
            },
            // AWS Budgets checks it may publish to the topic when the notification is created.
            { ...parent, dependsOn: b.topicPolicy !== undefined ? [b.topicPolicy] : [] },
        );
    }

    let analyticsBucket: SecureBucket | undefined;
    if (args.analytics !== undefined) {
        const prefix = args.analytics.exportPrefix;
        const accountId = aws.getCallerIdentityOutput({}, parent).accountId;
        const lifecycle: LifecyclePlan = {
            transitions: [],
            expirationDays: args.analytics.retentionDays ?? 365,
            noncurrent: { transitions: [], expirationDays: 30 },
            abortIncompleteMultipartUploadDays: 1,
        };
        analyticsBucket = new SecureBucket(
            `${name}-analytics`,
            {
                role: "audit-logs",
                encryption: { mode: "sse-s3" },
                lifecycle,
                additionalPolicyStatements: (bucketArn) =>
                    pulumi
                        .all([args.dataBucketArn, accountId])
                        .apply(([source, id]) => [allowS3AnalyticsExport(bucketArn, source, id, prefix)]),
                allowForceDestroy: args.allowForceDestroy,
                tags: args.tags,
            },
            parent,
        );
        new aws.s3.AnalyticsConfiguration(
            `${name}-storage-class-analysis`,
            {
                bucket: args.dataBucketName,
                name: ENTIRE_BUCKET_CONFIG,
                storageClassAnalysis: {
                    dataExport: {
                        outputSchemaVersion: "V_1",
                        destination: {
                            s3BucketDestination: {
                                bucketArn: analyticsBucket.bucketArn,
                                bucketAccountId: accountId,
                                format: "CSV",
                                prefix,
                            },
                        },
                    },
                },
            },
            // AWS: exports fail until the destination policy admits s3.amazonaws.com.
            { ...parent, dependsOn: [analyticsBucket.policy] },
        );
    }

    if (it !== undefined) {
        new aws.s3.BucketIntelligentTieringConfiguration(
            `${name}-intelligent-tiering`,
            { bucket: args.dataBucketName, name: ENTIRE_BUCKET_CONFIG, status: "Enabled", tierings: tieringsFor(it) },
            parent,
        );
    }

    return { analyticsBucketName: analyticsBucket?.bucketName };
}

export class CostControls extends pulumi.ComponentResource {
    /** Name of the bucket receiving the analysis exports, when analytics is on. */
    declare public readonly analyticsBucketName: pulumi.Output<string> | undefined;

    constructor(name: string, args: CostControlsArgs, opts?: pulumi.ComponentResourceOptions) {
        super(COST_CONTROLS_TYPE, name, {}, withOldTypes("CostControls", opts));
        this.registerOutputs(published<CostControls>(this, buildCostControls(this, name, args)));
    }
}
