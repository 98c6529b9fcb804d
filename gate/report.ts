/**
 * Renders an offline gate result (pure): for people, the resource tree, violations grouped by policy
 * (mandatory first) and a one-line verdict; for CI, a stable JSON document.
 */
import * as path from "path";
import { Violation } from "./analyzer";
import { GateResult } from "./offlineGate";
import { renderTree } from "./tree";

/** ANSI styling, or none. */
export interface Style {
    readonly bold: (s: string) => string;
    readonly dim: (s: string) => string;
    readonly red: (s: string) => string;
    readonly yellow: (s: string) => string;
    readonly green: (s: string) => string;
}

const sgr =
    (on: number, off: number) =>
    (s: string): string =>
        `\u001b[${on}m${s}\u001b[${off}m`;
const COLOR: Style = { bold: sgr(1, 22), dim: sgr(2, 22), red: sgr(31, 39), yellow: sgr(33, 39), green: sgr(32, 39) };
const PLAIN: Style = { bold: (s) => s, dim: (s) => s, red: (s) => s, yellow: (s) => s, green: (s) => s };

/** Colour only on a terminal, and never when `NO_COLOR` is set to anything non-empty (no-color.org). */
export function styleFor(isTTY: boolean | undefined, env: NodeJS.ProcessEnv): Style {
    return isTTY === true && (env.NO_COLOR ?? "") === "" ? COLOR : PLAIN;
}

export interface RenderOptions {
    readonly style: Style;
    /** Paths are shown relative to this directory. */
    readonly cwd: string;
    /** @default true */
    readonly tree?: boolean;
}

const LEVEL_ORDER = ["mandatory", "remediate", "advisory", "disabled"];

function seconds(ms: number): string {
    return `${(ms / 1000).toFixed(1)} s`;
}

function plural(n: number, word: string): string {
    return `${n} ${word}${n === 1 ? "" : "s"}`;
}

/** The SDK prefixes each message with the policy's description; the report shows that once per policy. */
function ownText(v: Violation): string {
    const prefix = `${v.description}\n`;
    return v.message.startsWith(prefix) ? v.message.slice(prefix.length) : v.message;
}

/** Violations grouped by policy and level, mandatory groups first, then by policy name. */
export function groupByPolicy(violations: readonly Violation[]): { policyName: string; level: string; items: Violation[] }[] {
    const groups = new Map<string, { policyName: string; level: string; items: Violation[] }>();
    for (const v of violations) {
        const key = `${v.policyName}\u0000${v.enforcementLevel}`;
        const g = groups.get(key) ?? { policyName: v.policyName, level: v.enforcementLevel, items: [] };
        g.items.push(v);
        groups.set(key, g);
    }
    return [...groups.values()].sort(
        (a, b) => LEVEL_ORDER.indexOf(a.level) - LEVEL_ORDER.indexOf(b.level) || a.policyName.localeCompare(b.policyName),
    );
}

export function verdictLine(r: GateResult, s: Style): string {
    const a = r.analysis;
    const advisory = a.advisoryCount > 0 ? `, ${plural(a.advisoryCount, "advisory violation")}` : "";
    const where = `stack ${r.plan.stack}, ${plural(r.plan.resources.length, "resource")}`;
    return r.verdict === "fail"
        ? s.red(s.bold(`✖ FAIL: ${plural(a.mandatoryCount, "mandatory violation")}${advisory} (${where})`))
        : s.green(s.bold(`✔ PASS: no mandatory violations${advisory} (${where})`));
}

/** `p` relative to `base` when it lies inside it, else absolute. */
function display(p: string, base: string): string {
    const rel = path.relative(base, p);
    return rel === "" ? "." : rel.startsWith("..") || path.isAbsolute(rel) ? p : rel;
}

export function renderHuman(r: GateResult, o: RenderOptions): string[] {
    const s = o.style;
    const rel = (p: string): string => display(p, o.cwd);
    const config = r.policyConfigFile !== undefined ? rel(r.policyConfigFile) : "none found: every policy advisory";
    const lines = [
        s.bold(`${r.plan.project} · stack ${r.plan.stack} · ${r.plan.preview ? "preview" : "update"} under mocks (offline)`),
        s.dim(`policy pack ${r.analysis.pack.name}@${r.analysis.pack.version} · config ${config}`),
        ...r.warnings.map((w) => s.yellow(`warning: ${w}`)),
    ];
    if (o.tree ?? true) {
        lines.push("", s.bold(`Resources (${r.plan.resources.length})`), ...renderTree(r.plan.resources).map((l) => `  ${l}`));
    }
    const groups = groupByPolicy(r.analysis.violations);
    lines.push("", s.bold(groups.length === 0 ? "Policy violations: none" : `Policy violations (${r.analysis.violations.length})`));
    for (const g of groups) {
        const mark = g.level === "mandatory" ? s.red("✖ mandatory") : g.level === "advisory" ? s.yellow("! advisory ") : g.level;
        lines.push(`  ${mark}  ${s.bold(g.policyName)}  ${s.dim(g.items[0].description)}`);
        for (const v of g.items) {
            lines.push(`      ${v.resourceName !== undefined ? `${v.resourceName}  ${s.dim(v.resourceType ?? "")}` : s.dim("(stack)")}`);
            lines.push(
                ...ownText(v)
                    .split("\n")
                    .filter((l) => l.trim() !== "")
                    .map((l) => `        ${l}`),
            );
        }
    }
    const t = r.timings;
    lines.push(
        "",
        verdictLine(r, s),
        s.dim(
            `program ${seconds(t.programMs)} · pack start ${seconds(t.packStartMs)} (alongside the program) · analysis ${seconds(t.analyzeMs)}`,
        ),
    );
    return lines;
}

/**
 * The machine-readable report (`--json`). `schemaVersion` changes when a field changes meaning.
 * Paths are relative to `projectDir` (the same on every CI runner).
 */
export function toJson(r: GateResult, projectDir: string): Record<string, unknown> {
    return {
        schemaVersion: 1,
        project: r.plan.project,
        stack: r.plan.stack,
        preview: r.plan.preview,
        resources: r.plan.resources.length,
        pack: r.analysis.pack,
        policyConfig: r.policyConfigFile !== undefined ? display(r.policyConfigFile, projectDir) : null,
        verdict: r.verdict,
        mandatoryCount: r.analysis.mandatoryCount,
        advisoryCount: r.analysis.advisoryCount,
        warnings: r.warnings,
        violations: r.analysis.violations.map((v) => ({
            policyName: v.policyName,
            enforcementLevel: v.enforcementLevel,
            resourceName: v.resourceName ?? null,
            resourceType: v.resourceType ?? null,
            urn: v.urn ?? null,
            description: v.description,
            message: ownText(v),
        })),
        timings: {
            programMs: Math.round(r.timings.programMs),
            packStartMs: Math.round(r.timings.packStartMs),
            analyzeMs: Math.round(r.timings.analyzeMs),
        },
    };
}
