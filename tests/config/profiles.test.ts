/**
 * Stack profiles (config/profiles.ts): the shipped pack configs are the profiles' output, the stack's
 * regions reach the pack, and a default never fails the gate: prod planned with each key of
 * Pulumi.prod.yaml removed is either refused naming the key or passes the prod gate.
 */
import * as assert from "node:assert/strict";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { parseDocument } from "yaml";
import { ConfigError } from "../../config";
import { PolicyPackServer } from "../../gate/analyzer";
import { PACKAGE_ROOT } from "../../gate/packageRoot";
import { runOfflineGate } from "../../gate/offlineGate";
import { choosePolicyConfig } from "../../gate/stackPolicy";
import { PACK_CONFIG_DIR, shippedPackConfigs } from "../../scripts/packConfig";
import { realPack } from "../helpers/realPack";

const PROJECT_DIR = PACKAGE_ROOT;
const PACK_DIR = path.join(PROJECT_DIR, "policy-pack");

describe("stack profiles", () => {
    it("policy-pack/config/<env>.json is exactly the profile's pack config (npm run pack-config rewrites them)", () => {
        for (const [env, config] of Object.entries(shippedPackConfigs())) {
            assert.deepEqual(JSON.parse(fs.readFileSync(path.join(PACK_CONFIG_DIR, `${env}.json`), "utf8")), config, env);
        }
    });

    it("the gate and automation judge a stack with its own allowedRegions (one choice, gate/stackPolicy.ts)", () => {
        const shipped = choosePolicyConfig({ projectDir: PROJECT_DIR, stack: "prod", packDir: PACK_DIR });
        assert.equal(shipped.file, path.join(PACK_DIR, "config", "prod.json"));
        const own = choosePolicyConfig({
            projectDir: PROJECT_DIR,
            stack: "prod",
            packDir: PACK_DIR,
            overrides: ['allowedRegions=["us-east-1","us-west-2"]'],
        });
        assert.deepEqual(own.config?.["allowed-regions"], { enforcementLevel: "mandatory", allowedRegions: ["us-east-1", "us-west-2"] });
        assert.deepEqual(JSON.parse(fs.readFileSync(own.file ?? "", "utf8")), own.config);
        assert.deepEqual({ ...own.config, "allowed-regions": undefined }, { ...shipped.config, "allowed-regions": undefined });
    });

    describe("prod with one key of Pulumi.prod.yaml removed: refused naming the key, or passes the prod gate", function () {
        this.timeout(600_000);
        const doc = parseDocument(fs.readFileSync(path.join(PROJECT_DIR, "Pulumi.prod.yaml"), "utf8"));
        const keys = (doc.toJS() as { config: Record<string, unknown> }).config;
        let pack: PolicyPackServer;
        let dir: string;
        before(async function () {
            this.timeout(120_000);
            pack = await realPack();
            dir = fs.mkdtempSync(path.join(os.tmpdir(), "prod-without-"));
        });
        after(() => fs.rmSync(dir, { recursive: true, force: true }));

        for (const key of Object.keys(keys)) {
            it(`without ${key}`, async () => {
                const stackFile = path.join(dir, `${key.replace(/\W/g, "_")}.yaml`);
                const config = Object.fromEntries(Object.entries(keys).filter(([k]) => k !== key));
                fs.writeFileSync(stackFile, JSON.stringify({ config }));
                let result;
                try {
                    result = await runOfflineGate({ projectDir: PROJECT_DIR, stack: "prod", stackFile, pack });
                } catch (e) {
                    assert.ok(e instanceof ConfigError, String(e));
                    const bare = key.replace(/^firehose-storage:/, "");
                    assert.ok(
                        e.problems.some((p) => p.path === bare || p.path === key),
                        `refused without naming ${key}: ${e.message}`,
                    );
                    return;
                }
                const mandatory = result.analysis.violations.filter((v) => v.enforcementLevel === "mandatory");
                assert.deepEqual(
                    mandatory.map((v) => `${v.policyName}@${v.resourceName}`),
                    [],
                    `accepted but fails the gate without ${key}`,
                );
                assert.equal(result.verdict, "pass");
            });
        }
    });
});
