/**
 * Faults: a policy that hangs, the gate killed or interrupted at any phase, a read-only checkout,
 * missing dependencies. The gate ends with one line naming what went wrong, and no child process
 * (policy pack, tsc) outlives it, whatever ends it.
 */
import * as assert from "node:assert/strict";
import { ChildProcess, spawn } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { exitCodeFor } from "../../cli/errors";
import { PolicyPackError } from "../../gate/analyzer";
import { buildPack } from "../../gate/packBuild";
import { runOfflineGate } from "../../gate/offlineGate";
import { errorDocument } from "../../gate/reportJson";
import { commandLine, running } from "../helpers/processes";

const ROOT = path.resolve(__dirname, "..", "..");
const HANG_PACK = path.join(ROOT, "tests", "fixtures", "hang-pack");
const BIN = path.join(ROOT, "cli", "bin.ts");
/** The hang pack's own config (the stacks' configs name the repository pack's policies). */
const HANG_CONFIG = path.join(HANG_PACK, "policy-config.json");
const TS_NODE = path.join(ROOT, "node_modules", "ts-node", "register", "transpile-only");

/** Pids of live policy packs serving from `dir` (their working directory, Linux /proc). */
function packsIn(dir: string): number[] {
    return processesWith("run-policy-pack").filter((pid) => {
        try {
            return fs.readlinkSync(`/proc/${pid}/cwd`) === fs.realpathSync(dir);
        } catch {
            return false;
        }
    });
}

/** Pids of live processes whose command line contains `needle` (Linux /proc), zombies excluded. */
function processesWith(needle: string): number[] {
    const pids: number[] = [];
    for (const entry of fs.readdirSync("/proc")) {
        if (!/^\d+$/.test(entry) || Number(entry) === process.pid) {
            continue;
        }
        try {
            const cmd = fs.readFileSync(`/proc/${entry}/cmdline`, "utf8");
            const state = /^State:\s+(\w)/m.exec(fs.readFileSync(`/proc/${entry}/status`, "utf8"))?.[1];
            if (cmd.includes(needle) && state !== "Z") {
                pids.push(Number(entry));
            }
        } catch {
            // gone while we looked
        }
    }
    return pids;
}

async function until(what: string, ok: () => boolean, timeoutMs: number): Promise<void> {
    const end = Date.now() + timeoutMs;
    while (!ok()) {
        if (Date.now() > end) {
            throw new Error(`timed out waiting for ${what}`);
        }
        await new Promise((r) => setTimeout(r, 100));
    }
}

function gate(
    argv: string[],
    env: NodeJS.ProcessEnv = {},
): { child: ChildProcess; done: Promise<{ code: number | null; stdout: string; stderr: string }> } {
    const child = spawn(process.execPath, ["-r", TS_NODE, BIN, ...argv], {
        cwd: ROOT,
        env: { ...process.env, ...env },
        stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.setEncoding("utf8").on("data", (d: string) => (stdout += d));
    child.stderr.setEncoding("utf8").on("data", (d: string) => (stderr += d));
    const done = new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) =>
        child.once("close", (code) => resolve({ code, stdout, stderr })),
    );
    return { child, done };
}

