/**
 * Post-deploy smoke test of the data path: write one lead record where the layout says, read it
 * back, find it by listing its partition. Runs against real S3 after `pulumi up`, and in the tests
 * against an S3-compatible server on loopback.
 *
 * It leaves the record in place (under `flow_id=smoke-test`): deleting needs MFA on protected
 * buckets, and the lifecycle rules expire it.
 */
import { GetObjectCommand, HeadObjectCommand, ListObjectsV2Command, PutObjectCommand, S3Client } from "@aws-sdk/client-s3";
import { KeyLayout, objectKey, partitionPrefix } from "../components/storage/layout";

export interface SmokeOptions {
    readonly client: S3Client;
    readonly bucket: string;
    readonly layout: KeyLayout;
    /** The encryption the bucket policy expects uploads to ask for. */
    readonly sse: "AES256" | "aws:kms";
    readonly kmsKeyId?: string;
    /** When the record is "streamed". @default - now */
    readonly now?: Date;
    readonly flowId?: string;
}

export interface SmokeStep {
    readonly step: "put" | "head" | "get" | "list";
    readonly ok: boolean;
    readonly detail: string;
    readonly ms: number;
}

export interface SmokeResult {
    readonly ok: boolean;
    readonly key: string;
    readonly steps: SmokeStep[];
}

async function timed(step: SmokeStep["step"], fn: () => Promise<string>): Promise<SmokeStep> {
    const start = performance.now();
    try {
        return { step, ok: true, detail: await fn(), ms: performance.now() - start };
    } catch (e) {
        return { step, ok: false, detail: e instanceof Error ? `${e.name}: ${e.message}` : String(e), ms: performance.now() - start };
    }
}

function check(condition: boolean, message: string): void {
    if (!condition) {
        throw new Error(message);
    }
}

/** Runs the steps in order and stops at the first failure. */
export async function runSmokeTest(o: SmokeOptions): Promise<SmokeResult> {
    const ref = { timestamp: o.now ?? new Date(), flowId: o.flowId ?? "smoke-test" };
    const key = objectKey(o.layout, ref, `smoke-${ref.timestamp.getTime()}.json`);
    const body = JSON.stringify({ smokeTest: true, flowId: ref.flowId, at: ref.timestamp.toISOString() });
    const { client, bucket } = o;
    const steps: (() => Promise<SmokeStep>)[] = [
        () =>
            timed("put", async () => {
                await client.send(
                    new PutObjectCommand({
                        Bucket: bucket,
                        Key: key,
                        Body: body,
                        ContentType: "application/json",
                        ServerSideEncryption: o.sse,
                        SSEKMSKeyId: o.kmsKeyId,
                    }),
                );
                return `s3://${bucket}/${key}`;
            }),
        () =>
            timed("head", async () => {
                const head = await client.send(new HeadObjectCommand({ Bucket: bucket, Key: key }));
                check(head.ContentLength === Buffer.byteLength(body), `ContentLength ${head.ContentLength} != ${Buffer.byteLength(body)}`);
                // Real S3 reports the encryption applied; S3-compatible test servers may not.
                check(
                    head.ServerSideEncryption === undefined || head.ServerSideEncryption === o.sse,
                    `encrypted with ${head.ServerSideEncryption}, expected ${o.sse}`,
                );
                return `${head.ContentLength} bytes, encryption ${head.ServerSideEncryption ?? "not reported"}`;
            }),
        () =>
            timed("get", async () => {
                const got = await client.send(new GetObjectCommand({ Bucket: bucket, Key: key }));
                const text = (await got.Body?.transformToString()) ?? "";
                check(text === body, "body read back differs from the body written");
                return "body matches";
            }),
        () =>
            timed("list", async () => {
                const prefix = partitionPrefix(o.layout, ref);
                const listed = await client.send(new ListObjectsV2Command({ Bucket: bucket, Prefix: prefix }));
                check(
                    (listed.Contents ?? []).some((c) => c.Key === key),
                    `key not listed under ${prefix}`,
                );
                return `listed under ${prefix}`;
            }),
    ];
    const done: SmokeStep[] = [];
    for (const step of steps) {
        const result = await step();
        done.push(result);
        if (!result.ok) {
            break;
        }
    }
    return { ok: done.length === steps.length && done.every((s) => s.ok), key, steps: done };
}
