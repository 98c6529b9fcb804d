/**
 * Config section for monitoring, audit and cost (issue 5): `alerts`, `audit`, `notifications`,
 * `budget`, `analytics` and `intelligentTiering`. Schemas (strict zod), the settings they resolve to,
 * and the cross-field rules. Wired into `configSchema`, `Settings`, `resolveSettings` and the
 * environment defaults by one line each.
 */
import { z } from "zod";
import { arnRegex } from "../../rules/arn";
import { KEY_PREFIX_REGEX, KEY_PREFIX_RULE } from "../../rules/keys";
import { LifecyclePlan } from "../../components/storage/lifecycle";
import type { AlarmThresholds } from "../../components/monitoring/storageAlarms";
import { alertTopicArgsProblems } from "../../components/monitoring/alerts";
import { intelligentTieringArgsProblems } from "../../components/cost/costControls";
import { fromArgs, keysNotApplying, Problem } from "../problems";

/** An AWS ARN of any service in this account's partition (targets of the object-created rule). */
const anyArn = z
    .string()
    .regex(arnRegex("[a-z0-9-]+:[a-z0-9-]*:\\d{12}:.+"), "must be an ARN such as arn:aws:sqs:us-east-1:123456789012:queue");
const keyPrefix = z.string().regex(KEY_PREFIX_REGEX, KEY_PREFIX_RULE);
const count = z.int().min(1).max(Number.MAX_SAFE_INTEGER);

export const alertsSchema = z.strictObject({
    /** Addresses subscribed to the alert topic (each must confirm the subscription e-mail). */
    emails: z.array(z.email("must be an e-mail address such as oncall@example.com")).max(20).optional(),
    /** HTTPS endpoints subscribed to the alert topic (e.g. a paging webhook). */
    httpsEndpoints: z
        .array(z.url({ protocol: /^https$/, error: "must be an https:// URL" }))
        .max(5)
        .optional(),
    /** NumberOfObjects (daily, all storage classes) above which the object-count alarm fires. */
    objectCountThreshold: count.optional(),
    /** BucketSizeBytes (daily, Standard storage) above which the size alarm fires. */
    bucketSizeBytesThreshold: count.optional(),
    /** 4xx responses per 5 minutes above which the client-error alarm fires. */
    errors4xxThreshold: count.optional(),
    /** 5xx responses per 5 minutes above which the server-error alarm fires. */
    errors5xxThreshold: count.optional(),
    /** Maximum replication latency (seconds) before the replication-latency alarm fires. */
    replicationLatencySeconds: z.int().min(60).max(86400).optional(),
});

export const auditSchema = z.strictObject({
    /** A multi-region CloudTrail trail delivering into a dedicated, secured trail-log bucket. */
    enabled: z.boolean().optional(),
    /** Days the trail's log files are kept. */
    logRetentionDays: z.int().min(1).max(36500).optional(),
    /** Record S3 data events (object-level API calls) on the data bucket. Billed per event. */
    dataEvents: z.boolean().optional(),
});

export const notificationsSchema = z.strictObject({
    /** Send the data bucket's S3 events to EventBridge. */
    eventBridge: z.boolean().optional(),
    /** Target of the rule matching new `.json` objects (SQS, SNS, Lambda, ... ARN); omitted, no rule. */
    objectCreatedTargetArn: anyArn.optional(),
});

export const budgetSchema = z.strictObject({
    enabled: z.boolean().optional(),
    /** Monthly S3 cost limit of the project (USD). */
    monthlyLimitUsd: z.number().positive().max(1_000_000_000).optional(),
});

export const analyticsSchema = z.strictObject({
    /** S3 storage-class analysis of the data bucket, exported daily as CSV. */
    enabled: z.boolean().optional(),
    /** Key prefix of the CSV exports in the analytics bucket. */
    exportPrefix: keyPrefix.optional(),
});

