/**
 * The gate ends when whoever started it is gone (a CI runner or a shell killed with SIGKILL, which
 * cannot pass the signal on): a plan waiting on a slow policy, or `--watch`, would otherwise run on
 * with nobody to read it, its pack and tsc with it. Linux and macOS re-parent an orphan (to init or a
 * subreaper), so a changed parent id means the parent died. The gate then hangs itself up: SIGHUP, as a
 * closed terminal would send, which kills the pack and tsc first (gate/packProcess.ts) and writes the
 * `--json`/`--sarif`/`--junit` error documents (cli/reportFiles.ts). A gate started on purpose without
 * a parent to outlive (`(cmd &)`, `setsid`, `nohup cmd & exit`) stops the same way: run it under a
 * supervisor instead.
 */

/** How often the parent id is read (one cheap system call). */
const PARENT_POLL_MS = 500;

/**
 * Calls `onGone` once when this process's parent is no longer the one it started with. Started directly
 * under init (parent id 1 from the start) there is nothing to watch. The timer never keeps the process
 * alive. Returns the function that stops the watch.
 */
export function watchParent(onGone: () => void, pollMs: number = PARENT_POLL_MS, ppid: () => number = () => process.ppid): () => void {
    const parent = ppid();
    if (parent <= 1) {
        return () => undefined;
    }
    const timer = setInterval(() => {
        if (ppid() !== parent) {
            clearInterval(timer);
            onGone();
        }
    }, pollMs);
    timer.unref();
    return () => clearInterval(timer);
}

/** What the gate does when its parent is gone: SIGHUP to itself. */
export function hangUp(): void {
    process.kill(process.pid, "SIGHUP");
}
