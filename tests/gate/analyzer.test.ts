/**
 * The analyzer client against tests/fixtures/mini-pack, served by run-policy-pack as the engine
 * serves it: every assertion goes through the gRPC path (GetAnalyzerInfo, Configure, Analyze,
 * AnalyzeStack). One pack process is shared by the tests that only analyze.
 */
import * as aws from "@pulumi/aws";
import * as assert from "node:assert/strict";
import { spawn } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { PolicyConfigError, PolicyPackError, PolicyPackServer, startPolicyPack, Violation } from "../../gate/analyzer";
import { RecordedResource, UNKNOWN } from "../../gate/recorder";
import { runProgram } from "../../gate/runProgram";
import { alive } from "../helpers/processes";

const MINI_PACK = path.join(__dirname, "..", "fixtures", "mini-pack");
const STACK_URN = "urn:pulumi:t::p::pulumi:pulumi:Stack::p-t";

function resource(
    type: string,
    name: string,
    wireInputs: Record<string, unknown>,
    extra: Partial<RecordedResource> = {},
): RecordedResource {
    return {
        urn: `urn:pulumi:t::p::${type}::${name}`,
        type,
        name,
        custom: true,
        parent: STACK_URN,
        wireInputs,
        inputs: wireInputs,
        dependencies: [],
        propertyDependencies: {},
        provider: "",
        protect: false,
        retainOnDelete: false,
        aliases: [],
        ...extra,
    };
}

const provider = resource("pulumi:providers:aws", "aws-primary", { region: "us-east-1" });
const withProvider = { provider: `${provider.urn}::0e4ea8a1` };
const goodBucket = resource("aws:s3/bucket:Bucket", "good", { bucket: "good-1", tags: { Name: "good" } }, withProvider);
const goodVersioning = resource(
    "aws:s3/bucketVersioning:BucketVersioning",
    "good-versioning",
    { bucket: UNKNOWN, versioningConfiguration: { status: "Enabled" } },
    { ...withProvider, dependencies: [goodBucket.urn], propertyDependencies: { bucket: [goodBucket.urn] } },
);
const compliant = [provider, goodBucket, goodVersioning];

/** `policy@resourceName:level`, sorted: the whole verdict in one comparable list. */
function summary(vs: readonly Violation[]): string[] {
    return vs.map((v) => `${v.policyName}@${v.resourceName ?? "-"}:${v.enforcementLevel}`).sort();
}

