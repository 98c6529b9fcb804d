/**
 * `plan --watch`: the edit loop. One policy pack is built and started once and kept warm; the stack
 * is planned and judged, then re-planned whenever its stack file, `Pulumi.yaml` or a source file of
 * the program changes. A changed module is taken out of Node's module cache with every module that
 * (transitively) imports it, so the next plan runs the new code; the rest (the Pulumi SDK, the AWS
 * provider, the pack) stays loaded. Ctrl-C ends it (the pack is stopped by gate/packProcess.ts).
 */
import * as fs from "fs";
import * as path from "path";
import type { GateOptions, GateResult } from "../gate/offlineGate";
import { startPolicyPack } from "../gate/analyzer";
import { ensurePackBuilt } from "../gate/packBuild";
import { exitCodeFor, UsageError } from "./errors";
import type { CliIo } from "./main";
import { plan, PlanFlags } from "./plan";
import type { PlanTarget } from "./planTarget";
import { dependentsOf, projectModules, watchedDirs } from "./watchModules";

/** Quiet time after the last change before re-planning (editors write a file in several steps). */
const SETTLE_MS = 120;

/** `file` relative to `cwd` when it is below it, else as it is. */
function shown(cwd: string, file: string): string {
    const rel = path.relative(cwd, file);
    return rel === "" || rel.startsWith("..") ? file : rel;
}

export type RunGate = (o: GateOptions) => Promise<GateResult>;

/** The gate as it is now: loaded afresh after the program's modules were evicted. */
function currentGate(): RunGate {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    return (require("../gate/offlineGate") as typeof import("../gate/offlineGate")).runOfflineGate;
}

/** Refuses what --watch cannot do: several stacks, or reports meant for one run. */
export function watchProblems(stacks: readonly string[], f: PlanFlags): void {
    if (stacks.length !== 1) {
        throw new UsageError(`--watch re-plans one stack: give one --stack, not ${stacks.length} (${stacks.join(", ")})`);
    }
    const once = [f.json && "--json", f.sarif !== undefined && "--sarif", f.junit !== undefined && "--junit"].filter(Boolean);
    if (once.length > 0) {
        throw new UsageError(`--watch prints a report on every change: leave out ${once.join(", ")}`);
    }
}

/**
 * Plans `stack` now and after every change, until the process is interrupted. Resolves only if the
 * pack cannot be started (with that failure's exit code).
 */
export async function watchPlan(f: Omit<PlanFlags, "stack"> & { readonly stack: string }, io: CliIo, target: PlanTarget): Promise<number> {
    const { projectDir, packDir } = target;
    const abs = (p: string | undefined): string | undefined => (p === undefined ? undefined : path.resolve(io.cwd, p));
    const stackFile = abs(f.stackFile) ?? path.join(projectDir, `Pulumi.${f.stack}.yaml`);
    try {
        if (f.build) {
            await ensurePackBuilt(packDir);
        }
    } catch (e) {
        return exitCodeFor(e, io);
    }
    const pack =
        io.startPack !== undefined
            ? await io.startPack(packDir)
            : await startPolicyPack(packDir, { callTimeoutMs: f.policyTimeout * 1000 });
    const warm: CliIo = { ...io, freshProcess: false, startPack: () => Promise.resolve(pack) };
    const planOnce = async (gate: RunGate): Promise<void> => {
        try {
            await plan({ ...f, build: false }, warm, target, gate);
        } catch (e) {
            exitCodeFor(e, io); // printed; the loop goes on
        }
        rewatch();
        io.err(`watching ${shown(io.cwd, stackFile)}, Pulumi.yaml and the program's sources (Ctrl-C ends)\n`);
    };

    const changed = new Set<string>();
    let timer: NodeJS.Timeout | undefined;
    let running: Promise<void> = Promise.resolve();
    const watchers = new Map<string, fs.FSWatcher>();
    // Every program module seen so far: one that failed to load after an edit is still watched.
    const known = new Set<string>();
    const relevant = (file: string): boolean => file === stackFile || file === path.join(projectDir, "Pulumi.yaml") || known.has(file);
    const rewatch = (): void => {
        projectModules(projectDir).forEach((m) => known.add(m));
        for (const dir of watchedDirs(projectDir, stackFile, known)) {
            if (!watchers.has(dir)) {
                const w = fs.watch(dir, (_event, name) => {
                    const file = name === null ? undefined : path.join(dir, name.toString());
                    if (file !== undefined && relevant(file)) {
                        changed.add(file);
                        clearTimeout(timer);
                        timer = setTimeout(replan, SETTLE_MS);
                    }
                });
                w.on("error", () => watchers.delete(dir));
                watchers.set(dir, w);
            }
        }
    };
    const replan = (): void => {
        running = running.then(async () => {
            if (changed.size === 0) {
                return;
            }
            const files = [...changed];
            changed.clear();
            const code = files.filter((x) => x !== stackFile && !x.endsWith(".yaml"));
            for (const id of dependentsOf(code)) {
                delete require.cache[id];
            }
            io.err(`\nchanged: ${files.map((x) => shown(io.cwd, x)).join(", ")}\n`);
            let gate: RunGate;
            try {
                gate = currentGate();
            } catch (e) {
                io.err(`error: ${e instanceof Error ? e.message : String(e)}\n`);
                return;
            }
            await planOnce(gate);
        });
    };
    await planOnce(currentGate());
    return new Promise<number>(() => undefined); // until interrupted
}
