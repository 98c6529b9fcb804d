/** Config problems: collected, never thrown one at a time, and reported with key, value and rule. */
import { z } from "zod";
import { Problem } from "../components/storage/lifecycle";

export type { Problem };

/** Thrown once with every problem found; its message lists them all. */
export class ConfigError extends Error {
    constructor(
        readonly namespace: string,
        readonly problems: readonly Problem[],
    ) {
        super(
            `invalid stack configuration (${problems.length} problem${problems.length === 1 ? "" : "s"}):\n` +
                problems.map((p) => `  - ${formatProblem(namespace, p)}`).join("\n"),
        );
        this.name = "ConfigError";
    }
}

/**
 * A component validator's problems (paths are its arg names) as config problems: each path's first
 * segment renamed through `rename` when listed, then put under `prefix` (e.g. `alerts.`). The message
 * stays the component's, so a bad value reads the same whichever way it enters.
 */
export function fromArgs(problems: readonly Problem[], prefix: string, rename: Readonly<Record<string, string>> = {}): Problem[] {
    return problems.map((p) => {
        const [first, rest] = /^([^.[]*)(.*)$/.exec(p.path)?.slice(1) ?? [p.path, ""];
        return { ...p, path: `${prefix}${rename[first] ?? first}${rest}` };
    });
}

/** `firehose-storage:lifecycle.transitions[0].days: got 10; STANDARD_IA needs ...`. */
export function formatProblem(namespace: string, p: Problem): string {
    const key = p.path.includes(":") ? p.path : `${namespace}:${p.path}`;
    const got = p.value === undefined ? "missing" : `got ${JSON.stringify(p.value)}`;
    return `${key}: ${got}; ${p.message}`;
}

function pathString(path: readonly PropertyKey[]): string {
    return path.reduce<string>(
        (acc, seg) => (typeof seg === "number" ? `${acc}[${seg}]` : acc === "" ? String(seg) : `${acc}.${String(seg)}`),
        "",
    );
}

function valueAt(root: unknown, path: readonly PropertyKey[]): unknown {
    let cur: unknown = root;
    for (const seg of path) {
        if (cur === null || typeof cur !== "object") {
            return undefined;
        }
        cur = (cur as Record<PropertyKey, unknown>)[seg];
    }
    return cur;
}

/** zod issues as problems, each carrying the offending value. Unknown keys become one problem each. */
export function zodProblems(error: z.ZodError, input: unknown): Problem[] {
    return error.issues.flatMap((issue): Problem[] => {
        if (issue.code === "unrecognized_keys") {
            const parent = valueAt(input, issue.path) as Record<string, unknown>;
            return issue.keys.map((k) => ({
                path: pathString([...issue.path, k]),
                value: parent[k],
                message: `unknown key${issue.path.length > 0 ? ` in ${pathString(issue.path)}` : ""}; check its spelling against README.md#configuration`,
            }));
        }
        return [{ path: pathString(issue.path), value: valueAt(input, issue.path), message: issue.message }];
    });
}
