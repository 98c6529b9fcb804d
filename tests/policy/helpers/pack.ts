/**
 * The policy pack for gRPC tests: built when its sources are newer than bin/ (main points at the
 * compiled JS), started once per test file through gate/analyzer.ts, stopped after it.
 */
import * as fs from "fs";
import * as path from "path";
import { AnalysisReport, PolicyPackConfig, PolicyPackServer, startPolicyPack, Violation } from "../../../gate/analyzer";
import { ensurePackBuilt as ensureBuilt } from "../../../gate/packBuild";
import { RecordedResource } from "../../../gate/recorder";

export const PACK_DIR = path.resolve(__dirname, "../../../policy-pack");

/** Compiles the pack when its build is missing or older than its sources (the gate's one staleness rule). */
export async function ensurePackBuilt(): Promise<void> {
    await ensureBuilt(PACK_DIR);
}

export const COMPLIANT = "COMPLIANT";
export const NON_COMPLIANT = "NON_COMPLIANT";
export type Verdict = typeof COMPLIANT | typeof NON_COMPLIANT;

export function readPackConfig(stack: "dev" | "prod"): PolicyPackConfig {
    return JSON.parse(fs.readFileSync(path.join(PACK_DIR, "config", `${stack}.json`), "utf8")) as PolicyPackConfig;
}

/** Registers before/after hooks that start and stop the pack; returns a getter for the server. */
export function usePolicyPack(): () => PolicyPackServer {
    let server: PolicyPackServer | undefined;
    before(async function () {
        this.timeout(120_000);
        await ensurePackBuilt();
        server = await startPolicyPack(PACK_DIR);
    });
    after(async () => {
        await server?.stop();
    });
    return () => {
        if (server === undefined) {
            throw new Error("policy pack not started");
        }
        return server;
    };
}

/** Violations of one policy. */
export function violationsOf(report: AnalysisReport, policyName: string): Violation[] {
    return report.violations.filter((v) => v.policyName === policyName);
}

/** No violation message may be the SDK's "can't run policy during preview": we decide unknowns ourselves. */
export function assertNoUnknownReadFailures(report: AnalysisReport): void {
    const failed = report.violations.filter((v) => /can't run policy/.test(v.message));
    if (failed.length > 0) {
        throw new Error(
            `policies read unknown values through the SDK proxy:\n${failed.map((v) => `${v.policyName}: ${v.message}`).join("\n")}`,
        );
    }
}

/**
 * `config` with every policy but `policyName` disabled (policies are independent; this keeps each
 * analysis cheap) and `policyName` at its configured level, never disabled, with its properties.
 */
export function isolate(config: PolicyPackConfig, policyName: string): PolicyPackConfig {
    const entry = config[policyName];
    const props = typeof entry === "object" ? entry : {};
    const level = (typeof entry === "string" ? entry : entry?.enforcementLevel) ?? config.all;
    return {
        all: "disabled",
        [policyName]: { ...props, enforcementLevel: level === undefined || level === "disabled" ? "mandatory" : level },
    };
}

/** Analyses of an unchanged resource list, shared by every COMPLIANT case that reads it. */
const shared = new WeakMap<PolicyPackServer, WeakMap<readonly RecordedResource[], Map<string, Promise<AnalysisReport>>>>();
function analyzeShared(pack: PolicyPackServer, resources: readonly RecordedResource[], config: PolicyPackConfig): Promise<AnalysisReport> {
    const byResources = shared.get(pack) ?? new WeakMap<readonly RecordedResource[], Map<string, Promise<AnalysisReport>>>();
    shared.set(pack, byResources);
    const byConfig = byResources.get(resources) ?? new Map<string, Promise<AnalysisReport>>();
    byResources.set(resources, byConfig);
    const key = JSON.stringify(config);
    let report = byConfig.get(key);
    if (report === undefined) {
        report = pack.analyze(resources, config);
        byConfig.set(key, report);
    }
    return report;
}

function levelIn(config: PolicyPackConfig, policyName: string): string | undefined {
    const entry = config[policyName];
    return (typeof entry === "string" ? entry : entry?.enforcementLevel) ?? config.all;
}

/**
 * cdk-nag style: analyzes `resources` with `config` and asserts that `policyName` fires
 * (NON_COMPLIANT, optionally on the resource named `onResource` and with a message matching
 * `message`) or stays silent (COMPLIANT). A COMPLIANT case runs the whole config (one analysis per
 * unchanged resource list, shared); a NON_COMPLIANT case runs `policyName` alone. Returns the
 * policy's violations.
 */
export async function validateStack(
    pack: PolicyPackServer,
    resources: readonly RecordedResource[],
    policyName: string,
    verdict: Verdict,
    o: { readonly config?: PolicyPackConfig; readonly onResource?: string; readonly message?: RegExp } = {},
): Promise<Violation[]> {
    if (!pack.info.policies.some((p) => p.name === policyName)) {
        throw new Error(`the pack has no policy ${policyName}`);
    }
    const config = o.config ?? {};
    if (verdict === COMPLIANT && levelIn(config, policyName) === "disabled") {
        throw new Error(`${policyName} is disabled in this config: a COMPLIANT case would prove nothing`);
    }
    const report =
        verdict === COMPLIANT ? await analyzeShared(pack, resources, config) : await pack.analyze(resources, isolate(config, policyName));
    assertNoUnknownReadFailures(report);
    const found = violationsOf(report, policyName);
    const show = () => found.map((v) => `  ${v.resourceName ?? "(stack)"}: ${v.message}`).join("\n");
    if (verdict === COMPLIANT) {
        if (found.length > 0) {
            throw new Error(`expected ${policyName} to pass, it reported:\n${show()}`);
        }
        return found;
    }
    const matching = found.filter(
        (v) => (o.onResource === undefined || v.resourceName === o.onResource) && (o.message === undefined || o.message.test(v.message)),
    );
    if (matching.length === 0) {
        throw new Error(
            `expected ${policyName} to fire${o.onResource !== undefined ? ` on ${o.onResource}` : ""}${o.message !== undefined ? ` matching ${String(o.message)}` : ""}; it reported:\n${show() || "  nothing"}`,
        );
    }
    return found;
}