export const intelligentTieringSchema = z.strictObject({
    /** Archive tiers for objects in the INTELLIGENT_TIERING class (an alternative to fixed Glacier tiers). */
    enabled: z.boolean().optional(),
    /** Days without access before Archive Access (90-730, checked by CostControls). */
    archiveAccessDays: z.int().optional(),
    /** Days without access before Deep Archive Access (180-730, checked by CostControls). */
    deepArchiveAccessDays: z.int().optional(),
});

/** The section's keys, spread into `configSchema`. */
export const monitoringConfigShape = {
    alerts: alertsSchema.optional(),
    audit: auditSchema.optional(),
    notifications: notificationsSchema.optional(),
    budget: budgetSchema.optional(),
    analytics: analyticsSchema.optional(),
    intelligentTiering: intelligentTieringSchema.optional(),
};
export type RawMonitoringConfig = z.infer<z.ZodObject<typeof monitoringConfigShape>>;

export interface MonitoringSettings {
    readonly alerts: {
        readonly emails: readonly string[];
        readonly httpsEndpoints: readonly string[];
        readonly thresholds: AlarmThresholds;
    };
    readonly audit: { readonly enabled: boolean; readonly logRetentionDays: number; readonly dataEvents: boolean };
    readonly notifications: { readonly eventBridge: boolean; readonly objectCreatedTargetArn?: string };
    readonly budget: { readonly enabled: boolean; readonly monthlyLimitUsd: number };
    readonly analytics: { readonly enabled: boolean; readonly exportPrefix: string };
    readonly intelligentTiering: {
        readonly enabled: boolean;
        readonly archiveAccessDays?: number;
        readonly deepArchiveAccessDays?: number;
    };
}

/** Per-environment defaults: dev leaves out what is billed per event or per object (data events, analytics). */
export interface MonitoringDefaults {
    readonly audit: { readonly enabled: boolean; readonly logRetentionDays: number; readonly dataEvents: boolean };
    readonly analytics: { readonly enabled: boolean };
}

export const MONITORING_FIXED_DEFAULTS = {
    thresholds: {
        objectCount: 100_000_000,
        /** 5 TiB. */
        bucketSizeBytes: 5 * 1024 ** 4,
        errors4xx: 100,
        errors5xx: 10,
        /** S3 Replication Time Control replicates 99.99% of objects within 15 minutes. */
        replicationLatencySeconds: 900,
    },
    eventBridge: true,
    budget: { enabled: true, monthlyLimitUsd: 1000 },
    exportPrefix: "storage-analytics/",
} as const;

/** Raw section -> settings, defaults applied. Validation is `monitoringProblems`. */
export function resolveMonitoring(raw: RawMonitoringConfig, d: MonitoringDefaults): MonitoringSettings {
    const a = raw.alerts;
    const t = MONITORING_FIXED_DEFAULTS.thresholds;
    return {
        alerts: {
            emails: a?.emails ?? [],
            httpsEndpoints: a?.httpsEndpoints ?? [],
            thresholds: {
                objectCount: a?.objectCountThreshold ?? t.objectCount,
                bucketSizeBytes: a?.bucketSizeBytesThreshold ?? t.bucketSizeBytes,
                errors4xx: a?.errors4xxThreshold ?? t.errors4xx,
                errors5xx: a?.errors5xxThreshold ?? t.errors5xx,
                replicationLatencySeconds: a?.replicationLatencySeconds ?? t.replicationLatencySeconds,
            },
        },
        audit: {
            enabled: raw.audit?.enabled ?? d.audit.enabled,
            logRetentionDays: raw.audit?.logRetentionDays ?? d.audit.logRetentionDays,
            dataEvents: raw.audit?.dataEvents ?? d.audit.dataEvents,
        },
        notifications: {
            eventBridge: raw.notifications?.eventBridge ?? MONITORING_FIXED_DEFAULTS.eventBridge,
            objectCreatedTargetArn: raw.notifications?.objectCreatedTargetArn,
        },
        budget: {
            enabled: raw.budget?.enabled ?? MONITORING_FIXED_DEFAULTS.budget.enabled,
            monthlyLimitUsd: raw.budget?.monthlyLimitUsd ?? MONITORING_FIXED_DEFAULTS.budget.monthlyLimitUsd,
        },
        analytics: {
            enabled: raw.analytics?.enabled ?? d.analytics.enabled,
            exportPrefix: raw.analytics?.exportPrefix ?? MONITORING_FIXED_DEFAULTS.exportPrefix,
        },
        intelligentTiering: {
            enabled: raw.intelligentTiering?.enabled ?? false,
            archiveAccessDays: raw.intelligentTiering?.archiveAccessDays,
            deepArchiveAccessDays: raw.intelligentTiering?.deepArchiveAccessDays,
        },
    };
}

