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
