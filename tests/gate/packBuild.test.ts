/** gate/packBuild.ts: when a compiled pack counts as stale, and what a failed build reports. */
import * as assert from "node:assert/strict";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { PolicyPackError } from "../../gate/analyzer";
import { buildPack, ensurePackBuilt, stalePackBuild } from "../../gate/packBuild";

describe("gate/packBuild", () => {
    let dir: string;
    const write = (file: string, text: string, mtimeSec?: number) => {
        fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
        fs.writeFileSync(path.join(dir, file), text);
        if (mtimeSec !== undefined) {
            fs.utimesSync(path.join(dir, file), mtimeSec, mtimeSec);
        }
    };
    beforeEach(() => {
        dir = fs.mkdtempSync(path.join(os.tmpdir(), "pack-build-"));
        write("package.json", JSON.stringify({ name: "p", version: "1.0.0", main: "bin/index.js" }), 1000);
        write("tsconfig.json", JSON.stringify({ compilerOptions: { outDir: "bin", strict: true }, include: ["*.ts"] }), 1000);
        write("index.ts", "export const x: number = 1;\n", 2000);
    });
    afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

    it("missing build, stale build, current build; node_modules is not a source", () => {
        assert.match(stalePackBuild(dir) ?? "", /the policy pack is not built \(bin\/index\.js is missing\)/);
        write("bin/index.js", "", 1500);
        assert.match(stalePackBuild(dir) ?? "", /the policy pack's build \(bin\/\) is older than its sources/);
        write("bin/lib/x.js", "", 3000);
        assert.equal(stalePackBuild(dir), undefined, "the newest output counts, not only main");
        write("node_modules/dep/index.ts", "", 4000);
        assert.equal(stalePackBuild(dir), undefined);
        write("lib/rule.ts", "", 4000);
        assert.match(stalePackBuild(dir) ?? "", /older than its sources/);
    });

    it("sources outside the pack that its tsconfig includes (the shared rules/) count too", () => {
        write("pack/package.json", JSON.stringify({ name: "p", version: "1.0.0", main: "bin/pack/index.js" }), 1000);
        write("pack/tsconfig.json", JSON.stringify({ compilerOptions: { rootDir: ".." }, include: ["**/*.ts", "../rules/**/*.ts"] }), 1000);
        write("pack/index.ts", "", 1000);
        write("pack/bin/pack/index.js", "", 2000);
        write("rules/a.ts", "", 1500);
        write("other/b.ts", "", 5000);
        const pack = path.join(dir, "pack");
        assert.equal(stalePackBuild(pack), undefined, "a file the tsconfig does not include is not a source");
        write("rules/deep/a.ts", "", 3000);
        assert.match(stalePackBuild(pack) ?? "", /older than its sources/);
    });

    it("a pack whose main is TypeScript or at the top level is never stale", () => {
        write("package.json", JSON.stringify({ name: "p", version: "1.0.0", main: "index.ts" }));
        assert.equal(stalePackBuild(dir), undefined);
        write("package.json", JSON.stringify({ name: "p", version: "1.0.0", main: "index.js" }));
        assert.equal(stalePackBuild(dir), undefined);
    });

    it("ensurePackBuilt compiles a missing build; a type error is a PolicyPackError with tsc's message", async function () {
        this.timeout(60_000);
        assert.match((await ensurePackBuilt(dir)) ?? "", /is not built/);
        assert.ok(fs.existsSync(path.join(dir, "bin", "index.js")));
        assert.equal(stalePackBuild(dir), undefined);
        write("index.ts", 'export const x: number = "one";\n');
        await assert.rejects(
            buildPack(dir),
            (e: Error) => e instanceof PolicyPackError && /TS2322: Type 'string' is not assignable to type 'number'/.test(e.message),
        );
    });
});
