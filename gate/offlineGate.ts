/**
 * The offline policy gate: plan a stack under mocks (gate/plan.ts), serve the policy pack as the
 * engine does (gate/analyzer.ts), analyze with the stack's pack config, decide the verdict. No cloud
 * account, no Pulumi CLI. Used by `firehose-storage plan`, `automation.offlinePlan` and the tests.
 */
import * as path from "path";
import { AnalysisReport, DEFAULT_PACK_DIR, PolicyPackServer, startPolicyPack, Violation } from "./analyzer";
import { buildPack, readPackManifest, stalePackBuild } from "./packBuild";
import { planStack, StackPlan } from "./plan";
import { preparePlan, ProgramSource } from "./programPlan";
import { LoadOptions } from "./stackConfig";
import { choosePolicyConfig, DEFAULT_POLICY_CONFIG, policyConfigOf } from "./stackPolicy";

export { DEFAULT_POLICY_CONFIG };

export type Verdict = "pass" | "fail";

export interface GateOptions extends LoadOptions {
    /**
     * Judge another program instead of ours: a Pulumi project directory (its Pulumi.yaml, stack file
     * and config namespace; `projectDir` is then unused) or an inline function. Our config schema is
     * not applied, and without `policyConfigFile` each policy runs at its declared level.
     * @default - our own program in `projectDir`
     */
    readonly program?: ProgramSource | undefined;
    readonly preview?: boolean;
    /** @default <repo>/policy-pack */
    readonly packDir?: string;
    /** A `--policy-pack-config` file. @default - the stack's own, from its profile (gate/stackPolicy.ts) */
    readonly policyConfigFile?: string;
    /**
     * Compile a pack whose `main` is older than its sources (or missing) before starting it; with
     * `false` a stale pack is served as is, with a warning. @default true
     */
    readonly build?: boolean;
    /** How long the policies may take on one resource (or the stack) before the gate gives up, naming them. @default 60000 */
    readonly policyTimeoutMs?: number;
    /**
     * A pack already started or starting (shared by many stacks, tests, the benchmark); the gate
     * neither builds nor stops it.
     */
    readonly pack?: PolicyPackServer | Promise<PolicyPackServer>;
    /** Plans the stack instead of reading its stack file (e.g. settings given in code). @default - gate/plan.ts planStack */
    readonly planner?: () => Promise<StackPlan>;
    /** Told when each long phase starts (for a progress line). @default - nothing told */
    readonly onPhase?: (phase: GatePhase) => void;
}

/** The long phases of a gate run, in order. */
export type GatePhase = "pack build" | "program" | "analysis";

export interface GateResult {
    readonly plan: StackPlan;
    readonly analysis: AnalysisReport;
    /** Every policy ran at its declared level (another program judged without a policy config). */
    readonly declaredLevels?: boolean;
    /** The config file used, or `undefined` when none existed and every policy ran advisory. */
    readonly policyConfigFile: string | undefined;
    readonly verdict: Verdict;
    /** Every policy of the pack (findings name only the policies that found something). */
    readonly policies: readonly string[];
    /** Things a reader of the verdict must know (e.g. the pack build is older than its sources). */
    readonly warnings: readonly string[];
    readonly timings: {
        /** Building the pack first (a stale or missing build); 0 when it was up to date. */
        readonly packBuildMs: number;
        readonly programMs: number;
        /** Starting the pack, alongside the program; 0 for a pack started before (many stacks, --watch). */
        readonly packStartMs: number;
        readonly analyzeMs: number;
        /** The whole gate: config, pack build, program (pack start alongside), analysis. */
        readonly totalMs: number;
    };
}

/** Any mandatory violation fails the gate unless waived; advisory and waived ones are reported and pass. */
export function verdictOf(violations: readonly Violation[]): Verdict {
    return violations.some((v) => v.enforcementLevel === "mandatory" && v.waived !== true) ? "fail" : "pass";
}

/**
 * Runs the gate. Config problems throw `StackFileError`, `ConfigError` or `PolicyConfigError`; a
 * pack that cannot serve throws `PolicyPackError`. The pack is stopped on every path unless the
 * caller passed its own.
 */
export async function runOfflineGate(o: GateOptions): Promise<GateResult> {
    const t0 = performance.now();
    const packDir = path.resolve(o.packDir ?? DEFAULT_PACK_DIR);
    readPackManifest(packDir); // a missing pack or a bad package.json is the user's (exit 2), before anything runs
    // Another program's input is checked before anything starts (a bad --program is exit 2 at once).
    const planRun = o.program !== undefined ? preparePlan(o.program, o) : (o.planner ?? (() => planStack(o)));
    // Our config schema (and so our stack profiles) is not applied to another program: without an
    // explicit config file, each policy runs at its declared level.
    const declaredLevels = o.program !== undefined && o.policyConfigFile === undefined;
    const policy = declaredLevels ? { config: {}, file: undefined } : choosePolicyConfig({ ...o, packDir });
    const policyConfig = policyConfigOf(policy);
    const build = o.pack === undefined && (o.build ?? true);
    // One look at the pack's build (it walks the pack's sources): rebuilt when it is ours to build, else a warning.
    const found = stalePackBuild(packDir);
    const built = build ? found : undefined;
    let packBuildMs = 0;
    if (built !== undefined) {
        o.onPhase?.("pack build");
        const b0 = performance.now();
        await buildPack(packDir);
        packBuildMs = performance.now() - b0;
    }
    const stale = build ? undefined : found;
    const warnings = [
        ...(built !== undefined ? [`rebuilt the policy pack first: ${built.replace(/: run .*$/, "")}`] : []),
        ...(stale !== undefined ? [stale] : []),
    ];
    // The pack starts while the program runs: both take a second or more.
    const starting = o.pack !== undefined ? Promise.resolve(o.pack) : startPolicyPack(packDir, { callTimeoutMs: o.policyTimeoutMs });
    o.onPhase?.("program");
    let plan: StackPlan;
    try {
        plan = await planRun();
    } catch (e) {
        if (o.pack === undefined) {
            await starting.then(
                (p) => p.stop(),
                () => undefined,
            );
        }
        throw e;
    }
    const pack = await starting;
    o.onPhase?.("analysis");
    try {
        const analysis = await pack.analyze(
            plan.resources,
            policyConfig,
            policy.file ?? (declaredLevels ? "declared levels" : "default policy config"),
        );
        return {
            plan,
            analysis,
            policyConfigFile: policy.file,
            declaredLevels,
            verdict: verdictOf(analysis.violations),
            policies: pack.info.policies.map((p) => p.name),
            warnings,
            timings: {
                packBuildMs,
                programMs: plan.programMs,
                packStartMs: o.pack === undefined ? analysis.timings.startMs : 0,
                analyzeMs: analysis.timings.analyzeMs,
                totalMs: performance.now() - t0,
            },
        };
    } finally {
        if (o.pack === undefined) {
            await pack.stop();
        }
    }
}
