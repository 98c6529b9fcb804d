/**
 * `StorageAlarms`: CloudWatch alarms on the data bucket that really receive data, each notifying the
 * alert topic on ALARM and on OK.
 *
 * - `4xxErrors` / `5xxErrors` are request metrics: S3 publishes them only for a metrics configuration
 *   (`aws.s3.BucketMetric`), under the dimensions `BucketName` *and* `FilterId` (the configuration's
 *   name). An alarm without `FilterId` watches a metric that never exists.
 * - `NumberOfObjects` / `BucketSizeBytes` are daily storage metrics: dimension `StorageType`
 *   (`AllStorageTypes` for the count, `StandardStorage` for the size) and a period of one day.
 * - With replication: `OperationsFailedReplication` and `ReplicationLatency` (dimensions
 *   `SourceBucket`, `DestinationBucket`, `RuleId`), published when the rule has replication metrics
 *   or S3 RTC enabled.
 * https://docs.aws.amazon.com/AmazonS3/latest/userguide/metrics-dimensions.html
 *
 * Children: `${name}-request-metrics` (BucketMetric) and one `${name}-<alarm>` MetricAlarm per row
 * of `storageAlarmSpecs`.
 */
import * as aws from "../aws";
import * as pulumi from "@pulumi/pulumi";
import { published } from "../published";
import { typeToken, withOldTypes } from "../typeTokens";

export const STORAGE_ALARMS_TYPE = typeToken("StorageAlarms");

/** Name of the whole-bucket request-metrics configuration: the `FilterId` dimension. */
export const ENTIRE_BUCKET_FILTER_ID = "EntireBucket";
export const ONE_DAY_SECONDS = 86400;
const FIVE_MINUTES = 300;

/** Alarm thresholds (config `alerts.*Threshold`, `alerts.replicationLatencySeconds`). */
export interface AlarmThresholds {
    /** NumberOfObjects, all storage classes. */
    readonly objectCount: number;
    /** BucketSizeBytes in S3 Standard. */
    readonly bucketSizeBytes: number;
    /** 4xx responses per 5 minutes. */
    readonly errors4xx: number;
    /** 5xx responses per 5 minutes. */
    readonly errors5xx: number;
    /** Maximum ReplicationLatency in seconds. */
    readonly replicationLatencySeconds: number;
}

export type TreatMissingData = "missing" | "ignore" | "breaching" | "notBreaching";

export interface AlarmSpec<T> {
    /** Suffix of the alarm's resource name. */
    readonly id: string;
    readonly namespace: "AWS/S3";
    readonly metricName: string;
    readonly dimensions: Readonly<Record<string, T>>;
    readonly statistic: "Sum" | "Average" | "Maximum";
    readonly period: number;
    readonly evaluationPeriods: number;
    readonly threshold: number;
    readonly comparisonOperator: "GreaterThanThreshold";
    readonly treatMissingData: TreatMissingData;
    /** What it means and what the operator does; becomes the alarm description. */
    readonly description: string;
}

export interface ReplicationAlarmInput<T> {
    readonly ruleId: T;
    readonly destinationBucketName: T;
}

