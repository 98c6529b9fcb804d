/** A few CLI flag cases of bad input, run as processes (the generated cases are in badInputProperties.test.ts). */
import * as assert from "node:assert/strict";
import { spawn } from "child_process";
import * as os from "os";
import * as path from "path";
import { ROOT } from "./badValues";

describe("bad flags, as processes: exit 2, one line, no stack trace", function () {
    this.timeout(120_000);
    const tsNode = path.join(ROOT, "node_modules", "ts-node", "register", "transpile-only");
    const cases: [string, string[], RegExp][] = [
        [
            "--policy-timeout abc",
            ["plan", "--stack", "dev", "--policy-timeout", "abc"],
            /--policy-timeout.*"abc" is not a number of seconds/,
        ],
        ["-c under __proto__", ["plan", "--stack", "dev", "-c", "tags.__proto__.polluted=yes"], /"__proto__" is not allowed in a key/],
        ["--stack-file a directory", ["plan", "--stack", "dev", "--stack-file", os.tmpdir()], /is a directory/],
    ];
    // The processes run at once (each loads the CLI through ts-node).
    const runs = new Map<string, Promise<{ code: number | null; stderr: string }>>();
    before(() => {
        for (const [name, argv] of cases) {
            runs.set(
                name,
                new Promise((resolve) => {
                    const child = spawn(process.execPath, ["-r", tsNode, path.join(ROOT, "cli", "bin.ts"), ...argv], {
                        cwd: ROOT,
                        env: { ...process.env, NO_COLOR: "1" },
                        stdio: ["ignore", "ignore", "pipe"],
                    });
                    let stderr = "";
                    child.stderr.setEncoding("utf8").on("data", (d: string) => (stderr += d));
                    child.once("close", (code) => resolve({ code, stderr }));
                }),
            );
        }
    });
    for (const [name, , message] of cases) {
        it(name, async () => {
            const r = await runs.get(name)!;
            assert.equal(r.code, 2, r.stderr);
            assert.match(r.stderr, message);
            assert.equal(r.stderr.trim().split("\n").length, 1, r.stderr);
            assert.doesNotMatch(r.stderr, /^\s+at .+:\d+:\d+\)?$/m);
        });
    }
});
