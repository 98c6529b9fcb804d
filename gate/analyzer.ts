/**
 * A client for a CrossGuard policy pack served exactly as the Pulumi engine serves it: the pack runs
 * in a child process (`run-policy-pack`, see gate/packProcess.ts) and is spoken to over the analyzer
 * gRPC protocol with the stubs from `@pulumi/pulumi/proto`: `GetAnalyzerInfo` once, then per
 * analysis `Configure` (the SDK replaces its whole config on every call, so one server serves any
 * number of configs), `Analyze` per resource and `AnalyzeStack` once with all of them.
 *
 * ```ts
 * const pack = await startPolicyPack();            // <repo>/policy-pack
 * try { const report = await pack.analyze(run.resources, config); } finally { await pack.stop(); }
 * ```
 */
import * as grpc from "@grpc/grpc-js";
import * as analyzerGrpc from "@pulumi/pulumi/proto/analyzer_grpc_pb";
import * as analyzerPb from "@pulumi/pulumi/proto/analyzer_pb";
import { Empty } from "google-protobuf/google/protobuf/empty_pb";
import * as path from "path";
import { configureRequest, initialConfigFromInfo, levelFromPb, policiesFromInfo, RequestBuilder } from "./analyzerWire";
import { PackProcess, PolicyPackError, startPackProcess } from "./packProcess";
import { controlFields, controlsFromInfo, PolicyControls, severityFromPb } from "./policyMetadata";
import { EnforcementLevel, PolicyMeta, PolicyPackConfig, parsePolicyPackConfig, reconcilePolicyConfig } from "./policyConfig";
import { RecordedResource } from "./recorder";
import { mapLimit } from "./mapLimit";
import { PACKAGE_ROOT } from "./packageRoot";
import { checkWaiverEntries, judgeWaivers, takeWaivers, Waiver } from "./waivers";
import { RemediationRecord, remediateResources, remediationFindings } from "./remediation";
import { WAIVER_POLICY } from "../rules/waivers";

export { PolicyPackError } from "./packProcess";
export { PolicyConfigError } from "./policyConfig";
export type { EnforcementLevel, PolicyPackConfig } from "./policyConfig";

/** The repository's pack. */
export const DEFAULT_PACK_DIR = path.join(PACKAGE_ROOT, "policy-pack");

export interface PolicyPackInfo {
    readonly name: string;
    readonly version: string;
    readonly policies: readonly (PolicyMeta & { readonly description: string; readonly type: "resource" | "stack" })[];
}

export interface Violation {
    readonly policyName: string;
    readonly policyPackName: string;
    readonly description: string;
    /** The pack's message as the SDK sends it: the policy's description, a newline, the violation's text. */
    readonly message: string;
    readonly enforcementLevel: EnforcementLevel;
    readonly urn?: string;
    readonly resourceName?: string;
    readonly resourceType?: string;
    /** The diagnostic's severity, else the policy's. */
    readonly severity?: NonNullable<PolicyControls["severity"]>;
    /** The controls the policy implements (its metadata), so a report names what the finding breaks. */
    readonly securityHub?: readonly string[];
    readonly cis?: readonly string[];
    /** Both, as reports print them: `S3.8`, `CIS 2.1.4`. */
    readonly controlIds?: readonly string[];
    /** Waived by the stack's waiver list (gate/waivers.ts): reported, never counted. */
    readonly waived?: boolean;
    /** The waiver that holds, with its evidence. */
    readonly waiver?: Waiver;
    /** A change the pack's remediation made before judging (gate/remediation.ts): reported, never counted. */
    readonly remediated?: boolean;
}

export interface AnalysisReport {
    readonly pack: { readonly name: string; readonly version: string };
    /** Every finding, waived (gate/waivers.ts) and remediated (gate/remediation.ts) ones marked. */
    readonly violations: readonly Violation[];
    /** What the pack's remediations changed before judging (policies at level `remediate`). */
    readonly remediations: readonly RemediationRecord[];
    /** Counted (unwaived) mandatory violations. */
    readonly mandatoryCount: number;
    readonly advisoryCount: number;
    readonly timings: {
        /** From spawning the pack to its answer to `GetAnalyzerInfo`. */
        readonly startMs: number;
        /** `Configure` + every `Analyze` + `AnalyzeStack` of this call. */
        readonly analyzeMs: number;
        /** The `AnalyzeStack` call alone (stack policies, which see every resource at once). */
        readonly stackMs: number;
    };
}

