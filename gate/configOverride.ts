/**
 * `-c key=value` / `-c key.sub[0].field=value` applied to a stack's config values, like `pulumi config
 * set [--path]`, safely: a path that names JavaScript's prototype machinery (`__proto__`,
 * `constructor`, `prototype`), walks under a scalar (`owner.x` when owner is text) or holds an
 * unparsable value is refused with one line naming the flag and the key. Objects created here have a
 * null prototype, so no override can change what any other object of the process inherits.
 */
import { InputError } from "./inputError";
import { FORBIDDEN_KEYS, parseYamlText } from "./yamlFile";

export type Segment = string | number;

function usage(pair: string, why: string): InputError {
    return new InputError(`--config ${JSON.stringify(pair)}: ${why}`);
}

/** `a.b[0]["c.d"]` -> `["a", "b", 0, "c.d"]` (Pulumi's property-path syntax). */
export function parsePath(path: string, pair: string): Segment[] {
    const segs: Segment[] = [];
    let i = 0;
    let expectName = true;
    while (i < path.length) {
        const ch = path[i];
        if (ch === "[") {
            const close = path.indexOf("]", i);
            if (close < 0) {
                throw usage(pair, `"[" at position ${i + 1} of the key is never closed`);
            }
            const inner = path.slice(i + 1, close);
            if (/^\d+$/.test(inner)) {
                segs.push(Number(inner));
            } else if (/^"[^"]*"$/.test(inner)) {
                segs.push(inner.slice(1, -1));
            } else {
                throw usage(pair, `[${inner}] must be a list index such as [0] or a quoted key such as ["a.b"]`);
            }
            i = close + 1;
            expectName = false;
        } else if (ch === ".") {
            if (expectName) {
                throw usage(pair, "the key has an empty part (two dots, or a dot at the start)");
            }
            i++;
            expectName = true;
        } else {
            if (!expectName) {
                throw usage(pair, `expected "." or "[" at position ${i + 1} of the key`);
            }
            let end = i;
            while (end < path.length && path[end] !== "." && path[end] !== "[") {
                end++;
            }
            segs.push(path.slice(i, end));
            i = end;
            expectName = false;
        }
    }
    if (expectName) {
        throw usage(pair, path === "" ? "must be key=value" : "the key ends with a dot");
    }
    const bad = segs.find((s) => typeof s === "string" && FORBIDDEN_KEYS.has(s));
    if (bad !== undefined) {
        throw usage(pair, `"${String(bad)}" is not allowed in a key (it names JavaScript's object prototype)`);
    }
    return segs;
}

function kind(v: unknown): string {
    if (v === null) {
        return "empty (~)";
    }
    if (Array.isArray(v)) {
        return "a list";
    }
    return typeof v === "string"
        ? `text (${JSON.stringify(v)})`
        : typeof v === "object"
          ? "a mapping"
          : `${typeof v} (${JSON.stringify(v)})`;
}

function label(segs: readonly Segment[]): string {
    return segs.reduce<string>((acc, s) => (typeof s === "number" ? `${acc}[${s}]` : acc === "" ? s : `${acc}.${s}`), "");
}

/** The override's value: YAML, so `30` is a number and `[a, b]` a list; an empty value is "". */
function parseValue(text: string, key: string): unknown {
    if (text === "") {
        return "";
    }
    try {
        return parseYamlText(text, `--config ${key}`);
    } catch (e) {
        if (e instanceof InputError) {
            const message = e.message.replace(/^--config ([^:]+):1:(\d+):/, "--config $1: value, column $2:");
            throw new InputError(message.includes("quote it") ? message : `${message} (quote it to mean text)`);
        }
        throw e;
    }
}

/**
 * Applies one `key=value` to `values` (top-level key -> structured value; `qualify` adds the
 * project namespace). Returns the top-level key it changed.
 */
export function applyOverride(values: Record<string, unknown>, pair: unknown, qualify: (key: string) => string): string {
    if (typeof pair !== "string") {
        throw new InputError(`--config ${JSON.stringify(pair)}: must be a "key=value" string`);
    }
    const eq = pair.indexOf("=");
    if (eq <= 0) {
        throw usage(pair, "must be key=value");
    }
    const path = pair.slice(0, eq);
    const [top, ...rest] = parsePath(path, pair);
    if (typeof top !== "string") {
        throw usage(pair, "the key must start with a name");
    }
    const key = qualify(top);
    const value = parseValue(pair.slice(eq + 1), path);
    if (rest.length === 0) {
        values[key] = value;
        return key;
    }
    const existing = values[key];
    let root: unknown = existing === undefined || existing === null ? (typeof rest[0] === "number" ? [] : Object.create(null)) : existing;
    if (root === null || typeof root !== "object") {
        throw usage(pair, `${top} is ${kind(root)}, not a mapping or list: set ${top} itself, not a field under it`);
    }
    values[key] = root;
    for (let i = 0; i < rest.length; i++) {
        const seg = rest[i];
        const container = root as Record<string | number, unknown>;
        const here = label([top, ...rest.slice(0, i)]);
        if (Array.isArray(container) !== (typeof seg === "number")) {
            throw usage(
                pair,
                Array.isArray(container)
                    ? `${here} is a list: index it with a number, e.g. ${here}[0]`
                    : `${here} is a mapping: name a key, not an index [${String(seg)}]`,
            );
        }
        const length = Array.isArray(container) ? container.length : 0;
        if (typeof seg === "number" && seg > length) {
            throw usage(pair, `${here} has ${length} items: the next index is [${length}]`);
        }
        if (i === rest.length - 1) {
            container[seg] = value;
            break;
        }
        const next = container[seg];
        if (next === undefined || next === null) {
            container[seg] = typeof rest[i + 1] === "number" ? [] : Object.create(null);
        } else if (typeof next !== "object") {
            const at = label([top, ...rest.slice(0, i + 1)]);
            throw usage(pair, `${at} is ${kind(next)}, not a mapping or list: set ${at} itself, not a field under it`);
        }
        root = container[seg];
    }
    return key;
}
