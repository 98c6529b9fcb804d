/**
 * Sensitive-data discovery composed around the data bucket (issue 14): Amazon Macie's scheduled
 * classification job and its findings to the alert topic, when `macie.enabled`. `stack/detective.ts`
 * names the findings rule before the topic exists (the topic policy admits it by ARN) and builds it
 * once the topic does.
 */
import * as aws from "../components/aws";
import { SensitiveDataDiscovery } from "../components/discovery/sensitiveDataDiscovery";
import { AlertTopic } from "../components/monitoring/alerts";
import { SecureBucket } from "../components/storage/secureBucket";
import { Settings } from "../config";

/** Exact names, unique per stack. */
export function discoveryNames(s: Pick<Settings, "project" | "stack">): { job: string; findingsRule: string } {
    const base = `${s.project}-${s.stack}`;
    return { job: `${base}-data-discovery`, findingsRule: `${base}-macie-findings` };
}

/** The findings rule's name when Macie is on (for the topic policy). */
export function discoveryRuleNames(s: Settings): string[] {
    return s.macie.enabled ? [discoveryNames(s).findingsRule] : [];
}

/**
 * Macie reads objects as its service-linked role, from AWS networks: the data bucket's network limit
 * exempts it by ARN (role name with its path, as `aws:PrincipalArn` carries it).
 * https://docs.aws.amazon.com/macie/latest/user/service-linked-roles.html
 */
export function discoveryServiceRoles(s: Settings): string[] {
    return s.macie.enabled ? ["aws-service-role/macie.amazonaws.com/AWSServiceRoleForAmazonMacie"] : [];
}

export function buildDiscovery(s: Settings, data: SecureBucket, alerts: AlertTopic, provider: aws.Provider): void {
    const m = s.macie;
    if (!m.enabled) {
        return;
    }
    const names = discoveryNames(s);
    new SensitiveDataDiscovery(
        "firehose-discovery",
        {
            bucketName: data.bucketName,
            jobName: names.job,
            alertRuleName: names.findingsRule,
            topicArn: alerts.topicArn,
            topicPolicy: alerts.policy,
            frequency: m.frequency,
            samplingPercentage: m.samplingPercentage,
            enableAccount: m.enableAccount ? { findingPublishingFrequency: m.findingPublishingFrequency } : undefined,
        },
        { provider },
    );
}
