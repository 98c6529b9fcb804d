/**
 * The warm re-plan for `npm run bench`: `plan --stack prod --watch` (the compiled CLI) keeps its
 * pack, and each change of the stack file re-plans. Measured from the write to the next "watching"
 * line the gate prints (wall), and the CPU the gate and its pack spent meanwhile (from /proc, Linux).
 */
import { spawn } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { PACKAGE_ROOT } from "../gate/packageRoot";
import { descendants } from "../tests/helpers/processes";
import { BIN, cpuSecondsOf } from "./benchProcess";

export interface WatchSample {
    readonly wallS: number;
    /** The gate and its pack; undefined without /proc. */
    readonly cpuS: number | undefined;
}

/** user + system CPU seconds of a process and its descendants (Linux /proc); undefined elsewhere. */
function treeCpu(pid: number): number | undefined {
    const each = [pid, ...descendants(pid)].map(cpuSecondsOf);
    return each.some((s) => s === undefined) ? undefined : each.reduce((sum: number, s) => sum + (s as number), 0);
}

/** `reps` re-plans of prod in one `plan --watch` process, after its first plan. */
export async function watchReplans(reps: number): Promise<WatchSample[]> {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "firehose-bench-watch-"));
    const stackFile = path.join(dir, "Pulumi.prod.yaml");
    const text = fs.readFileSync(path.join(PACKAGE_ROOT, "Pulumi.prod.yaml"), "utf8");
    fs.writeFileSync(stackFile, text);
    const child = spawn(process.execPath, [BIN, "plan", "--stack", "prod", "--stack-file", stackFile, "--watch", "-q"], {
        cwd: PACKAGE_ROOT,
        env: { ...process.env, NO_COLOR: "1" },
        stdio: ["ignore", "ignore", "pipe"],
    });
    let err = "";
    /** The "watching" lines the gate has printed so far: one after each verdict. */
    const verdicts = (): number => (err.match(/^watching /gm) ?? []).length;
    let waiting: { count: number; resolve: () => void } | undefined;
    child.stderr.on("data", (d: Buffer) => {
        err += d.toString();
        if (waiting !== undefined && verdicts() >= waiting.count) {
            waiting.resolve();
        }
    });
    const watching = (count: number): Promise<void> =>
        new Promise((resolve, reject) => {
            const timer = setTimeout(() => reject(new Error(`plan --watch printed no ${count}. "watching" line:\n${err}`)), 120_000);
            waiting = {
                count,
                resolve: () => {
                    clearTimeout(timer);
                    resolve();
                },
            };
            if (verdicts() >= count) {
                waiting.resolve();
            }
        });
    try {
        await watching(1);
        const samples: WatchSample[] = [];
        for (let i = 0; i < reps; i++) {
            const cpu0 = treeCpu(child.pid as number);
            const t0 = performance.now();
            fs.writeFileSync(stackFile, `${text.trimEnd()}\n# bench edit ${i}\n`);
            await watching(i + 2);
            const cpu1 = treeCpu(child.pid as number);
            samples.push({
                wallS: (performance.now() - t0) / 1000,
                cpuS: cpu0 !== undefined && cpu1 !== undefined ? cpu1 - cpu0 : undefined,
            });
        }
        return samples;
    } finally {
        child.kill("SIGINT");
        await new Promise((resolve) => child.once("exit", resolve));
        fs.rmSync(dir, { recursive: true, force: true });
    }
}
