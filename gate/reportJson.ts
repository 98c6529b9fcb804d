/**
 * The machine-readable report (`plan --json`), described by `schema/report.schema.json` (pure).
 * Either a report (`verdict` "pass" or "fail") or an error document (`verdict` "error": nothing was
 * judged). `schemaVersion` changes when a field changes meaning. Paths are relative to the project
 * directory, the same on every CI runner.
 */
import * as path from "path";
import { stripAnsi } from "./ansi";
import { countFindings, Finding, toFinding } from "./findings";
import { GateResult } from "./offlineGate";
import { PACKAGE_ROOT } from "./packageRoot";
import type { RemediationRecord } from "./remediation";

export const REPORT_SCHEMA_VERSION = 2;

/** `schema/report.schema.json`, shipped with the package. */
export const REPORT_SCHEMA_FILE = path.join(PACKAGE_ROOT, "schema", "report.schema.json");

export interface ReportResource {
    readonly type: string;
    readonly name: string;
    readonly urn: string;
    /** URN of the parent, `null` for the stack itself. */
    readonly parent: string | null;
    readonly protect: boolean;
    readonly retainOnDelete: boolean;
}

export interface JsonReport {
    readonly schemaVersion: number;
    readonly project: string;
    readonly stack: string;
    readonly preview: boolean;
    readonly verdict: "pass" | "fail";
    readonly exitCode: 0 | 1;
    readonly pack: { readonly name: string; readonly version: string };
    readonly policyConfig: string | null;
    readonly counts: {
        readonly resources: number;
        readonly mandatory: number;
        readonly advisory: number;
        readonly notes: number;
        readonly waived: number;
        readonly remediated: number;
    };
    readonly warnings: readonly string[];
    readonly resources: readonly ReportResource[];
    readonly findings: readonly Finding[];
    /** What the pack's remediations changed before judging (policies at level `remediate`). */
    readonly remediations: readonly RemediationRecord[];
    /** The gate's timings (gate/offlineGate.ts), in whole milliseconds. */
    readonly timings: GateResult["timings"];
}

export interface JsonErrorDocument {
    readonly schemaVersion: number;
    /** `null` when the command line did not name one (e.g. `--stack` missing). */
    readonly stack: string | null;
    readonly verdict: "error";
    /** 2: config or usage error; 3: the tool failed; 129/130/143: interrupted (SIGHUP or parent gone, SIGINT, SIGTERM). */
    readonly exitCode: number;
    readonly error: string;
}

/** `p` relative to `base` when it lies inside it, else absolute. */
export function display(p: string, base: string): string {
    const rel = path.relative(base, p);
    return rel === "" ? "." : rel.startsWith("..") || path.isAbsolute(rel) ? p : rel;
}

export function toJson(r: GateResult, projectDir: string): JsonReport {
    const findings = r.analysis.violations.map(toFinding);
    return {
        schemaVersion: REPORT_SCHEMA_VERSION,
        project: r.plan.project,
        stack: r.plan.stack,
        preview: r.plan.preview,
        verdict: r.verdict,
        exitCode: r.verdict === "fail" ? 1 : 0,
        pack: { name: r.analysis.pack.name, version: r.analysis.pack.version },
        policyConfig: r.policyConfigFile !== undefined ? display(r.policyConfigFile, projectDir) : null,
        counts: { resources: r.plan.resources.length, ...countFindings(findings) },
        warnings: [...r.warnings],
        resources: r.plan.resources.map((res) => ({
            type: res.type,
            name: res.name,
            urn: res.urn,
            parent: res.parent === "" ? null : res.parent,
            protect: res.protect,
            retainOnDelete: res.retainOnDelete,
        })),
        findings,
        remediations: [...r.analysis.remediations],
        timings: {
            packBuildMs: Math.round(r.timings.packBuildMs),
            programMs: Math.round(r.timings.programMs),
            packStartMs: Math.round(r.timings.packStartMs),
            analyzeMs: Math.round(r.timings.analyzeMs),
            totalMs: Math.round(r.timings.totalMs),
        },
    };
}

export function errorDocument(stack: string | undefined, exitCode: number, error: string): JsonErrorDocument {
    const plain = stripAnsi(error); // a pack's or tsc's colour codes
    return { schemaVersion: REPORT_SCHEMA_VERSION, stack: stack ?? null, verdict: "error", exitCode, error: plain };
}
