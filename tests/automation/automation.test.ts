/**
 * automation/index.ts: the option objects handed to the Automation API (what can be checked without
 * the Pulumi CLI), and `offlinePlan` in-process against the real pack.
 */
import * as assert from "node:assert/strict";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { ADVISORY_CONFIG_FILE, automationPlan, DEFAULT_POLICY_CONFIG, offlinePlan, PROJECT_DIR } from "../../automation";
import { PolicyConfigError, PolicyPackServer } from "../../gate/analyzer";
import { realPack } from "../helpers/realPack";
import { stricterPackConfig } from "../helpers/stricterPack";

const PACK = path.join(PROJECT_DIR, "policy-pack");

describe("automation: Automation API options", () => {
    const existing = new Set([path.join(PACK, "config", "prod.json"), path.join(PROJECT_DIR, "Pulumi.prod.yaml"), "/ci/strict.json"]);
    const exists = (f: string) => existing.has(f);
    const onOutput = (_: string) => undefined;

    it("preview and up run the repository's pack with the stack's pack config, in the project directory", () => {
        const plan = automationPlan({ stack: "prod", onOutput }, exists);
        assert.deepEqual(plan.program, { stackName: "prod", workDir: PROJECT_DIR });
        const expected = { color: "auto", onOutput, policyPacks: [PACK], policyPackConfigs: [path.join(PACK, "config", "prod.json")] };
        assert.deepEqual(plan.preview, expected);
        assert.deepEqual(plan.up, expected);
    });

    it("destroy takes no policy options (the engine does not run policies on destroy)", () => {
        assert.deepEqual(automationPlan({ stack: "prod", color: "never" }, exists).destroy, { color: "never" });
    });

    it("a stack whose environment cannot be read (no stack file) runs every policy advisory, as the offline gate would", () => {
        const plan = automationPlan({ stack: "staging" }, exists);
        assert.deepEqual(plan.preview.policyPackConfigs, [ADVISORY_CONFIG_FILE]);
        assert.deepEqual(JSON.parse(fs.readFileSync(ADVISORY_CONFIG_FILE, "utf8")), DEFAULT_POLICY_CONFIG);
    });

    it("explicit pack and config are used as given; a missing explicit config is a config error", () => {
        const plan = automationPlan(
            { stack: "dev", projectDir: "/src/repo", packDir: "/packs/org", policyConfigFile: "/ci/strict.json" },
            exists,
        );
        assert.deepEqual(plan.program, { stackName: "dev", workDir: "/src/repo" });
        assert.deepEqual(plan.up.policyPacks, ["/packs/org"]);
        assert.deepEqual(plan.up.policyPackConfigs, ["/ci/strict.json"]);
        assert.throws(() => automationPlan({ stack: "dev", policyConfigFile: "/ci/missing.json" }, exists), PolicyConfigError);
    });

    it("offlinePlan judges with the pack beside the project, as preview and up do", async () => {
        const dir = fs.mkdtempSync(path.join(os.tmpdir(), "firehose-offline-plan-"));
        try {
            const beside = path.join(dir, "policy-pack");
            assert.deepEqual(automationPlan({ stack: "dev", projectDir: dir }, () => false).up.policyPacks, [beside]);
            await assert.rejects(offlinePlan("dev", { projectDir: dir }), { message: `policy pack ${beside} does not exist` });
        } finally {
            fs.rmSync(dir, { recursive: true, force: true });
        }
    });

    it("skipPolicy leaves the pack out", () => {
        const plan = automationPlan({ stack: "prod", skipPolicy: true }, exists);
        assert.equal(plan.preview.policyPacks, undefined);
        assert.equal(plan.up.policyPackConfigs, undefined);
    });
});

describe("automation: offlinePlan", function () {
    let pack: PolicyPackServer;
    before(async function () {
        this.timeout(120_000);
        pack = await realPack();
    });

    it("runs the offline gate in-process with the config overrides and returns the result with its JSON report", async () => {
        const strict = stricterPackConfig(3);
        const r = await offlinePlan("prod", { config: ["lifecycle.abortIncompleteMultipartUploadDays=4"], policyConfigFile: strict, pack });
        const lifecycle = r.plan.resources.find((res) => res.name === "firehose-data-lifecycle");
        assert.deepEqual(
            (lifecycle?.inputs.rules as { abortIncompleteMultipartUpload?: unknown }[]).flatMap(
                (rule) => rule.abortIncompleteMultipartUpload ?? [],
            ),
            [{ daysAfterInitiation: 4 }],
            "the override reached the program",
        );
        assert.equal(r.verdict, "fail");
        assert.equal(r.report.verdict, "fail");
        assert.equal(r.report.stack, "prod");
        assert.equal(r.report.counts.resources, r.plan.resources.length);
        assert.equal(r.report.resources.length, r.plan.resources.length);
        assert.equal(r.report.policyConfig, strict);
        assert.deepEqual(
            r.analysis.violations.filter((v) => v.enforcementLevel === "mandatory").map((v) => `${v.policyName}@${v.resourceName}`),
            ["s3-lifecycle-rules@firehose-data-lifecycle", "s3-lifecycle-rules@firehose-data-replica-lifecycle"],
        );
    });
});
