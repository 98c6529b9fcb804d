/**
 * `plan --watch` as a process: one warm pack, a re-plan on every change of the stack file (a bad value
 * is reported and the loop goes on; the fix passes again), and Ctrl-C ends it with the pack.
 */
import * as assert from "node:assert/strict";
import { ChildProcess, spawn } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { runCli } from "../../cli/main";
import { alive, descendants } from "../helpers/processes";

const ROOT = path.resolve(__dirname, "..", "..");
const TS_NODE = path.join(ROOT, "node_modules", "ts-node", "register", "transpile-only");

/** Resolves once `count` "watching" lines have been written to stderr; the text so far. */
function waitForWatching(child: ChildProcess, err: { text: string }, count: number, ms: number): Promise<string> {
    return new Promise((resolve, reject) => {
        const deadline = setTimeout(() => reject(new Error(`no ${count}. "watching" line in ${ms} ms:\n${err.text}`)), ms);
        const check = (): void => {
            if ((err.text.match(/^watching /gm) ?? []).length >= count) {
                clearTimeout(deadline);
                child.stderr?.off("data", check);
                resolve(err.text);
            }
        };
        child.stderr?.on("data", check);
        check();
    });
}

describe("plan --watch", function () {
    this.timeout(240_000);
    let dir: string;
    before(() => {
        dir = fs.mkdtempSync(path.join(os.tmpdir(), "firehose-watch-"));
    });
    after(() => fs.rmSync(dir, { recursive: true, force: true }));

    it("re-plans on each change of the stack file with the same pack; Ctrl-C ends it and the pack (exit 130)", async () => {
        const stackFile = path.join(dir, "Pulumi.dev.yaml");
        const good = fs.readFileSync(path.join(ROOT, "Pulumi.dev.yaml"), "utf8");
        fs.writeFileSync(stackFile, good);
        const argv = [
            "-r",
            TS_NODE,
            path.join(ROOT, "cli", "bin.ts"),
            "plan",
            "--stack",
            "dev",
            "--stack-file",
            stackFile,
            "--watch",
            "-q",
        ];
        const child = spawn(process.execPath, argv, {
            cwd: ROOT,
            env: { ...process.env, NO_COLOR: "1" },
            stdio: ["ignore", "pipe", "pipe"],
        });
        const err = { text: "" };
        let out = "";
        child.stderr.on("data", (d: Buffer) => (err.text += d.toString()));
        child.stdout.on("data", (d: Buffer) => (out += d.toString()));
        const exited = new Promise<{ code: number | null; signal: string | null }>((resolve) =>
            child.once("exit", (code, signal) => resolve({ code, signal })),
        );
        try {
            await waitForWatching(child, err, 1, 180_000);
            assert.match(out, /✔ PASS: no mandatory violations/);
            const packs = descendants(child.pid!);
            assert.ok(packs.length > 0, "the pack runs below the gate");

            fs.writeFileSync(stackFile, `${good.trimEnd()}\n    firehose-storage:keyLayout: diagonal\n`);
            const afterBad = await waitForWatching(child, err, 2, 60_000);
            assert.match(
                afterBad,
                /changed: .*Pulumi\.dev\.yaml\nerror: invalid stack configuration \(1 problem\):\n {2}- firehose-storage:keyLayout: got "diagonal"/,
            );

            const passes = (out.match(/✔ PASS/g) ?? []).length;
            fs.writeFileSync(stackFile, good);
            await waitForWatching(child, err, 3, 60_000);
            assert.equal((out.match(/✔ PASS/g) ?? []).length, passes + 1, "the fixed file passes again");
            assert.deepEqual(descendants(child.pid!), packs, "the same pack judged every plan");

            child.kill("SIGINT");
            const end = await exited;
            assert.ok(end.code === 130 || end.signal === "SIGINT", `ended by SIGINT (${JSON.stringify(end)})`);
            const deadline = Date.now() + 10_000;
            while (packs.some(alive) && Date.now() < deadline) {
                await new Promise((r) => setTimeout(r, 100));
            }
            assert.deepEqual(packs.filter(alive), [], "no pack outlives the gate");
        } finally {
            child.kill("SIGKILL");
        }
    });

    it("refuses what it cannot do: several stacks, --json", async () => {
        const two = await runCli(["plan", "--stack", "dev", "--stack", "prod", "--watch"], { cwd: ROOT, env: { NO_COLOR: "1" } });
        assert.equal(two.code, 2);
        assert.match(two.stderr, /--watch re-plans one stack: give one --stack, not 2 \(dev, prod\)/);
        const json = await runCli(["plan", "--stack", "dev", "--watch", "--json"], { cwd: ROOT, env: { NO_COLOR: "1" } });
        assert.equal(json.code, 2);
        assert.match(json.stderr + json.stdout, /--watch prints a report on every change: leave out --json/);
    });
});
