/**
 * The CLI as installed without dev dependencies: the compiled bin (no ts-node), `--version`,
 * `--help`, a `plan` of a shipped stack; without its node_modules, one line and exit 3.
 */
import * as assert from "node:assert/strict";
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as path from "path";
import { installed } from "./installed";
import { extractInto, tempDir } from "./tarball";

function bin(packageDir: string, args: readonly string[], cwd: string): { code: number | null; stdout: string; stderr: string } {
    const r = spawnSync(process.execPath, [path.join(packageDir, "dist", "cli", "bin.js"), ...args], {
        cwd,
        encoding: "utf8",
        env: { ...process.env, NO_COLOR: "1" },
        timeout: 300_000,
    });
    return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe("package: the CLI without dev dependencies", function () {
    this.timeout(240_000);

    it("--version prints the package version", () => {
        const { packageDir, project } = installed();
        const version = (JSON.parse(fs.readFileSync(path.join(packageDir, "package.json"), "utf8")) as { version: string }).version;
        const r = bin(packageDir, ["--version"], project);
        assert.equal(r.code, 0, r.stderr);
        assert.equal(r.stdout, `${version}\n`);
    });

    it("--help lists the commands", () => {
        const { packageDir, project } = installed();
        const r = bin(packageDir, ["--help"], project);
        assert.equal(r.code, 0, r.stderr);
        assert.match(r.stdout, /^Usage: firehose-storage /);
        assert.match(r.stdout, /^ {2}plan /m);
    });

    it("plan --stack dev --json: the shipped dev stack passes, judged by the packaged pack", () => {
        const { packageDir, project } = installed();
        const r = bin(packageDir, ["plan", "--stack", "dev", "--json"], project);
        assert.equal(r.code, 0, r.stderr);
        const j = JSON.parse(r.stdout) as { verdict: string; stack: string; resources: unknown[]; counts: { mandatory: number } };
        assert.deepEqual([j.stack, j.verdict, j.counts.mandatory], ["dev", "pass", 0]);
        assert.ok(j.resources.length > 40, `only ${j.resources.length} resources`);
    });

    it("without node_modules: one line naming the missing module, exit 3", () => {
        const { tarball } = installed();
        const bare = tempDir("firehose-bare-");
        try {
            const packageDir = extractInto(tarball, bare);
            const r = bin(packageDir, ["plan", "--stack", "dev"], bare);
            assert.equal(r.code, 3);
            assert.equal(r.stdout, "");
            assert.match(
                r.stderr,
                /^error: firehose-storage cannot load its dependencies \(Cannot find module '[^']+'\): run `npm install` \(or `npm ci`\) where it is installed\n$/,
            );
        } finally {
            fs.rmSync(bare, { recursive: true, force: true });
        }
    });
});
