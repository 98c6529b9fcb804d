/**
 * Any Pulumi TypeScript/JavaScript program as the gate's subject (`plan --program <dir>`): its
 * Pulumi.yaml (name, runtime, `main`), its stack file and its own config namespace, its entry module
 * run under the gate's mocks as the Node.js language host runs it (the module's exports are the stack
 * outputs; a default-exported function is called). Our config schema is not applied: it belongs to
 * our own program.
 */
import * as fs from "fs";
import * as path from "path";
import { parse } from "yaml";

/** The `--program` directory is not a program the gate can run: exit 2, one line. */
export class ProgramUsageError extends Error {
    override name = "ProgramUsageError";
}

/** The program itself failed (threw while registering resources): exit 3 with its message. */
export class ProgramFailedError extends Error {
    override name = "ProgramFailedError";
}

export interface ForeignProject {
    /** The project directory (holding Pulumi.yaml). */
    readonly dir: string;
    /** Pulumi.yaml `name`: the project, and the config namespace of its keys. */
    readonly project: string;
    /** The module the language host would load. */
    readonly entry: string;
}

function readProjectFile(dir: string, shown: string): Record<string, unknown> {
    const file = ["Pulumi.yaml", "Pulumi.yml"].map((f) => path.join(dir, f)).find((f) => fs.existsSync(f));
    if (file === undefined) {
        throw new ProgramUsageError(`--program ${shown}: not a Pulumi project: expected ${path.join(dir, "Pulumi.yaml")}`);
    }
    let doc: unknown;
    try {
        doc = parse(fs.readFileSync(file, "utf8"));
    } catch (e) {
        throw new ProgramUsageError(`--program ${shown}: ${file} is not valid YAML: ${(e as Error).message.split("\n")[0]}`);
    }
    if (doc === null || typeof doc !== "object" || Array.isArray(doc)) {
        throw new ProgramUsageError(`--program ${shown}: ${file} must be a YAML mapping with name and runtime`);
    }
    return doc as Record<string, unknown>;
}

const CANDIDATES = ["", ".ts", ".js", "/index.ts", "/index.js"];

/** `base` as Node would load it, preferring TypeScript as Pulumi's TypeScript runtime does. */
function resolveModule(base: string): string | undefined {
    for (const suffix of CANDIDATES) {
        const p = base + suffix;
        if (fs.existsSync(p) && fs.statSync(p).isFile()) {
            return p;
        }
    }
    return undefined;
}

/** The entry module: Pulumi.yaml `main` (file or directory), else the directory's package.json `main`, else index. */
function resolveEntry(dir: string, main: unknown, shown: string): string {
    const base = typeof main === "string" && main !== "" ? path.resolve(dir, main) : dir;
    if (fs.existsSync(base) && fs.statSync(base).isFile()) {
        return base;
    }
    const pkgFile = path.join(base, "package.json");
    if (fs.existsSync(pkgFile)) {
        const pkgMain = (JSON.parse(fs.readFileSync(pkgFile, "utf8")) as { main?: unknown }).main;
        const found = typeof pkgMain === "string" ? resolveModule(path.resolve(base, pkgMain)) : undefined;
        if (found !== undefined) {
            return found;
        }
    }
    const index = resolveModule(path.join(base, "index"));
    if (index === undefined) {
        throw new ProgramUsageError(
            `--program ${shown}: no program entry: expected ${path.join(base, "index.ts")} or index.js (or a package.json main)`,
        );
    }
    return index;
}

/** Reads and checks a `--program` directory; every problem is a `ProgramUsageError` naming the path. */
export function readForeignProject(dir: string, shown: string = dir): ForeignProject {
    if (!fs.existsSync(dir) || !fs.statSync(dir).isDirectory()) {
        throw new ProgramUsageError(`--program ${shown}: no such directory: expected a Pulumi project directory holding Pulumi.yaml`);
    }
    const doc = readProjectFile(dir, shown);
    const runtime = typeof doc.runtime === "string" ? doc.runtime : (doc.runtime as { name?: unknown } | undefined)?.name;
    if (runtime !== "nodejs") {
        throw new ProgramUsageError(
            `--program ${shown}: runtime ${JSON.stringify(runtime ?? null)} in Pulumi.yaml; the gate runs nodejs (TypeScript or JavaScript) programs`,
        );
    }
    if (typeof doc.name !== "string" || doc.name === "") {
        throw new ProgramUsageError(`--program ${shown}: Pulumi.yaml has no name: expected the project name`);
    }
    return { dir, project: doc.name, entry: resolveEntry(dir, doc.main, shown) };
}

/** The stack file of `stack`, which must exist. */
export function foreignStackFile(p: ForeignProject, stack: string, shown: string, stackFile?: string): string {
    const file = stackFile ?? path.join(p.dir, `Pulumi.${stack}.yaml`);
    if (!fs.existsSync(file)) {
        throw new ProgramUsageError(`--program ${shown}: no stack file for stack ${JSON.stringify(stack)}: expected ${file}`);
    }
    return file;
}

/**
 * Lets Node load a TypeScript entry: nothing when a `.ts` loader is registered already (e.g. under
 * ts-node); else the program's own ts-node, else the one @pulumi/pulumi vendors (as the language host
 * falls back to it), transpile-only with the program's tsconfig.
 */
function ensureTypeScript(p: ForeignProject): void {
    if (!p.entry.endsWith(".ts") || require.extensions[".ts"] !== undefined) {
        return;
    }
    let tsNode: string;
    try {
        tsNode = require.resolve("ts-node", { paths: [p.dir] });
    } catch {
        tsNode = require.resolve("@pulumi/pulumi/vendor/ts-node@7.0.1");
    }
    const project = path.join(p.dir, "tsconfig.json");
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    (require(tsNode) as { register(o: object): void }).register({
        transpileOnly: true,
        ...(fs.existsSync(project) ? { project } : { compilerOptions: { module: "commonjs", target: "es2020", esModuleInterop: true } }),
    });
}

/**
 * Loads the entry module (fresh: a second run in the same process registers again) and returns its
 * stack outputs. A throw from the program becomes `ProgramFailedError` with the program's message.
 */
export async function runForeignEntry(p: ForeignProject): Promise<unknown> {
    ensureTypeScript(p);
    for (const key of Object.keys(require.cache)) {
        if (key.startsWith(p.dir + path.sep) && !key.includes(`${path.sep}node_modules${path.sep}`)) {
            delete require.cache[key];
        }
    }
    try {
        // eslint-disable-next-line @typescript-eslint/no-require-imports
        const mod = require(p.entry) as { default?: unknown } | undefined;
        const main = mod?.default;
        return typeof main === "function" ? await (main as () => unknown)() : mod;
    } catch (e) {
        throw new ProgramFailedError(`the program ${p.entry} failed: ${e instanceof Error ? e.message : String(e)}`);
    }
}
