/**
 * The quarantine handler against the S3-compatible server on loopback (s3rver): copy, tag, delete;
 * idempotent; never deletes a clean object. s3rver has no versioning, so version ids are checked on
 * the requests (recorded by a client middleware), not on the server.
 */
import {
    CreateBucketCommand,
    GetObjectCommand,
    GetObjectTaggingCommand,
    HeadObjectCommand,
    PutObjectCommand,
    PutObjectTaggingCommand,
    S3Client,
} from "@aws-sdk/client-s3";
import * as assert from "node:assert/strict";
import * as fs from "fs";
import { AddressInfo } from "net";
import * as os from "os";
import * as path from "path";
import * as vm from "vm";
import { copySource, quarantine, quarantineKey, ScanResultEvent, tagValue } from "../../components/malware/quarantine/handler";
import { quarantineCode } from "../../components/malware/quarantine/bundle";

// eslint-disable-next-line @typescript-eslint/no-require-imports
const S3rver = require("s3rver") as new (o: object) => { run(): Promise<AddressInfo>; close(): Promise<void> };

const DATA = "firehose-data";
const QUARANTINE = "firehose-quarantine";

function scanEvent(key: string, status = "THREATS_FOUND", versionId?: string): ScanResultEvent {
    return {
        detail: {
            s3ObjectDetails: { bucketName: DATA, objectKey: key, ...(versionId !== undefined ? { versionId } : {}) },
            scanResultDetails: {
                scanResultStatus: status,
                threats: status === "THREATS_FOUND" ? [{ name: "EICAR-Test-File (not a virus)" }] : null,
            },
        },
    };
}