describe("gate/analyzer: the mini pack over gRPC", function () {
    let pack: PolicyPackServer;

    before(async () => {
        pack = await startPolicyPack(MINI_PACK);
    });
    after(async () => {
        await pack?.stop();
    });

    it("GetAnalyzerInfo: name, version from package.json, policies with their levels and types", () => {
        assert.equal(pack.info.name, "mini-pack");
        assert.equal(pack.info.version, "0.0.7");
        assert.deepEqual(
            pack.info.policies.map((p) => `${p.name}:${p.enforcementLevel}:${p.type}`),
            [
                "mini-no-public-acl:mandatory:resource",
                "mini-provider-region:advisory:resource",
                "mini-name-tag:mandatory:resource",
                "mini-bucket-versioning:mandatory:stack",
            ],
        );
    });

    it("a compliant set of resources has no violations", async () => {
        const report = await pack.analyze(compliant);
        assert.deepEqual(report.violations, []);
        assert.equal(report.mandatoryCount, 0);
        assert.deepEqual(report.pack, { name: "mini-pack", version: "0.0.7" });
    });

    it("resource and stack policies report the right policy, resource and level", async () => {
        const publicBucket = resource(
            "aws:s3/bucket:Bucket",
            "open",
            { bucket: "open-1", acl: "public-read", tags: { Name: "open" } },
            withProvider,
        );
        const report = await pack.analyze([...compliant, publicBucket]);
        assert.deepEqual(summary(report.violations), ["mini-bucket-versioning@open:mandatory", "mini-no-public-acl@open:mandatory"]);
        const acl = report.violations.find((v) => v.policyName === "mini-no-public-acl");
        assert.equal(acl?.urn, publicBucket.urn);
        assert.equal(acl?.resourceType, "aws:s3/bucket:Bucket");
        assert.equal(acl?.policyPackName, "mini-pack");
        assert.match(acl?.message ?? "", /Bucket ACL is public-read/);
        assert.equal(report.mandatoryCount, 2);
        assert.equal(report.advisoryCount, 0);
    });

    it("Configure changes levels per call on the same server (per policy, then 'all')", async () => {
        const publicBucket = resource("aws:s3/bucket:Bucket", "open", { acl: "public-read", tags: { Name: "open" } });
        const input = [provider, publicBucket];
        const advisory = await pack.analyze(input, { "mini-no-public-acl": "advisory" });
        assert.deepEqual(summary(advisory.violations), ["mini-bucket-versioning@open:mandatory", "mini-no-public-acl@open:advisory"]);
        const disabled = await pack.analyze(input, { all: "disabled" });
        assert.deepEqual(disabled.violations, []);
        const object = await pack.analyze(input, { all: "advisory", "mini-bucket-versioning": { enforcementLevel: "mandatory" } });
        assert.deepEqual(summary(object.violations), ["mini-bucket-versioning@open:mandatory", "mini-no-public-acl@open:advisory"]);
        // No config again: back to the pack's own levels, nothing left over from the last call.
        const fresh = await pack.analyze(input);
        assert.deepEqual(summary(fresh.violations), ["mini-bucket-versioning@open:mandatory", "mini-no-public-acl@open:mandatory"]);
    });

    it("the explicit provider's inputs reach the pack; config properties override schema defaults", async () => {
        const byDefault = await pack.analyze(compliant);
        assert.deepEqual(byDefault.violations, []);
        const onlyWest = await pack.analyze(compliant, { "mini-provider-region": { allowedRegions: ["us-west-2"] } });
        assert.deepEqual(summary(onlyWest.violations), [
            "mini-provider-region@good-versioning:advisory",
            "mini-provider-region@good:advisory",
        ]);
        assert.match(onlyWest.violations[0].message, /Provider aws-primary is in us-east-1; allowed: us-west-2/);
    });

    it("an unknown value does not crash the pack: the SDK downgrades that policy to an advisory 'can't run'", async () => {
        const unknownTags = resource("aws:s3/bucket:Bucket", "pending", { bucket: "pending-1", tags: UNKNOWN });
        const report = await pack.analyze([unknownTags]);
        assert.deepEqual(summary(report.violations), ["mini-bucket-versioning@pending:mandatory", "mini-name-tag@pending:advisory"]);
        assert.match(
            report.violations.find((v) => v.policyName === "mini-name-tag")?.message ?? "",
            /can't run policy 'mini-name-tag'.*during preview/,
        );
    });

    it("a config the pack cannot take is refused before anything is sent", async () => {
        await assert.rejects(pack.analyze(compliant, { "mini-no-such-policy": "mandatory" }), PolicyConfigError);
        await assert.rejects(pack.analyze(compliant, { all: "strict" } as never), /"all": "strict" is not an enforcement level/);
    });

    it("resources recorded from a real program under mocks (preview) go through unchanged", async () => {
        const run = await runProgram({
            project: "p",
            stack: "t",
            config: { "aws:region": "us-east-1" },
            preview: true,
            program: () => {
                const p = new aws.Provider("aws-primary", { region: "eu-west-1" });
                const b = new aws.s3.Bucket("data", { tags: { Name: "data" } }, { provider: p });
                new aws.s3.BucketVersioning(
                    "data-versioning",
                    { bucket: b.id, versioningConfiguration: { status: "Enabled" } },
                    { provider: p },
                );
                new aws.s3.Bucket("loose", { acl: "public-read", tags: { Name: "loose" } }, { provider: p });
            },
        });
        const report = await pack.analyze(run.resources);
        assert.deepEqual(summary(report.violations), [
            "mini-bucket-versioning@loose:mandatory",
            "mini-no-public-acl@loose:mandatory",
            "mini-provider-region@data-versioning:advisory",
            "mini-provider-region@data:advisory",
            "mini-provider-region@loose:advisory",
        ]);
    });

    it("stop() ends the pack process; the server refuses work afterwards (runs last)", async () => {
        const pid = pack.pid;
        assert.ok(pid !== undefined && alive(pid));
        await pack.stop();
        assert.equal(alive(pid), false);
        await assert.rejects(pack.analyze(compliant), /analyze called after stop\(\)/);
    });
});

