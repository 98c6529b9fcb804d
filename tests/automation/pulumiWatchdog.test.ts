/**
 * The embedding API's Pulumi CLI processes never outlive the embedding process, whatever ends it
 * (automation/pulumiGuard.ts, automation/pulumiWatchdog.js). A fake `pulumi` on PATH answers `version`
 * and `stack select`, and sleeps in `preview`, so the CLI is busy when the embedding process is
 * SIGKILLed or its operation times out.
 */
import * as assert from "node:assert/strict";
import { ChildProcess, spawn } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { preview, PulumiCliError } from "../../automation";
import { guardedRoot, pulumiOnPath, WATCHDOG, wrapperScript } from "../../automation/pulumiGuard";
import { commandLine, descendants, running } from "../helpers/processes";
import { PACKAGE_ROOT } from "../../gate/packageRoot";

const TS_NODE = path.join(PACKAGE_ROOT, "node_modules", "ts-node", "register", "transpile-only");

/**
 * A `pulumi` that prints a version, selects any stack (unless `selects` is false), and otherwise
 * (preview) runs `sleep <marker>`, ignoring SIGINT when `stubborn`.
 */
function fakePulumi(dir: string, marker: number, stubborn: boolean, selects = true): void {
    const trap = stubborn ? "trap '' INT\n" : "";
    const select = selects ? " stack) exit 0;;" : "";
    const script = `#!/bin/sh\ncase "$1" in version) echo v3.270.0; exit 0;;${select} esac\n${trap}exec sleep ${marker}\n`;
    fs.writeFileSync(path.join(dir, "pulumi"), script, { mode: 0o755 });
}

/** Live processes running `sleep <marker>`. */
function sleepers(marker: number): number[] {
    return fs
        .readdirSync("/proc")
        .filter((e) => /^\d+$/.test(e))
        .map(Number)
        .filter((pid) => running(pid) && commandLine(pid).join(" ") === `sleep ${marker}`);
}

async function until(what: string, ms: number, ok: () => boolean): Promise<void> {
    const end = Date.now() + ms;
    while (!ok()) {
        if (Date.now() > end) {
            throw new Error(`${what}: not within ${ms} ms`);
        }
        await new Promise((r) => setTimeout(r, 100));
    }
}

/** Runs `fn` with `dir` (the fake CLI) first on PATH and a 500 ms grace; restores both after. */
async function withFakeOnPath(dir: string, fn: () => Promise<void>): Promise<void> {
    const saved = { PATH: process.env.PATH, GRACE: process.env.FIREHOSE_STORAGE_PULUMI_GRACE_MS };
    process.env.PATH = `${dir}${path.delimiter}${saved.PATH ?? ""}`;
    process.env.FIREHOSE_STORAGE_PULUMI_GRACE_MS = "500";
    try {
        await fn();
    } finally {
        process.env.PATH = saved.PATH;
        if (saved.GRACE === undefined) {
            delete process.env.FIREHOSE_STORAGE_PULUMI_GRACE_MS;
        } else {
            process.env.FIREHOSE_STORAGE_PULUMI_GRACE_MS = saved.GRACE;
        }
    }
}

