/** Config problems: collected, never thrown one at a time, and reported with key, value and rule. */
import { z } from "zod";
import { Problem } from "../components/storage/lifecycle";
import { holdsSecret } from "./secret";

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

/**
 * One problem for each of `keys` that the raw `section` (e.g. `raw.macie`) sets while the switch
 * `<section>.<needs>` is off: "only applies with <section>.<needs> true; enable it or remove the key".
 */
export function keysNotApplying<T extends object>(
    section: string,
    raw: T | undefined,
    keys: readonly (keyof T & string)[],
    needs: string,
): Problem[] {
    return keys
        .filter((key) => raw?.[key] !== undefined)
        .map((key) => ({
            path: `${section}.${key}`,
            value: raw?.[key],
            message: `only applies with ${section}.${needs} true; enable it or remove the key`,
        }));
}

/** `firehose-storage:lifecycle.transitions[0].days: got 10; STANDARD_IA needs ...`. */
export function formatProblem(namespace: string, p: Problem): string {
    const key = p.path.includes(":") ? p.path : `${namespace}:${p.path}`;
    const got = p.value === undefined ? "missing" : `got ${describeValue(p.value)}`;
    return `${key}: ${got}; ${p.message}`;
}

/** A value as the user wrote it, for quoting: `~` for no value, never a secret's stand-in. */
export function describeValue(v: unknown): string {
    if (v === null) {
        return "~ (no value)";
    }
    if (holdsSecret(v) || (Array.isArray(v) && v.some(holdsSecret))) {
        return "a secret (not shown)";
    }
    if (typeof v === "number" && !Number.isFinite(v)) {
        return String(v);
    }
    return JSON.stringify(v);
}

const TYPE_WORDS: Readonly<Record<string, string>> = {
    string: "text",
    number: "a number",
    int: "a whole number",
    boolean: "true or false",
    array: "a list",
    record: "a mapping (key: value)",
    object: "a mapping (key: value)",
};

function plural(n: number | bigint, word: string): string {
    return `${n} ${word}${Number(n) === 1 ? "" : "s"}`;
}

/** zod's generic messages in words a person reads; our schema's own messages are kept. */
function inWords(issue: z.core.$ZodIssue): string {
    switch (issue.code) {
        case "invalid_type":
            return `must be ${TYPE_WORDS[issue.expected] ?? issue.expected}`;
        case "invalid_value":
            return issue.values.length === 1
                ? `must be ${JSON.stringify(issue.values[0])}`
                : `must be one of ${issue.values.map((v) => JSON.stringify(v)).join(", ")}`;
        case "too_small":
            if (issue.origin === "string") {
                return Number(issue.minimum) <= 1 ? "must not be empty" : `must be at least ${plural(issue.minimum, "character")}`;
            }
            if (issue.origin === "array" || issue.origin === "set") {
                return `must list at least ${plural(issue.minimum, "item")}`;
            }
            return `must be ${issue.inclusive === false ? "more than" : "at least"} ${issue.minimum}`;
        case "too_big":
            if (issue.origin === "string") {
                return `must be at most ${plural(issue.maximum, "character")}`;
            }
            if (issue.origin === "array" || issue.origin === "set") {
                return `must list at most ${plural(issue.maximum, "item")}`;
            }
            return `must be ${issue.inclusive === false ? "less than" : "at most"} ${issue.maximum}`;
        default:
            return issue.message;
    }
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
        if (issue.code === "invalid_key") {
            const key = issue.path[issue.path.length - 1];
            return [
                {
                    path: pathString(issue.path.slice(0, -1)),
                    value: key,
                    message: issue.issues.map((i) => inWords(i)).join("; "),
                },
            ];
        }
        return [{ path: pathString(issue.path), value: valueAt(input, issue.path), message: inWords(issue) }];
    });
}
