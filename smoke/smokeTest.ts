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
import { SseAlgorithm } from "../rules/encryption";

export interface SmokeOptions {
    readonly client: S3Client;
    readonly bucket: string;
    readonly layout: KeyLayout;
    /** The encryption the bucket policy expects uploads to ask for. */
    readonly sse: SseAlgorithm;
    readonly kmsKeyId?: string;
    /** When the record is "streamed". @default - now */
    readonly now?: Date;
    readonly flowId?: string;
    /** How long each request may take (retries included) before its step fails. @default 15000 */
    readonly requestTimeoutMs?: number;
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

/** What went wrong, in terms of what the server did and what S3 would have done. */
function failure(e: unknown, timeoutMs: number): string {
    const err = (e ?? {}) as { name?: string; message?: string; $metadata?: { httpStatusCode?: number } };
    const what = `${err.name ?? "Error"}: ${String(err.message ?? e).split("\n")[0]}`;
    if (err.name === "AbortError" || err.name === "TimeoutError") {
        return `no answer within ${timeoutMs / 1000} s: the endpoint took the request and did not respond (is it S3?)`;
    }
    const status = err.$metadata?.httpStatusCode;
    if (status !== undefined && status >= 200 && status < 300) {
        return `server returned HTTP ${status} with a body that is not an S3 response (${what}); expected S3's XML answer`;
    }
    if (status !== undefined) {
        return `server returned HTTP ${status} (${what})`;
    }
    return err.name === "Error" && String(err.message).startsWith("server ") ? String(err.message) : what;
}

async function timed(step: SmokeStep["step"], timeoutMs: number, fn: () => Promise<string>): Promise<SmokeStep> {
    const start = performance.now();
    try {
        return { step, ok: true, detail: await fn(), ms: performance.now() - start };
    } catch (e) {
        return { step, ok: false, detail: failure(e, timeoutMs), ms: performance.now() - start };
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
    const timeoutMs = o.requestTimeoutMs ?? 15_000;
    // Every request is bounded: an endpoint that accepts and stalls fails the step instead of hanging.
    const limit = () => ({ abortSignal: AbortSignal.timeout(timeoutMs) });
    const steps: (() => Promise<SmokeStep>)[] = [
        () =>
            timed("put", timeoutMs, async () => {
                await client.send(
                    new PutObjectCommand({
                        Bucket: bucket,
                        Key: key,
                        Body: body,
                        ContentType: "application/json",
                        ServerSideEncryption: o.sse,
                        SSEKMSKeyId: o.kmsKeyId,
                    }),
                    limit(),
                );
                return `s3://${bucket}/${key}`;
            }),
        () =>
            timed("head", timeoutMs, async () => {
                const head = await client.send(new HeadObjectCommand({ Bucket: bucket, Key: key }), limit());
                check(
                    head.ContentLength === Buffer.byteLength(body),
                    `server returned Content-Length ${head.ContentLength ?? "none"} for the object; expected ${Buffer.byteLength(body)} (the bytes written)`,
                );
                // Real S3 reports the encryption applied; S3-compatible test servers may not.
                check(
                    head.ServerSideEncryption === undefined || head.ServerSideEncryption === o.sse,
                    `server returned encryption ${head.ServerSideEncryption}; expected ${o.sse}`,
                );
                return `${head.ContentLength} bytes, encryption ${head.ServerSideEncryption ?? "not reported"}`;
            }),
        () =>
            timed("get", timeoutMs, async () => {
                const got = await client.send(new GetObjectCommand({ Bucket: bucket, Key: key }), limit());
                const text = (await got.Body?.transformToString()) ?? "";
                check(
                    text === body,
                    `server returned a different body (${Buffer.byteLength(text)} bytes); expected the ${Buffer.byteLength(body)} bytes written`,
                );
                return "body matches";
            }),
        () =>
            timed("list", timeoutMs, async () => {
                const prefix = partitionPrefix(o.layout, ref);
                const listed = await client.send(new ListObjectsV2Command({ Bucket: bucket, Prefix: prefix }), limit());
                check(
                    (listed.Contents ?? []).some((c) => c.Key === key),
                    `server did not list the key under ${prefix}; expected it among ${(listed.Contents ?? []).length} listed`,
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
