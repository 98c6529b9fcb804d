/** gate/policyConfig.ts: the CLI's `--policy-pack-config` format and the engine's reconciliation (pure). */
import * as assert from "node:assert/strict";
import { parsePolicyPackConfig, PolicyConfigError, PolicyMeta, reconcilePolicyConfig } from "../../gate/policyConfig";

const POLICIES: PolicyMeta[] = [
    { name: "a", enforcementLevel: "mandatory" },
    {
        name: "b",
        enforcementLevel: "advisory",
        configSchema: {
            properties: { days: { type: "integer", default: 7 }, list: { type: "array", items: { type: "string" }, default: ["x"] } },
            required: [],
        },
    },
    { name: "c", enforcementLevel: "advisory", configSchema: { properties: { must: { type: "string" } }, required: ["must"] } },
];
const none: ReturnType<typeof parsePolicyPackConfig> = new Map();
const parse = (doc: unknown) => parsePolicyPackConfig(doc, "test.json");
const resolve = (doc: unknown, initial = none) => Object.fromEntries(reconcilePolicyConfig(POLICIES, initial, parse(doc), "test.json"));

describe("gate/policyConfig", () => {
    it("no config: the policies' own levels, schema defaults as properties", () => {
        assert.deepEqual(resolve({ c: { must: "m" } }), {
            a: { enforcementLevel: "mandatory", properties: {} },
            b: { enforcementLevel: "advisory", properties: { days: 7, list: ["x"] } },
            c: { enforcementLevel: "advisory", properties: { must: "m" } },
        });
    });

    it("'all' sets every level first; a policy's own entry wins; properties override defaults one by one", () => {
        const r = resolve({ all: "disabled", b: { enforcementLevel: "mandatory", days: 30 }, c: { must: "m" } });
        assert.deepEqual(r.a, { enforcementLevel: "disabled", properties: {} });
        assert.deepEqual(r.b, { enforcementLevel: "mandatory", properties: { days: 30, list: ["x"] } });
        assert.equal(r.c.enforcementLevel, "disabled");
    });

    it("the pack's initial config applies before the file", () => {
        const initial = new Map([["b", { enforcementLevel: "mandatory" as const, properties: { days: 14 } }]]);
        assert.deepEqual(resolve({ c: { must: "m" } }, initial).b, {
            enforcementLevel: "mandatory",
            properties: { days: 14, list: ["x"] },
        });
        assert.deepEqual(resolve({ b: "remediate", c: { must: "m" } }, initial).b, {
            enforcementLevel: "remediate",
            properties: { days: 14, list: ["x"] },
        });
    });

    it("rejects, naming the key: bad levels, non-object entries, properties on 'all' (all problems at once)", () => {
        assert.throws(
            () => parse({ a: "blocking", b: { enforcementLevel: 1 }, c: 3, all: { enforcementLevel: "advisory", days: 1 } }),
            (e: Error) =>
                e instanceof PolicyConfigError &&
                e.message ===
                    'test.json: "a": "blocking" is not an enforcement level (advisory, mandatory, remediate, disabled); ' +
                        '"b".enforcementLevel: 1 is not an enforcement level (advisory, mandatory, remediate, disabled); ' +
                        '"c": 3 must be an enforcement level or an object; "all" takes only an enforcement level, not properties (days)',
        );
        assert.throws(() => parse([]), /test\.json: must be a JSON object/);
    });

    it("rejects unknown policy names", () => {
        assert.throws(
            () => resolve({ d: "mandatory", e: "advisory", c: { must: "m" } }),
            /test\.json: no policy named "d", "e" in the pack/,
        );
    });

    it("checks properties against each policy's configSchema, as the CLI does: required, types, every problem at once", () => {
        assert.throws(
            () => resolve({ b: { days: "seven", list: [1] }, c: { must: 3 } }),
            (e: Error) =>
                e instanceof PolicyConfigError &&
                e.message ===
                    'test.json: invalid policy properties: "b".days must be integer; "b".list.0 must be string; "c".must must be string',
        );
        assert.throws(() => resolve({}), /test\.json: invalid policy properties: "c" must have required property 'must'/);
    });
});
