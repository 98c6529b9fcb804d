/** cli/parentWatch.ts: the gate notices once that its parent is gone (re-parented), and only then. */
import * as assert from "node:assert/strict";
import { watchParent } from "../../cli/parentWatch";

const tick = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe("cli/parentWatch: a changed parent id means the parent died", () => {
    it("calls back once when the parent id changes, not before", async () => {
        let ppid = 4242;
        let calls = 0;
        const stop = watchParent(
            () => calls++,
            5,
            () => ppid,
        );
        await tick(40);
        assert.equal(calls, 0);
        ppid = 1;
        await tick(40);
        ppid = 77; // a later change is not a second death
        await tick(40);
        assert.equal(calls, 1);
        stop();
    });

    it("started under init (parent id 1): nothing to watch", async () => {
        let reads = 0;
        let calls = 0;
        watchParent(
            () => calls++,
            5,
            () => (reads++ === 0 ? 1 : 99),
        );
        await tick(40);
        assert.deepEqual([reads, calls], [1, 0]);
    });

    it("stopped: no callback after the command finished", async () => {
        let ppid = 4242;
        let calls = 0;
        watchParent(
            () => calls++,
            5,
            () => ppid,
        )();
        ppid = 1;
        await tick(40);
        assert.equal(calls, 0);
    });
});
