/**
 * Reads a named stack's configuration the way the Pulumi CLI assembles it: project defaults from
 * `Pulumi.yaml`, then `Pulumi.<stack>.yaml`, then command-line overrides; checked against the types
 * `Pulumi.yaml` declares (as the CLI does); flattened to the engine's `namespace:key` -> string map
 * (objects JSON-encoded, as the engine passes them to the program). Secrets (`{secure: ...}`, at the
 * top or nested) become `SECRET_STANDIN`: there is no key to decrypt them offline.
 */
import * as path from "path";
import { Problem } from "../config";
import { SECRET_STANDIN } from "../config/secret";
import { applyOverride } from "./configOverride";
import { InputError } from "./inputError";
import { declaredTypeProblem, ProjectConfigType } from "./projectTypes";
import { readTextFile, parseYamlText } from "./yamlFile";

export interface StackConfig {
    readonly project: string;
    readonly stack: string;
    /** `namespace:key` -> value as the engine passes it (strings; objects and scalars JSON-encoded). */
    readonly config: Record<string, string>;
    /** Keys whose values are, or hold, `secure:` ciphertext the offline gate cannot decrypt. */
    readonly secretKeys: string[];
    /** What the Pulumi CLI itself would refuse (types declared in Pulumi.yaml, keys without a value). */
    readonly problems: Problem[];
}

/** The stack file is the user's input: errors in it are exit 2. */
export class StackFileError extends InputError {
    override name = "StackFileError";
}

/** The top-level sections of a stack file (Pulumi's project-stack schema). */
const STACK_SECTIONS = ["config", "environment", "secretsprovider", "encryptedkey", "encryptionsalt"];

function isMapping(v: unknown): v is Record<string, unknown> {
    return v !== null && typeof v === "object" && !Array.isArray(v);
}

/** Where `key:` first starts a line of `text` (for a message), e.g. `:3:1`. */
function keyLine(text: string, key: string): string {
    const lines = text.split("\n");
    const i = lines.findIndex((l) => l.startsWith(`${key}:`) || l.startsWith(`"${key}":`));
    return i < 0 ? "" : `:${i + 1}:1`;
}

/** Edit distance, for "did you mean". */
function distance(a: string, b: string): number {
    const d = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array<number>(b.length).fill(0)]);
    for (let j = 1; j <= b.length; j++) {
        d[0][j] = j;
    }
    for (let i = 1; i <= a.length; i++) {
        for (let j = 1; j <= b.length; j++) {
            d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
        }
    }
    return d[a.length][b.length];
}

function readMappingFile(file: string, shown: string): { doc: Record<string, unknown>; text: string } {
    const text = readTextFile(file, shown);
    const doc: unknown = parseYamlText(text, shown) ?? Object.create(null);
    if (!isMapping(doc)) {
        throw new StackFileError(
            `${shown} must be a YAML mapping (key: value lines), not ${Array.isArray(doc) ? "a list" : "a single value"}`,
        );
    }
    return { doc, text };
}

/** `key` -> `project:key` unless it already names a namespace. */
function qualify(key: string, project: string): string {
    return key.includes(":") ? key : `${project}:${key}`;
}

function isSecure(v: unknown): v is { secure: string } {
    return isMapping(v) && Object.keys(v).length === 1 && typeof v.secure === "string";
}

/** Replaces every `{secure: ...}` in `v` by the stand-in; `found` says whether there was one. */
function standInSecrets(v: unknown, found: { secret: boolean }): unknown {
    if (isSecure(v)) {
        found.secret = true;
        return SECRET_STANDIN;
    }
    if (Array.isArray(v)) {
        return v.map((x) => standInSecrets(x, found));
    }
    if (isMapping(v)) {
        const out = Object.create(null) as Record<string, unknown>;
        for (const [k, x] of Object.entries(v)) {
            out[k] = standInSecrets(x, found);
        }
        return out;
    }
    return v;
}

