/**
 * A reader that closes the gate's stdout (`firehose-storage plan ... | head` once head has its
 * lines): no EPIPE stack trace, exit 141 as for a process ended by SIGPIPE (a verdict nobody read is
 * not a pass), and the pack ends with the gate.
 */
import * as assert from "node:assert/strict";
import { spawn } from "child_process";
import * as path from "path";
import { descendants, running } from "../helpers/processes";
import { PACKAGE_ROOT } from "../../gate/packageRoot";

const TS_NODE = path.join(PACKAGE_ROOT, "node_modules", "ts-node", "register", "transpile-only");

describe("cli: stdout closed by its reader", function () {
    this.timeout(180_000);

    it("exit 141, one quiet end, no pack left", async () => {
        const child = spawn(process.execPath, ["-r", TS_NODE, path.join(PACKAGE_ROOT, "cli", "bin.ts"), "plan", "--stack", "dev"], {
            cwd: PACKAGE_ROOT,
            env: { ...process.env, NO_COLOR: "1" },
            stdio: ["ignore", "pipe", "pipe"],
        });
        child.stdout.destroy(); // the reader is gone before the gate writes its report
        let err = "";
        child.stderr.on("data", (d: Buffer) => (err += d.toString()));
        const below = new Set<number>();
        const poll = setInterval(() => descendants(child.pid as number).forEach((p) => below.add(p)), 100);
        const code = await new Promise<number | null>((resolve) => child.once("exit", (c) => resolve(c)));
        clearInterval(poll);
        assert.equal(code, 141, err);
        assert.doesNotMatch(err, /EPIPE|\n\s+at /, "no stack trace");
        assert.ok(below.size > 0, "the gate had started its pack");
        assert.deepEqual(
            [...below].filter((p) => running(p)),
            [],
            "nothing the gate started outlives it",
        );
    });
});