describe("gate/analyzer: a pack that cannot serve", function () {
    let dir: string;
    before(() => {
        dir = fs.mkdtempSync(path.join(os.tmpdir(), "broken-pack-"));
    });
    after(() => fs.rmSync(dir, { recursive: true, force: true }));

    it("a TypeScript pack with a type error fails fast with the compiler's message, leaving no process", async () => {
        fs.writeFileSync(path.join(dir, "package.json"), JSON.stringify({ name: "broken-pack", version: "0.0.1", main: "index.ts" }));
        fs.writeFileSync(path.join(dir, "index.ts"), 'const level: number = "mandatory";\nexport default level;\n');
        const t0 = Date.now();
        let pid: number | undefined;
        await assert.rejects(startPolicyPack(dir, { startTimeoutMs: 30_000 }), (e: Error) => {
            assert.ok(e instanceof PolicyPackError);
            assert.match(e.message, /exited before serving/);
            assert.match(e.message, /TS2322: Type 'string' is not assignable to type 'number'/);
            pid = e.pid;
            return true;
        });
        assert.ok(Date.now() - t0 < 30_000, "rejected by the exit, not the timeout");
        assert.ok(pid !== undefined && !alive(pid), `pack process ${pid} is gone`);
    });

    it("a pack that never prints its port is stopped at the start timeout", async () => {
        fs.writeFileSync(path.join(dir, "package.json"), JSON.stringify({ name: "silent-pack", version: "0.0.1", main: "silent.js" }));
        fs.writeFileSync(path.join(dir, "silent.js"), "setInterval(() => undefined, 1000);\n");
        let pid: number | undefined;
        await assert.rejects(startPolicyPack(dir, { startTimeoutMs: 2500 }), (e: PolicyPackError) => {
            assert.match(e.message, /printed no port within 2500 ms/);
            pid = e.pid;
            return true;
        });
        assert.ok(pid !== undefined && !alive(pid), `pack process ${pid} was killed`);
    });

    it("a directory without package.json is not a pack", async () => {
        await assert.rejects(startPolicyPack(path.join(dir, "nowhere")), /is not a policy pack: it has no package.json/);
    });
});

describe("gate/analyzer: no orphaned pack", function () {
    it("when the process that started a pack is SIGKILLed, the pack exits by itself (stdin guard)", async function () {
        this.timeout(60_000);
        const script = [
            `require("ts-node").register({ transpileOnly: true, project: ${JSON.stringify(path.join(__dirname, "..", "..", "tsconfig.json"))} });`,
            `require(${JSON.stringify(path.join(__dirname, "..", "..", "gate", "analyzer.ts"))})`,
            `.startPolicyPack(${JSON.stringify(MINI_PACK)}).then((p) => console.log(p.pid));`,
        ].join("\n");
        const parent = spawn(process.execPath, ["-e", script], { stdio: ["ignore", "pipe", "inherit"] });
        const packPid = await new Promise<number>((resolve, reject) => {
            parent.stdout.setEncoding("utf8").once("data", (d: string) => resolve(Number(d.trim())));
            parent.once("exit", () => reject(new Error("parent exited before starting the pack")));
        });
        assert.ok(alive(packPid));
        parent.kill("SIGKILL");
        const deadline = Date.now() + 15_000;
        while (alive(packPid) && Date.now() < deadline) {
            await new Promise((r) => setTimeout(r, 100));
        }
        const orphan = alive(packPid);
        if (orphan) {
            process.kill(packPid, "SIGKILL"); // clean up before failing
        }
        assert.equal(orphan, false, `pack ${packPid} still running 15 s after its parent was killed`);
    });
});
