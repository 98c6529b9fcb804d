/** Args of the multi-language `AuditTrail` and `CostControls` in the shapes Pulumi's schema inference reads. */
import * as pulumi from "@pulumi/pulumi";

export interface AuditTrailArgs {
    /** Exact trail name: the trail-log bucket policy names the trail's ARN before the trail exists. */
    trailName: string;
    /** The trail's home region (the provider's). */
    region: string;
    /** Record S3 data events on the objects of this bucket (billed per event). @default - management events only */
    dataEventsBucketArn?: pulumi.Input<string>;
    /** Days trail log files are kept. @default 365 */
    logRetentionDays?: number;
    /** Principals exempt from the log bucket's delete-needs-MFA rule. @default [] */
    mfaExemptPrincipalArns?: string[];
    /** Let `pulumi destroy` delete a log bucket that still holds logs. @default false */
    allowForceDestroy?: boolean;
    /** Keep the log bucket in AWS when removed from the program. @default false */
    retainOnDelete?: boolean;
    /** Extra tags; `Name` and `Role` are always set. @default {} */
    tags?: { [key: string]: string };
}

/** The cost-allocation tag a budget is filtered to (it must be activated in Billing). */
export interface CostAllocationTag {
    key: string;
    value: string;
}

/** A monthly AWS Budget on S3 cost, notifying at 80% and 100% actual and 100% forecast. */
export interface BudgetSettings {
    /** Exact budget name (unique in the account). */
    name: string;
    /** Monthly limit in USD. */
    monthlyLimitUsd: number;
    /** e.g. `{ key: Project, value: firehose-storage }`. */
    costAllocationTag: CostAllocationTag;
    /** Topic notified (`AlertTopic.topicArn`, with `allowBudgets: true`). */
    topicArn: pulumi.Input<string>;
}

/** S3 storage-class analysis of the data bucket, exported as CSV into a bucket the component creates. */
export interface StorageClassAnalysis {
    /** Key prefix of the exports (ending in `/`). */
    exportPrefix: string;
    /** Days the exports are kept. @default 365 */
    retentionDays?: number;
}

/** Intelligent-Tiering archive tiers, in days without access (https://docs.aws.amazon.com/AmazonS3/latest/API/API_Tiering.html). */
export interface IntelligentTieringArchive {
    /** Archive Access after this many days (90-730). @default - tier off */
    archiveAccessDays?: number;
    /** Deep Archive Access after this many days (180-730). @default - tier off */
    deepArchiveAccessDays?: number;
}

export interface CostControlsArgs {
    /** The data bucket's name. */
    dataBucketName: pulumi.Input<string>;
    /** The data bucket's ARN. */
    dataBucketArn: pulumi.Input<string>;
    /** @default - no budget */
    budget?: BudgetSettings;
    /** @default - no analysis */
    analytics?: StorageClassAnalysis;
    /** @default - no archive tiers */
    intelligentTiering?: IntelligentTieringArchive;
    /** Let `pulumi destroy` delete a non-empty export bucket. @default false */
    allowForceDestroy?: boolean;
    /** Extra tags; `Name` and `Role` are always set. @default {} */
    tags?: { [key: string]: string };
}
