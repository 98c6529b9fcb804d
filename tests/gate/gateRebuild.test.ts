/**
 * The offline gate's own pack build: a stale pack is rebuilt before it is started (a "pack build"
 * phase, its time in `packBuildMs`, a warning saying so); with `build: false` it is only warned about;
 * a current pack is neither rebuilt nor warned about. A one-policy pack in a temp directory, its
 * `@pulumi/policy` from the shipped pack's node_modules.
 */
import * as assert from "node:assert/strict";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { DEFAULT_PACK_DIR } from "../../gate/analyzer";
import { GatePhase, runOfflineGate } from "../../gate/offlineGate";
import { PACKAGE_ROOT } from "../../gate/packageRoot";
import { ADVISORY_CONFIG_FILE } from "../../automation";

const POLICY = `import { PolicyPack } from "@pulumi/policy";
new PolicyPack("tiny", {
    policies: [{ name: "nothing", description: "Checks whether nothing.", enforcementLevel: "advisory", validateResource: () => undefined }],
});
`;

describe("offline gate: building a stale pack", function () {
    this.timeout(120_000);
    let dir: string;
    before(() => {
        dir = fs.mkdtempSync(path.join(os.tmpdir(), "gate-rebuild-"));
        fs.writeFileSync(path.join(dir, "package.json"), JSON.stringify({ name: "tiny", version: "1.0.0", main: "bin/index.js" }));
        fs.writeFileSync(path.join(dir, "PulumiPolicy.yaml"), "runtime: nodejs\n");
        fs.writeFileSync(
            path.join(dir, "tsconfig.json"),
            JSON.stringify({ compilerOptions: { outDir: "bin", module: "commonjs", strict: true, skipLibCheck: true }, include: ["*.ts"] }),
        );
        fs.writeFileSync(path.join(dir, "index.ts"), POLICY);
        fs.symlinkSync(path.join(DEFAULT_PACK_DIR, "node_modules"), path.join(dir, "node_modules"), "dir");
    });
    after(() => fs.rmSync(dir, { recursive: true, force: true }));

    const plan = async (build: boolean) => {
        const phases: GatePhase[] = [];
        const r = await runOfflineGate({
            projectDir: PACKAGE_ROOT,
            stack: "dev",
            packDir: dir,
            policyConfigFile: ADVISORY_CONFIG_FILE,
            build,
            onPhase: (p) => phases.push(p),
        });
        return { r, phases };
    };

    it("stale: rebuilt first, as a phase with its time, and said", async () => {
        const { r, phases } = await plan(true);
        assert.ok(phases.includes("pack build"), phases.join(", "));
        assert.ok(r.timings.packBuildMs > 0);
        assert.ok(
            r.warnings.some((w) => /^rebuilt the policy pack first: the policy pack is not built/.test(w)),
            r.warnings.join("\n"),
        );
        assert.ok(fs.existsSync(path.join(dir, "bin", "index.js")));
    });

    it("current: neither rebuilt nor warned about", async () => {
        const { r, phases } = await plan(true);
        assert.ok(!phases.includes("pack build"));
        assert.equal(r.timings.packBuildMs, 0);
        assert.deepEqual(
            r.warnings.filter((w) => /policy pack/.test(w)),
            [],
        );
    });

    it("stale with build off: started as it is, with the warning", async () => {
        const later = Date.now() / 1000 + 60;
        fs.utimesSync(path.join(dir, "index.ts"), later, later);
        const { r, phases } = await plan(false);
        assert.ok(!phases.includes("pack build"));
        assert.equal(r.timings.packBuildMs, 0);
        assert.ok(
            r.warnings.some((w) => /older than its sources/.test(w)),
            r.warnings.join("\n"),
        );
    });
});
