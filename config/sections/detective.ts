/**
 * Config section for the detective and corrective controls (issue 14): `dataArrival` (new `.json`
 * objects recorded in a CloudWatch log group) and `malwareScan` (GuardDuty Malware Protection for S3
 * with quarantine) and `configRules` (AWS Config managed rules with automatic remediation). Schemas (strict zod), the settings they resolve to,
 * per-environment defaults, and the cross-field rules. Wired into `configSchema`, `Settings` and
 * `resolveSettings` by one line each.
 */
import { z } from "zod";
import { arnRegex, IAM_NAME_PATTERN } from "../../rules/arn";
import { keysNotApplying, Problem } from "../problems";

/**
 * Retention periods CloudWatch Logs accepts (PutRetentionPolicy `retentionInDays`):
 * https://docs.aws.amazon.com/AmazonCloudWatchLogs/latest/APIReference/API_PutRetentionPolicy.html
 */
export const LOG_RETENTION_DAYS = [
    1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653,
] as const;

const logGroupName = z.string().regex(/^[\w.\-/#]{1,512}$/, "must be a CloudWatch Logs group name (1-512 of letters, digits, _-./#)");
const logRetention = z
    .int()
    .refine((d) => (LOG_RETENTION_DAYS as readonly number[]).includes(d), `must be one of ${LOG_RETENTION_DAYS.join(", ")}`);

export const dataArrivalSchema = z.strictObject({
    /** Record every new `.json` object of the data bucket (its S3 "Object Created" event) in a log group. */
    enabled: z.boolean().optional(),
    /** The log group the events are recorded in. */
    logGroupName: logGroupName.optional(),
    /** Days the log group keeps the events (a value CloudWatch Logs accepts). */
    retentionDays: logRetention.optional(),
});

const roleArn = z
    .string()
    .regex(arnRegex(`iam::\\d{12}:role/${IAM_NAME_PATTERN}`), "must be an IAM role ARN such as arn:aws:iam::123456789012:role/security");

export const malwareScanSchema = z.strictObject({
    /** GuardDuty Malware Protection for S3 on the data bucket, with scan-result tags and alerts. Billed per GB scanned. */
    enabled: z.boolean().optional(),
    /** The one role that may still read infected objects, and the only reader of the quarantine bucket. */
    securityRoleArn: roleArn.optional(),
    /** Move infected objects into the quarantine bucket (a function triggered by the scan result). */
    quarantine: z.boolean().optional(),
    /** Days quarantined objects stay in S3 Standard before moving to Glacier Flexible Retrieval. */
    quarantineGlacierDays: z.int().min(0).max(3650).optional(),
});

export const configRulesSchema = z.strictObject({
    /** AWS Config managed rules on the data bucket (needs the account's configuration recorder). Billed per evaluation. */
    enabled: z.boolean().optional(),
    /** Automatic remediation through the AWS-owned Systems Manager Automation runbooks. */
    remediation: z.boolean().optional(),
    /** Remediation attempts per noncompliant bucket before Config gives up (AWS: 1-25). */
    maximumAutomaticAttempts: z.int().min(1).max(25).optional(),
    /** Seconds over which those attempts are counted (AWS: 1-2678000). */
    retryAttemptSeconds: z.int().min(1).max(2678000).optional(),
    /**
     * Create the configuration recorder (S3 buckets only), its delivery channel into a secured bucket
     * and its role. An account has at most one recorder per region: leave it off where one exists.
     */
    createRecorder: z.boolean().optional(),
    /** Days the recorder's history and snapshots are kept in the delivery bucket. */
    historyRetentionDays: z.int().min(1).max(36500).optional(),
});

/** The section's keys, spread into `configSchema`. */
export const detectiveConfigShape = {
    dataArrival: dataArrivalSchema.optional(),
    malwareScan: malwareScanSchema.optional(),
    configRules: configRulesSchema.optional(),
};
export type RawDetectiveConfig = z.infer<z.ZodObject<typeof detectiveConfigShape>>;

export interface DataArrivalSettings {
    readonly enabled: boolean;
    readonly logGroupName: string;
    readonly retentionDays: number;
}

export interface MalwareScanSettings {
    readonly enabled: boolean;
    /** Omitted, nobody reads infected objects or the quarantine until the bucket policy names someone. */
    readonly securityRoleArn?: string;
    readonly quarantine: boolean;
    readonly quarantineGlacierDays: number;
}

export interface ConfigRulesSettings {
    readonly enabled: boolean;
    readonly remediation: boolean;
    readonly maximumAutomaticAttempts: number;
    readonly retryAttemptSeconds: number;
    /** The stack creates the account's recorder and delivery channel in its region. */
    readonly createRecorder: boolean;
    readonly historyRetentionDays: number;
}

export interface DetectiveSettings {
    readonly dataArrival: DataArrivalSettings;
    readonly malwareScan: MalwareScanSettings;
    readonly configRules: ConfigRulesSettings;
}

/** Per-environment defaults of the section. */
export interface DetectiveDefaults {
    readonly dataArrival: DataArrivalSettings;
    readonly malwareScan: Omit<MalwareScanSettings, "securityRoleArn">;
    readonly configRules: ConfigRulesSettings;
}

/** The log group the design documents name; dev gets its own so both stacks can share an account. */
export const ARRIVAL_LOG_GROUP = "/aws/s3/leadconduit-firehose";

/** Raw section -> settings, defaults applied. Validation is `detectiveProblems`. */
export function resolveDetective(raw: RawDetectiveConfig, d: DetectiveDefaults): DetectiveSettings {
    const a = raw.dataArrival;
    const m = raw.malwareScan;
    const c = raw.configRules;
    return {
        dataArrival: {
            enabled: a?.enabled ?? d.dataArrival.enabled,
            logGroupName: a?.logGroupName ?? d.dataArrival.logGroupName,
            retentionDays: a?.retentionDays ?? d.dataArrival.retentionDays,
        },
        malwareScan: {
            enabled: m?.enabled ?? d.malwareScan.enabled,
            securityRoleArn: m?.securityRoleArn,
            quarantine: m?.quarantine ?? d.malwareScan.quarantine,
            quarantineGlacierDays: m?.quarantineGlacierDays ?? d.malwareScan.quarantineGlacierDays,
        },
        configRules: {
            enabled: c?.enabled ?? d.configRules.enabled,
            remediation: c?.remediation ?? d.configRules.remediation,
            maximumAutomaticAttempts: c?.maximumAutomaticAttempts ?? d.configRules.maximumAutomaticAttempts,
            retryAttemptSeconds: c?.retryAttemptSeconds ?? d.configRules.retryAttemptSeconds,
            createRecorder: c?.createRecorder ?? d.configRules.createRecorder,
            historyRetentionDays: c?.historyRetentionDays ?? d.configRules.historyRetentionDays,
        },
    };
}

/** Cross-field rules of the section. `eventBridge` is `notifications.eventBridge` as resolved. */
export function detectiveProblems(raw: RawDetectiveConfig, s: DetectiveSettings, eventBridge: boolean): Problem[] {
    const problems: Problem[] = [];
    const a = s.dataArrival;
    if (a.enabled && !eventBridge) {
        problems.push({
            path: "dataArrival.enabled",
            value: raw.dataArrival?.enabled,
            message:
                "needs notifications.eventBridge true: arrivals are the S3 events the bucket sends to EventBridge (set dataArrival.enabled false to turn both off)",
        });
    }
    if (!a.enabled) {
        problems.push(...keysNotApplying("dataArrival", raw.dataArrival, ["logGroupName", "retentionDays"], "enabled"));
    }
    problems.push(...malwareProblems(raw, s.malwareScan), ...configRulesProblems(raw, s.configRules));
    return problems;
}

function malwareProblems(raw: RawDetectiveConfig, m: MalwareScanSettings): Problem[] {
    if (!m.enabled) {
        return keysNotApplying("malwareScan", raw.malwareScan, ["securityRoleArn", "quarantine", "quarantineGlacierDays"], "enabled");
    }
    return m.quarantine ? [] : keysNotApplying("malwareScan", raw.malwareScan, ["quarantineGlacierDays"], "quarantine");
}

function configRulesProblems(raw: RawDetectiveConfig, c: ConfigRulesSettings): Problem[] {
    const notApplying = (keys: readonly (keyof NonNullable<RawDetectiveConfig["configRules"]>)[], needs: string) =>
        keysNotApplying("configRules", raw.configRules, keys, needs);
    if (!c.enabled) {
        return notApplying(
            ["remediation", "maximumAutomaticAttempts", "retryAttemptSeconds", "createRecorder", "historyRetentionDays"],
            "enabled",
        );
    }
    return [
        ...(c.remediation ? [] : notApplying(["maximumAutomaticAttempts", "retryAttemptSeconds"], "remediation")),
        ...(c.createRecorder ? [] : notApplying(["historyRetentionDays"], "createRecorder")),
    ];
}