/**
 * Intelligent-Tiering archive tiers against the fixed lifecycle tiers. The archive configuration only
 * acts on objects stored in the INTELLIGENT_TIERING class, which a lifecycle transition puts them in;
 * it moves them by *access* (days without a read), while a later lifecycle transition moves them out
 * by *age* to a fixed class. Both at once contradict each other, so:
 * - a lifecycle transition into INTELLIGENT_TIERING is required (else the configuration acts on nothing);
 * - no transition may follow it (it would take objects out of Intelligent-Tiering by age);
 * - the tiers themselves as CostControls checks them (`intelligentTieringArgsProblems`).
 */
export function intelligentTieringProblems(it: MonitoringSettings["intelligentTiering"], lifecycle: LifecyclePlan): Problem[] {
    if (!it.enabled) {
        return [];
    }
    const problems: Problem[] = intelligentTieringArgsProblems(it);
    const at = lifecycle.transitions.findIndex((t) => t.storageClass === "INTELLIGENT_TIERING");
    if (at < 0) {
        problems.push({
            path: "intelligentTiering.enabled",
            value: true,
            message:
                "archives only objects in the INTELLIGENT_TIERING class, but no lifecycle.transitions entry moves objects there; add { storageClass: INTELLIGENT_TIERING, days: 0 } or disable it",
        });
    }
    lifecycle.transitions.forEach((t, i) => {
        if (at >= 0 && i > at) {
            problems.push({
                path: `lifecycle.transitions[${i}].storageClass`,
                value: t.storageClass,
                message: `moves objects out of INTELLIGENT_TIERING to ${t.storageClass} by age while intelligentTiering archives them by access; remove this transition or disable intelligentTiering`,
            });
        }
    });
    return problems;
}

/** Cross-field rules of the section. */
export function monitoringProblems(raw: RawMonitoringConfig, s: MonitoringSettings, lifecycle: LifecyclePlan): Problem[] {
    const problems: Problem[] = [...intelligentTieringProblems(s.intelligentTiering, lifecycle)];
    problems.push(...fromArgs(alertTopicArgsProblems(s.alerts), "alerts."));
    if (raw.audit?.dataEvents === true && !s.audit.enabled) {
        problems.push({
            path: "audit.dataEvents",
            value: true,
            message: "only applies with audit.enabled true (data events are recorded by the trail)",
        });
    }
    if (!s.intelligentTiering.enabled) {
        problems.push(
            ...keysNotApplying("intelligentTiering", raw.intelligentTiering, ["archiveAccessDays", "deepArchiveAccessDays"], "enabled"),
        );
    }
    if (s.notifications.objectCreatedTargetArn !== undefined && !s.notifications.eventBridge) {
        problems.push({
            path: "notifications.objectCreatedTargetArn",
            value: s.notifications.objectCreatedTargetArn,
            message: "needs notifications.eventBridge true: the rule matches the S3 events the bucket sends to EventBridge",
        });
    }
    return problems;
}
