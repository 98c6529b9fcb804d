/**
 * Starts a policy pack the way the Pulumi engine does: `node <@pulumi/pulumi>/cmd/run-policy-pack
 * <engine-address> .` with the pack directory as working directory (`PolicyPack` reads
 * `./package.json` for its version, and `run-policy-pack` looks for `./tsconfig.json`), plus preloads:
 * gate/childGuard.js (no orphan) and gate/policyNotes.js (which policy runs). The process
 * prints the port of its analyzer gRPC server on stdout. Anything else it prints is kept for errors.
 */
import { ChildProcess, spawn } from "child_process";
import * as fs from "fs";
import * as path from "path";
import { PACKAGE_ROOT } from "./packageRoot";

/** The engine passes its own address first; `run-policy-pack` drops it. We have no engine. */
const NO_ENGINE = "127.0.0.1:0";
/** Output kept for error messages, per stream. */
const KEEP_CHARS = 64 * 1024;

export class PolicyPackError extends Error {
    override name = "PolicyPackError";
    /** The pack process, when one was started (it has been stopped by the time this is thrown). */
    constructor(
        message: string,
        readonly pid?: number,
    ) {
        super(message);
    }
}

export interface PackProcess {
    readonly child: ChildProcess;
    readonly port: number;
    /** Policies that started and have not finished (see gate/policyNotes.js). */
    running(): string[];
    /** What the pack wrote to stderr (and stdout after the port) so far. */
    output(): string;
    /** Kills the process (SIGTERM, then SIGKILL after 2 s) and waits for it to exit. */
    stop(): Promise<void>;
}

/** `<packDir>/node_modules/@pulumi/pulumi/cmd/run-policy-pack`, else the copy this repository uses. */
export function runPolicyPackScript(packDir: string): string {
    const own = path.join(packDir, "node_modules", "@pulumi", "pulumi", "cmd", "run-policy-pack");
    if (fs.existsSync(path.join(own, "index.js"))) {
        return own;
    }
    return path.join(path.dirname(require.resolve("@pulumi/pulumi/package.json")), "cmd", "run-policy-pack");
}

/** The child's environment: ours without the variables that would point it at a Pulumi engine, and no colour. */
export function childEnv(extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
    return {
        ...Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith("PULUMI_") && k !== "FORCE_COLOR")),
        NO_COLOR: "1",
        ...extra,
    };
}

/**
 * The guard every Node child of the gate preloads, spawned with a stdin pipe the gate holds: the child
 * ends when the gate does, even when the gate is SIGKILLed (gate/childGuard.js).
 */
export const GUARD = path.join(PACKAGE_ROOT, "gate", "childGuard.js");
const POLICY_NOTES = path.join(PACKAGE_ROOT, "gate", "policyNotes.js");

const live = new Set<ChildProcess>();
const SIGNALS = ["SIGINT", "SIGTERM", "SIGHUP"] as const;
let exitHookInstalled = false;

/** On a signal: kill the packs, then let the signal do what it would have done without us. */
function onSignal(signal: NodeJS.Signals): void {
    live.forEach((c) => c.kill("SIGKILL"));
    removeSignalHooks();
    if (process.listenerCount(signal) === 0) {
        process.kill(process.pid, signal);
    }
}

function removeSignalHooks(): void {
    SIGNALS.forEach((sig) => process.removeListener(sig, onSignal));
}

/**
 * Never leave a pack behind: kill whatever is still running when this process exits, or when it is
 * interrupted or terminated while a pack runs (signal handlers exist only while a pack is live).
 */
export function track(child: ChildProcess): void {
    if (!exitHookInstalled) {
        exitHookInstalled = true;
        process.on("exit", () => live.forEach((c) => c.kill("SIGKILL")));
    }
    if (live.size === 0) {
        SIGNALS.forEach((sig) => process.on(sig, onSignal));
    }
    live.add(child);
    child.once("exit", () => {
        live.delete(child);
        if (live.size === 0) {
            removeSignalHooks();
        }
    });
}