export interface LoadOptions {
    /** Directory holding Pulumi.yaml. */
    readonly projectDir: string;
    readonly stack: string;
    /** Use this file instead of `Pulumi.<stack>.yaml` (e.g. a test stack). */
    readonly stackFile?: string;
    /** `key=value` pairs, as `pulumi config set [--path] key value` would store them (values parsed as YAML). */
    readonly overrides?: readonly string[];
}

function projectDeclarations(doc: Record<string, unknown>, file: string): { project: string; declared: Map<string, ProjectConfigType> } {
    if (typeof doc.name !== "string" || doc.name === "") {
        throw new StackFileError(`${file}: "name" must be the project's name (text)`);
    }
    const declared = new Map<string, ProjectConfigType>();
    const config = doc.config ?? {};
    if (!isMapping(config)) {
        throw new StackFileError(`${file}: "config" must be a mapping of key: declaration`);
    }
    for (const [key, decl] of Object.entries(config)) {
        declared.set(key, isMapping(decl) ? decl : { default: decl });
    }
    return { project: doc.name, declared };
}

function stackValues(file: string, shown: string): Record<string, unknown> {
    const { doc, text } = readMappingFile(file, shown);
    for (const key of Object.keys(doc)) {
        if (!STACK_SECTIONS.includes(key)) {
            const near = STACK_SECTIONS.find((s) => distance(s, key.toLowerCase()) <= 2);
            throw new StackFileError(
                `${shown}${keyLine(text, key)}: unknown section ${JSON.stringify(key)}${near !== undefined ? ` (did you mean "${near}"?)` : ""}; ` +
                    `a stack file has ${STACK_SECTIONS.join(", ")}`,
            );
        }
    }
    const config: unknown = doc.config ?? Object.create(null);
    if (!isMapping(config)) {
        throw new StackFileError(`${shown}${keyLine(text, "config")}: "config" must be a mapping of key: value`);
    }
    return config;
}

export function loadStackConfig(o: LoadOptions): StackConfig {
    const projectFile = path.join(o.projectDir, "Pulumi.yaml");
    const { project, declared } = projectDeclarations(readMappingFile(projectFile, projectFile).doc, projectFile);
    const values = Object.create(null) as Record<string, unknown>;
    for (const [key, decl] of declared) {
        if (decl.default !== undefined) {
            values[qualify(key, project)] = decl.default;
        }
    }
    const stackFile = o.stackFile ?? path.join(o.projectDir, `Pulumi.${o.stack}.yaml`);
    for (const [key, value] of Object.entries(stackValues(stackFile, o.stackFile ?? stackFile))) {
        values[qualify(key, project)] = value;
    }
    if (o.overrides !== undefined && !Array.isArray(o.overrides)) {
        throw new InputError(`config overrides must be a list of "key=value" strings, got ${typeof o.overrides}`);
    }
    for (const pair of (o.overrides ?? []) as readonly unknown[]) {
        applyOverride(values, pair, (k) => qualify(k, project));
    }
    const config: Record<string, string> = {};
    const secretKeys: string[] = [];
    const problems: Problem[] = [];
    const prefix = `${project}:`;
    for (const [full, raw] of Object.entries(values)) {
        const shownKey = full.startsWith(prefix) ? full.slice(prefix.length) : full;
        if (raw === null) {
            problems.push({ path: shownKey, value: null, message: "give it a value or remove the key" });
            continue;
        }
        const found = { secret: false };
        const value = standInSecrets(raw, found);
        if (found.secret) {
            secretKeys.push(full);
        }
        const decl = declared.get(shownKey) ?? declared.get(full);
        const typeProblem = decl !== undefined ? declaredTypeProblem(shownKey, value, decl, found.secret) : undefined;
        if (typeProblem !== undefined) {
            problems.push(typeProblem);
        }
        config[full] = typeof value === "string" ? value : JSON.stringify(value);
    }
    return { project, stack: o.stack, config, secretKeys, problems };
}
