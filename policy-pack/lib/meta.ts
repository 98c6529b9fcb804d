/**
 * Policy metadata as typed fields (never parsed from comments), as a policy writes it and in full:
 * the coverage table and report, the gate's findings and the SDK's own fields are generated from it.
 */
import type { EnforcementLevel, PolicyConfigSchema, Severity } from "@pulumi/policy";
import { securityHubUrl } from "./controls";

/** Compliance frameworks a policy maps to. */
export type Framework = "aws-fsbp" | "cis-aws-foundations-3.0.0" | "internal";

/**
 * Policy metadata shared by both kinds, as typed fields (never parsed from comments): the coverage
 * table, the coverage report and the gate's findings are generated from them.
 */
export interface PolicyMeta {
    readonly name: string;
    readonly description: string;
    readonly enforcementLevel: EnforcementLevel;
    readonly severity: Severity;
    readonly configSchema?: PolicyConfigSchema;
    /** AWS Security Hub (Foundational Security Best Practices) control ids, e.g. `S3.8`. */
    readonly securityHub: readonly string[];
    /** CIS AWS Foundations Benchmark v3.0.0 recommendation ids, e.g. `2.1.4`. */
    readonly cis: readonly string[];
    readonly topics: readonly string[];
    /** What to change, in one or two sentences. */
    readonly remediation: string;
    /** The AWS page that documents the control this policy implements. */
    readonly docUrl: string;
}

/**
 * Metadata as a policy is written: secure by default, a policy is `mandatory` unless it names the
 * opt-out (`enforcementLevel: "advisory"`, or `disabled`); each stack's pack config can still set any
 * level.
 */
export type PolicySpec = Omit<PolicyMeta, "enforcementLevel" | "docUrl"> & {
    /** @default "mandatory" */
    readonly enforcementLevel?: EnforcementLevel;
    /** @default - the Security Hub page of the first control in `securityHub` (required when it is empty) */
    readonly docUrl?: string;
};

/** The full metadata of a policy written as `spec`. */
export function metaOf(spec: PolicySpec): PolicyMeta {
    const control = spec.securityHub[0];
    const docUrl = spec.docUrl ?? (control === undefined ? undefined : securityHubUrl(control));
    if (docUrl === undefined) {
        throw new Error(`policy ${spec.name} maps to no Security Hub control: give its docUrl`);
    }
    return { ...spec, enforcementLevel: spec.enforcementLevel ?? "mandatory", docUrl };
}

/** The frameworks a policy's ids belong to (`internal` when none). */
export function frameworksOf(meta: Pick<PolicyMeta, "securityHub" | "cis">): Framework[] {
    const out: Framework[] = [];
    if (meta.securityHub.length > 0) {
        out.push("aws-fsbp");
    }
    if (meta.cis.length > 0) {
        out.push("cis-aws-foundations-3.0.0");
    }
    return out.length > 0 ? out : ["internal"];
}

/**
 * The SDK's own metadata fields, so the engine and the offline gate see them over the analyzer
 * protocol (`GetAnalyzerInfo`): severity, remediation steps, URL, a framework, and tags carrying the
 * control ids (`securityhub:S3.8`, `cis-3.0.0:2.1.4`).
 */
export function sdkMeta(meta: PolicyMeta) {
    const first = frameworksOf(meta)[0];
    return {
        remediationSteps: meta.remediation,
        url: meta.docUrl,
        tags: [...meta.topics, ...meta.securityHub.map((id) => `securityhub:${id}`), ...meta.cis.map((id) => `cis-3.0.0:${id}`)],
        framework: {
            name: first,
            version: first === "aws-fsbp" ? "1.0.0" : first === "internal" ? "1" : "3.0.0",
            reference: [...meta.securityHub, ...meta.cis].join(", "),
            specification: meta.docUrl,
        },
    };
}
