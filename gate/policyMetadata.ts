/**
 * What the pack says about each policy over the analyzer protocol (`GetAnalyzerInfo`): severity,
 * the control ids it carries as tags (`securityhub:S3.8`, `cis-3.0.0:2.1.4`, see
 * policy-pack/lib/check.ts), remediation steps and the AWS page. The gate puts them on every
 * finding, so a report names the controls a violation breaks.
 */
import * as analyzerPb from "@pulumi/pulumi/proto/analyzer_pb";

export type Severity = "low" | "medium" | "high" | "critical";

export interface PolicyControls {
    readonly severity: Severity | null;
    /** AWS Security Hub control ids. */
    readonly securityHub: readonly string[];
    /** CIS AWS Foundations Benchmark v3.0.0 ids. */
    readonly cis: readonly string[];
    readonly remediation: string | null;
    readonly url: string | null;
}

const SEVERITY: Readonly<Record<number, Severity>> = {
    [analyzerPb.PolicySeverity.POLICY_SEVERITY_LOW]: "low",
    [analyzerPb.PolicySeverity.POLICY_SEVERITY_MEDIUM]: "medium",
    [analyzerPb.PolicySeverity.POLICY_SEVERITY_HIGH]: "high",
    [analyzerPb.PolicySeverity.POLICY_SEVERITY_CRITICAL]: "critical",
};

export function severityFromPb(s: analyzerPb.PolicySeverity): Severity | null {
    return SEVERITY[s] ?? null;
}

/** Tags with `prefix:` -> the ids after it. */
function idsTagged(tags: readonly string[], prefix: string): string[] {
    return tags.filter((t) => t.startsWith(`${prefix}:`)).map((t) => t.slice(prefix.length + 1));
}

/** Policy name -> its controls, from the pack's `GetAnalyzerInfo` answer. */
export function controlsFromInfo(info: analyzerPb.AnalyzerInfo): Map<string, PolicyControls> {
    return new Map(
        info.getPoliciesList().map((p) => {
            const tags = p.getTagsList();
            return [
                p.getName(),
                {
                    severity: severityFromPb(p.getSeverity()),
                    securityHub: idsTagged(tags, "securityhub"),
                    cis: idsTagged(tags, "cis-3.0.0"),
                    remediation: p.getRemediationSteps() || null,
                    url: p.getUrl() || null,
                },
            ];
        }),
    );
}

/**
 * What a finding carries from its policy's controls, violations, remediations and waived findings
 * alike: the severity (`own`, the diagnostic's, when it has one, else the policy's), the
 * Security Hub and CIS ids, and both as reports print them (`S3.8`, `CIS 2.1.4`).
 */
export function controlFields(
    c: PolicyControls | undefined,
    own: Severity | null = null,
): { readonly severity?: Severity; readonly securityHub: string[]; readonly cis: string[]; readonly controlIds: string[] } {
    const severity = own ?? c?.severity ?? null;
    return {
        ...(severity !== null ? { severity } : {}),
        securityHub: [...(c?.securityHub ?? [])],
        cis: [...(c?.cis ?? [])],
        controlIds: [...(c?.securityHub ?? []), ...(c?.cis ?? []).map((id) => `CIS ${id}`)],
    };
}
