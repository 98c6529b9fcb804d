/** The post-deploy smoke test against an S3-compatible server started on loopback. */
import * as assert from "node:assert/strict";
import { runSmokeTest } from "../../smoke/smokeTest";
import { localS3 } from "../helpers/localS3";

describe("smoke test (S3-compatible server on 127.0.0.1)", () => {
    const s3 = localS3(["firehose-data"]);
    const at = new Date("2026-11-24T07:30:00Z");

    for (const layout of ["hybrid", "time", "flow-first"] as const) {
        it(`writes, reads back and lists a record in the ${layout} layout`, async () => {
            const result = await runSmokeTest({
                client: s3.client(),
                bucket: "firehose-data",
                layout,
                sse: "AES256",
                now: at,
                flowId: "flow-1",
            });
            assert.deepEqual(
                result.steps.map((s) => [s.step, s.ok]),
                [
                    ["put", true],
                    ["head", true],
                    ["get", true],
                    ["list", true],
                ],
                JSON.stringify(result.steps),
            );
            assert.ok(result.ok);
            const expectedPrefix = {
                hybrid: "year=2026/month=11/day=24/hour=07/flow_id=flow-1/",
                time: "year=2026/month=11/day=24/hour=07/",
                "flow-first": "flow_id=flow-1/year=2026/month=11/day=24/hour=07/",
            }[layout];
            assert.equal(result.key, `${expectedPrefix}smoke-${at.getTime()}.json`);
        });
    }

    it("fails at the first step that fails, with the server's error", async () => {
        const result = await runSmokeTest({ client: s3.client(), bucket: "no-such-bucket", layout: "hybrid", sse: "AES256", now: at });
        assert.equal(result.ok, false);
        assert.deepEqual(
            result.steps.map((s) => [s.step, s.ok]),
            [["put", false]],
        );
        assert.match(result.steps[0].detail, /NoSuchBucket/);
    });
});
