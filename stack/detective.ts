/**
 * Detective and corrective controls composed around the data bucket (issue 14): the data-arrival
 * log, malware scanning with quarantine, AWS Config rules with remediation (and the recorder when
 * asked), and Macie discovery (stack/discovery.ts). `program.ts` calls `planDetective` before creating the
 * data bucket (its policy withholds infected objects and exempts the service roles) and hands
 * `build` to `buildMonitoring`, which calls it once the alert topic exists; rules that publish to
 * that topic are named in `eventRuleNames` beforehand (the topic policy admits them by ARN).
 */
import * as aws from "../components/aws";
import * as pulumi from "@pulumi/pulumi";
import { BucketCompliance } from "../components/compliance/bucketCompliance";
import { ConfigRecorder } from "../components/compliance/configRecorder";
import { RemediationRole } from "../components/compliance/remediationRole";
import { MalwareProtection } from "../components/malware/malwareProtection";
import { denyInfectedReads } from "../components/malware/policies/malwareStatements";
import { quarantineBucketStatements } from "../components/malware/policies/quarantineStatements";
import { QuarantineFunction } from "../components/malware/quarantineFunction";
import { AlertTopic } from "../components/monitoring/alerts";
import { ArrivalLog } from "../components/monitoring/arrivalLog";
import { ObjectNotifications } from "../components/monitoring/objectNotifications";
import { iamPrincipalArn } from "../rules/arn";
import { Statement } from "../rules/document";
import { partitionOfRegion } from "../rules/regions";
import { SecureBucket } from "../components/storage/secureBucket";
import { Settings } from "../config";
import { buildDiscovery, discoveryRuleNames, discoveryServiceRoles } from "./discovery";

/** Stack outputs of this feature. */
export interface DetectiveOutputs {
    /** Name of the log group recording new `.json` objects, when data-arrival events are on. */
    readonly arrivalLogGroupName: pulumi.Output<string> | undefined;
    /** Name of the bucket holding quarantined objects, when malware scanning quarantines. */
    readonly quarantineBucketName: pulumi.Output<string> | undefined;
}

/** Exact names (ARNs computed before the resources exist), unique per stack. */
export function detectiveNames(s: Pick<Settings, "project" | "stack">): {
    arrivalPolicy: string;
    malwareRole: string;
    malwareAlertRule: string;
    quarantineRole: string;
    quarantineFunction: string;
    remediationRole: string;
    rulePrefix: string;
    recorder: string;
    recorderRole: string;
} {
    const base = `${s.project}-${s.stack}`;
    return {
        arrivalPolicy: `${base}-arrival-events`,
        malwareRole: `${base}-malware-scan`,
        malwareAlertRule: `${base}-malware-threats`,
        quarantineRole: `${base}-quarantine`,
        quarantineFunction: `${base}-quarantine`,
        remediationRole: `${base}-config-remediation`,
        rulePrefix: `${base}`,
        recorder: base,
        recorderRole: `${base}-config-recorder`,
    };
}

type Opts = { readonly provider: aws.Provider; readonly protect: boolean };

export interface DetectivePlan {
    /** Roles of AWS services acting on the data bucket: its policy exempts them from network and MFA limits. */
    readonly serviceRoleArns: pulumi.Output<string[]>;
    /** This feature's statements in the data bucket's policy. */
    dataBucketStatements(bucketArn: string): pulumi.Output<Statement[]>;
    /** Names of its EventBridge rules that publish to the alert topic. */
    readonly eventRuleNames: readonly string[];
    /** Creates the resources, once the data bucket and the alert topic exist. */
    build(data: SecureBucket, alerts: AlertTopic): DetectiveOutputs;
}

export function planDetective(s: Settings, opts: Opts): DetectivePlan {
    const names = detectiveNames(s);
    const m = s.detective.malwareScan;
    const quarantine = m.enabled && m.quarantine;
    const account = aws.getCallerIdentityOutput({}, { provider: opts.provider }).accountId;
    const roleArn = (name: string) => account.apply((id) => iamPrincipalArn(partitionOfRegion(s.region), id, "role", name));
    const c = s.detective.configRules;
    const remediation = c.enabled && c.remediation;
    const roles = [
        ...(m.enabled ? [names.malwareRole] : []),
        ...(quarantine ? [names.quarantineRole] : []),
        ...(remediation ? [names.remediationRole] : []),
        ...discoveryServiceRoles(s),
    ];
    const serviceRoleArns = pulumi.all(roles.map(roleArn));
    return {
        serviceRoleArns,
        dataBucketStatements: (bucketArn) =>
            m.enabled
                ? pulumi
                      .all(quarantine ? [roleArn(names.quarantineRole)] : [])
                      .apply((fn) => [
                          denyInfectedReads(bucketArn, [...(m.securityRoleArn !== undefined ? [m.securityRoleArn] : []), ...fn]),
                      ])
                : pulumi.output([]),
        eventRuleNames: [...(m.enabled ? [names.malwareAlertRule] : []), ...discoveryRuleNames(s)],
        build: (data, alerts) => buildDetective(s, data, alerts, opts, roleArn(names.quarantineRole)),
    };
}

