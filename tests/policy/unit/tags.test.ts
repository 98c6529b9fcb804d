/** lib/tags.ts + lib/region.ts + lib/unknown.ts: provider inputs (JSON-encoded), merging, unknowns. */
import * as assert from "node:assert/strict";
import { ResourceView } from "../../../policy-pack/lib/check";
import { regionOf } from "../../../policy-pack/lib/region";
import { mergedTags, missingTags } from "../../../policy-pack/lib/tags";
import { bool, raw, UNKNOWN } from "../../../policy-pack/lib/unknown";

const U = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";
const provider = (props: Record<string, unknown>) => ({ type: "pulumi:providers:aws", name: "p", urn: "urn:p", props });
const view = (props: Record<string, unknown>, providerProps?: Record<string, unknown>): ResourceView => ({
    type: "aws:s3/bucket:Bucket",
    name: "b",
    urn: "urn:b",
    props,
    provider: providerProps === undefined ? undefined : provider(providerProps),
});

describe("policy-pack lib/tags, region, unknown", () => {
    it("merges the provider's JSON-encoded defaultTags under the resource's tags", () => {
        const tags = mergedTags(
            view({ tags: { Name: "b", Owner: "me" } }, { defaultTags: JSON.stringify({ tags: { Owner: "platform", Project: "p" } }) }),
        );
        assert.deepEqual(tags, { Owner: "me", Project: "p", Name: "b" });
    });
    it("accepts defaultTags as an object too, and no provider at all", () => {
        assert.deepEqual(mergedTags(view({ tags: { A: "1" } }, { defaultTags: { tags: { B: "2" } } })), { A: "1", B: "2" });
        assert.deepEqual(mergedTags(view({})), {});
    });
    it("keeps a key whose value is unknown as present", () => {
        const tags = mergedTags(view({ tags: { Name: U } }));
        assert.ok(tags !== UNKNOWN);
        assert.equal(tags.Name, UNKNOWN);
        assert.deepEqual(missingTags(tags, ["Name", "Owner"]), ["Owner"]);
    });
    it("is UNKNOWN when a whole tag map is unknown", () => {
        assert.equal(mergedTags(view({ tags: U })), UNKNOWN);
        assert.equal(mergedTags(view({}, { defaultTags: U })), UNKNOWN);
    });
    it("treats an empty tag value as missing", () => {
        assert.deepEqual(missingTags({ Name: "", Role: "data" }, ["Name", "Role"]), ["Name"]);
    });
    it("takes the resource's region before its provider's", () => {
        assert.equal(regionOf(view({ region: "us-west-2" }, { region: "us-east-1" })), "us-west-2");
        assert.equal(regionOf(view({}, { region: "us-east-1" })), "us-east-1");
        assert.equal(regionOf(view({}, { region: U })), UNKNOWN);
        assert.equal(regionOf(view({ region: U }, { region: "us-east-1" })), UNKNOWN);
        assert.equal(regionOf(view({})), undefined);
    });
    it("reads values through the SDK's unknown-checking proxy without throwing", () => {
        const target = { a: U, b: { c: 1 } };
        const proxy = new Proxy(target, {
            get: (o, k) => {
                if (k === "__isSpecialProxy") return true;
                if (k === "__getSpecialProxyTarget") return o;
                throw new Error(`read ${String(k)}`);
            },
        });
        assert.equal(raw(proxy), target);
        assert.deepEqual(raw({ x: 1 }), { x: 1 });
        assert.equal(bool("true"), true);
        assert.equal(bool("1c4a061d-8072-4f0a-a4cb-0ff528b18fe7"), UNKNOWN);
    });
});
