/**
 * The pack's coverage, generated from each policy's typed metadata (lib/meta.ts `PolicyMeta`) and
 * the external control lists (lib/controls.ts): a markdown table of policies (the README's), a
 * markdown table of controls, and a machine-readable report. For a stack, pass the resource types it
 * declares: a control with nothing of its kind declared is "not applicable", never "pass".
 *   npx ts-node --transpile-only policy-pack/scripts/coverage.ts            # policy table
 *   npx ts-node --transpile-only policy-pack/scripts/coverage.ts controls   # control table
 *   npx ts-node --transpile-only policy-pack/scripts/coverage.ts --json     # report
 */
import { CheckedPolicy } from "../lib/check";
import { Framework, frameworksOf, PolicyMeta } from "../lib/meta";
import { EXTERNAL_CONTROLS, ExternalControl } from "../lib/controls";
import { PACK_POLICIES } from "../policies/all";

/** A policy's row: its typed metadata (lib/meta.ts `PolicyMeta`), its kind and frameworks. */
export interface PolicyRow extends Pick<
    PolicyMeta,
    "name" | "enforcementLevel" | "severity" | "securityHub" | "cis" | "topics" | "remediation" | "docUrl"
> {
    readonly kind: "resource" | "stack";
    readonly frameworks: readonly Framework[];
    /** The policy's description. */
    readonly summary: string;
}

/** Every policy of the pack, in the pack's order. */
export function policyRows(policies: readonly CheckedPolicy[] = PACK_POLICIES): PolicyRow[] {
    return policies.map((p) => ({
        name: p.name,
        kind: "validateStack" in p ? "stack" : "resource",
        enforcementLevel: p.enforcementLevel,
        severity: p.severity,
        securityHub: p.securityHub,
        cis: p.cis,
        frameworks: frameworksOf(p),
        topics: p.topics,
        summary: p.description,
        remediation: p.remediation,
        docUrl: p.docUrl,
    }));
}

/** How a stack stands against one external control. */
export type ControlStatus = "covered" | "not covered" | "not applicable";

export interface ControlRow {
    readonly framework: string;
    readonly id: string;
    readonly title: string;
    /** Policies whose metadata names this control. */
    readonly policies: readonly string[];
    /**
     * `covered` (a policy judges it), `not covered` (none does: `note` says why), or, for a stack that
     * declares nothing the control applies to, `not applicable`.
     */
    readonly status: ControlStatus;
    readonly note?: string;
}

/** Coverage of every external control; `declaredTypes` (a stack's resource types) adds applicability. */
export function controlRows(
    declaredTypes?: ReadonlySet<string>,
    policies: readonly CheckedPolicy[] = PACK_POLICIES,
    controls: readonly ExternalControl[] = EXTERNAL_CONTROLS,
): ControlRow[] {
    return controls.map((c) => {
        const names = policies.filter((p) => (c.framework === "aws-fsbp" ? p.securityHub : p.cis).includes(c.id)).map((p) => p.name);
        const applicable = declaredTypes === undefined || c.appliesTo.some((t) => declaredTypes.has(t));
        const status: ControlStatus = !applicable ? "not applicable" : names.length > 0 ? "covered" : "not covered";
        const note = !applicable ? `the stack declares no ${c.appliesTo.join(" / ")}` : names.length === 0 ? c.notImplemented : undefined;
        return { framework: c.framework, id: c.id, title: c.title, policies: names, status, ...(note !== undefined ? { note } : {}) };
    });
}

const cell = (s: string): string => (s === "" ? "-" : s.replace(/\|/g, "\\|"));
const list = (xs: readonly string[]): string => cell(xs.join(", "));

export function coverageTable(rows: readonly PolicyRow[]): string {
    return [
        "| Policy | Kind | Default | Severity | Security Hub | CIS v3.0.0 | Topics | What it checks |",
        "| --- | --- | --- | --- | --- | --- | --- | --- |",
        ...rows.map(
            (r) =>
                `| \`${r.name}\` | ${r.kind} | ${r.enforcementLevel} | ${r.severity} | ${list(r.securityHub)} | ${list(r.cis)} | ${list(r.topics)} | ${cell(r.summary)} |`,
        ),
    ].join("\n");
}

export function controlTable(rows: readonly ControlRow[]): string {
    return [
        "| Framework | Control | Title | Policies | Status |",
        "| --- | --- | --- | --- | --- |",
        ...rows.map(
            (r) =>
                `| ${r.framework} | ${r.id} | ${cell(r.title)} | ${list(r.policies.map((p) => `\`${p}\``))} | ${r.status}${r.note !== undefined ? `: ${cell(r.note)}` : ""} |`,
        ),
    ].join("\n");
}

/** The machine-readable coverage report. */
export function coverageReport(declaredTypes?: ReadonlySet<string>): Record<string, unknown> {
    return { schemaVersion: 1, policies: policyRows(), controls: controlRows(declaredTypes) };
}

if (require.main === module) {
    const arg = process.argv[2];
    console.log(
        arg === "--json"
            ? JSON.stringify(coverageReport(), null, 2)
            : arg === "controls"
              ? controlTable(controlRows())
              : coverageTable(policyRows()),
    );
}