function buildDetective(
    s: Settings,
    data: SecureBucket,
    alerts: AlertTopic,
    opts: Opts,
    quarantineRoleArn: pulumi.Output<string>,
): DetectiveOutputs {
    const provider = { provider: opts.provider };
    const names = detectiveNames(s);
    const n = s.monitoring.notifications;
    const arrival = s.detective.dataArrival;
    const log = arrival.enabled
        ? new ArrivalLog(
              "firehose-arrivals",
              {
                  logGroupName: arrival.logGroupName,
                  retentionDays: arrival.retentionDays,
                  region: s.region,
                  policyName: names.arrivalPolicy,
                  retainOnDelete: s.protect,
              },
              provider,
          )
        : undefined;
    if (n.eventBridge) {
        new ObjectNotifications(
            "firehose-object-events",
            {
                bucketName: data.bucketName,
                objectCreatedTargetArn: n.objectCreatedTargetArn,
                logGroupArn: log?.logGroupArn,
                logGroupPolicy: log?.resourcePolicy,
            },
            provider,
        );
    }

    const m = s.detective.malwareScan;
    let quarantineBucket: SecureBucket | undefined;
    if (m.enabled) {
        new MalwareProtection(
            "firehose-malware",
            {
                bucketName: data.bucketName,
                bucketArn: data.bucketArn,
                kmsKeyArn: data.kmsKeyArn,
                region: s.region,
                roleName: names.malwareRole,
                alertRuleName: names.malwareAlertRule,
                topicArn: alerts.topicArn,
                topicPolicy: alerts.policy,
            },
            provider,
        );
        if (m.quarantine) {
            quarantineBucket = buildQuarantine(s, data, opts, quarantineRoleArn);
        }
    }
    buildCompliance(s, data, opts);
    buildDiscovery(s, data, alerts, opts.provider);
    return { arrivalLogGroupName: log?.logGroupName, quarantineBucketName: quarantineBucket?.bucketName };
}

/** The quarantine bucket (secured like the data bucket, same encryption mode, Glacier tier) and the function that fills it. */
function buildQuarantine(s: Settings, data: SecureBucket, opts: Opts, functionRoleArn: pulumi.Output<string>): SecureBucket {
    const names = detectiveNames(s);
    const m = s.detective.malwareScan;
    const bucket = new SecureBucket(
        "firehose-quarantine",
        {
            role: "quarantine",
            encryption: s.encryption.mode === "sse-kms" ? { mode: "sse-kms" } : { mode: "sse-s3" },
            lifecycle: {
                transitions: [{ storageClass: "GLACIER", days: m.quarantineGlacierDays }],
                noncurrent: { transitions: [], expirationDays: 30 },
                abortIncompleteMultipartUploadDays: 1,
            },
            accessLogs: { retentionDays: s.accessLogs.retentionDays },
            mfaExemptPrincipalArns: s.access.mfa.exemptPrincipalArns,
            allowForceDestroy: s.allowForceDestroy,
            retainOnDelete: s.protect,
            additionalPolicyStatements: (arn) => functionRoleArn.apply((fn) => quarantineBucketStatements(arn, m.securityRoleArn, fn)),
        },
        // Evidence: protected like the data in prod.
        { provider: opts.provider, protect: opts.protect },
    );
    new QuarantineFunction(
        "firehose-quarantine-mover",
        {
            dataBucketName: data.bucketName,
            dataBucketArn: data.bucketArn,
            dataKmsKeyArn: data.kmsKeyArn,
            quarantineBucketName: bucket.bucketName,
            quarantineBucketArn: bucket.bucketArn,
            quarantineKmsKeyArn: bucket.kmsKeyArn,
            region: s.region,
            roleName: names.quarantineRole,
            functionName: names.quarantineFunction,
        },
        { provider: opts.provider },
    );
    return bucket;
}

/** AWS Config rules on the data bucket, with remediation under a role scoped to it; the recorder when asked. */
function buildCompliance(s: Settings, data: SecureBucket, opts: Opts): void {
    const c = s.detective.configRules;
    if (!c.enabled) {
        return;
    }
    const names = detectiveNames(s);
    const provider = { provider: opts.provider };
    const recorder = c.createRecorder
        ? new ConfigRecorder(
              "firehose-config-recorder",
              {
                  recorderName: names.recorder,
                  roleName: names.recorderRole,
                  region: s.region,
                  historyRetentionDays: c.historyRetentionDays,
                  mfaExemptPrincipalArns: s.access.mfa.exemptPrincipalArns,
                  allowForceDestroy: s.allowForceDestroy,
                  retainOnDelete: s.protect,
              },
              provider,
          )
        : undefined;
    const role = c.remediation
        ? new RemediationRole("firehose-config-remediation", { roleName: names.remediationRole, bucketArns: [data.bucketArn] }, provider)
        : undefined;
    new BucketCompliance(
        "firehose-compliance-data",
        {
            bucketName: data.bucketName,
            rulePrefix: `${names.rulePrefix}-data`,
            kmsKeyArn: s.encryption.mode === "sse-kms" ? data.kmsKeyArn.apply((k) => k ?? "") : undefined,
            remediation:
                role !== undefined
                    ? {
                          roleArn: role.roleArn,
                          maximumAutomaticAttempts: c.maximumAutomaticAttempts,
                          retryAttemptSeconds: c.retryAttemptSeconds,
                      }
                    : undefined,
            recorderReady: recorder?.ready,
        },
        provider,
    );
}
