// Every Pulumi CLI process the embedding API starts runs under this watchdog (automation/pulumiGuard.ts
// writes the `pulumi` the Automation API calls: `exec node pulumiWatchdog.js <parent pid> <wrapper dir>
// <real pulumi> args...`). Plain JavaScript: it runs without ts-node and without the package's modules.
//
// Never an orphan, whatever ends the embedding process (SIGKILL included): the real CLI runs in its own
// process group, and the watchdog polls its own parent id. When the embedding process is gone (we were
// re-parented), the CLI's whole group gets SIGINT (the Pulumi CLI's graceful cancel, which records the
// state of what it was doing), then SIGKILL after a grace period (FIREHOSE_STORAGE_PULUMI_GRACE_MS,
// default 10 s); then the watchdog removes the wrapper directory its parent can no longer clean up.
// SIGINT, SIGTERM and SIGHUP sent to the watchdog are passed on to the group once (the Automation API
// interrupts with SIGINT), with the same SIGKILL after the grace period; so is the operation's deadline
// (FIREHOSE_STORAGE_PULUMI_DEADLINE, epoch milliseconds) when the embedding API sets one. The watchdog exits as the CLI
// did: its code, or the same signal.
"use strict";
const { spawn } = require("child_process");
const fs = require("fs");
const os = require("os");

const POLL_MS = 200;
const grace = Number(process.env.FIREHOSE_STORAGE_PULUMI_GRACE_MS);
const GRACE_MS = Number.isInteger(grace) && grace > 0 ? grace : 10_000;

const [parentArg, wrapperDir, command, ...args] = process.argv.slice(2);
const parent = Number(parentArg);

/** Signals the CLI's whole group (the CLI, its plugins, their children); it may already be gone. */
function signalGroup(pid, signal) {
    try {
        process.kill(-pid, signal);
    } catch {
        // no such group: everything in it has exited
    }
}

function main() {
    if (process.ppid !== parent) {
        // The embedding process died before we started: start nothing.
        fs.rmSync(wrapperDir, { recursive: true, force: true });
        process.exit(1);
    }
    const child = spawn(command, args, { stdio: "inherit", detached: true });
    let killer;
    let stopped = false;
    let orphaned = false;
    // One interruption is passed on (a second SIGINT would make Pulumi cancel without saving state);
    // the grace period's SIGKILL ends whatever does not stop.
    const stop = (signal) => {
        if (!stopped) {
            stopped = true;
            signalGroup(child.pid, signal);
            killer = setTimeout(() => signalGroup(child.pid, "SIGKILL"), GRACE_MS);
        }
    };
    const deadline = Number(process.env.FIREHOSE_STORAGE_PULUMI_DEADLINE);
    const late = Number.isFinite(deadline) ? setTimeout(() => stop("SIGINT"), Math.max(0, deadline - Date.now())) : undefined;
    const watch = setInterval(() => {
        if (process.ppid !== parent) {
            orphaned = true;
            clearInterval(watch);
            stop("SIGINT");
        }
    }, POLL_MS);
    for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"]) {
        process.on(signal, () => stop(signal));
    }
    child.once("error", (e) => {
        process.stderr.write(`pulumi: ${e.message}\n`);
        process.exit(127);
    });
    child.once("exit", (code, signal) => {
        clearInterval(watch);
        clearTimeout(killer);
        clearTimeout(late);
        if (stopped) {
            // Stopped on purpose: nothing the CLI started may stay (plugins, a program's children).
            signalGroup(child.pid, "SIGKILL");
        }
        if (orphaned) {
            fs.rmSync(wrapperDir, { recursive: true, force: true });
        }
        if (signal === null) {
            process.exit(code ?? 1);
        }
        for (const s of ["SIGINT", "SIGTERM", "SIGHUP"]) {
            process.removeAllListeners(s);
        }
        process.kill(process.pid, signal);
        process.exit(128 + (os.constants.signals[signal] ?? 0));
    });
}

main();