export interface StartOptions {
    /** How long the pack may take to print its port (a TypeScript pack is type-checked first). @default 60000 */
    readonly startTimeoutMs?: number;
    /** Deadline of each gRPC call: how long the policies may take on one resource, or on the stack. @default 60000 */
    readonly callTimeoutMs?: number;
    /** Analyze requests in flight at once. @default 16 */
    readonly concurrency?: number;
}

export interface AnalyzeOptions {
    /**
     * Who judges the config's waivers: the gate (taken out of `Configure`, findings marked, gate/waivers.ts)
     * or the pack, sent as the Pulumi CLI sends them (policy-pack/lib/waivers.ts). @default "gate"
     */
    readonly waivers?: "gate" | "pack";
    /** The day waivers are judged on (`YYYY-MM-DD`). @default - today (UTC) */
    readonly today?: string;
}

export interface PolicyPackServer {
    readonly info: PolicyPackInfo;
    readonly dir: string;
    /** Process id of the pack. */
    readonly pid: number | undefined;
    /**
     * Configures the pack with `policyConfig` (the `--policy-pack-config` format; `{}` or omitted: the
     * pack's own levels and schema defaults), analyzes every resource and the stack once.
     * Throws `PolicyConfigError` for a config the pack cannot take, `PolicyPackError` when the pack fails.
     */
    analyze(
        resources: readonly RecordedResource[],
        policyConfig?: PolicyPackConfig,
        source?: string,
        o?: AnalyzeOptions,
    ): Promise<AnalysisReport>;
    /** Closes the channel and ends the pack process. Safe to call twice. */
    stop(): Promise<void>;
}

type Unary<Req, Res> = (
    req: Req,
    md: grpc.Metadata,
    opts: Partial<grpc.CallOptions>,
    cb: (e: grpc.ServiceError | null, r: Res) => void,
) => unknown;

/** The pack process's trouble, when it has any, explains a failed call better than gRPC's status. */
function call<Req, Res>(proc: PackProcess, timeoutMs: number, fn: Unary<Req, Res>, what: string, req: Req): Promise<Res> {
    return new Promise((resolve, reject) => {
        fn(req, new grpc.Metadata(), { deadline: Date.now() + timeoutMs }, (err, res) => {
            if (err !== null && err.code === grpc.status.DEADLINE_EXCEEDED) {
                const names = proc.running();
                const who = names.length === 0 ? "the policy pack" : `policy ${names.map((n) => JSON.stringify(n)).join(", ")}`;
                reject(
                    new PolicyPackError(
                        `${who} did not finish within ${timeoutMs / 1000} s (${what}); fix the policy, or allow more time with --policy-timeout <seconds>`,
                    ),
                );
            } else if (err !== null) {
                const out = proc.output();
                reject(
                    new PolicyPackError(
                        `${what} failed: ${err.details || err.message}${out !== "" ? `\npolicy pack output:\n${out}` : ""}`,
                    ),
                );
            } else {
                resolve(res);
            }
        });
    });
}

function toViolation(
    d: analyzerPb.AnalyzeDiagnostic,
    fallbackUrn: string | undefined,
    byUrn: ReadonlyMap<string, RecordedResource>,
    controls: ReadonlyMap<string, PolicyControls>,
): Violation {
    const urn = d.getUrn() !== "" ? d.getUrn() : fallbackUrn;
    const r = urn !== undefined ? byUrn.get(urn) : undefined;
    const c = controls.get(d.getPolicyname());
    return {
        ...controlFields(c, severityFromPb(d.getSeverity())),
        policyName: d.getPolicyname(),
        policyPackName: d.getPolicypackname(),
        description: d.getDescription(),
        message: d.getMessage(),
        enforcementLevel: levelFromPb(d.getEnforcementlevel()),
        ...(urn !== undefined ? { urn } : {}),
        ...(r !== undefined ? { resourceName: r.name, resourceType: r.type } : {}),
    };
}

