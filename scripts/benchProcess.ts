/**
 * Whole-process figures for `npm run bench`: the compiled CLI (`dist/cli/bin.js`, from `npm run
 * build`) run as a user runs it, a fresh process each
 * time, measured from outside by GNU time (`/usr/bin/time -f`): CPU (user + system, the process and
 * the pack it starts), wall time and the peak resident memory of the largest process. Without GNU
 * time only wall time is measured.
 */
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as path from "path";
import { PACKAGE_ROOT } from "../gate/packageRoot";

const GNU_TIME = "/usr/bin/time";
export const BIN = path.join(PACKAGE_ROOT, "dist", "cli", "bin.js");

export interface ProcessSample {
    readonly cpuS: number | undefined;
    readonly wallS: number;
    readonly maxRssMiB: number | undefined;
    readonly code: number | null;
}

/** user + system CPU seconds of a live process, from /proc (Linux; USER_HZ 100); undefined elsewhere or once it is gone. */
export function cpuSecondsOf(pid: number | undefined): number | undefined {
    try {
        const f = fs.readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1].split(" ");
        return (Number(f[11]) + Number(f[12])) / 100;
    } catch {
        return undefined;
    }
}

export const canMeasureCpu = (): boolean => fs.existsSync(GNU_TIME) && spawnSync(GNU_TIME, ["-f", "%U", "true"]).status === 0;

/** Runs `node cli/bin.js <argv>` once; `env` adds to ours. */
export function runCli(argv: readonly string[], env: NodeJS.ProcessEnv = {}): ProcessSample {
    const bin = [process.execPath, BIN, ...argv];
    const t0 = performance.now();
    if (!canMeasureCpu()) {
        const r = spawnSync(bin[0], bin.slice(1), { cwd: PACKAGE_ROOT, env: { ...process.env, ...env }, stdio: "ignore" });
        return { cpuS: undefined, wallS: (performance.now() - t0) / 1000, maxRssMiB: undefined, code: r.status };
    }
    const marker = "@@bench";
    const r = spawnSync(GNU_TIME, ["-f", `${marker} %U %S %e %M`, ...bin], {
        cwd: PACKAGE_ROOT,
        env: { ...process.env, ...env },
        encoding: "utf8",
        stdio: ["ignore", "ignore", "pipe"],
    });
    const line = r.stderr.split("\n").find((l) => l.startsWith(marker));
    if (line === undefined) {
        throw new Error(`no timing from ${GNU_TIME}: ${r.stderr.slice(-500)}`);
    }
    const [user, sys, wall, rssKiB] = line.slice(marker.length).trim().split(/\s+/).map(Number);
    // GNU time exits with the command's code, or "Command exited with non-zero status N" first.
    return { cpuS: user + sys, wallS: wall, maxRssMiB: rssKiB / 1024, code: r.status };
}
