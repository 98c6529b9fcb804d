// Preloaded into every Node process the gate starts (`node --require`: the policy pack, tsc), before
// anything else loads. Plain JavaScript: it loads before ts-node.
//
// Never an orphan, whatever ends the gate (SIGKILL included). The gate holds the other end of our
// stdin (a pipe it never writes to): when the gate is gone, for any reason, the pipe reaches its end.
// A worker thread, with its own event loop, watches that end and kills this whole process: a policy
// stuck in a busy loop blocks the main thread's event loop, so a watch there would never fire. The
// worker kills with SIGKILL to its own process, since `process.exit()` in a worker ends only the worker.
//
// The same worker names a stuck policy for gate/policyNotes.js: sent `{ notes: { fd, state, names } }`,
// it reads the shared `state` (see policyNotes.js) every POLL_MS and, once nothing has started or
// ended for a whole poll, writes `running <name>\t<name>...` (the policies in flight) to `fd`.
"use strict";
const fs = require("fs");
const { isMainThread, Worker } = require("worker_threads");

const POLL_MS = 100;

/** Our stdin is a pipe or socket the gate holds (not a terminal or /dev/null, which never "ends"). */
function stdinIsLifeline() {
    try {
        const s = fs.fstatSync(0);
        return s.isFIFO() || s.isSocket();
    } catch {
        return false;
    }
}

const WATCH = `"use strict";
const fs = require("fs");
const net = require("net");
const { parentPort } = require("worker_threads");
const end = () => process.kill(process.pid, "SIGKILL");
const lifeline = new net.Socket({ fd: 0, readable: true, writable: false });
lifeline.on("end", end).on("close", end).on("error", end).resume();
parentPort.once("message", ({ notes }) => {
    const state = new Int32Array(notes.state);
    let seq = -1;
    let told = "";
    const poll = setInterval(() => {
        const now = Atomics.load(state, 0);
        if (now !== seq) {
            seq = now;
            return;
        }
        const running = notes.names.filter((_, i) => Atomics.load(state, i + 1) > 0).join("\\t");
        if (running !== told) {
            told = running;
            try {
                fs.writeSync(notes.fd, "running " + running + "\\n");
            } catch {
                clearInterval(poll);
            }
        }
    }, ${POLL_MS});
    poll.unref();
});
parentPort.unref();
`;

/** The watch, in the main thread of a process whose stdin is the gate's lifeline. */
let watch;
// Preloads also run in worker threads: only the main thread starts the watch.
if (isMainThread && stdinIsLifeline()) {
    // No preloads in the watch itself (it would start a watch of its own), and its own stdio.
    watch = new Worker(WATCH, { eval: true, execArgv: [], stdin: false, stdout: false, stderr: false });
    // The watch must not keep the process alive: a pack that fails to start, or tsc done, still exits.
    watch.unref();
}

module.exports = { watch };
