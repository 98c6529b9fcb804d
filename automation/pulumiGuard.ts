/**
 * The `pulumi` the embedding API runs: a small wrapper script, written once per process and real CLI
 * into a private temporary directory, that starts the real CLI under automation/pulumiWatchdog.js, so
 * no Pulumi CLI process (nor its plugins) outlives the embedding process, however it ends (SIGKILL
 * included). The Automation API takes it as an installation root (`PulumiCommand.get({ root })`, which
 * runs `<root>/bin/pulumi`). Windows has no process groups to watch this way: there the CLI is run as
 * found on PATH.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { PACKAGE_ROOT } from "../gate/packageRoot";

/** The watchdog every CLI process starts under (plain JavaScript, run by this Node). */
export const WATCHDOG = path.join(PACKAGE_ROOT, "automation", "pulumiWatchdog.js");

const WRAPPER_PREFIX = "firehose-storage-pulumi-";

/**
 * When set (milliseconds since the epoch), the watchdog interrupts the CLI at that moment, as a
 * timed-out operation's AbortSignal would (and SIGKILLs it after the grace period): so the commands the
 * Automation API runs before the operation, which take no signal (`stack select`), are bounded too.
 */
export const DEADLINE_ENV = "FIREHOSE_STORAGE_PULUMI_DEADLINE";

/** The first executable `pulumi` on PATH (as `execFile("pulumi")` would find it), not one of our wrappers. */
export function pulumiOnPath(env: NodeJS.ProcessEnv = process.env): string | undefined {
    for (const dir of (env.PATH ?? "").split(path.delimiter)) {
        if (dir === "" || path.basename(path.dirname(dir)).startsWith(WRAPPER_PREFIX)) {
            continue;
        }
        const file = path.join(path.resolve(dir), "pulumi");
        try {
            fs.accessSync(file, fs.constants.X_OK);
            if (fs.statSync(file).isFile()) {
                return file;
            }
        } catch {
            // not here
        }
    }
    return undefined;
}

/** `'text'` for sh: single quotes, with each `'` written as `'\''`. */
function shellQuoted(text: string): string {
    return `'${text.replace(/'/g, `'\\''`)}'`;
}

/** The wrapper script for `realPulumi` (pure): the watchdog, told who its parent must be. */
export function wrapperScript(realPulumi: string, root: string, parentPid: number, node: string = process.execPath): string {
    const words = [node, WATCHDOG, String(parentPid), root, realPulumi].map(shellQuoted).join(" ");
    return `#!/bin/sh\nexec ${words} "$@"\n`;
}

const roots = new Map<string, string>();

function removeRoots(): void {
    for (const root of roots.values()) {
        fs.rmSync(root, { recursive: true, force: true });
    }
    roots.clear();
}

/**
 * The installation root whose `bin/pulumi` runs `realPulumi` under the watchdog, created on first use
 * (mode 0700, removed when this process exits; after a SIGKILL, by the watchdog that notices it).
 */
export function guardedRoot(realPulumi: string): string | undefined {
    if (process.platform === "win32") {
        return undefined;
    }
    const known = roots.get(realPulumi);
    if (known !== undefined && fs.existsSync(path.join(known, "bin", "pulumi"))) {
        return known;
    }
    const root = fs.mkdtempSync(path.join(os.tmpdir(), WRAPPER_PREFIX));
    fs.mkdirSync(path.join(root, "bin"));
    fs.writeFileSync(path.join(root, "bin", "pulumi"), wrapperScript(realPulumi, root, process.pid), { mode: 0o700 });
    if (roots.size === 0) {
        process.once("exit", removeRoots);
    }
    roots.set(realPulumi, root);
    return root;
}
