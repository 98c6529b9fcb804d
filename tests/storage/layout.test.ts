import * as assert from "node:assert/strict";
import { KEY_LAYOUTS, keyPattern, listPrefixPatterns, objectArnPattern, objectKey, partitionPrefix } from "../../components/storage/layout";

const at = { timestamp: new Date("2026-03-04T05:06:07Z"), flowId: "flow_42-a" };

describe("layout: partition keys", () => {
    const cases: [string, string, string][] = [
        ["hybrid", "year=2026/month=03/day=04/hour=05/flow_id=flow_42-a/lead.json", "year=*/month=*/day=*/hour=*/flow_id=*/*.json"],
        ["time", "year=2026/month=03/day=04/hour=05/lead.json", "year=*/month=*/day=*/hour=*/*.json"],
        ["flow-first", "flow_id=flow_42-a/year=2026/month=03/day=04/hour=05/lead.json", "flow_id=*/year=*/month=*/day=*/hour=*/*.json"],
    ];
    for (const [layout, key, pattern] of cases) {
        it(`${layout}: key and matching IAM pattern`, () => {
            assert.equal(objectKey(layout as (typeof KEY_LAYOUTS)[number], at, "lead.json"), key);
            assert.equal(keyPattern(layout as (typeof KEY_LAYOUTS)[number]), pattern);
            assert.equal(objectArnPattern("arn:aws:s3:::b", layout as (typeof KEY_LAYOUTS)[number]), `arn:aws:s3:::b/${pattern}`);
        });
    }

    it("uses UTC, zero-padded", () => {
        assert.equal(
            partitionPrefix("time", { timestamp: new Date("2026-12-31T23:59:59-05:00"), flowId: "x" }),
            "year=2027/month=01/day=01/hour=04/",
        );
    });

    it("rejects flow ids and file names that would break the layout", () => {
        assert.throws(() => partitionPrefix("hybrid", { ...at, flowId: "a/b" }), /flowId "a\/b" must match/);
        assert.throws(() => partitionPrefix("hybrid", { ...at, flowId: "" }), /flowId "" must match/);
        assert.throws(() => objectKey("time", at, "x/y.json"), /fileName "x\/y.json"/);
        assert.throws(() => partitionPrefix("time", { ...at, timestamp: new Date("nope") }), /not a valid date/);
    });

    it("list prefixes start at the layout's first partition", () => {
        assert.deepEqual(listPrefixPatterns("hybrid"), ["", "year=*"]);
        assert.deepEqual(listPrefixPatterns("flow-first"), ["", "flow_id=*"]);
    });
});
