/** An S3-compatible server (s3rver) on loopback for the tests that need a real S3 API. */
import { CreateBucketCommand, S3Client } from "@aws-sdk/client-s3";
import * as fs from "fs";
import { AddressInfo } from "net";
import * as os from "os";
import * as path from "path";

// eslint-disable-next-line @typescript-eslint/no-require-imports
const S3rver = require("s3rver") as new (o: object) => { run(): Promise<AddressInfo>; close(): Promise<void> };

/** The running server, read inside a test (after the `before` hook started it). */
export interface LocalS3 {
    /** `http://127.0.0.1:<port>`. */
    readonly endpoint: () => string;
    /** A path-style client of the server (its fixed S3RVER credentials). */
    readonly client: () => S3Client;
}

/**
 * For the tests of the calling `describe`: s3rver on 127.0.0.1 over a scratch directory, started with
 * `buckets` created in a `before` hook, stopped (and the directory removed) in an `after` hook.
 */
export function localS3(buckets: readonly string[]): LocalS3 {
    let dir: string | undefined;
    let server: { close(): Promise<void> } | undefined;
    let endpoint: string | undefined;
    let client: S3Client | undefined;
    before(async () => {
        dir = fs.mkdtempSync(path.join(os.tmpdir(), "s3rver-"));
        const s = new S3rver({ address: "127.0.0.1", port: 0, silent: true, directory: dir });
        const { port } = await s.run();
        server = s;
        endpoint = `http://127.0.0.1:${port}`;
        client = new S3Client({
            endpoint,
            region: "us-east-1",
            forcePathStyle: true,
            credentials: { accessKeyId: "S3RVER", secretAccessKey: "S3RVER" },
        });
        for (const Bucket of buckets) {
            await client.send(new CreateBucketCommand({ Bucket }));
        }
    });
    after(async () => {
        client?.destroy();
        await server?.close();
        if (dir !== undefined) {
            fs.rmSync(dir, { recursive: true, force: true });
        }
    });
    const started = <T>(value: T | undefined): T => {
        if (value === undefined) {
            throw new Error("the local S3 server is read inside a test");
        }
        return value;
    };
    return { endpoint: () => started(endpoint), client: () => started(client) };
}
