/**
 * Is a compiled policy pack older than its TypeScript sources? A pack whose `main` is compiled
 * JavaScript starts fast, but the engine runs whatever was last built: after an edit without
 * `npm run build` the verdict would come from old policies. The gate rebuilds (unless told not to,
 * then it warns); tests and the benchmark rebuild too.
 */
import { spawn } from "child_process";
import * as fs from "fs";
import * as path from "path";
import { InputError } from "./inputError";
import { childEnv, GUARD, PolicyPackError, track } from "./packProcess";

/** The pack directory is the user's input (`--pack`): a missing one or a bad package.json is exit 2. */
export class PackDirError extends InputError {
    override name = "PackDirError";
}

/** The pack's `package.json`, checked: the directory exists and the file is a JSON object with a string `main`. */
export function readPackManifest(packDir: string): { readonly main: string | undefined } {
    let stat: fs.Stats;
    try {
        stat = fs.statSync(packDir);
    } catch {
        throw new PackDirError(`policy pack ${packDir} does not exist`);
    }
    if (!stat.isDirectory()) {
        throw new PackDirError(`policy pack ${packDir} is not a directory`);
    }
    const file = path.join(packDir, "package.json");
    let text: string;
    try {
        text = fs.readFileSync(file, "utf8");
    } catch (e) {
        const code = (e as NodeJS.ErrnoException).code;
        throw new PackDirError(
            code === "ENOENT"
                ? `policy pack ${packDir} has no package.json: is it a policy pack?`
                : `${file} cannot be read (${code ?? String(e)})`,
        );
    }
    let doc: unknown;
    try {
        doc = JSON.parse(text);
    } catch (e) {
        throw new PackDirError(`${file} is not valid JSON: ${(e as Error).message}`);
    }
    if (doc === null || typeof doc !== "object" || Array.isArray(doc)) {
        throw new PackDirError(`${file} must be a JSON object`);
    }
    const { main, version } = doc as { main?: unknown; version?: unknown };
    if (main !== undefined && (typeof main !== "string" || main === "")) {
        throw new PackDirError(`${file}: "main" must be a file name, got ${JSON.stringify(main)}`);
    }
    if (typeof version !== "string") {
        throw new PackDirError(`${file}: "version" must be set (e.g. "1.0.0"); a policy pack reads it`);
    }
    return { main };
}

function newest(dir: string, skip: ReadonlySet<string>, ext: string): number {
    let max = 0;
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
        const p = path.join(dir, entry.name);
        if (entry.isDirectory()) {
            if (!skip.has(p) && entry.name !== "node_modules") {
                max = Math.max(max, newest(p, skip, ext));
            }
        } else if (entry.name.endsWith(ext)) {
            max = Math.max(max, fs.statSync(p).mtimeMs);
        }
    }
    return max;
}

/**
 * The directories the pack's tsconfig compiles: the fixed part of each `include` pattern (so
 * `../rules/<glob>.ts` adds the shared rules module); the pack directory without a tsconfig.
 */
function sourceDirs(packDir: string): string[] {
    const tsconfig = path.join(packDir, "tsconfig.json");
    const include = fs.existsSync(tsconfig)
        ? ((JSON.parse(fs.readFileSync(tsconfig, "utf8")) as { include?: string[] }).include ?? ["**/*"])
        : ["**/*"];
    const dirs = include.map((pattern) => {
        const fixed = pattern.split("/").filter((_part, i, all) => i < all.length - 1 && !/[*?{[]/.test(all.slice(0, i + 1).join("/")));
        return path.resolve(packDir, ...fixed);
    });
    return [...new Set(dirs)];
}

/**
 * For a pack whose `main` is a `.js` file inside an output directory (e.g. `bin/index.js`): a message
 * when a `.ts` source its tsconfig compiles (or tsconfig/package.json) is newer than everything in
 * that directory, or when `main` is missing; `undefined` when the build is current or the pack runs
 * TypeScript directly. The one staleness rule: the gate, the tests and the benchmark all use it.
 */
export function stalePackBuild(packDir: string): string | undefined {
    const main = readPackManifest(packDir).main ?? "index.js";
    const [top] = path.normalize(main).split(path.sep);
    if (!main.endsWith(".js") || top === main) {
        return undefined;
    }
    const outDir = path.join(packDir, top);
    const rel = path.relative(process.cwd(), packDir);
    const fix = `run \`npm --prefix ${rel === "" || rel.startsWith("..") ? packDir : rel} run build\``;
    if (!fs.existsSync(path.join(packDir, main))) {
        return `the policy pack is not built (${main} is missing): ${fix}`;
    }
    const built = newest(outDir, new Set(), ".js");
    const sources = Math.max(
        ...sourceDirs(packDir).map((dir) => (fs.existsSync(dir) ? newest(dir, new Set([outDir]), ".ts") : 0)),
        ...["tsconfig.json", "package.json"].map((f) =>
            fs.existsSync(path.join(packDir, f)) ? fs.statSync(path.join(packDir, f)).mtimeMs : 0,
        ),
    );
    return sources > built ? `the policy pack's build (${top}/) is older than its sources: ${fix}` : undefined;
}

/** Runs tsc as a tracked child with the guard preloaded: a signal or our death ends it too. */
function runTsc(packDir: string): Promise<{ code: number | null; output: string }> {
    return new Promise((resolve, reject) => {
        const child = spawn(process.execPath, ["--require", GUARD, require.resolve("typescript/bin/tsc"), "-p", packDir], {
            env: childEnv(),
            stdio: ["pipe", "pipe", "pipe"],
        });
        child.stdin.on("error", () => undefined);
        track(child);
        let output = "";
        child.stdout.setEncoding("utf8").on("data", (d: string) => (output += d));
        child.stderr.setEncoding("utf8").on("data", (d: string) => (output += d));
        child.once("error", reject);
        child.once("close", (code) => resolve({ code, output }));
    });
}

const READ_ONLY = /\b(EACCES|EROFS|EPERM)\b/;

function readOnly(packDir: string): string {
    return `cannot build the policy pack: ${packDir} is not writable; run with --no-build to serve it as built, or build it where you can write`;
}

/**
 * Compiles the pack with its own tsconfig, as its `build` script does (dependencies resolve from
 * the pack's node_modules or the repository's). A compile error throws `PolicyPackError` with tsc's
 * output; a read-only checkout one line suggesting --no-build; nothing is written to our stdout (it
 * may carry `--json`). tsc runs as a child the gate kills when it is interrupted.
 */
export async function buildPack(packDir: string): Promise<void> {
    try {
        fs.accessSync(packDir, fs.constants.W_OK);
    } catch {
        throw new PolicyPackError(readOnly(packDir));
    }
    const { code, output } = await runTsc(packDir);
    if (code !== 0) {
        throw new PolicyPackError(
            READ_ONLY.test(output) ? readOnly(packDir) : `could not build the policy pack ${packDir}:\n${output.trim()}`,
        );
    }
    const main = readPackManifest(packDir).main;
    if (main !== undefined && fs.existsSync(path.join(packDir, main))) {
        const now = new Date();
        fs.utimesSync(path.join(packDir, main), now, now); // tsc may leave unchanged outputs' mtimes alone
    }
}

/** Builds the pack when its build is missing or stale; returns why it built, if it did. */
export async function ensurePackBuilt(packDir: string): Promise<string | undefined> {
    const stale = stalePackBuild(packDir);
    if (stale !== undefined) {
        await buildPack(packDir);
    }
    return stale;
}
