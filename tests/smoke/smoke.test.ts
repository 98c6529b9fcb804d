/** The post-deploy smoke test against an S3-compatible server started on loopback. */
import { CreateBucketCommand, S3Client } from "@aws-sdk/client-s3";
import * as assert from "node:assert/strict";
import * as fs from "fs";
import { AddressInfo } from "net";
import * as os from "os";
import * as path from "path";
import { runSmokeTest } from "../../smoke/smokeTest";

// eslint-disable-next-line @typescript-eslint/no-require-imports
const S3rver = require("s3rver") as new (o: object) => { run(): Promise<AddressInfo>; close(): Promise<void> };

describe("smoke test (S3-compatible server on 127.0.0.1)", () => {
    let server: { close(): Promise<void> };
    let client: S3Client;
    let dir: string;
    const at = new Date("2026-11-24T07:30:00Z");

    before(async () => {
        dir = fs.mkdtempSync(path.join(os.tmpdir(), "s3rver-"));
        const s = new S3rver({ address: "127.0.0.1", port: 0, silent: true, directory: dir });
        const { port } = await s.run();
        server = s;
        client = new S3Client({
            endpoint: `http://127.0.0.1:${port}`,
            region: "us-east-1",
            forcePathStyle: true,
            credentials: { accessKeyId: "S3RVER", secretAccessKey: "S3RVER" },
        });
        await client.send(new CreateBucketCommand({ Bucket: "firehose-data" }));
    });

    after(async () => {
        client?.destroy();
        await server?.close();
        fs.rmSync(dir, { recursive: true, force: true });
    });

    for (const layout of ["hybrid", "time", "flow-first"] as const) {
        it(`writes, reads back and lists a record in the ${layout} layout`, async () => {
            const result = await runSmokeTest({ client, bucket: "firehose-data", layout, sse: "AES256", now: at, flowId: "flow-1" });
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
        const result = await runSmokeTest({ client, bucket: "no-such-bucket", layout: "hybrid", sse: "AES256", now: at });
        assert.equal(result.ok, false);
        assert.deepEqual(
            result.steps.map((s) => [s.step, s.ok]),
            [["put", false]],
        );
        assert.match(result.steps[0].detail, /NoSuchBucket/);
    });
});
