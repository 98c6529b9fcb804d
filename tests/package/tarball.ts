/**
 * The packed package, as a user gets it: `dist/` compiled when older than its sources, the pack
 * compiled when stale, then `npm pack` (scripts skipped: the build just ran), and the tarball
 * installed into a fresh project in a temp dir. Installing means what npm does for a tarball:
 * extract it to `node_modules/firehose-storage`; its production dependencies are linked from the
 * repository's node_modules (no registry, no copy: the suite stays offline and fast), dev
 * dependencies are not, so nothing in the package can reach ts-node, typescript or mocha.
 */
import { execFileSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { stalePackBuild } from "../../gate/packBuild";

export const ROOT = path.resolve(__dirname, "..", "..");
const BUILD_INFO = path.join(ROOT, "dist", ".tsbuildinfo");
/** Folders the library build leaves out (tsconfig.build.json `exclude`). */
const NOT_BUILT = new Set(["node_modules", "dist", "bin", "tests", "scripts", "smoke", "policy-pack", "provider", ".git"]);

function newestSource(dir: string): number {
    let max = 0;
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
        const p = path.join(dir, e.name);
        if (e.isDirectory()) {
            max = dir === ROOT && NOT_BUILT.has(e.name) ? max : Math.max(max, newestSource(p));
        } else if (e.name.endsWith(".ts") || (dir === ROOT && /^(package|tsconfig.*)\.json$/.test(e.name))) {
            max = Math.max(max, fs.statSync(p).mtimeMs);
        }
    }
    return max;
}

/** Runs `npm run build`'s library step when `dist/` is missing or older than a source. */
export function ensureLibraryBuilt(): void {
    if (fs.existsSync(BUILD_INFO) && fs.statSync(BUILD_INFO).mtimeMs >= newestSource(ROOT)) {
        return;
    }
    execFileSync(process.execPath, [require.resolve("typescript/bin/tsc"), "-p", path.join(ROOT, "tsconfig.build.json")], {
        stdio: "pipe",
    });
    const now = new Date();
    fs.utimesSync(BUILD_INFO, now, now); // tsc leaves an unchanged build info alone
}

/** Builds what is stale and packs; returns the tarball's path in `dir`. */
export function packTarball(dir: string): string {
    ensureLibraryBuilt();
    const packDir = path.join(ROOT, "policy-pack");
    if (stalePackBuild(packDir) !== undefined) {
        // Synchronous here (installed() is): the gate's own build (ensurePackBuilt) is asynchronous.
        execFileSync(process.execPath, [require.resolve("typescript/bin/tsc"), "-p", packDir], { stdio: "pipe" });
    }
    const out = execFileSync("npm", ["pack", "--ignore-scripts", "--silent", "--pack-destination", dir], { cwd: ROOT, encoding: "utf8" });
    return path.join(dir, out.trim().split("\n").pop() ?? "");
}

/** The tarball's file list (paths inside the package). */
export function tarballFiles(tarball: string): string[] {
    return execFileSync("tar", ["-tzf", tarball], { encoding: "utf8" })
        .split("\n")
        .filter((l) => l !== "")
        .map((l) => l.replace(/^package\//, ""));
}

/** Extracts the tarball as `node_modules/firehose-storage` of `project`. */
export function extractInto(tarball: string, project: string): string {
    const dir = path.join(project, "node_modules", "firehose-storage");
    fs.mkdirSync(dir, { recursive: true });
    execFileSync("tar", ["-xzf", tarball, "-C", dir, "--strip-components=1"]);
    return dir;
}

/** Links `names` from the repository's node_modules into `project`'s. */
export function linkModules(project: string, names: readonly string[]): void {
    for (const name of names) {
        const link = path.join(project, "node_modules", name);
        fs.mkdirSync(path.dirname(link), { recursive: true });
        fs.symlinkSync(path.join(ROOT, "node_modules", name), link, "dir");
    }
}

/**
 * Every package an install without dev dependencies puts at the top of `node_modules`: the
 * production dependencies and theirs (`npm ls --omit=dev --all`), as `npm install --omit=dev` lays
 * them out flat. Nested copies travel inside their parent's link.
 */
export function productionClosure(): string[] {
    const out = execFileSync("npm", ["ls", "--omit=dev", "--all", "--parseable"], { cwd: ROOT, encoding: "utf8" });
    const top = path.join(ROOT, "node_modules") + path.sep;
    return [
        ...new Set(
            out
                .split("\n")
                .filter((l) => l.startsWith(top) && !l.slice(top.length).includes(`${path.sep}node_modules${path.sep}`))
                .map((l) => l.slice(top.length)),
        ),
    ].sort();
}

/** A fresh temp dir (removed by the caller). */
export function tempDir(prefix: string): string {
    return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}
