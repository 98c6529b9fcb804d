/**
 * Renders an offline gate result for people (pure): the resource tree, violations grouped by policy
 * (mandatory first), notes about values unknown at preview apart from the violations, and a one-line
 * verdict, wrapped to the terminal's width. The machine-readable forms are gate/reportJson.ts
 * (JSON), gate/sarif.ts and gate/junit.ts.
 */
import { Violation } from "./analyzer";
import { countFindings, Finding, toFinding } from "./findings";
import { GateResult } from "./offlineGate";
import { waiverEvidence } from "../rules/waivers";
import { display } from "./reportJson";
import { renderTree } from "./tree";
import { DEFAULT_WIDTH, wrapLines } from "./wrap";

export { ownText } from "./findings";
export { toJson } from "./reportJson";

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
    /** Only the findings and the verdict. @default false */
    readonly quiet?: boolean;
    /** Columns to wrap to. @default 80 */
    readonly width?: number;
    /** A CLI run in a fresh process: how long it took to start (Node and the modules) before the gate ran. */
    readonly startupMs?: number;
}

const LEVEL_ORDER = ["mandatory", "remediate", "advisory", "disabled"];

export function seconds(ms: number): string {
    return `${(ms / 1000).toFixed(1)} s`;
}

function plural(n: number, word: string): string {
    return `${n} ${word}${n === 1 ? "" : "s"}`;
}

interface Group<T> {
    readonly policyName: string;
    readonly level: string;
    readonly items: T[];
}

function group<T>(items: readonly T[], policy: (t: T) => string, level: (t: T) => string): Group<T>[] {
    const groups = new Map<string, Group<T>>();
    for (const v of items) {
        const key = `${policy(v)}\u0000${level(v)}`;
        const g = groups.get(key) ?? { policyName: policy(v), level: level(v), items: [] };
        g.items.push(v);
        groups.set(key, g);
    }
    return [...groups.values()].sort(
        (a, b) => LEVEL_ORDER.indexOf(a.level) - LEVEL_ORDER.indexOf(b.level) || a.policyName.localeCompare(b.policyName),
    );
}

/** Violations grouped by policy and level, mandatory groups first, then by policy name. */
export function groupByPolicy(violations: readonly Violation[]): Group<Violation>[] {
    return group(
        violations,
        (v) => v.policyName,
        (v) => v.enforcementLevel,
    );
}

export function verdictLine(r: GateResult, s: Style): string {
    const c = countFindings(r.analysis.violations.map(toFinding));
    const extra = [
        c.advisory > 0 ? plural(c.advisory, "advisory violation") : "",
        c.notes > 0 ? plural(c.notes, "note") : "",
        c.waived > 0 ? `${c.waived} waived` : "",
        c.remediated > 0 ? `${c.remediated} remediated` : "",
    ]
        .filter((e) => e !== "")
        .map((e) => `, ${e}`)
        .join("");
    const where = `stack ${r.plan.stack}, ${plural(r.plan.resources.length, "resource")}`;
    return r.verdict === "fail"
        ? s.red(s.bold(`✖ FAIL: ${plural(c.mandatory, "mandatory violation")}${extra} (${where})`))
        : s.green(s.bold(`✔ PASS: no mandatory violations${extra} (${where})`));
}

function findingLines(f: Finding, s: Style): string[] {
    const marks = [f.severity ?? "", ...f.controlIds, f.waived ? "waived" : "", f.remediated ? "remediated" : ""].filter((m) => m !== "");
    const what = f.resource !== null ? `${f.resource.name ?? f.resource.urn}  ${s.dim(f.resource.type ?? "")}` : s.dim("(stack)");
    return [
        `      ${what}${marks.length > 0 ? `  ${s.dim(`[${marks.join(", ")}]`)}` : ""}`,
        ...f.message
            .split("\n")
            .filter((l) => l.trim() !== "")
            .map((l) => `        ${l}`),
        ...(f.waiver !== null ? [`        ${s.dim(`waived: ${waiverEvidence(f.waiver)}`)}`] : []),
    ];
}

/** The violations section and the notes section. */
function findingSections(findings: readonly Finding[], s: Style): string[] {
    const violations = findings.filter((f) => f.kind === "violation");
    const notes = findings.filter((f) => f.kind === "note");
    const lines = ["", s.bold(violations.length === 0 ? "Policy violations: none" : `Policy violations (${violations.length})`)];
    for (const g of group(
        violations,
        (f) => f.policy,
        (f) => f.level,
    )) {
        const mark =
            g.level === "mandatory"
                ? s.red("✖ mandatory")
                : g.level === "advisory"
                  ? s.yellow("! advisory ")
                  : g.level === "remediate"
                    ? s.green("⟳ remediate")
                    : g.level;
        lines.push(`  ${mark}  ${s.bold(g.policyName)}  ${s.dim(g.items[0].description)}`);
        lines.push(...g.items.flatMap((f) => findingLines(f, s)));
    }
    if (notes.length > 0) {
        lines.push("", s.bold(`Notes: not verifiable until the values are known (${notes.length}, not violations)`));
        for (const g of group(
            notes,
            (f) => f.policy,
            (f) => f.level,
        )) {
            lines.push(`  ${s.dim("·")} ${s.bold(g.policyName)}  ${s.dim(g.items[0].description)}`);
            lines.push(...g.items.flatMap((f) => findingLines(f, s)));
        }
    }
    return lines;
}

export function renderHuman(r: GateResult, o: RenderOptions): string[] {
    const s = o.style;
    const rel = (p: string): string => display(p, o.cwd);
    const findings = findingSections(r.analysis.violations.map(toFinding), s);
    if (o.quiet === true) {
        return wrapLines([...findings.slice(1), "", verdictLine(r, s)], o.width ?? DEFAULT_WIDTH);
    }
    const config =
        r.policyConfigFile !== undefined
            ? rel(r.policyConfigFile)
            : r.declaredLevels === true
              ? "none given: each policy at its declared level"
              : "none found: every policy advisory";
    const lines = [
        s.bold(`${r.plan.project} · stack ${r.plan.stack} · ${r.plan.preview ? "preview" : "update"} under mocks (offline)`),
        s.dim(`policy pack ${r.analysis.pack.name}@${r.analysis.pack.version} · config ${config}`),
        ...r.warnings.map((w) => s.yellow(`warning: ${w}`)),
    ];
    if (o.tree ?? true) {
        lines.push("", s.bold(`Resources (${r.plan.resources.length})`), ...renderTree(r.plan.resources).map((l) => `  ${l}`));
    }
    lines.push(...findings, "", verdictLine(r, s), s.dim(timingLine(r.timings, o.startupMs)));
    return wrapLines(lines, o.width ?? DEFAULT_WIDTH);
}

/**
 * Every phase of the run, and the total (with the process's start-up when the CLI gives it); a shared
 * pack (started once for many stacks, or reused) shows no start here, an up-to-date pack no build.
 */
export function timingLine(t: GateResult["timings"], startupMs?: number): string {
    return [
        ...(startupMs !== undefined ? [`start-up ${seconds(startupMs)}`] : []),
        ...(t.packBuildMs > 0 ? [`pack build ${seconds(t.packBuildMs)}`] : []),
        `program ${seconds(t.programMs)}`,
        ...(t.packStartMs > 0 ? [`pack start ${seconds(t.packStartMs)} (alongside the program)`] : []),
        `analysis ${seconds(t.analyzeMs)}`,
        `total ${seconds(t.totalMs + (startupMs ?? 0))}`,
    ].join(" · ");
}
