/**
 * The policy pack as its own package: `npm pack` of policy-pack/ (built first, as `prepack` would),
 * the tarball installed into a fresh project in a temp dir (production dependencies linked from the
 * repository, as tests/package/tarball.ts does for the library), and the gate run with
 * `--pack <project>/node_modules/firehose-storage-policies` on the shipped dev stack: the pack any
 * project would use with `--policy-pack node_modules/firehose-storage-policies`.
 */
import * as assert from "node:assert/strict";
import { execFileSync } from "child_process";
import * as fs from "fs";
import * as path from "path";
import { runCli } from "../../cli/main";
import { ensurePackBuilt, stalePackBuild } from "../../gate/packBuild";
import { linkModules, ROOT, tarballFiles, tempDir } from "./tarball";

const PACK = path.join(ROOT, "policy-pack");
const NAME = "firehose-storage-policies";

interface Manifest {
    readonly name: string;
    readonly version: string;
    readonly main: string;
    readonly private?: boolean;
    readonly files: string[];
    readonly scripts: Record<string, string>;
    readonly dependencies: Record<string, string>;
}

function manifest(dir: string): Manifest {
    return JSON.parse(fs.readFileSync(path.join(dir, "package.json"), "utf8")) as Manifest;
}

describe("package: the policy pack on its own", function () {
    this.timeout(240_000);
    let dir: string;
    let tarball: string;
    let packDir: string;

    before(async () => {
        dir = tempDir("firehose-pack-");
        await ensurePackBuilt(PACK);
        const out = execFileSync("npm", ["pack", "--ignore-scripts", "--silent", "--pack-destination", dir], {
            cwd: PACK,
            encoding: "utf8",
        });
        tarball = path.join(dir, out.trim().split("\n").pop() ?? "");
        const project = path.join(dir, "consumer");
        packDir = path.join(project, "node_modules", NAME);
        fs.mkdirSync(packDir, { recursive: true });
        execFileSync("tar", ["-xzf", tarball, "-C", packDir, "--strip-components=1"]);
        // What `npm install` would put beside it: its dependencies and theirs, flat. The pack process
        // keeps symlinked paths, so every package of the repository's node_modules is linked (offline).
        const names = fs
            .readdirSync(path.join(ROOT, "node_modules"))
            .filter((n) => !n.startsWith("."))
            .flatMap((n) => (n.startsWith("@") ? fs.readdirSync(path.join(ROOT, "node_modules", n)).map((m) => `${n}/${m}`) : [n]));
        linkModules(project, names);
    });

    after(() => {
        fs.rmSync(dir, { recursive: true, force: true });
    });

    it("is publishable: named, at the library's version, main compiled, built on pack, not private", () => {
        const m = manifest(PACK);
        assert.deepEqual([m.name, m.version, m.main, m.private], [NAME, manifest(ROOT).version, "bin/policy-pack/index.js", undefined]);
        assert.match(m.scripts.prepack, /clean && tsc -p \.$/);
        assert.ok(fs.existsSync(path.join(PACK, "PulumiPolicy.yaml")));
    });

    it("the tarball holds the compiled pack, its manifest and configs; no TypeScript, no node_modules", () => {
        const files = tarballFiles(tarball);
        for (const f of [
            "package.json",
            "PulumiPolicy.yaml",
            "bin/policy-pack/index.js",
            "bin/rules/index.js",
            "config/dev.json",
            "config/prod.json",
        ]) {
            assert.ok(files.includes(f), `${f} missing from the tarball`);
        }
        assert.deepEqual(
            files.filter((f) => f.endsWith(".ts") || f.includes("node_modules/") || f.endsWith(".map")),
            [],
        );
        assert.equal(stalePackBuild(packDir), undefined, "an installed pack is current: nothing to rebuild");
    });

    it("plan --stack dev --pack node_modules/firehose-storage-policies: the shipped dev stack passes (exit 0)", async () => {
        const r = await runCli(["plan", "--stack", "dev", "--pack", packDir, "--json"], { cwd: ROOT });
        assert.equal(r.code, 0, r.stderr);
        const j = JSON.parse(r.stdout) as {
            verdict: string;
            stack: string;
            counts: { mandatory: number };
            pack: { name: string; version: string };
            policyConfig: string | null;
            warnings: string[];
        };
        assert.deepEqual([j.stack, j.verdict, j.counts.mandatory], ["dev", "pass", 0]);
        assert.deepEqual(j.pack, { name: "firehose-storage", version: manifest(ROOT).version });
        assert.deepEqual(j.warnings, [], "served as installed: nothing rebuilt, nothing stale");
        assert.equal(
            path.resolve(ROOT, j.policyConfig ?? ""),
            path.join(packDir, "config", "dev.json"),
            "the installed pack's own dev config",
        );
    });
});
