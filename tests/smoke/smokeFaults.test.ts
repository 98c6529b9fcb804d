/** The smoke test against endpoints that misbehave: every request is bounded, and the report says what the server did wrong. */
import { S3Client } from "@aws-sdk/client-s3";
import * as assert from "node:assert/strict";
import * as http from "http";
import * as net from "net";
import { runSmokeTest } from "../../smoke/smokeTest";

function clientFor(port: number): S3Client {
    return new S3Client({
        endpoint: `http://127.0.0.1:${port}`,
        region: "us-east-1",
        forcePathStyle: true,
        credentials: { accessKeyId: "x", secretAccessKey: "y" },
        maxAttempts: 1,
    });
}

async function listen(server: net.Server): Promise<number> {
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    return (server.address() as net.AddressInfo).port;
}

describe("smoke test: broken endpoints", () => {
    it("an endpoint that accepts and never answers: the first step fails after the request timeout", async () => {
        const sockets = new Set<net.Socket>();
        const server = net.createServer((s) => sockets.add(s));
        const client = clientFor(await listen(server));
        try {
            const started = Date.now();
            const r = await runSmokeTest({ client, bucket: "b", layout: "hybrid", sse: "AES256", requestTimeoutMs: 500 });
            assert.equal(r.ok, false);
            assert.deepEqual(
                r.steps.map((s) => [s.step, s.ok]),
                [["put", false]],
            );
            assert.equal(r.steps[0].detail, "no answer within 0.5 s: the endpoint took the request and did not respond (is it S3?)");
            assert.ok(Date.now() - started < 5000, `took ${Date.now() - started} ms`);
        } finally {
            client.destroy();
            sockets.forEach((s) => s.destroy());
            server.close();
        }
    });

    it("a server answering garbage: says what it returned and what was expected", async () => {
        const server = http.createServer((_req, res) => res.end("<html>hello</html>"));
        const client = clientFor(await listen(server));
        try {
            const r = await runSmokeTest({ client, bucket: "b", layout: "hybrid", sse: "AES256", requestTimeoutMs: 5000 });
            assert.equal(r.ok, false);
            const failed = r.steps[r.steps.length - 1];
            assert.equal(failed.ok, false);
            assert.match(failed.detail, /^server returned /);
            assert.match(failed.detail, /expected/);
        } finally {
            client.destroy();
            server.close();
        }
    });
});
