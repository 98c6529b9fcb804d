/**
 * Generators of bad configuration for tests/gate/badInputProperties.test.ts: the keys the README's
 * configuration table declares (read from the README, independent of the code), and fast-check
 * arbitraries of values that break each key's declared rule.
 */
import * as fc from "fast-check";
import * as fs from "fs";
import * as path from "path";

export const ROOT = path.resolve(__dirname, "..", "..");
export const NS = "firehose-storage";

export type Kind =
    | { readonly kind: "boolean" }
    | { readonly kind: "integer"; readonly min?: number; readonly max?: number }
    | { readonly kind: "number" }
    | { readonly kind: "enum"; readonly values: readonly string[] }
    | { readonly kind: "tag" }
    | { readonly kind: "text" }
    | { readonly kind: "list" }
    | { readonly kind: "map" };

/** Tag-valued keys (AWS tag rules apply to their values). */
const TAG_KEYS = new Set(["owner", "costCenter", "dataType"]);

/** The README's configuration table: key -> what its type column promises (independent of the code). */
export function declaredKeys(): Map<string, Kind> {
    const readme = fs.readFileSync(path.join(ROOT, "README.md"), "utf8");
    const section = readme.split(/^## Configuration$/m)[1]?.split(/^## /m)[0] ?? "";
    const keys = new Map<string, Kind>();
    for (const m of section.matchAll(/^\| `([^`:]+)`\s*\|\s*((?:[^|\\]|\\\|)*)\|/gm)) {
        const [key, type] = [m[1], m[2].trim()];
        const range = /^integer (\d+)-(\d+)$/.exec(type);
        const alternatives = [...type.matchAll(/`([^`]+)`/g)].map((a) => a[1]);
        if (TAG_KEYS.has(key)) {
            keys.set(key, { kind: "tag" });
        } else if (type === "boolean") {
            keys.set(key, { kind: "boolean" });
        } else if (range !== null) {
            keys.set(key, { kind: "integer", min: Number(range[1]), max: Number(range[2]) });
        } else if (type.startsWith("integer")) {
            keys.set(key, { kind: "integer" });
        } else if (type === "number") {
            keys.set(key, { kind: "number" });
        } else if (/^`[^`]+`( \\\| `[^`]+`)+$/.test(type)) {
            keys.set(key, { kind: "enum", values: alternatives });
        } else if (type.endsWith("[]")) {
            keys.set(key, { kind: "list" });
        } else if (type === "map") {
            keys.set(key, { kind: "map" });
        } else if (type === "string" || type.startsWith("string ") || type === "region") {
            keys.set(key, { kind: "text" });
        }
    }
    return keys;
}

/** AWS tag rule, written from the docs (https://docs.aws.amazon.com/tag-editor/latest/userguide/tagging.html#tag-conventions). */
export function validTagValue(s: string): boolean {
    return [...s].length <= 256 && /^[\p{L}\p{Z}\p{N}_.:/=+\-@]*$/u.test(s) && !/^aws:/i.test(s);
}

/** A string a JSON-decoding reader would not turn into another type. */
const plainText = fc.string({ maxLength: 20 }).filter((s) => {
    try {
        JSON.parse(s);
        return false;
    } catch {
        return true;
    }
});
export const controlText = fc
    .tuple(fc.string({ minLength: 1, maxLength: 8 }), fc.integer({ min: 0, max: 31 }), fc.string({ minLength: 1, maxLength: 8 }))
    .map(([a, c, b]) => `x${a}${String.fromCharCode(c)}${b}x`);
/** A valid-looking value with a control character (newline, tab, NUL, ...) at its start or end. */
const edgeControlText = fc
    .tuple(fc.stringMatching(/^[a-z0-9 -]{1,12}$/), fc.integer({ min: 0, max: 31 }), fc.boolean())
    .map(([s, c, atEnd]) => (atEnd ? `${s}${String.fromCharCode(c)}` : `${String.fromCharCode(c)}${s}`));
const oddText = fc.oneof(
    controlText,
    edgeControlText,
    fc.constantFrom("data\n", " data-platform\r\n", "\tCC-1042"),
    fc.constantFrom("a<b", "a>b", "a;b", "a|b", "😀", "line\nbreak", "nul\u0000x", "x".repeat(300), "aws:reserved"),
);
const nested = (depth: number): unknown => Array.from({ length: depth }).reduce<unknown>((v) => [v], "x");
const nonFinite = fc.constantFrom(Infinity, -Infinity, NaN);
const listOrMap = fc.oneof(fc.array(fc.string(), { minLength: 1, maxLength: 3 }), fc.dictionary(fc.string({ minLength: 1 }), fc.string()));

/** Values that break the key's declared rule (the README's words), for a key at `depth` 0 (top) or nested. */
export function badValue(k: Kind, top: boolean): fc.Arbitrary<unknown> {
    const common = [fc.constant(null), fc.constant(nested(40))];
    // A top-level scalar reaches the program as text (the CLI's rule): only lists and maps are wrong for text.
    const wrongScalar = top ? [] : [fc.integer(), fc.boolean()];
    switch (k.kind) {
        case "boolean":
            return fc.oneof(
                ...common,
                listOrMap,
                fc.integer(),
                plainText.filter((s) => s !== "true" && s !== "false"),
            );
        case "integer": {
            const outside = [
                ...(k.min !== undefined ? [fc.integer({ min: -1e9, max: k.min - 1 })] : []),
                ...(k.max !== undefined ? [fc.integer({ min: k.max + 1, max: 1e12 })] : []),
                fc.integer({ min: -1e6, max: -1 }).filter(() => k.min === undefined || k.min >= 0),
            ];
            return fc.oneof(...common, listOrMap, nonFinite, fc.constant(1.5), fc.constant(1e309), plainText, fc.boolean(), ...outside);
        }
        case "number":
            return fc.oneof(...common, listOrMap, nonFinite, plainText, fc.boolean());
        case "enum": {
            const shouted = k.values.map((v) => v.toUpperCase()).filter((v) => !k.values.includes(v));
            return fc.oneof(
                ...common,
                listOrMap,
                plainText.filter((s) => !k.values.includes(s.trim())),
                ...(shouted.length > 0 ? [fc.constantFrom(...shouted)] : []),
                ...wrongScalar,
            );
        }
        case "tag":
            return fc.oneof(
                ...common,
                listOrMap,
                oddText.filter((s) => !validTagValue(s)),
            );
        case "text":
            return fc.oneof(...common, listOrMap, ...wrongScalar);
        case "list":
            return fc.oneof(...common, fc.dictionary(fc.string({ minLength: 1 }), fc.string(), { minKeys: 1 }), fc.integer(), plainText);
        case "map":
            return fc.oneof(...common, fc.array(fc.string(), { minLength: 1 }), fc.integer(), plainText);
    }
}

/** `a.b` with `value` -> the stack file's `firehose-storage:a: {b: value}`. */
export function placed(key: string, value: unknown): [string, unknown] {
    const [first, ...rest] = key.split(".");
    return [`${NS}:${first}`, rest.reduceRight<unknown>((v, k) => ({ [k]: v }), value)];
}