describe("faults: no hang, no orphan, one clear line", function () {
    this.timeout(180_000);
    let dir: string;
    before(() => (dir = fs.mkdtempSync(path.join(os.tmpdir(), "faults-"))));
    after(() => fs.rmSync(dir, { recursive: true, force: true }));

    it("a policy that spins: the gate fails after --policy-timeout, naming the policy and the limit; the pack is gone", async () => {
        await assert.rejects(
            runOfflineGate({ projectDir: ROOT, stack: "dev", packDir: HANG_PACK, policyConfigFile: HANG_CONFIG, policyTimeoutMs: 2000 }),
            (e: Error) =>
                e instanceof PolicyPackError &&
                /^policy "hang-forever" did not finish within 2 s \(Analyze urn:pulumi:dev::firehose-storage::.*\); fix the policy, or allow more time with --policy-timeout <seconds>$/.test(
                    e.message,
                ),
        );
        await until("the pack to exit", () => packsIn(HANG_PACK).length === 0, 5000);
    });

    it("SIGKILL of the gate while a policy spins: the pack notices its parent is gone and exits", async () => {
        const marker = path.join(dir, "spinning");
        const { child, done } = gate(
            ["plan", "--stack", "dev", "--pack", HANG_PACK, "--policy-config", HANG_CONFIG, "--policy-timeout", "600"],
            { HANG_MARKER: marker },
        );
        let ended = false;
        void done.then(() => (ended = true));
        await until("the policy to spin", () => fs.existsSync(marker) || ended, 120_000);
        if (ended) {
            assert.fail(`the gate ended before the policy ran: ${JSON.stringify(await done)}`);
        }
        const packPid = Number(fs.readFileSync(marker, "utf8"));
        assert.deepEqual(packsIn(HANG_PACK), [packPid]);
        child.kill("SIGKILL");
        await done;
        await until("the orphaned pack to exit", () => packsIn(HANG_PACK).length === 0, 5000);
    });

    /** A pack with a stale build and enough TypeScript that tsc takes a moment. */
    function slowPack(name: string): string {
        const pack = path.join(dir, name);
        fs.cpSync(HANG_PACK, pack, { recursive: true });
        fs.writeFileSync(path.join(pack, "package.json"), JSON.stringify({ name, version: "1.0.0", main: "bin/index.js" }));
        fs.writeFileSync(
            path.join(pack, "tsconfig.json"),
            JSON.stringify({ compilerOptions: { outDir: "bin", strict: true, types: [] }, include: ["*.ts"] }),
        );
        fs.writeFileSync(
            path.join(pack, "index.ts"),
            Array.from({ length: 4000 }, (_, i) => `export const v${i}: number = ${i};`).join("\n"),
        );
        return pack;
    }

    /** Pids of the tsc processes building `pack`. */
    const tscFor = (pack: string): number[] => processesWith(pack).filter((pid) => commandLine(pid).some((a) => a.endsWith("tsc")));

    it("SIGINT while tsc builds the pack: tsc is killed; --json prints an error document; exit 130", async () => {
        const pack = slowPack("slow-pack");
        const { child, done } = gate(["plan", "--stack", "dev", "--pack", pack, "--json"]);
        await until("tsc to start", () => tscFor(pack).length > 0, 120_000);
        child.kill("SIGINT");
        const r = await done;
        assert.equal(r.code, 130, r.stderr);
        const doc = JSON.parse(r.stdout) as Record<string, unknown>;
        assert.deepEqual([doc.stack, doc.verdict, doc.exitCode, doc.error], ["dev", "error", 130, "interrupted by SIGINT"]);
        await until("tsc to exit", () => processesWith(pack).length === 0, 5000);
    });

    it("SIGKILL of the gate while tsc builds the pack: tsc notices and exits", async () => {
        const pack = slowPack("killed-build-pack");
        const { child, done } = gate(["plan", "--stack", "dev", "--pack", pack]);
        await until("tsc to start", () => tscFor(pack).length > 0, 120_000);
        const tsc = tscFor(pack);
        child.kill("SIGKILL");
        const r = await done;
        assert.equal(r.code, null, "the gate died by SIGKILL");
        await until("the orphaned tsc to exit", () => tsc.every((pid) => !running(pid)), 5000);
        assert.deepEqual(processesWith(pack), []);
    });

    it("SIGKILL of the gate's parent while a policy spins: the gate hangs itself up (JSON error document, exit 129) and the pack exits", async () => {
        const marker = path.join(dir, "spinning-orphan");
        const report = path.join(dir, "orphan-report.json");
        const argv = ["-r", TS_NODE, BIN, "plan", "--stack", "dev", "--pack", HANG_PACK, "--policy-config", HANG_CONFIG];
        // The parent (a CI runner, a shell): starts the gate with stdout to a file, says its pid, waits.
        const parentCode = `
            const fs = require("fs");
            const gate = require("child_process").spawn(process.execPath, ${JSON.stringify([...argv, "--policy-timeout", "600", "--json"])}, {
                cwd: ${JSON.stringify(ROOT)},
                stdio: ["ignore", fs.openSync(${JSON.stringify(report)}, "w"), "ignore"],
            });
            process.stdout.write(String(gate.pid) + "\\n");
            setInterval(() => undefined, 1000);`;
        const parent = spawn(process.execPath, ["-e", parentCode], {
            cwd: ROOT,
            env: { ...process.env, HANG_MARKER: marker },
            stdio: ["ignore", "pipe", "ignore"],
        });
        let gatePid = 0;
        try {
            gatePid = await new Promise<number>((resolve) =>
                parent.stdout.setEncoding("utf8").once("data", (d: string) => resolve(Number(d.trim()))),
            );
            await until("the policy to spin", () => fs.existsSync(marker) || !running(gatePid), 120_000);
            assert.ok(running(gatePid), `the gate ended before the policy ran: ${fs.readFileSync(report, "utf8")}`);
            const packPid = Number(fs.readFileSync(marker, "utf8"));
            assert.deepEqual(packsIn(HANG_PACK), [packPid]);

            parent.kill("SIGKILL");
            await until("the orphaned gate and its pack to exit", () => !running(gatePid) && !running(packPid), 5000);
            const doc = JSON.parse(fs.readFileSync(report, "utf8")) as Record<string, unknown>;
            assert.deepEqual([doc.stack, doc.verdict, doc.exitCode, doc.error], ["dev", "error", 129, "interrupted by SIGHUP"]);
            assert.deepEqual(packsIn(HANG_PACK), []);
        } finally {
            parent.kill("SIGKILL");
            if (gatePid > 0 && running(gatePid)) {
                process.kill(gatePid, "SIGKILL"); // a failed run leaves no gate behind (its pack follows it)
            }
        }
    });

    it("a read-only checkout with a stale pack: one line suggesting --no-build", async function () {
        if (process.getuid?.() === 0) {
            this.skip(); // root writes anywhere: the case cannot be observed here
        }
        const pack = path.join(dir, "ro-pack");
        fs.mkdirSync(pack);
        fs.writeFileSync(path.join(pack, "package.json"), JSON.stringify({ name: "ro", version: "1.0.0", main: "bin/index.js" }));
        fs.writeFileSync(path.join(pack, "index.ts"), "export const x = 1;\n");
        fs.chmodSync(pack, 0o555);
        await assert.rejects(
            buildPack(pack),
            /^PolicyPackError: cannot build the policy pack: .*ro-pack is not writable; run with --no-build/,
        );
    });

    it("error output carries no colour codes: stderr and the --json document", () => {
        const red = "\u001b[31merror TS2322\u001b[39m: bad";
        assert.equal(errorDocument("dev", 3, red).error, "error TS2322: bad");
        let err = "";
        assert.equal(exitCodeFor(new PolicyPackError(red), { err: (t) => (err += t) }), 3);
        assert.equal(err, "error: error TS2322: bad\n");
    });
});
