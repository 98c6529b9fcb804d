/**
 * Monitoring, audit and cost composed around the data bucket (issue 5): the alert topic, storage
 * alarms, the CloudTrail trail and detective alerts, object-created notifications, and cost controls.
 * `program.ts` calls `buildMonitoring` once, after the data bucket (and replication) exist.
 */
import * as aws from "../components/aws";
import * as pulumi from "@pulumi/pulumi";
import { AlertTopic } from "../components/monitoring/alerts";
import { REPLICATION_RULE_ID } from "../components/access/replicationArgs";
import { AuditTrail } from "../components/audit/auditTrail";
import { CostControls } from "../components/cost/costControls";
import { DetectiveAlerts } from "../components/audit/detectiveAlerts";
import { eventRuleArn } from "../rules/arn";
import { SecureBucket } from "../components/storage/secureBucket";
import { ReplicationAlarmInput, StorageAlarms } from "../components/monitoring/storageAlarms";
import { Settings } from "../config";
import { AccessOutputs } from "./access";
import { DetectiveOutputs } from "./detective";

/** The detective feature, built once the alert topic exists (stack/detective.ts). */
export interface DetectiveHook {
    /** Names of its EventBridge rules that publish to the alert topic. */
    readonly eventRuleNames: readonly string[];
    readonly build: (alerts: AlertTopic) => DetectiveOutputs;
}

/** Stack outputs of this feature. */
export interface MonitoringOutputs extends DetectiveOutputs {
    /** `arn:<partition>:sns:<region>:<account>:<name>` of the alert topic. */
    readonly alertTopicArn: pulumi.Output<string>;
    /** `arn:<partition>:cloudtrail:<region>:<account>:trail/<name>`, when audit is on. */
    readonly trailArn: pulumi.Output<string> | undefined;
    /** Name of the bucket holding the trail's log files, when audit is on. */
    readonly trailLogBucketName: pulumi.Output<string> | undefined;
    /** Name of the bucket holding storage-class analysis exports, when analytics is on. */
    readonly analyticsBucketName: pulumi.Output<string> | undefined;
}

/** The replication alarms' input from the access feature's outputs; undefined without replication. */
export function replicationAlarmInput(
    access: Pick<AccessOutputs, "replicaBucketName">,
): ReplicationAlarmInput<pulumi.Input<string>> | undefined {
    return access.replicaBucketName === undefined
        ? undefined
        : { ruleId: REPLICATION_RULE_ID, destinationBucketName: access.replicaBucketName };
}

/** Names that must be exact (their ARNs are computed before the resources exist), unique per stack. */
export function monitoringNames(s: Pick<Settings, "project" | "stack">): { trail: string; detectiveRule: string; budget: string } {
    const base = `${s.project}-${s.stack}`;
    return { trail: `${base}-trail`, detectiveRule: `${base}-bucket-protection-changes`, budget: `${base}-s3-monthly` };
}

export function buildMonitoring(
    s: Settings,
    data: SecureBucket,
    opts: { readonly provider: aws.Provider; readonly protect: boolean },
    replication: ReplicationAlarmInput<pulumi.Input<string>> | undefined,
    detective: DetectiveHook,
): MonitoringOutputs {
    const m = s.monitoring;
    const names = monitoringNames(s);
    const provider = { provider: opts.provider };
    const accountId = aws.getCallerIdentityOutput({}, provider).accountId;
    // Detective alerts need the trail: EventBridge gets CloudTrail API events only while a trail logs.
    const trailAlerts = m.audit.enabled;

    const alerts = new AlertTopic(
        "firehose-alerts",
        {
            region: s.region,
            emails: m.alerts.emails,
            httpsEndpoints: m.alerts.httpsEndpoints,
            eventRuleArns: [...(trailAlerts ? [names.detectiveRule] : []), ...detective.eventRuleNames].map((rule) =>
                accountId.apply((id) => eventRuleArn(s.region, id, rule)),
            ),
            allowBudgets: m.budget.enabled,
        },
        provider,
    );

    new StorageAlarms(
        "firehose-alarms",
        { bucketName: data.bucketName, topicArn: alerts.topicArn, thresholds: m.alerts.thresholds, replication },
        provider,
    );

    const audit = m.audit.enabled
        ? new AuditTrail(
              "firehose-audit",
              {
                  trailName: names.trail,
                  region: s.region,
                  dataEventsBucketArn: m.audit.dataEvents ? data.bucketArn : undefined,
                  logRetentionDays: m.audit.logRetentionDays,
                  mfaExemptPrincipalArns: s.access.mfa.exemptPrincipalArns,
                  allowForceDestroy: s.allowForceDestroy,
                  retainOnDelete: s.protect,
              },
              // Audit logs are evidence: protected like the data in prod.
              { ...provider, protect: opts.protect },
          )
        : undefined;

    if (audit !== undefined) {
        new DetectiveAlerts(
            "firehose-detective",
            {
                ruleName: names.detectiveRule,
                bucketNames: [data.bucketName, audit.logBucketName],
                topicArn: alerts.topicArn,
                topicPolicy: alerts.policy,
            },
            provider,
        );
    }

    // Object notifications (and the data-arrival log) are built by stack/detective.ts.
    const detectiveOutputs = detective.build(alerts);

    const it = m.intelligentTiering;
    const cost = new CostControls(
        "firehose-cost",
        {
            dataBucketName: data.bucketName,
            dataBucketArn: data.bucketArn,
            budget: m.budget.enabled
                ? {
                      name: names.budget,
                      monthlyLimitUsd: m.budget.monthlyLimitUsd,
                      costAllocationTag: { key: "Project", value: s.tags.Project },
                      topicArn: alerts.topicArn,
                      topicPolicy: alerts.policy,
                  }
                : undefined,
            analytics: m.analytics.enabled ? { exportPrefix: m.analytics.exportPrefix } : undefined,
            intelligentTiering: it.enabled
                ? { archiveAccessDays: it.archiveAccessDays, deepArchiveAccessDays: it.deepArchiveAccessDays }
                : undefined,
            allowForceDestroy: s.allowForceDestroy,
        },
        provider,
    );

    return {
        alertTopicArn: alerts.topicArn,
        trailArn: audit?.trailArn,
        trailLogBucketName: audit?.logBucketName,
        analyticsBucketName: cost.analyticsBucketName,
        ...detectiveOutputs,
    };
}
