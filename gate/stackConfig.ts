/**
 * Reads a named stack's configuration the way the Pulumi CLI assembles it: project defaults from
 * `Pulumi.yaml`, then `Pulumi.<stack>.yaml`, then command-line overrides; flattened to the engine's
 * `namespace:key` -> string map (objects JSON-encoded, as the engine passes them to the program).
 */
import * as fs from "fs";
import * as path from "path";
import { parse } from "yaml";

export interface StackConfig {
    readonly project: string;
    readonly stack: string;
    /** `namespace:key` -> value as the engine passes it (strings; objects and scalars JSON-encoded). */
    readonly config: Record<string, string>;
    /** Keys whose values are `secure:` ciphertext the offline gate cannot decrypt. */
    readonly secretKeys: string[];
}

export class StackFileError extends Error {
    override name = "StackFileError";
}

function readYaml(file: string): Record<string, unknown> {
    if (!fs.existsSync(file)) {
        throw new StackFileError(`${file} does not exist`);
    }
    const doc = parse(fs.readFileSync(file, "utf8")) as unknown;
    if (doc === null || typeof doc !== "object" || Array.isArray(doc)) {
        throw new StackFileError(`${file} must be a YAML mapping`);
    }
    return doc as Record<string, unknown>;
}

function encode(v: unknown): string {
    return typeof v === "string" ? v : JSON.stringify(v);
}

function isSecure(v: unknown): boolean {
    return v !== null && typeof v === "object" && "secure" in v;
}

/** `key` -> `project:key` unless it already names a namespace. */
function qualify(key: string, project: string): string {
    return key.includes(":") ? key : `${project}:${key}`;
}

export interface LoadOptions {
    /** Directory holding Pulumi.yaml. */
    readonly projectDir: string;
    readonly stack: string;
    /** Use this file instead of `Pulumi.<stack>.yaml` (e.g. a test stack). */
    readonly stackFile?: string;
    /** `key=value` pairs, as `pulumi config set key value` would store them (values parsed as YAML). */
    readonly overrides?: readonly string[];
}

export function loadStackConfig(o: LoadOptions): StackConfig {
    const projectDoc = readYaml(path.join(o.projectDir, "Pulumi.yaml"));
    const project = String(projectDoc.name);
    const config: Record<string, string> = {};
    const secretKeys: string[] = [];
    const declared = (projectDoc.config ?? {}) as Record<string, { default?: unknown }>;
    for (const [key, decl] of Object.entries(declared)) {
        if (decl !== null && typeof decl === "object" && decl.default !== undefined) {
            config[qualify(key, project)] = encode(decl.default);
        }
    }
    const stackFile = o.stackFile ?? path.join(o.projectDir, `Pulumi.${o.stack}.yaml`);
    const stackDoc = readYaml(stackFile);
    for (const [key, value] of Object.entries((stackDoc.config ?? {}) as Record<string, unknown>)) {
        const full = qualify(key, project);
        if (isSecure(value)) {
            secretKeys.push(full);
            config[full] = "[secret]";
        } else {
            config[full] = encode(value);
        }
    }
    for (const pair of o.overrides ?? []) {
        applyOverride(config, project, pair);
    }
    return { project, stack: o.stack, config, secretKeys };
}

/**
 * Applies `key=value` or, like `pulumi config set --path`, `key.sub.field=value` (objects only) to the
 * flat map. The value is parsed as YAML, so `30` is a number and `[a, b]` a list.
 */
function applyOverride(config: Record<string, string>, project: string, pair: string): void {
    const eq = pair.indexOf("=");
    if (eq <= 0) {
        throw new StackFileError(`--config ${JSON.stringify(pair)} must be key=value`);
    }
    const [top, ...rest] = pair.slice(0, eq).split(".");
    const key = qualify(top, project);
    const value = parse(pair.slice(eq + 1)) as unknown;
    if (rest.length === 0) {
        config[key] = encode(value);
        return;
    }
    const root = (config[key] !== undefined ? JSON.parse(config[key]) : {}) as Record<string, unknown>;
    let node = root;
    for (const seg of rest.slice(0, -1)) {
        const next = node[seg];
        node = (next !== null && typeof next === "object" ? next : (node[seg] = {})) as Record<string, unknown>;
    }
    node[rest[rest.length - 1]] = value;
    config[key] = JSON.stringify(root);
}