describe("automation: no Pulumi CLI process outlives the embedding process", function () {
    this.timeout(120_000);
    let dir: string;
    let embedder: ChildProcess | undefined;
    beforeEach(() => (dir = fs.mkdtempSync(path.join(os.tmpdir(), "fake-pulumi-"))));
    afterEach(() => {
        embedder?.kill("SIGKILL");
        fs.rmSync(dir, { recursive: true, force: true });
    });

    it("the wrapper runs the real CLI under the watchdog, told its parent; the real CLI is found past the wrapper", () => {
        assert.equal(
            wrapperScript("/opt/it's/pulumi", "/tmp/root", 42, "/usr/bin/node"),
            `#!/bin/sh\nexec '/usr/bin/node' '${WATCHDOG}' '42' '/tmp/root' '/opt/it'\\''s/pulumi' "$@"\n`,
        );
        fakePulumi(dir, 4240, false);
        const real = path.join(dir, "pulumi");
        const root = guardedRoot(real);
        assert.ok(root !== undefined);
        assert.equal(fs.statSync(root).mode & 0o077, 0, "private to this user");
        assert.equal(pulumiOnPath({ PATH: [path.join(root, "bin"), dir].join(path.delimiter) }), real);
        assert.equal(pulumiOnPath({ PATH: os.tmpdir() }), undefined);
    });

    for (const stubborn of [false, true]) {
        const marker = stubborn ? 4246 : 4245;
        it(`SIGKILL of the embedding process during preview ends the CLI${stubborn ? " that ignores SIGINT (SIGKILL after the grace period)" : " (SIGINT)"}`, async () => {
            fakePulumi(dir, marker, stubborn);
            const code = `require(${JSON.stringify(path.join(PACKAGE_ROOT, "automation"))}).preview({ stack: "dev" }).then(() => process.exit(0), (e) => { console.error(e.message); process.exit(1); });`;
            embedder = spawn(process.execPath, ["-r", TS_NODE, "-e", code], {
                cwd: PACKAGE_ROOT,
                env: { ...process.env, PATH: `${dir}${path.delimiter}${process.env.PATH ?? ""}`, FIREHOSE_STORAGE_PULUMI_GRACE_MS: "700" },
                stdio: ["ignore", "ignore", "pipe"],
            });
            let stderr = "";
            embedder.stderr!.setEncoding("utf8").on("data", (d: string) => (stderr += d));
            await until(`the fake CLI started (${stderr})`, 60_000, () => sleepers(marker).length === 1);
            const below = descendants(embedder.pid!);
            const watchdog = below.find((pid) => commandLine(pid).includes(WATCHDOG));
            assert.ok(watchdog !== undefined, `no watchdog among ${below.map((p) => commandLine(p).join(" ")).join("; ")}`);
            const root = commandLine(watchdog)[commandLine(watchdog).indexOf(WATCHDOG) + 2];
            assert.ok(fs.existsSync(path.join(root, "bin", "pulumi")));
            assert.deepEqual(
                below.filter((pid) => sleepers(marker).includes(pid)),
                sleepers(marker),
                "the CLI runs below the embedder",
            );

            embedder.kill("SIGKILL");
            await until("every process below the embedder ended", 10_000, () => below.every((pid) => !running(pid)));
            assert.deepEqual(sleepers(marker), []);
            assert.equal(fs.existsSync(root), false, "the watchdog removed the wrapper its parent could not");
        });
    }

    it("a `stack select` that hangs is bounded by the operation's timeoutMs too (the watchdog's deadline)", async () => {
        fakePulumi(dir, 4248, true, false);
        await withFakeOnPath(dir, async () => {
            const started = Date.now();
            await assert.rejects(
                preview({ stack: "dev", timeoutMs: 2000 }),
                (e: Error) =>
                    e instanceof PulumiCliError &&
                    e.message === "selecting stack dev did not finish within 2 s (timeoutMs) and the Pulumi CLI was stopped",
            );
            assert.ok(Date.now() - started < 15_000, `took ${Date.now() - started} ms`);
            await until("the stubborn CLI ended", 5000, () => sleepers(4248).length === 0);
        });
    });

    it("an operation that times out interrupts the CLI through the watchdog and leaves nothing running", async () => {
        fakePulumi(dir, 4247, true);
        await withFakeOnPath(dir, async () => {
            const started = Date.now();
            await assert.rejects(preview({ stack: "dev", timeoutMs: 3000 }));
            assert.ok(Date.now() - started < 15_000, `took ${Date.now() - started} ms`);
            await until("the stubborn CLI ended", 5000, () => sleepers(4247).length === 0);
            assert.deepEqual(
                descendants(process.pid).filter((pid) => commandLine(pid).includes(WATCHDOG)),
                [],
            );
        });
    });
});
