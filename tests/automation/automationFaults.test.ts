/** automation/: options checked before anything runs (typed errors), and a Pulumi CLI that hangs is bounded and killed. */
import * as assert from "node:assert/strict";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { DeployOptions, offlinePlan, OfflinePlanOptions, OptionsError, preview, PulumiCliError } from "../../automation";

/** Pids of live processes whose command line contains `needle` (Linux /proc), zombies excluded. */
function processesWith(needle: string): number[] {
    return fs
        .readdirSync("/proc")
        .filter((e) => /^\d+$/.test(e) && Number(e) !== process.pid)
        .filter((e) => {
            try {
                const state = /^State:\s+(\w)/m.exec(fs.readFileSync(`/proc/${e}/status`, "utf8"))?.[1];
                return state !== "Z" && fs.readFileSync(`/proc/${e}/cmdline`, "utf8").replace(/\0/g, " ").includes(needle);
            } catch {
                return false;
            }
        })
        .map(Number);
}

describe("automation: bad options and a hanging Pulumi CLI", function () {
    this.timeout(60_000);

    it("missing or mistyped options: an OptionsError naming the option, never a raw TypeError", async () => {
        const rejects = (p: Promise<unknown>, message: RegExp) =>
            assert.rejects(p, (e: Error) => e instanceof OptionsError && message.test(e.message));
        await rejects(preview(undefined as unknown as DeployOptions), /^preview options: missing; must be a mapping \(key: value\)$/);
        await rejects(preview({ stack: 5 } as unknown as DeployOptions), /^preview options\.stack: got 5; must be text$/);
        await rejects(
            preview({ stack: "dev", color: "red" } as unknown as DeployOptions),
            /^preview options\.color: got "red"; must be one of "always", "never", "auto"$/,
        );
        await rejects(preview({ stack: "dev", stak: "x" } as unknown as DeployOptions), /^preview options\.stak: got "x"; unknown key/);
        await rejects(
            offlinePlan("dev", { config: [5] } as unknown as OfflinePlanOptions),
            /^offlinePlan options\.config\[0\]: got 5; must be text$/,
        );
        await rejects(
            offlinePlan("dev", { pack: {} } as unknown as OfflinePlanOptions),
            /^offlinePlan options\.pack: got \{\}; must be a running policy pack/,
        );
        await rejects(offlinePlan("my stack"), /^offlinePlan stack: got "my stack"; must be a stack name/);
    });

    it("a pulumi on PATH that hangs on `version`: PulumiCliError within the timeout, and the hung CLI is killed", async () => {
        const dir = fs.mkdtempSync(path.join(os.tmpdir(), "fake-pulumi-"));
        fs.writeFileSync(path.join(dir, "pulumi"), "#!/bin/sh\nexec sleep 4242\n", { mode: 0o755 });
        const saved = process.env.PATH;
        process.env.PATH = `${dir}${path.delimiter}${saved ?? ""}`;
        try {
            const started = Date.now();
            await assert.rejects(
                preview({ stack: "dev", timeoutMs: 1000 }),
                (e: Error) => e instanceof PulumiCliError && /^`pulumi version` did not answer within 1 s and was stopped/.test(e.message),
            );
            assert.ok(Date.now() - started < 10_000, `took ${Date.now() - started} ms`);
            assert.deepEqual(processesWith("sleep 4242"), []);
        } finally {
            process.env.PATH = saved;
            fs.rmSync(dir, { recursive: true, force: true });
        }
    });
});
