/**
 * The library as another project uses it: the packed tarball installed into a fresh project, a
 * SecureBucket program run with plain node and with ts-node (as Pulumi's TypeScript runtime runs a
 * program), and type-checked with strict + exactOptionalPropertyTypes.
 */
import * as assert from "node:assert/strict";
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as path from "path";
import { installed } from "./installed";
import { ROOT } from "./tarball";

function node(args: readonly string[], cwd: string): { code: number | null; stdout: string; stderr: string } {
    const r = spawnSync(process.execPath, [...args], { cwd, encoding: "utf8", env: { ...process.env, NO_COLOR: "1" }, timeout: 300_000 });
    return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** The children of one SecureBucket `name` with SSE-S3 and access logs, as `type::name`. */
function secureBucketResources(name: string): string[] {
    const one = (n: string): string[] => [
        `aws:s3/bucket:Bucket::${n}`,
        `aws:s3/bucketLifecycleConfiguration:BucketLifecycleConfiguration::${n}-lifecycle`,
        `aws:s3/bucketOwnershipControls:BucketOwnershipControls::${n}-ownership`,
        `aws:s3/bucketPolicy:BucketPolicy::${n}-policy`,
        `aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock::${n}-public-access-block`,
        `aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration::${n}-encryption`,
        `aws:s3/bucketVersioning:BucketVersioning::${n}-versioning`,
        `firehose-storage:index:SecureBucket::${n}`,
    ];
    return [...one(name), ...one(`${name}-access-logs`), `aws:s3/bucketLogging:BucketLogging::${name}-logging`].sort();
}

describe("package: the packed library in a fresh project", function () {
    this.timeout(240_000);

    it("the tarball holds compiled JS with declarations, the bin and the pack; no tests, no TypeScript sources", () => {
        const { files } = installed();
        const packMain = (JSON.parse(fs.readFileSync(path.join(ROOT, "policy-pack", "package.json"), "utf8")) as { main: string }).main;
        for (const f of [
            "dist/index.js",
            "dist/index.d.ts",
            "dist/cli/bin.js",
            "Pulumi.yaml",
            `policy-pack/${packMain}`,
            "policy-pack/PulumiPolicy.yaml",
            "automation/pulumiWatchdog.js",
        ]) {
            assert.ok(files.includes(f), `${f} is missing from the tarball`);
        }
        assert.deepEqual(
            files.filter((f) => f.startsWith("tests/") || f.includes("/tests/") || (f.endsWith(".ts") && !f.endsWith(".d.ts"))),
            [],
        );
        assert.deepEqual(
            files.filter((f) => f.endsWith(".tsbuildinfo")),
            [],
        );
    });

    it("plain node: require('firehose-storage') gives SecureBucket, which registers its resources", () => {
        const { project } = installed();
        const r = node(["main.js"], project);
        assert.equal(r.code, 0, r.stderr);
        const out = JSON.parse(r.stdout) as { registered: string[]; outputs: Record<string, string> };
        assert.deepEqual(out.registered, secureBucketResources("archive"));
        assert.deepEqual(out.outputs, {
            arn: "arn:aws:s3:::consumer-archive",
            key: "year=2026/month=11/day=24/hour=07/flow_id=abc123/lead.json",
        });
    });

    it("Pulumi's TypeScript runtime (ts-node, node_modules not compiled) runs a TS program using it", () => {
        const { project } = installed();
        const tsNode = path.join(ROOT, "node_modules", "ts-node", "register", "transpile-only");
        const r = node(["-r", tsNode, "index.ts"], project);
        assert.equal(r.code, 0, r.stderr);
        const out = JSON.parse(r.stdout) as { registered: string[]; outputs: Record<string, string> };
        // sse-kms without a key: the component creates one.
        assert.deepEqual(out.registered, [...secureBucketResources("archive"), "aws:kms/key:Key::archive-key"].sort());
        assert.deepEqual(out.outputs, { writerResource: "arn:aws:s3:::archive-auto/year=*/month=*/day=*/hour=*/*.json" });
    });

    it("type-checks a consumer with strict and exactOptionalPropertyTypes", () => {
        const { project } = installed();
        const r = node([path.join(ROOT, "node_modules", "typescript", "bin", "tsc"), "-p", "."], project);
        assert.equal(r.code, 0, r.stdout + r.stderr);
    });

    it("exposes only the entry points of its exports map", () => {
        const { project } = installed();
        const r = node(["-e", "require('firehose-storage/components/storage/secureBucket')"], project);
        assert.notEqual(r.code, 0);
        assert.match(r.stderr, /ERR_PACKAGE_PATH_NOT_EXPORTED/);
    });
});