function append(buf: string, chunk: string): string {
    const s = buf + chunk;
    return s.length > KEEP_CHARS ? s.slice(s.length - KEEP_CHARS) : s;
}

export function startPackProcess(packDir: string, startTimeoutMs: number): Promise<PackProcess> {
    if (!fs.existsSync(path.join(packDir, "package.json"))) {
        return Promise.reject(new PolicyPackError(`${packDir} is not a policy pack: it has no package.json`));
    }
    // The guard exits the pack when its stdin (held by us) ends: no orphan even if we are SIGKILLed.
    // On descriptor 3 the pack notes which policy runs (named when one hangs).
    // fastStart: Node's compile cache (22+) and deferred loading of what the pack never uses.
    const fastStart = path.join(PACKAGE_ROOT, "gate", "fastStart.js");
    const child = spawn(
        process.execPath,
        ["--require", GUARD, "--require", fastStart, "--require", POLICY_NOTES, runPolicyPackScript(packDir), NO_ENGINE, "."],
        {
            cwd: packDir,
            env: childEnv({ GATE_POLICY_NOTES_FD: "3" }),
            stdio: ["pipe", "pipe", "pipe", "pipe"],
        },
    );
    child.stdin?.on("error", () => undefined); // EPIPE when the pack is already gone
    track(child);
    // "start <name>"/"end <name>" per call, or (with the guard's watch) "running <name>\t<name>...": the
    // policies in flight once nothing has started or ended for a moment.
    const inFlight = new Map<string, number>();
    let notes = "";
    (child.stdio[3] as NodeJS.ReadableStream | null)?.setEncoding("utf8");
    (child.stdio[3] as NodeJS.ReadableStream | null)?.on("data", (d: string) => {
        const lines = (notes + d).split("\n");
        notes = lines.pop() ?? "";
        for (const line of lines) {
            const [what, ...name] = line.split(" ");
            const key = name.join(" ");
            if (what === "running") {
                inFlight.clear();
                key.split("\t").forEach((n) => n !== "" && inFlight.set(n, 1));
            } else {
                inFlight.set(key, (inFlight.get(key) ?? 0) + (what === "start" ? 1 : -1));
            }
        }
    });
    const running = (): string[] => [...inFlight].filter(([, n]) => n > 0).map(([name]) => name);
    let stdout = "";
    let stderr = "";
    const output = (): string => [stderr.trim(), stdout.trim()].filter((s) => s !== "").join("\n");
    const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
    const stop = async (): Promise<void> => {
        if (child.exitCode === null && child.signalCode === null) {
            child.kill("SIGTERM");
            const timer = setTimeout(() => child.kill("SIGKILL"), 2000);
            await exited;
            clearTimeout(timer);
        }
    };
    child.stderr?.setEncoding("utf8").on("data", (d: string) => (stderr = append(stderr, d)));
    return new Promise<PackProcess>((resolve, reject) => {
        let settled = false;
        const fail = (why: string): void => {
            if (!settled) {
                settled = true;
                clearTimeout(timer);
                const out = output();
                void stop().then(() =>
                    reject(new PolicyPackError(`policy pack ${packDir} ${why}${out !== "" ? `:\n${out}` : ""}`, child.pid)),
                );
            }
        };
        const timer = setTimeout(() => fail(`printed no port within ${startTimeoutMs} ms`), startTimeoutMs);
        child.once("error", (e) => fail(`could not start (${e.message})`));
        child.once("exit", (code, signal) => fail(`exited before serving (code ${code ?? "none"}, signal ${signal ?? "none"})`));
        child.stdout?.setEncoding("utf8").on("data", (d: string) => {
            stdout = append(stdout, d);
            if (settled) {
                return;
            }
            const line = /^(\d+)\s*\n/.exec(stdout);
            if (line !== null) {
                settled = true;
                clearTimeout(timer);
                stdout = stdout.slice(line[0].length);
                resolve({ child, port: Number(line[1]), output, stop, running });
            } else if (/\n/.test(stdout)) {
                fail("printed something other than a port first");
            }
        });
    });
}
