/**
 * Generated bad input (fast-check) over the keys the README's configuration table declares, through
 * the config layer in-process (the stack file and `-c` overrides as the gate reads them): no throw but
 * our typed errors, every problem names the key and quotes the value, no bad value accepted for a key
 * with a known rule, nothing reaches `Object.prototype`. A fixed seed (FC_SEED to change it); fast-check
 * prints the seed and the counterexample on failure. A few CLI flag cases run as processes.
 */
import * as assert from "node:assert/strict";
import { spawn } from "child_process";
import * as fc from "fast-check";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { stringify } from "yaml";
import { ConfigError } from "../../config";
import { describeValue } from "../../config/problems";
import { InputError } from "../../gate/inputError";
import { loadStackConfig } from "../../gate/stackConfig";
import { validatedSettings } from "../../gate/stackSettings";

const ROOT = path.resolve(__dirname, "..", "..");
const NS = "firehose-storage";
const SEED = Number(process.env.FC_SEED ?? 20261202);
const RUNS = 200;
const BASE: Record<string, unknown> = {
    "aws:region": "us-east-1",
    [`${NS}:environment`]: "dev",
    [`${NS}:owner`]: "data-platform",
    [`${NS}:costCenter`]: "CC-1042",
};

type Kind =
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
function declaredKeys(): Map<string, Kind> {
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
function validTagValue(s: string): boolean {
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
const controlText = fc
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
function badValue(k: Kind, top: boolean): fc.Arbitrary<unknown> {
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
function placed(key: string, value: unknown): [string, unknown] {
    const [first, ...rest] = key.split(".");
    return [`${NS}:${first}`, rest.reduceRight<unknown>((v, k) => ({ [k]: v }), value)];
}

let dir: string;
let n = 0;

/** The config layer as the gate runs it: stack file (+ `-c` overrides) -> settings, or our typed error. */
function load(config: Record<string, unknown>, overrides: string[] = []): unknown {
    const file = path.join(dir, `case-${n++}.yaml`);
    fs.writeFileSync(file, stringify({ config }));
    try {
        validatedSettings(loadStackConfig({ projectDir: ROOT, stack: "dev", stackFile: file, overrides }));
        return undefined;
    } catch (e) {
        if (!(e instanceof ConfigError || e instanceof InputError)) {
            throw new Error(`not a typed error: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
        }
        return e;
    } finally {
        fs.rmSync(file, { force: true });
    }
}

const PROTO_NAMES = Object.getOwnPropertyNames(Object.prototype).sort();
function assertPrototypeClean(): void {
    assert.deepEqual(Object.getOwnPropertyNames(Object.prototype).sort(), PROTO_NAMES);
    assert.equal(({} as Record<string, unknown>).polluted, undefined);
}

describe("bad input, generated (fast-check over the README's configuration keys)", function () {
    this.timeout(60_000);
    const keys = declaredKeys();
    before(() => (dir = fs.mkdtempSync(path.join(os.tmpdir(), "bad-input-props-"))));
    after(() => fs.rmSync(dir, { recursive: true, force: true }));

    it("reads the README's table (every kind of key is generated)", () => {
        assert.ok(keys.size > 50, `only ${keys.size} keys`);
        const kinds = new Set([...keys.values()].map((k) => k.kind));
        assert.deepEqual([...kinds].sort(), ["boolean", "enum", "integer", "list", "map", "number", "tag", "text"]);
    });

    it("the base every case changes is accepted (so a refusal is the generated value's)", () => {
        assert.equal(load(BASE), undefined);
        assert.equal(load({ ...BASE, [`${NS}:tags`]: { team: "ok" } }), undefined);
    });

    it("a bad value for any declared key is refused, naming the key and quoting the value", () => {
        const entry = fc
            .constantFrom(...keys.entries())
            .chain(([key, kind]) => fc.tuple(fc.constant(key), badValue(kind, !key.includes("."))));
        fc.assert(
            fc.property(entry, ([key, value]) => {
                const [k, v] = placed(key, value);
                const e = load({ ...BASE, [k]: v });
                assertPrototypeClean();
                assert.ok(e !== undefined, `${key}: ${describeValue(value)} was accepted`);
                const message = (e as Error).message;
                if (e instanceof ConfigError) {
                    const line = message.split("\n").find((l) => l.includes(`${NS}:${key}:`) || l.includes(`${NS}:${key}[`));
                    assert.ok(line !== undefined, `no problem names ${key}:\n${message}`);
                    if (value !== null && typeof value !== "object") {
                        assert.ok(
                            line.includes(describeValue(value)) || line.includes(JSON.stringify(`${value as string | number | boolean}`)),
                            `${line} does not quote ${describeValue(value)}`,
                        );
                    }
                } else {
                    // Stack-file level (YAML depth, size): one line naming the file.
                    assert.match(message, /case-\d+\.yaml/);
                    assert.doesNotMatch(message, /\n/);
                }
            }),
            { numRuns: RUNS, seed: SEED },
        );
    });

    it("tag keys: AWS's key rules are enforced on `tags`", () => {
        const badKey = fc.oneof(
            fc.constant(""),
            fc.constant("k".repeat(129)),
            fc.string({ minLength: 1, maxLength: 10 }).map((s) => `aws:${s}`),
            controlText,
            fc.constantFrom("a<b", "a;b", "😀"),
        );
        fc.assert(
            fc.property(badKey, (key) => {
                const e = load({ ...BASE, [`${NS}:tags`]: { [key]: "v" } });
                assertPrototypeClean();
                assert.ok(e instanceof ConfigError || e instanceof InputError, `tag key ${JSON.stringify(key)} was accepted`);
                assert.match(e.message, /tags/);
            }),
            { numRuns: RUNS, seed: SEED },
        );
    });

    it("`-c` overrides: prototype paths, odd paths and values are refused or applied, never polluting", () => {
        const segment = fc.oneof(
            fc.constantFrom("__proto__", "constructor", "prototype", "tags", "owner", "x", "[0]", '["a.b"]'),
            fc.string({ maxLength: 6 }),
        );
        const pair = fc
            .tuple(
                fc.array(segment, { minLength: 1, maxLength: 4 }),
                fc.oneof(fc.string({ maxLength: 12 }), fc.constantFrom("~", "[1, 2", "{a: 1}", "polluted", ".nan", "1e309")),
            )
            .map(([segs, value]) => `${segs.join(".")}=${value}`);
        fc.assert(
            fc.property(fc.array(pair, { minLength: 1, maxLength: 3 }), (pairs) => {
                load(BASE, pairs);
                assertPrototypeClean();
                const proto = pairs.find((p) => /(^|[.[])(__proto__|constructor|prototype)([.[=]|$)/.test(p.split("=")[0]));
                if (proto !== undefined) {
                    const e = load(BASE, [proto]);
                    assert.ok(e instanceof InputError, `${proto} was not refused`);
                }
            }),
            { numRuns: RUNS, seed: SEED },
        );
    });

    it("random YAML text as a stack file: our typed error or settings, never a crash or pollution", () => {
        const yamlish = fc.string({ unit: fc.constantFrom(..."ab:- []{}&*!|>'\"%@`#,?~\n\t 0.".split("")), maxLength: 80 });
        fc.assert(
            fc.property(yamlish, (text) => {
                const file = path.join(dir, `raw-${n++}.yaml`);
                fs.writeFileSync(file, `config:\n  aws:region: us-east-1\n${text}`);
                try {
                    validatedSettings(loadStackConfig({ projectDir: ROOT, stack: "dev", stackFile: file }));
                } catch (e) {
                    assert.ok(e instanceof ConfigError || e instanceof InputError, `not a typed error: ${(e as Error).stack}`);
                } finally {
                    fs.rmSync(file, { force: true });
                }
                assertPrototypeClean();
            }),
            { numRuns: RUNS, seed: SEED },
        );
    });
});

describe("bad flags, as processes: exit 2, one line, no stack trace", function () {
    this.timeout(120_000);
    const tsNode = path.join(ROOT, "node_modules", "ts-node", "register", "transpile-only");
    const cases: [string, string[], RegExp][] = [
        [
            "--policy-timeout abc",
            ["plan", "--stack", "dev", "--policy-timeout", "abc"],
            /--policy-timeout.*"abc" is not a number of seconds/,
        ],
        ["-c under __proto__", ["plan", "--stack", "dev", "-c", "tags.__proto__.polluted=yes"], /"__proto__" is not allowed in a key/],
        ["--stack-file a directory", ["plan", "--stack", "dev", "--stack-file", os.tmpdir()], /is a directory/],
    ];
    // The processes run at once (each loads the CLI through ts-node).
    const runs = new Map<string, Promise<{ code: number | null; stderr: string }>>();
    before(() => {
        for (const [name, argv] of cases) {
            runs.set(
                name,
                new Promise((resolve) => {
                    const child = spawn(process.execPath, ["-r", tsNode, path.join(ROOT, "cli", "bin.ts"), ...argv], {
                        cwd: ROOT,
                        env: { ...process.env, NO_COLOR: "1" },
                        stdio: ["ignore", "ignore", "pipe"],
                    });
                    let stderr = "";
                    child.stderr.setEncoding("utf8").on("data", (d: string) => (stderr += d));
                    child.once("close", (code) => resolve({ code, stderr }));
                }),
            );
        }
    });
    for (const [name, , message] of cases) {
        it(name, async () => {
            const r = await runs.get(name)!;
            assert.equal(r.code, 2, r.stderr);
            assert.match(r.stderr, message);
            assert.equal(r.stderr.trim().split("\n").length, 1, r.stderr);
            assert.doesNotMatch(r.stderr, /^\s+at .+:\d+:\d+\)?$/m);
        });
    }
});
