/**
 * automation/tenant.ts: typed config validated as a stack file is, the engine's config with secrets,
 * the offline plan of the same settings, and README "Embedding"'s example run as written (offline
 * plans, then the typed error of the missing Pulumi CLI).
 */
import * as assert from "node:assert/strict";
import * as fs from "fs";
import * as path from "path";
import { ConfigError, engineConfig, PulumiCliMissingError, StorageConfig, tenantStack } from "../../automation";
import { PolicyPackServer } from "../../gate/analyzer";
import { provisionTenants } from "../../examples/twoTenants";
import { realPack } from "../helpers/realPack";
import { stricterPackConfig } from "../helpers/stricterPack";

const ROOT = path.resolve(__dirname, "..", "..");
const cliOnPath = (process.env.PATH ?? "").split(path.delimiter).some((d) => d !== "" && fs.existsSync(path.join(d, "pulumi")));

describe("automation: tenant stacks from typed config", function () {
    let pack: PolicyPackServer;
    before(async function () {
        this.timeout(120_000);
        pack = await realPack();
    });

    // Validated as a stack file is: every problem at once, before anything runs.
    const refused: [string, string, StorageConfig, string[]][] = [
        [
            "a bad region, key layout and prod's protect off",
            "eu-west-9",
            { environment: "prod", owner: "o", costCenter: "c", protect: false, keyLayout: "diagonal" as "time" },
            ["aws:region", "keyLayout", "protect"],
        ],
        [
            "a value the environment's pack would fail (a 30-day multipart abort)",
            "us-east-1",
            { environment: "prod", owner: "o", costCenter: "c", lifecycle: { abortIncompleteMultipartUploadDays: 30 } },
            ["lifecycle.abortIncompleteMultipartUploadDays"],
        ],
    ];
    for (const [title, region, config, paths] of refused) {
        it(`refuses ${title}: one ConfigError naming each key`, () => {
            assert.throws(
                () => tenantStack({ stack: "tenant-bad", region, config }),
                (e: unknown) => {
                    assert.ok(e instanceof ConfigError);
                    assert.deepEqual(e.problems.map((p) => p.path).sort(), paths);
                    return true;
                },
            );
        });
    }

    it("resolves settings with the environment's defaults, and the engine's config marks the chosen keys secret", () => {
        const o = {
            stack: "tenant-x",
            region: "us-east-1",
            config: {
                environment: "prod" as const,
                owner: "x",
                costCenter: "CC-1",
                writer: { principal: "arn:aws:iam::210987654321:role/x", externalId: "x-1" },
            },
            secretKeys: ["writer" as const],
        };
        const t = tenantStack(o);
        assert.equal(t.settings.protect, true);
        assert.equal(t.settings.stack, "tenant-x");
        assert.deepEqual(engineConfig(o, "firehose-storage"), {
            "aws:region": { value: "us-east-1", secret: false },
            "firehose-storage:environment": { value: "prod", secret: false },
            "firehose-storage:owner": { value: "x", secret: false },
            "firehose-storage:costCenter": { value: "CC-1", secret: false },
            "firehose-storage:writer": { value: '{"principal":"arn:aws:iam::210987654321:role/x","externalId":"x-1"}', secret: true },
        });
    });

    it("offlinePlan judges the same settings with the environment's pack config, or with the given one", async () => {
        const config = { environment: "prod", owner: "y", costCenter: "CC-2", encryption: { mode: "sse-kms" } } as const;
        const r = await tenantStack({ stack: "tenant-y", region: "us-east-1", config }).offlinePlan({ pack });
        assert.equal(r.report.stack, "tenant-y");
        assert.equal(r.report.policyConfig, "policy-pack/config/prod.json");
        assert.equal(r.verdict, "pass");
        assert.ok(
            r.report.resources.some(
                (res) => res.urn === "urn:pulumi:tenant-y::firehose-storage::pulumi:pulumi:Stack::firehose-storage-tenant-y",
            ),
        );
        // The same settings (7-day multipart abort) by a pack allowing 3 days.
        const strict = stricterPackConfig(3);
        const s = await tenantStack({ stack: "tenant-y", region: "us-east-1", config, policyConfigFile: strict }).offlinePlan({ pack });
        assert.equal(s.report.policyConfig, strict);
        assert.equal(s.verdict, "fail");
        assert.deepEqual(
            s.report.findings.filter((f) => f.level === "mandatory").map((f) => `${f.policy}@${f.resource?.name}`),
            ["s3-lifecycle-rules@firehose-data-lifecycle", "s3-lifecycle-rules@firehose-data-replica-lifecycle"],
        );
    });

    it("a tenant's own allowedRegions reach its pack config: an EU tenant passes where the shipped (US) prod config would fail it", async () => {
        const config: StorageConfig = {
            environment: "prod",
            owner: "e",
            costCenter: "CC-4",
            allowedRegions: ["eu-west-1", "eu-central-1"],
            replication: { region: "eu-central-1" },
        };
        const r = await tenantStack({ stack: "tenant-eu", region: "eu-west-1", config }).offlinePlan({ pack });
        const used = JSON.parse(fs.readFileSync(path.resolve(ROOT, r.report.policyConfig ?? ""), "utf8")) as Record<string, unknown>;
        assert.deepEqual(used["allowed-regions"], { enforcementLevel: "mandatory", allowedRegions: ["eu-west-1", "eu-central-1"] });
        assert.equal(r.verdict, "pass", JSON.stringify(r.report.findings.filter((f) => f.level === "mandatory")));
        const shipped = path.join(ROOT, "policy-pack", "config", "prod.json");
        const s = await tenantStack({ stack: "tenant-eu", region: "eu-west-1", config, policyConfigFile: shipped }).offlinePlan({ pack });
        assert.equal(s.verdict, "fail");
        assert.ok(s.report.findings.some((f) => f.level === "mandatory" && f.policy === "allowed-regions"));
    });

    it("preview, up, destroy and outputs without the Pulumi CLI: PulumiCliMissingError, nothing else done", async function () {
        if (cliOnPath) {
            this.skip(); // the CLI is installed here: this case cannot be observed
        }
        const t = tenantStack({ stack: "tenant-z", region: "us-east-1", config: { environment: "dev", owner: "z", costCenter: "CC-3" } });
        for (const run of [() => t.preview(), () => t.up(), () => t.destroy(), () => t.outputs()]) {
            await assert.rejects(run, PulumiCliMissingError);
        }
    });

    it('README "Embedding" shows examples/twoTenants.ts as it is', () => {
        const readme = fs.readFileSync(path.join(ROOT, "README.md"), "utf8");
        const section = readme.split(/^## Embedding$/m)[1]?.split(/^## /m)[0] ?? "";
        const block = /```ts\n([\s\S]*?)```/.exec(section)?.[1];
        assert.equal(block, fs.readFileSync(path.join(ROOT, "examples", "twoTenants.ts"), "utf8"));
    });

    it("the example runs: both tenants pass offline, then up stops with PulumiCliMissingError", async function () {
        if (cliOnPath) {
            this.skip();
        }
        const log: string[] = [];
        await assert.rejects(
            provisionTenants((l) => log.push(l), pack),
            PulumiCliMissingError,
        );
        assert.equal(log.length, 2, log.join("\n"));
        assert.match(log[0], /^acme: offline plan pass, \d+ resources, 0 mandatory$/);
        assert.match(log[1], /^globex: offline plan pass, \d+ resources, 0 mandatory$/);
    });
});
