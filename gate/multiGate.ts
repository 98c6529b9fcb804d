/**
 * Many stacks, one policy pack: the pack is built (when stale) and started once, while the first
 * program runs; each stack is then judged exactly as a run of its own would judge it, with its own
 * pack config (`Configure` before each analysis). Programs run one at a time (they share the mock
 * monitor, see gate/runProgram.ts) and analyses one at a time (they share the pack's config, see
 * gate/analyzer.ts), but stack N is analysed while stack N+1's program runs.
 */
import * as fs from "fs";
import * as path from "path";
import { DEFAULT_PACK_DIR, PolicyPackServer, startPolicyPack } from "./analyzer";
import { ensurePackBuilt } from "./packBuild";
import { GateOptions, GateResult, runOfflineGate } from "./offlineGate";

/** One stack's result, or what stopped it from being judged (a config error, a pack failure). */
export type StackOutcome =
    | { readonly stack: string; readonly result: GateResult; readonly error?: undefined }
    | { readonly stack: string; readonly result?: undefined; readonly error: unknown };

export interface MultiGateResult {
    /** In the order the stacks were given. */
    readonly outcomes: readonly StackOutcome[];
    /** Process id of the one pack that judged every stack (`undefined` when the caller passed its own or it never started). */
    readonly packPid: number | undefined;
    /** Why the pack was rebuilt first, if it was. */
    readonly rebuilt: string | undefined;
    readonly timings: {
        /** Compiling a missing or stale pack before starting it (0 when it was current). */
        readonly packBuildMs: number;
        /** From spawning the pack to its first answer, once for all stacks (0 for a pack passed in). */
        readonly packStartMs: number;
        /** Build, start, every program and every analysis, end to end. */
        readonly totalMs: number;
    };
}

export type MultiGateOptions = Omit<GateOptions, "stack" | "stackFile" | "pack"> & {
    /** A pack already started: used for every stack and not stopped. @default - one started here */
    readonly pack?: PolicyPackServer;
};

/** The stacks of a project: `<name>` of every `Pulumi.<name>.yaml` beside `Pulumi.yaml`, sorted. */
export function projectStacks(projectDir: string): string[] {
    return fs
        .readdirSync(projectDir)
        .map((f) => /^Pulumi\.(.+)\.ya?ml$/.exec(f)?.[1])
        .filter((s): s is string => s !== undefined)
        .sort();
}

/**
 * Judges every stack in `stacks` with one pack process. Never throws for one stack's trouble: each
 * outcome carries its result or its error. The pack is stopped on every path unless passed in.
 */
export async function runStacks(stacks: readonly string[], o: MultiGateOptions): Promise<MultiGateResult> {
    const t0 = performance.now();
    const packDir = path.resolve(o.packDir ?? DEFAULT_PACK_DIR);
    const own = o.pack === undefined;
    let rebuilt: string | undefined;
    try {
        rebuilt = own && (o.build ?? true) ? await ensurePackBuilt(packDir) : undefined;
    } catch (error) {
        return { outcomes: stacks.map((stack) => ({ stack, error })), packPid: undefined, rebuilt, timings: timings(t0, 0, 0) };
    }
    const packBuildMs = performance.now() - t0;
    const starting = own ? startPolicyPack(packDir, { callTimeoutMs: o.policyTimeoutMs }) : Promise.resolve(o.pack);
    starting.catch(() => undefined); // each stack reports the failure; none is left unhandled
    const outcomes = await Promise.all(
        stacks.map((stack) =>
            runOfflineGate({ ...o, stack, packDir, pack: starting }).then(
                (result): StackOutcome => ({ stack, result }),
                (error: unknown): StackOutcome => ({ stack, error }),
            ),
        ),
    );
    const pack = await starting.catch(() => undefined);
    if (own) {
        await pack?.stop();
    }
    const startMs = own ? (outcomes.find((x) => x.result !== undefined)?.result?.analysis.timings.startMs ?? 0) : 0;
    return { outcomes, packPid: own ? pack?.pid : undefined, rebuilt, timings: timings(t0, packBuildMs, startMs) };
}

function timings(t0: number, packBuildMs: number, packStartMs: number): MultiGateResult["timings"] {
    return { packBuildMs, packStartMs, totalMs: performance.now() - t0 };
}
