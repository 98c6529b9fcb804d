/**
 * Every URN an earlier release of the shipped stacks registered is still answered to, directly or
 * through `aliases`, so `pulumi up` after an upgrade replaces nothing. Record a release with
 * `npm run -s record-urns -- <release>` (scripts/recordUrns.ts) and commit the file.
 */
import * as assert from "node:assert/strict";
import { shippedRun } from "../helpers/shipped";
import { answeringUrns, recordedUrns } from "./urnHistory";

for (const stack of ["dev", "prod"] as const) {
    describe(`upgrade safety: URNs of the shipped ${stack} stack`, () => {
        const history = recordedUrns(stack);
        for (const [release, urns] of Object.entries(history)) {
            it(`answers to every URN release ${release} registered (${urns.length})`, async () => {
                const run = await shippedRun(stack, "update");
                const answered = new Set([...answeringUrns(run.resources).values()].flatMap((s) => [...s]));
                const lost = urns.filter((u) => !answered.has(u));
                assert.deepEqual(lost, [], `resources of release ${release} that would be replaced`);
            });
        }
    });
}

describe("upgrade safety: alias resolution", () => {
    it("follows aliases declared on a parent into its children", () => {
        const stackUrn = "urn:pulumi:prod::firehose-storage::pulumi:pulumi:Stack::firehose-storage-prod";
        const parent = {
            urn: "urn:pulumi:prod::firehose-storage::new:index:Box::b",
            type: "new:index:Box",
            name: "b",
            parent: stackUrn,
            aliases: [{ spec: { type: "old:storage:Box" } }],
        };
        const child = {
            urn: "urn:pulumi:prod::firehose-storage::new:index:Box$aws:s3/bucket:Bucket::b-x",
            type: "aws:s3/bucket:Bucket",
            name: "b-x",
            parent: parent.urn,
            aliases: [],
        };
        const m = answeringUrns([parent, child] as never);
        assert.ok(m.get(parent.urn)?.has("urn:pulumi:prod::firehose-storage::old:storage:Box::b"));
        assert.ok(m.get(child.urn)?.has("urn:pulumi:prod::firehose-storage::old:storage:Box$aws:s3/bucket:Bucket::b-x"));
        assert.equal(m.get(child.urn)?.size, 2);
    });
});
