/**
 * Generated bad input (fast-check) over the keys the README's configuration table declares, through
 * the config layer in-process (the stack file and `-c` overrides as the gate reads them): no throw but
 * our typed errors, every problem names the key and quotes the value, no bad value accepted for a key
 * with a known rule, nothing reaches `Object.prototype`. A fixed seed (FC_SEED to change it); fast-check
 * prints the seed and the counterexample on failure. The CLI flag cases run as processes in badFlags.test.ts.
 */
import * as assert from "node:assert/strict";
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
import { badValue, controlText, declaredKeys, NS, placed, ROOT, validTagValue } from "./badValues";

const SEED = Number(process.env.FC_SEED ?? 20261202);
const RUNS = Number(process.env.FC_RUNS ?? 200);
const BASE: Record<string, unknown> = {
    "aws:region": "us-east-1",
    [`${NS}:environment`]: "dev",
    [`${NS}:owner`]: "data-platform",
    [`${NS}:costCenter`]: "CC-1042",
};

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

    it("valid tag values (AWS's characters, spaces anywhere) are accepted and carried as written, trimmed", () => {
        const unit = fc.oneof(fc.constantFrom(..."aZ09 _.:/=+-@".split("")), fc.constantFrom("é", "ß", "チ", "Ж", "٣", "\u00a0", "\u3000"));
        const value = fc.string({ unit, minLength: 1, maxLength: 256 }).filter((s) => s.trim() !== "" && !/^aws:/i.test(s));
        fc.assert(
            fc.property(fc.constantFrom("owner", "costCenter", "dataType", "tags.team"), value, (key, v) => {
                assert.ok(validTagValue(v), JSON.stringify(v));
                const [k, placedValue] = placed(key, v);
                const file = path.join(dir, `valid-${n++}.yaml`);
                fs.writeFileSync(file, stringify({ config: { ...BASE, [k]: placedValue } }));
                try {
                    const settings = validatedSettings(loadStackConfig({ projectDir: ROOT, stack: "dev", stackFile: file }));
                    const tag = { owner: "Owner", costCenter: "CostCenter", dataType: "DataType", "tags.team": "team" }[key] ?? key;
                    assert.equal(settings.tags[tag], v.trim());
                } finally {
                    fs.rmSync(file, { force: true });
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
