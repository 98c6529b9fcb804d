/**
 * Reads a YAML file a person wrote (Pulumi.yaml, a stack file) or a `-c` value, and turns every way
 * it can be wrong into one `InputError` line naming the file, line and column: unreadable or not a
 * file, YAML syntax (duplicate keys, tabs, unclosed brackets), several documents, unresolved or
 * self-referring aliases, alias bombs, deep nesting, non-finite numbers, keys that could reach
 * `Object.prototype`. Mappings come back as null-prototype objects, so no key of the file can change
 * the prototype of anything in the calling process.
 */
import * as fs from "fs";
import { Document, isAlias, isMap, isPair, isScalar, isSeq, LineCounter, Node, parseAllDocuments } from "yaml";
import { InputError } from "./inputError";

/** Aliases expanded per document, as the yaml library counts them (its default, named here). */
export const MAX_ALIAS_COUNT = 100;
/** Nesting of mappings and lists: a stack config needs about 5 levels. */
export const MAX_DEPTH = 32;
/** A stack file is a few kilobytes. */
export const MAX_BYTES = 4 * 1024 * 1024;
/** Keys that name an object's prototype machinery: never valid config keys, refused everywhere. */
export const FORBIDDEN_KEYS: ReadonlySet<string> = new Set(["__proto__", "constructor", "prototype"]);

/** `Pulumi.dev.yaml`, `-c owner=...`: what the messages call the source. */
export type Where = (offset: number) => string;

function where(name: string, lc: LineCounter): Where {
    return (offset) => {
        const { line, col } = lc.linePos(offset);
        return `${name}:${line}:${col}`;
    };
}

/** The text of a file, or an `InputError` saying why it cannot be read. */
export function readTextFile(file: string, shown: string = file): string {
    let stat: fs.Stats;
    try {
        stat = fs.statSync(file);
    } catch (e) {
        throw new InputError(
            `${shown} does not exist${(e as NodeJS.ErrnoException).code === "ENOENT" ? "" : ` (${(e as Error).message})`}`,
        );
    }
    if (stat.isDirectory()) {
        throw new InputError(`${shown} is a directory, not a YAML file`);
    }
    if (!stat.isFile()) {
        throw new InputError(`${shown} is not a regular file`);
    }
    if (stat.size > MAX_BYTES) {
        throw new InputError(`${shown} is ${stat.size} bytes; a stack file is at most ${MAX_BYTES} bytes`);
    }
    try {
        return fs.readFileSync(file, "utf8");
    } catch (e) {
        const code = (e as NodeJS.ErrnoException).code;
        throw new InputError(`${shown} cannot be read (${code === "EACCES" ? "permission denied" : (code ?? (e as Error).message)})`);
    }
}

/** The YAML library's message without its own position and code frame (we print ours). */
function plainMessage(message: string): string {
    return message.replace(/ at line \d+, column \d+:[\s\S]*$/, "").trim();
}

function parseErrorInWords(code: string, message: string, token: string): string {
    switch (code) {
        case "DUPLICATE_KEY":
            return `key ${JSON.stringify(token.trim())} appears twice in the same mapping; keep one`;
        case "TAB_AS_INDENT":
            return "a tab indents this line; YAML indents with spaces only";
        case "RESOURCE_EXHAUSTION":
            return "nested too deeply";
        default:
            return plainMessage(message);
    }
}

/** What a person wrote at `node`, for quoting. */
function sourceText(text: string, node: Node): string {
    const [start, end] = node.range ?? [0, 0];
    return text.slice(start, end).trim();
}

/**
 * Walks the document without recursion (a hostile file cannot overflow our stack): depth, keys,
 * numbers, and every alias resolved as YAML does (the last anchor of that name before it).
 */