export async function startPolicyPack(packDir: string = DEFAULT_PACK_DIR, o: StartOptions = {}): Promise<PolicyPackServer> {
    const dir = path.resolve(packDir);
    const callTimeoutMs = o.callTimeoutMs ?? 60_000;
    const started = performance.now();
    const proc = await startPackProcess(dir, o.startTimeoutMs ?? 60_000);
    const client = new analyzerGrpc.AnalyzerClient(`127.0.0.1:${proc.port}`, grpc.credentials.createInsecure(), {
        "grpc.max_receive_message_length": 400 * 1024 * 1024,
        "grpc.max_send_message_length": 400 * 1024 * 1024,
    });
    let stopped = false;
    const stop = async (): Promise<void> => {
        if (!stopped) {
            stopped = true;
            client.close();
            await proc.stop();
        }
    };
    let rawInfo: analyzerPb.AnalyzerInfo;
    try {
        rawInfo = await call(proc, callTimeoutMs, client.getAnalyzerInfo.bind(client), "GetAnalyzerInfo", new Empty());
    } catch (e) {
        await stop();
        throw e;
    }
    const startMs = performance.now() - started;
    const policies = policiesFromInfo(rawInfo);
    const info: PolicyPackInfo = {
        name: rawInfo.getName(),
        version: rawInfo.getVersion(),
        policies: rawInfo.getPoliciesList().map((p, i) => ({
            ...policies[i],
            description: p.getDescription(),
            type: p.getPolicyType() === analyzerPb.PolicyType.POLICY_TYPE_STACK ? "stack" : "resource",
        })),
    };
    const initial = initialConfigFromInfo(rawInfo);
    const controls = controlsFromInfo(rawInfo);

    // `Configure` sets the pack's one config for the analyses that follow: two analyses in flight
    // at once (e.g. many stacks, one pack) would judge one stack by the other's config. One at a time.
    let queue: Promise<unknown> = Promise.resolve();
    const analyze = (
        resources: readonly RecordedResource[],
        policyConfig: PolicyPackConfig = {},
        source = "policy config",
        ao: AnalyzeOptions = {},
    ) => {
        const run = queue.then(() => analyzeNow(resources, policyConfig, source, ao));
        queue = run.catch(() => undefined);
        return run;
    };
    const analyzeNow = async (
        resources: readonly RecordedResource[],
        policyConfig: PolicyPackConfig,
        source: string,
        ao: AnalyzeOptions,
    ) => {
        if (stopped) {
            throw new PolicyPackError("analyze called after stop()");
        }
        const parsed = parsePolicyPackConfig(policyConfig, source);
        checkWaiverEntries(parsed, source);
        const resolved = reconcilePolicyConfig(policies, initial, parsed, source);
        const { config, waivers } = ao.waivers === "pack" ? { config: resolved, waivers: [] } : takeWaivers(resolved);
        const t0 = performance.now();
        await call(proc, callTimeoutMs, client.configure.bind(client), "Configure", configureRequest(config));
        // At level `remediate` the engine sends each resource to Remediate first and judges what comes back.
        const remediating = [...config.values()].some((c) => c.enforcementLevel === "remediate");
        const original = new RequestBuilder(resources);
        const fixed = remediating
            ? await remediateResources(
                  resources,
                  (r) => call(proc, callTimeoutMs, client.remediate.bind(client), `Remediate ${r.urn}`, original.analyzeRequest(r)),
                  (items, fn) => mapLimit(items, o.concurrency ?? 16, fn),
              )
            : { resources: [...resources], records: [] };
        const judged = fixed.resources;
        const builder = new RequestBuilder(judged);
        const perResource = await mapLimit(judged, o.concurrency ?? 16, async (r) => {
            const res = await call(proc, callTimeoutMs, client.analyze.bind(client), `Analyze ${r.urn}`, builder.analyzeRequest(r));
            return res.getDiagnosticsList().map((d) => [d, r.urn] as const);
        });
        const t1 = performance.now();
        const stack = await call(proc, callTimeoutMs, client.analyzeStack.bind(client), "AnalyzeStack", builder.stackRequest(judged));
        const analyzeMs = performance.now() - t0;
        const stackMs = performance.now() - t1;
        const byUrn = new Map(judged.map((r) => [r.urn, r]));
        const found = [...perResource.flat(), ...stack.getDiagnosticsList().map((d) => [d, undefined] as const)].map(([d, urn]) =>
            toViolation(d, urn, byUrn, controls),
        );
        const violations = judgeWaivers([...remediationFindings(fixed.records, info.name, controls), ...found], waivers, {
            resources: byUrn,
            level: config.get(WAIVER_POLICY)?.enforcementLevel ?? "advisory",
            packName: info.name,
            description: info.policies.find((p) => p.name === WAIVER_POLICY)?.description ?? WAIVER_POLICY,
            today: ao.today,
        });
        const counted = violations.filter((v) => v.waived !== true && v.remediated !== true);
        return {
            pack: { name: info.name, version: info.version },
            violations,
            remediations: fixed.records,
            mandatoryCount: counted.filter((v) => v.enforcementLevel === "mandatory").length,
            advisoryCount: counted.filter((v) => v.enforcementLevel === "advisory").length,
            timings: { startMs, analyzeMs, stackMs },
        };
    };
    return { info, dir, pid: proc.child.pid, analyze, stop };
}
