/**
 * The `firehose-storage` CLI in-process (`runCli`), against the real program and the real pack
 * (policy-pack/, built when stale, started once and shared), plus one run of the bin as a process.
 */
import * as assert from "node:assert/strict";
import { execFile } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { runCli } from "../../cli/main";
import { JsonReport } from "../../gate/reportJson";
import { realPackCli } from "../helpers/realPackCli";
import { stricterPackConfig } from "../helpers/stricterPack";
import { usageErrorTests } from "./usageErrors";

const ROOT = path.resolve(__dirname, "..", "..");
const BROKEN = path.join("tests", "fixtures", "Pulumi.broken.yaml");
const ANSI = /\u001b\[/;
/** Prod's pack config with a 3-day multipart-abort limit: prod as shipped (7 days) fails it. */
const STRICT = stricterPackConfig(3);
const ABORT_REFUSED =
    /^error: invalid stack configuration \(1 problem\):\n {2}- firehose-storage:lifecycle\.abortIncompleteMultipartUploadDays: got 30; prod aborts incomplete multipart uploads within 7 days \(the pack's s3-lifecycle-rules\); remove the key or set at most 7$/m;

/** `policy@resource` of the mandatory violations, sorted. */
function mandatory(r: JsonReport): string[] {
    return r.findings
        .filter((f) => f.level === "mandatory" && f.kind === "violation")
        .map((f) => `${f.policy}@${f.resource?.name}`)
        .sort();
}

describe("cli: firehose-storage plan (offline gate)", function () {
    const { cli, pack } = realPackCli();

    it("dev as shipped: tree, no mandatory violation, PASS, exit 0, no colour off a terminal", async () => {
        const r = await cli("plan", "--stack", "dev");
        assert.equal(r.code, 0, r.stderr);
        assert.match(r.stdout, /^firehose-storage · stack dev · preview under mocks \(offline\)$/m);
        assert.match(r.stdout, /^policy pack firehose-storage@\d+\.\d+\.\d+ · config policy-pack\/config\/dev\.json$/m);
        assert.match(r.stdout, /^ {6}aws:s3\/bucket:Bucket {2}firehose-data$/m);
        assert.doesNotMatch(r.stdout, /✖ mandatory/);
        assert.match(r.stdout, /^✔ PASS: no mandatory violations.*\(stack dev, \d+\s+resources\)$/m);
        assert.doesNotMatch(r.stdout, ANSI);
    });

    it("prod as shipped, --json: every resource and finding, pass, exit 0", async () => {
        const r = await cli("plan", "--stack", "prod", "--json");
        assert.equal(r.code, 0, r.stderr);
        assert.equal(r.stderr, "", "no runtime warnings, no progress line off a terminal");
        const j = JSON.parse(r.stdout) as JsonReport;
        assert.deepEqual(Object.keys(j).sort(), [
            "counts",
            "exitCode",
            "findings",
            "pack",
            "policyConfig",
            "preview",
            "project",
            "remediations",
            "resources",
            "schemaVersion",
            "stack",
            "timings",
            "verdict",
            "warnings",
        ]);
        assert.equal(j.schemaVersion, 2);
        assert.equal(j.stack, "prod");
        assert.equal(j.preview, true);
        assert.equal(j.policyConfig, "policy-pack/config/prod.json");
        assert.equal(j.verdict, "pass");
        assert.equal(j.exitCode, 0);
        assert.deepEqual(mandatory(j), []);
        assert.equal(j.counts.mandatory, 0);
        assert.equal(j.counts.resources, j.resources.length);
        assert.ok(j.resources.length > 50, `prod registers ${j.resources.length} resources`);
        const data = j.resources.find((res) => res.type === "aws:s3/bucket:Bucket" && res.name === "firehose-data");
        assert.ok(data !== undefined);
        assert.equal(data.protect, true);
        assert.match(data.urn, /^urn:pulumi:prod::firehose-storage::.*aws:s3\/bucket:Bucket::firehose-data$/);
        assert.equal(j.resources.find((res) => res.urn === data.parent)?.name, "firehose-data");
        assert.equal(j.resources.filter((res) => res.parent === null).length, 1, "only the stack has no parent");
        // The shipped prod stack's only findings are the notes about values unknown at preview.
        assert.deepEqual([...new Set(j.findings.map((f) => `${f.policy}:${f.kind}`))], ["preview-unverified:note"]);
        assert.equal(j.counts.notes, j.findings.length);
        assert.equal(j.counts.advisory, 0);
        assert.deepEqual(Object.keys(j.timings).sort(), ["analyzeMs", "packBuildMs", "packStartMs", "programMs", "totalMs"]);
        assert.ok(j.timings.totalMs >= j.timings.programMs + j.timings.analyzeMs, "the total covers the phases");
    });

    it("prod as shipped, text: notes shown as notes, not violations; every line within 80 columns off a terminal", async () => {
        const r = await cli("plan", "--stack", "prod");
        assert.equal(r.code, 0, r.stderr);
        assert.match(r.stdout, /^Policy violations: none$/m);
        assert.match(r.stdout, /^Notes: not verifiable until the values are known \(\d+, not violations\)$/m);
        assert.match(r.stdout, /^✔ PASS: no mandatory violations, \d+ notes \(stack prod, \d+ resources\)$/m);
        const wide = r.stdout.split("\n").filter((l) => [...l].length > 80);
        assert.deepEqual(wide, []);
    });

    it("a -c override is what the gate judges: over a stricter pack's limit, exit 1 with violations grouped by policy; within it, exit 0", async () => {
        const abort = (days: number) => ["-c", `lifecycle.abortIncompleteMultipartUploadDays=${days}`];
        const r = await cli("plan", "--stack", "prod", "--no-tree", "--policy-config", STRICT, ...abort(4));
        assert.equal(r.code, 1, r.stderr);
        assert.match(r.stdout, /^ {2}✖ mandatory {2}s3-lifecycle-rules {2}Checks whether/m);
        assert.match(
            r.stdout,
            /^ {6}firehose-data-lifecycle\n {8}aws:s3\/bucketLifecycleConfiguration:BucketLifecycleConfiguration\n {8}\[medium, S3\.13\]$/m,
        );
        assert.match(r.stdout, /^✖ FAIL: 2 mandatory violations\b/m);
        assert.doesNotMatch(r.stdout, /Resources \(/, "--no-tree leaves the tree out");
        const within = await cli("plan", "--stack", "prod", "--quiet", "--policy-config", STRICT, ...abort(3));
        assert.equal(within.code, 0, within.stdout + within.stderr);
    });

    it("--policy-config overrides the stack's pack config (dev judged by prod's rules fails)", async () => {
        const r = await cli("plan", "--stack", "dev", "--json", "--policy-config", "policy-pack/config/prod.json");
        assert.equal(r.code, 1, r.stderr);
        const j = JSON.parse(r.stdout) as JsonReport;
        assert.equal(j.policyConfig, "policy-pack/config/prod.json");
        assert.ok(mandatory(j).includes("s3-data-bucket-replication@firehose-data"), mandatory(j).join(", "));
    });

    it("--quiet: only the findings and the verdict", async () => {
        const r = await cli("plan", "--stack", "prod", "--quiet", "--policy-config", STRICT);
        assert.equal(r.code, 1, r.stderr);
        const lines = r.stdout.split("\n");
        assert.equal(lines[0], "Policy violations (2)");
        assert.match(lines[1], /^ {2}✖ mandatory {2}s3-lifecycle-rules {2}Checks whether/);
        assert.match(lines.at(-2) ?? "", /^✖ FAIL: 2 mandatory violations, \d+ notes \(stack prod, \d+ resources\)$/);
        assert.equal(lines.at(-1), "");
        assert.doesNotMatch(r.stdout, /Resources \(|policy pack firehose-storage@|^program /m);
    });

    it("colour on a terminal only", async () => {
        const r = await runCli(["plan", "--stack", "dev", "--no-tree"], {
            cwd: ROOT,
            isTTY: true,
            env: {},
            startPack: () => Promise.resolve(pack()),
        });
        assert.equal(r.code, 0, r.stderr);
        assert.match(r.stdout, /\u001b\[32m\u001b\[1m✔ PASS/);
    });

    describe("config and usage errors: exit 2, one clear line on stderr, nothing judged", () => {
        const cases: [string, string[], RegExp][] = [
            ["no such stack", ["plan", "--stack", "nope"], /Pulumi\.nope\.yaml does not exist/],
            ["invalid config value", ["plan", "--stack", "dev", "-c", "keyLayout=diagonal"], /firehose-storage:keyLayout: got "diagonal"/],
            [
                "a -c value the pack would fail (a 30-day multipart abort): refused by the config, naming the key and the limit",
                ["plan", "--stack", "prod", "-c", "lifecycle.abortIncompleteMultipartUploadDays=30"],
                ABORT_REFUSED,
            ],
            [
                "a stack file with the same value (--stack-file): refused alike",
                ["plan", "--stack", "prod", "--stack-file", BROKEN],
                ABORT_REFUSED,
            ],
            ["malformed --config", ["plan", "--stack", "dev", "-c", "keyLayout"], /--config "keyLayout": must be key=value/],
            [
                "missing --policy-config file",
                ["plan", "--stack", "dev", "--policy-config", "nowhere.json"],
                /--policy-config .*nowhere\.json does not exist/,
            ],
            ["missing --stack", ["plan"], /plan needs --stack <name> \(repeatable\) or --all-stacks/],
            ["unknown option", ["plan", "--stack", "dev", "--colour"], /unknown option '--colour'/],
            ["unknown command", ["deploy"], /unknown command 'deploy'/],
        ];
        usageErrorTests(cli, cases);

        it("with --json, the error is also a JSON document on stdout", async () => {
            const r = await cli("plan", "--stack", "nope", "--json");
            assert.equal(r.code, 2);
            const j = JSON.parse(r.stdout) as Record<string, unknown>;
            assert.deepEqual(Object.keys(j).sort(), ["error", "exitCode", "schemaVersion", "stack", "verdict"]);
            assert.equal(j.verdict, "error");
            assert.equal(j.exitCode, 2);
            assert.equal(j.stack, "nope");
            assert.match(String(j.error), /Pulumi\.nope\.yaml does not exist/);
        });

        it("with --json, a command line the parser rejects (no --stack, unknown flag) is a JSON document too", async () => {
            const none = await cli("plan", "--json");
            assert.equal(none.code, 2);
            assert.deepEqual(JSON.parse(none.stdout), {
                schemaVersion: 2,
                stack: null,
                verdict: "error",
                exitCode: 2,
                error: "plan needs --stack <name> (repeatable) or --all-stacks",
            });
            const flag = await cli("plan", "--stack", "dev", "--json", "--colour");
            assert.equal(flag.code, 2);
            assert.deepEqual(JSON.parse(flag.stdout), {
                schemaVersion: 2,
                stack: "dev",
                verdict: "error",
                exitCode: 2,
                error: "unknown option '--colour'",
            });
        });

        it("a pack config naming a policy the pack does not have, an invalid level, bad JSON, a property of the wrong type", async () => {
            const dir = fs.mkdtempSync(path.join(os.tmpdir(), "policy-config-"));
            try {
                fs.writeFileSync(path.join(dir, "typo.json"), JSON.stringify({ all: "advisory", "s3-no-publik-acl": "mandatory" }));
                fs.writeFileSync(path.join(dir, "level.json"), JSON.stringify({ "s3-no-public-acl": "blocking" }));
                fs.writeFileSync(path.join(dir, "syntax.json"), "{ all: advisory }");
                fs.writeFileSync(path.join(dir, "type.json"), JSON.stringify({ "allowed-regions": { allowedRegions: "us-east-1" } }));
                const typo = await cli("plan", "--stack", "dev", "--policy-config", path.join(dir, "typo.json"));
                assert.equal(typo.code, 2);
                assert.match(typo.stderr, /no policy named "s3-no-publik-acl" in the pack/);
                const level = await cli("plan", "--stack", "dev", "--policy-config", path.join(dir, "level.json"));
                assert.equal(level.code, 2);
                assert.match(level.stderr, /"s3-no-public-acl": "blocking" is not an enforcement level/);
                const syntax = await cli("plan", "--stack", "dev", "--policy-config", path.join(dir, "syntax.json"));
                assert.equal(syntax.code, 2);
                assert.match(syntax.stderr, /syntax\.json is not valid JSON/);
                const type = await cli("plan", "--stack", "dev", "--policy-config", path.join(dir, "type.json"));
                assert.equal(type.code, 2);
                assert.match(type.stderr, /type\.json: invalid policy properties: "allowed-regions"\.allowedRegions must be array/);
            } finally {
                fs.rmSync(dir, { recursive: true, force: true });
            }
        });
    });
});

describe("cli: the bin as a process", function () {
    it("cli/bin.ts (through ts-node) plan of prod judged by a stricter pack config: exit 1, clean JSON on stdout", async function () {
        this.timeout(120_000);
        const { code, stdout } = await new Promise<{ code: number | null; stdout: string }>((resolve) => {
            const tsNode = path.join(ROOT, "node_modules", "ts-node", "register", "transpile-only");
            const argv = ["-r", tsNode, path.join(ROOT, "cli", "bin.ts"), "plan", "--stack", "prod", "--policy-config", STRICT, "--json"];
            const child = execFile(process.execPath, argv, { cwd: ROOT, env: { ...process.env, NO_COLOR: "1" } }, (_e, out) =>
                resolve({ code: child.exitCode, stdout: out }),
            );
        });
        assert.equal(code, 1);
        const j = JSON.parse(stdout) as JsonReport;
        assert.equal(j.verdict, "fail");
        assert.deepEqual(mandatory(j), [
            "s3-lifecycle-rules@firehose-data-lifecycle",
            "s3-lifecycle-rules@firehose-data-replica-lifecycle",
        ]);
    });
});

describe("cli: preview/up/destroy need the Pulumi CLI", function () {
    const onPath = (process.env.PATH ?? "").split(path.delimiter).some((d) => d !== "" && fs.existsSync(path.join(d, "pulumi")));

    for (const command of ["preview", "up", "destroy"]) {
        it(`${command} without the Pulumi CLI: exit 2 and says so`, async function () {
            if (onPath) {
                this.skip(); // the CLI is installed here: this case cannot be observed
            }
            const r = await runCli([command, "--stack", "dev"], { cwd: ROOT });
            assert.equal(r.code, 2, r.stderr);
            assert.match(r.stderr, /^error: the Pulumi CLI is required for preview\/up\/destroy and was not found on PATH/);
        });
    }
});