function checkNodes(doc: Document.Parsed, text: string, at: Where): void {
    const anchors = new Map<string, Node>();
    const todo: { node: unknown; depth: number }[] = [{ node: doc.contents, depth: 1 }];
    while (todo.length > 0) {
        const { node, depth } = todo.pop()!;
        if (node === null || node === undefined) {
            continue;
        }
        const n = node as Node;
        const offset = n.range?.[0] ?? 0;
        if (depth > MAX_DEPTH) {
            throw new InputError(`${at(offset)}: nested more than ${MAX_DEPTH} levels deep; a config value needs far fewer`);
        }
        if (!isAlias(n) && typeof (n as { anchor?: string }).anchor === "string") {
            anchors.set((n as { anchor: string }).anchor, n);
        }
        if (isAlias(n)) {
            const target = anchors.get(n.source);
            if (target === undefined) {
                throw new InputError(`${at(offset)}: alias *${n.source} refers to no anchor &${n.source} before it`);
            }
            const [start, , end] = target.range ?? [0, 0, 0];
            if (offset >= start && offset < end) {
                throw new InputError(`${at(offset)}: alias *${n.source} is inside the value &${n.source} it refers to (a cycle)`);
            }
        } else if (isScalar(n)) {
            if (typeof n.value === "number" && !Number.isFinite(n.value)) {
                throw new InputError(
                    `${at(offset)}: ${sourceText(text, n)} is not a finite number; write a number such as 30 (or quote it to mean text)`,
                );
            }
        } else if (isMap(n)) {
            const items = [...n.items].reverse();
            for (const pair of items) {
                if (!isPair(pair)) {
                    continue;
                }
                const key = pair.key as Node | null;
                const keyOffset = key?.range?.[0] ?? offset;
                if (!isScalar(key) || (key.value !== null && typeof key.value === "object")) {
                    throw new InputError(`${at(keyOffset)}: a key must be plain text, not a list or mapping`);
                }
                if (FORBIDDEN_KEYS.has(String(key.value))) {
                    throw new InputError(
                        `${at(keyOffset)}: key "${String(key.value)}" is not allowed (it names JavaScript's object prototype)`,
                    );
                }
            }
            // Children in document order: anchors must be seen before the aliases that follow them.
            for (const pair of items) {
                if (isPair(pair)) {
                    todo.push({ node: pair.value, depth: depth + 1 });
                    todo.push({ node: pair.key, depth: depth + 1 });
                }
            }
        } else if (isSeq(n)) {
            for (const item of [...n.items].reverse()) {
                todo.push({ node: item, depth: depth + 1 });
            }
        }
    }
}

/** Plain data -> the same data with null-prototype objects (depth is already bounded). */
export function nullProto(v: unknown): unknown {
    if (Array.isArray(v)) {
        return v.map(nullProto);
    }
    if (v !== null && typeof v === "object") {
        const out = Object.create(null) as Record<string, unknown>;
        for (const [k, x] of Object.entries(v as Record<string, unknown>)) {
            out[k] = nullProto(x);
        }
        return out;
    }
    return v;
}

/**
 * Parses YAML text that must hold one document; returns its value (null-prototype mappings), or
 * `undefined` for an empty text. `name` is how messages call the source (a file, `-c key=value`).
 */
export function parseYamlText(text: string, name: string): unknown {
    const lc = new LineCounter();
    const at = where(name, lc);
    try {
        const docs = parseAllDocuments(text, { lineCounter: lc, uniqueKeys: true, prettyErrors: false, logLevel: "silent" });
        if (!Array.isArray(docs) || docs.length === 0) {
            return undefined;
        }
        if (docs.length > 1) {
            const second = docs[1].range[0];
            throw new InputError(`${at(second)}: a second YAML document starts here; the file must hold exactly one (remove the --- line)`);
        }
        const doc = docs[0];
        const error = doc.errors[0];
        if (error !== undefined) {
            const detail = parseErrorInWords(error.code, error.message, text.slice(error.pos[0]).split(/:\s|:$|\n/m)[0]);
            throw new InputError(`${at(error.pos[0])}: ${detail}`);
        }
        checkNodes(doc, text, at);
        let value: unknown;
        try {
            value = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
        } catch (e) {
            if (e instanceof ReferenceError) {
                throw new InputError(
                    `${name}: aliases expand to too much data (more than ${MAX_ALIAS_COUNT} times a node); write the values out`,
                );
            }
            throw e;
        }
        return nullProto(value);
    } catch (e) {
        if (e instanceof RangeError) {
            throw new InputError(`${name}: nested too deeply to read`);
        }
        throw e;
    }
}

/** Reads and parses a YAML file (see `readTextFile` and `parseYamlText`). */
export function readYamlFile(file: string, shown: string = file): unknown {
    return parseYamlText(readTextFile(file, shown), shown);
}