/** The alarms of one bucket (pure). `T` is `string` in tests, `pulumi.Input<string>` in the component. */
export function storageAlarmSpecs<T>(
    bucketName: T,
    filterId: T,
    t: AlarmThresholds,
    replication?: ReplicationAlarmInput<T>,
): AlarmSpec<T>[] {
    const request = { BucketName: bucketName, FilterId: filterId };
    const specs: AlarmSpec<T>[] = [
        {
            id: "4xx-errors",
            namespace: "AWS/S3",
            metricName: "4xxErrors",
            dimensions: request,
            statistic: "Sum",
            period: FIVE_MINUTES,
            evaluationPeriods: 1,
            threshold: t.errors4xx,
            comparisonOperator: "GreaterThanThreshold",
            // Request metrics are only published for periods with requests: no data means no errors.
            treatMissingData: "notBreaching",
            description: `More than ${t.errors4xx} client errors (4xx) in 5 minutes: a writer or reader is denied or asks for missing keys. Check the access logs and CloudTrail for the caller and its credentials.`,
        },
        {
            id: "5xx-errors",
            namespace: "AWS/S3",
            metricName: "5xxErrors",
            dimensions: request,
            statistic: "Sum",
            period: FIVE_MINUTES,
            evaluationPeriods: 1,
            threshold: t.errors5xx,
            comparisonOperator: "GreaterThanThreshold",
            // As for 4xx: an idle bucket publishes nothing, which is healthy.
            treatMissingData: "notBreaching",
            description: `More than ${t.errors5xx} server errors (5xx) in 5 minutes: S3 is throttling (503 SlowDown) or failing. Check the AWS Health dashboard; spread writes over more key prefixes if it is throttling.`,
        },
        {
            id: "object-count",
            namespace: "AWS/S3",
            metricName: "NumberOfObjects",
            dimensions: { BucketName: bucketName, StorageType: "AllStorageTypes" as T },
            statistic: "Average",
            period: ONE_DAY_SECONDS,
            evaluationPeriods: 1,
            threshold: t.objectCount,
            comparisonOperator: "GreaterThanThreshold",
            // Published once a day, often hours late: "ignore" keeps the last state instead of flapping
            // to INSUFFICIENT_DATA between data points.
            treatMissingData: "ignore",
            description: `More than ${t.objectCount} objects (all storage classes): growth beyond plan. Check for a runaway writer (many small objects) and that lifecycle expiry is in place.`,
        },
        {
            id: "bucket-size",
            namespace: "AWS/S3",
            metricName: "BucketSizeBytes",
            dimensions: { BucketName: bucketName, StorageType: "StandardStorage" as T },
            statistic: "Average",
            period: ONE_DAY_SECONDS,
            evaluationPeriods: 1,
            threshold: t.bucketSizeBytes,
            comparisonOperator: "GreaterThanThreshold",
            // Daily and late, as for the object count.
            treatMissingData: "ignore",
            description: `More than ${t.bucketSizeBytes} bytes in S3 Standard: data is not moving to cheaper tiers as planned. Check the lifecycle rules and the storage-class analysis export.`,
        },
    ];
    if (replication !== undefined) {
        const dims = { SourceBucket: bucketName, DestinationBucket: replication.destinationBucketName, RuleId: replication.ruleId };
        specs.push(
            {
                id: "replication-failed",
                namespace: "AWS/S3",
                metricName: "OperationsFailedReplication",
                dimensions: dims,
                statistic: "Sum",
                period: FIVE_MINUTES,
                evaluationPeriods: 1,
                threshold: 0,
                comparisonOperator: "GreaterThanThreshold",
                // Published while replication runs; no data points means nothing failed.
                treatMissingData: "notBreaching",
                description:
                    "Objects failed to replicate: the disaster-recovery copy is incomplete. Check the replication role, the replica key policy and the replica bucket policy; S3 Batch Replication re-drives failed objects.",
            },
            {
                id: "replication-latency",
                namespace: "AWS/S3",
                metricName: "ReplicationLatency",
                dimensions: dims,
                statistic: "Maximum",
                period: FIVE_MINUTES,
                evaluationPeriods: 3,
                threshold: t.replicationLatencySeconds,
                comparisonOperator: "GreaterThanThreshold",
                // No uploads, no latency to report: idle is healthy. A stalled rule shows as failures.
                treatMissingData: "notBreaching",
                description: `Replication lags more than ${t.replicationLatencySeconds} s for 15 minutes: the replica is behind. Check the replica region's health and the OperationsPendingReplication metric.`,
            },
        );
    }
    return specs;
}

export interface StorageAlarmsArgs {
    /** The bucket to watch. */
    readonly bucketName: pulumi.Input<string>;
    /** Topic notified on ALARM and on OK. */
    readonly topicArn: pulumi.Input<string>;
    readonly thresholds: AlarmThresholds;
    /** The bucket's replication rule and destination; replication alarms only when given. @default - none */
    readonly replication?: ReplicationAlarmInput<pulumi.Input<string>> | undefined;
    /** Extra tags; `Name` and `Role` are always set. @default {} */
    readonly tags?: Readonly<Record<string, string>> | undefined;
}

/**
 * The body of `StorageAlarms` (this library's and the multi-language package's): creates the
 * request-metrics configuration and the alarms as children of `owner`; returns alarm id -> ARN.
 */
export function buildStorageAlarms(
    owner: pulumi.ComponentResource,
    name: string,
    args: StorageAlarmsArgs,
): { readonly alarmArns: Record<string, pulumi.Output<string>> } {
    const parent = { parent: owner };
    // Request metrics (billed as CloudWatch metrics) for the whole bucket: no filter.
    const metrics = new aws.s3.BucketMetric(`${name}-request-metrics`, { bucket: args.bucketName, name: ENTIRE_BUCKET_FILTER_ID }, parent);
    // `metrics.name` (not the constant) so the request alarms depend on the configuration existing.
    const specs = storageAlarmSpecs<pulumi.Input<string>>(args.bucketName, metrics.name, args.thresholds, args.replication);
    const arns: Record<string, pulumi.Output<string>> = {};
    for (const spec of specs) {
        const alarm = new aws.cloudwatch.MetricAlarm(
            `${name}-${spec.id}`,
            {
                alarmDescription: spec.description,
                namespace: spec.namespace,
                metricName: spec.metricName,
                dimensions: spec.dimensions,
                statistic: spec.statistic,
                period: spec.period,
                evaluationPeriods: spec.evaluationPeriods,
                threshold: spec.threshold,
                comparisonOperator: spec.comparisonOperator,
                treatMissingData: spec.treatMissingData,
                alarmActions: [args.topicArn],
                okActions: [args.topicArn],
                tags: { ...args.tags, Name: `${name}-${spec.id}`, Role: "monitoring" },
            },
            parent,
        );
        arns[spec.id] = alarm.arn;
    }
    return { alarmArns: arns };
}

export class StorageAlarms extends pulumi.ComponentResource {
    /** Alarm id (`4xx-errors`, ...) -> alarm ARN. */
    declare public readonly alarmArns: Readonly<Record<string, pulumi.Output<string>>>;

    constructor(name: string, args: StorageAlarmsArgs, opts?: pulumi.ComponentResourceOptions) {
        super(STORAGE_ALARMS_TYPE, name, {}, withOldTypes("StorageAlarms", opts));
        this.registerOutputs(published<StorageAlarms>(this, buildStorageAlarms(this, name, args)));
    }
}