describe("quarantine handler (S3-compatible server on 127.0.0.1)", () => {
    let server: { close(): Promise<void> };
    let s3: S3Client;
    let dir: string;
    const sent: { command: string; input: Record<string, unknown> }[] = [];
    /** s3rver has no versions and reads `?versionId=` in a copy source as part of the key: drop it after recording. */
    let stripCopyVersion = false;

    before(async () => {
        dir = fs.mkdtempSync(path.join(os.tmpdir(), "s3rver-"));
        const s = new S3rver({ address: "127.0.0.1", port: 0, silent: true, directory: dir });
        const { port } = await s.run();
        server = s;
        s3 = new S3Client({
            endpoint: `http://127.0.0.1:${port}`,
            region: "us-east-1",
            forcePathStyle: true,
            credentials: { accessKeyId: "S3RVER", secretAccessKey: "S3RVER" },
        });
        s3.middlewareStack.add(
            (next, context) => async (args) => {
                const input = args.input as Record<string, unknown>;
                sent.push({ command: context.commandName ?? "", input: { ...input } });
                if (stripCopyVersion && typeof input.CopySource === "string") {
                    const CopySource = input.CopySource.replace(/\?versionId=.*$/, "");
                    return next({ ...args, input: { ...input, CopySource } as typeof args.input });
                }
                return next(args);
            },
            { step: "initialize", name: "recordCommands" },
        );
        await s3.send(new CreateBucketCommand({ Bucket: DATA }));
        await s3.send(new CreateBucketCommand({ Bucket: QUARANTINE }));
    });

    after(async () => {
        s3?.destroy();
        await server?.close();
        fs.rmSync(dir, { recursive: true, force: true });
    });

    beforeEach(() => {
        sent.length = 0;
    });

    async function put(key: string, status: string | undefined): Promise<void> {
        await s3.send(new PutObjectCommand({ Bucket: DATA, Key: key, Body: `{"lead":"${key}"}` }));
        if (status !== undefined) {
            // What GuardDuty does after a scan.
            await s3.send(
                new PutObjectTaggingCommand({
                    Bucket: DATA,
                    Key: key,
                    Tagging: { TagSet: [{ Key: "GuardDutyMalwareScanStatus", Value: status }] },
                }),
            );
        }
    }
    async function present(bucket: string, key: string): Promise<boolean> {
        try {
            await s3.send(new HeadObjectCommand({ Bucket: bucket, Key: key }));
            return true;
        } catch {
            return false;
        }
    }

    it("moves an infected object: copied with its tags into quarantine, then deleted from the data bucket", async () => {
        const key = "year=2026/month=11/day=24/hour=07/flow_id=acme/lead-1.json";
        await put(key, "THREATS_FOUND");
        sent.length = 0;
        const result = await quarantine(s3, scanEvent(key), QUARANTINE);
        const calls = sent.map((c) => c.command);
        const target = `${DATA}/null/${key}`;
        assert.deepEqual(result, { outcome: "quarantined", source: { bucket: DATA, key, versionId: undefined }, quarantineKey: target });
        assert.equal(await present(DATA, key), false);
        const copy = await s3.send(new GetObjectCommand({ Bucket: QUARANTINE, Key: target }));
        assert.equal(await copy.Body?.transformToString(), `{"lead":"${key}"}`);
        const tags = await s3.send(new GetObjectTaggingCommand({ Bucket: QUARANTINE, Key: target }));
        assert.deepEqual((tags.TagSet ?? []).map((t) => [t.Key, t.Value]).sort(), [
            ["GuardDutyMalwareScanStatus", "THREATS_FOUND"],
            ["QuarantinedFrom", `${DATA}/${key}`],
            ["Threats", "EICAR-Test-File _not a virus_"],
        ]);
        assert.deepEqual(calls, [
            "GetObjectTaggingCommand",
            "HeadObjectCommand",
            "CopyObjectCommand",
            "PutObjectTaggingCommand",
            "GetObjectTaggingCommand",
            "HeadObjectCommand",
            "DeleteObjectCommand",
        ]);
    });

    it("is idempotent: a redelivered event changes nothing and reports the earlier move", async () => {
        const key = "year=2026/month=11/day=24/hour=07/flow_id=acme/lead-2.json";
        await put(key, "THREATS_FOUND");
        assert.equal((await quarantine(s3, scanEvent(key), QUARANTINE)).outcome, "quarantined");
        sent.length = 0;
        const again = await quarantine(s3, scanEvent(key), QUARANTINE);
        assert.deepEqual(again, {
            outcome: "already-quarantined",
            source: { bucket: DATA, key, versionId: undefined },
            quarantineKey: `${DATA}/null/${key}`,
        });
        assert.ok(!sent.some((c) => c.command === "CopyObjectCommand" || c.command === "DeleteObjectCommand"));
        assert.equal(await present(QUARANTINE, `${DATA}/null/${key}`), true);
    });

    it("a copy left by an interrupted run is reused, and the original still goes", async () => {
        const key = "year=2026/month=11/day=24/hour=07/flow_id=acme/lead-3.json";
        await put(key, "THREATS_FOUND");
        await s3.send(new PutObjectCommand({ Bucket: QUARANTINE, Key: `${DATA}/null/${key}`, Body: "earlier copy" }));
        assert.equal((await quarantine(s3, scanEvent(key), QUARANTINE)).outcome, "quarantined");
        assert.ok(!sent.some((c) => c.command === "CopyObjectCommand"));
        assert.equal(await present(DATA, key), false);
    });

    for (const status of ["NO_THREATS_FOUND", undefined]) {
        it(`never deletes a clean object: event says THREATS_FOUND, tag says ${String(status)}`, async () => {
            const key = `year=2026/month=11/day=24/hour=07/flow_id=acme/clean-${String(status)}.json`;
            await put(key, status);
            const result = await quarantine(s3, scanEvent(key), QUARANTINE);
            assert.equal(result.outcome, "not-infected");
            assert.equal(await present(DATA, key), true);
            assert.equal(await present(QUARANTINE, quarantineKey(DATA, key, undefined)), false);
            assert.ok(!sent.some((c) => c.command === "CopyObjectCommand" || c.command === "DeleteObjectCommand"));
        });
    }

    it("ignores other verdicts and malformed events without a request", async () => {
        for (const event of [scanEvent("k.json", "NO_THREATS_FOUND"), scanEvent("k.json", "FAILED"), {}, { detail: {} }]) {
            assert.deepEqual(await quarantine(s3, event, QUARANTINE), { outcome: "ignored" });
        }
        assert.deepEqual(sent, []);
    });

    it("versioned buckets: every read, copy and delete names the scanned version", async () => {
        const key = "year=2026/month=11/day=24/hour=07/flow_id=acme/lead-4.json";
        await put(key, "THREATS_FOUND");
        // s3rver ignores version ids: the requests carry them, the server serves the only version.
        stripCopyVersion = true;
        const result = await quarantine(s3, scanEvent(key, "THREATS_FOUND", "3HL4kqtJlcpXroDTDmJ+rmSpXd3dIbrHY"), QUARANTINE);
        assert.equal(result.quarantineKey, `${DATA}/3HL4kqtJlcpXroDTDmJ+rmSpXd3dIbrHY/${key}`);
        const byCommand = (name: string) => sent.filter((c) => c.command === name).map((c) => c.input);
        assert.ok(byCommand("GetObjectTaggingCommand").every((i) => i.VersionId === "3HL4kqtJlcpXroDTDmJ+rmSpXd3dIbrHY"));
        assert.deepEqual(
            byCommand("CopyObjectCommand").map((i) => i.CopySource),
            [`${DATA}/${key}?versionId=3HL4kqtJlcpXroDTDmJ%2BrmSpXd3dIbrHY`],
        );
        assert.deepEqual(
            byCommand("DeleteObjectCommand").map((i) => i.VersionId),
            ["3HL4kqtJlcpXroDTDmJ+rmSpXd3dIbrHY"],
        );
    });

    it("copy sources: key segments URL-encoded, the layout's / and = kept", () => {
        assert.equal(copySource("b", "year=2026/a b+c?.json", undefined), "b/year=2026/a%20b%2Bc%3F.json");
        assert.equal(copySource("b", "k.json", "v+1"), "b/k.json?versionId=v%2B1");
    });

    it("tag values keep only what S3 accepts", () => {
        assert.equal(tagValue("Trojan:Win32/Agent (a) #1"), "Trojan:Win32/Agent _a_ _1");
        assert.equal(tagValue("x".repeat(300)).length, 256);
    });

    it("the bundled code is the handler transpiled alone: it loads with only @aws-sdk/client-s3", () => {
        const code = quarantineCode();
        const required: string[] = [];
        const module = { exports: {} as Record<string, unknown> };
        vm.runInNewContext(code, {
            module,
            exports: module.exports,
            process,
            console,
            require: (id: string) => {
                required.push(id);
                // eslint-disable-next-line @typescript-eslint/no-require-imports
                return require(id) as unknown;
            },
        });
        assert.deepEqual(required, ["@aws-sdk/client-s3"]);
        assert.equal(typeof module.exports.handler, "function");
    });
});
