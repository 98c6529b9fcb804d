/** Processes seen from a test (Linux). */
import * as fs from "fs";

/** True while a process with this id exists. */
export function alive(pid: number): boolean {
    try {
        process.kill(pid, 0);
        return true;
    } catch {
        return false;
    }
}

/** Process ids below `pid`, children first (from /proc). */
export function descendants(pid: number): number[] {
    let children: number[] = [];
    try {
        for (const task of fs.readdirSync(`/proc/${pid}/task`)) {
            const text = fs.readFileSync(`/proc/${pid}/task/${task}/children`, "utf8").trim();
            children = [...children, ...(text === "" ? [] : text.split(/\s+/).map(Number))];
        }
    } catch {
        return [];
    }
    return children.flatMap((c) => [c, ...descendants(c)]);
}

/** True while the process exists and has not ended (a zombie no one reaped has ended). */
export function running(pid: number): boolean {
    try {
        return /^State:\s+Z/m.test(fs.readFileSync(`/proc/${pid}/status`, "utf8")) === false;
    } catch {
        return false;
    }
}

/** The process's arguments (from /proc), or [] when it is gone. */
export function commandLine(pid: number): string[] {
    try {
        return fs.readFileSync(`/proc/${pid}/cmdline`, "utf8").split("\0").slice(0, -1);
    } catch {
        return [];
    }
}
