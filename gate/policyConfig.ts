/**
 * Policy-pack configuration as the Pulumi CLI handles `--policy-pack-config <file>` (pure): parse the
 * JSON (`{"all": "<level>", "<policy>": "<level>" | {"enforcementLevel"?: "<level>", ...properties}}`),
 * then reconcile it with the pack's metadata the way the engine's `ReconcilePolicyPackConfig` does:
 * schema defaults, then the pack's initial config, then the file (`all` first, then each policy), so
 * `Configure` receives one complete entry per policy.
 */
import Ajv, { ValidateFunction } from "ajv";

export const ENFORCEMENT_LEVELS = ["advisory", "mandatory", "remediate", "disabled"] as const;
export type EnforcementLevel = (typeof ENFORCEMENT_LEVELS)[number];

/** One policy's entry in a config file. */
export type PolicyConfigEntry = EnforcementLevel | ({ readonly enforcementLevel?: EnforcementLevel } & Readonly<Record<string, unknown>>);
/**
 * The `--policy-pack-config` file format. `all` is typed as a bare level, the common spelling; the
 * parser also accepts `{"all": {"enforcementLevel": ...}}` as the CLI does.
 */
export type PolicyPackConfig = { readonly all?: EnforcementLevel } & Readonly<Record<string, PolicyConfigEntry>>;

/** What `Configure` sends for one policy. */
export interface ResolvedPolicyConfig {
    readonly enforcementLevel: EnforcementLevel;
    readonly properties: Record<string, unknown>;
}

/** The part of a pack's metadata reconciliation needs. */
export interface PolicyMeta {
    readonly name: string;
    readonly enforcementLevel: EnforcementLevel;
    /** JSON Schema `properties` of the policy's `configSchema`, if it has one. */
    readonly configSchema?: { readonly properties: Readonly<Record<string, unknown>>; readonly required: readonly string[] };
}

export class PolicyConfigError extends Error {
    override name = "PolicyConfigError";
}

export function isEnforcementLevel(v: unknown): v is EnforcementLevel {
    return typeof v === "string" && (ENFORCEMENT_LEVELS as readonly string[]).includes(v);
}

interface Parsed {
    readonly enforcementLevel?: EnforcementLevel;
    readonly properties: Record<string, unknown>;
}

/** Validates the file's shape; every problem is collected and reported once, naming the key. */
export function parsePolicyPackConfig(doc: unknown, source: string): Map<string, Parsed> {
    if (doc === null || typeof doc !== "object" || Array.isArray(doc)) {
        throw new PolicyConfigError(`${source}: must be a JSON object of policy name -> level or settings`);
    }
    const problems: string[] = [];
    const result = new Map<string, Parsed>();
    const levels = ENFORCEMENT_LEVELS.join(", ");
    for (const [key, value] of Object.entries(doc as Record<string, unknown>)) {
        if (typeof value === "string") {
            if (isEnforcementLevel(value)) {
                result.set(key, { enforcementLevel: value, properties: {} });
            } else {
                problems.push(`"${key}": ${JSON.stringify(value)} is not an enforcement level (${levels})`);
            }
        } else if (value !== null && typeof value === "object" && !Array.isArray(value)) {
            const { enforcementLevel, ...properties } = value as Record<string, unknown>;
            if (enforcementLevel !== undefined && !isEnforcementLevel(enforcementLevel)) {
                problems.push(`"${key}".enforcementLevel: ${JSON.stringify(enforcementLevel)} is not an enforcement level (${levels})`);
            } else if (key === "all" && Object.keys(properties).length > 0) {
                problems.push(`"all" takes only an enforcement level, not properties (${Object.keys(properties).join(", ")})`);
            } else {
                result.set(key, { enforcementLevel, properties });
            }
        } else {
            problems.push(`"${key}": ${JSON.stringify(value)} must be an enforcement level or an object`);
        }
    }
    if (problems.length > 0) {
        throw new PolicyConfigError(`${source}: ${problems.join("; ")}`);
    }
    return result;
}

function schemaDefaults(p: PolicyMeta): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    for (const [k, schema] of Object.entries(p.configSchema?.properties ?? {})) {
        if (schema !== null && typeof schema === "object" && "default" in schema) {
            out[k] = schema.default;
        }
    }
    return out;
}

function apply(result: Map<string, ResolvedPolicyConfig>, config: Map<string, Parsed>): void {
    const all = config.get("all")?.enforcementLevel;
    if (all !== undefined) {
        for (const [name, c] of result) {
            result.set(name, { ...c, enforcementLevel: all });
        }
    }
    for (const [name, given] of config) {
        const current = result.get(name);
        if (name === "all" || current === undefined) {
            continue;
        }
        result.set(name, {
            enforcementLevel: given.enforcementLevel ?? current.enforcementLevel,
            properties: { ...current.properties, ...given.properties },
        });
    }
}

/**
 * The engine's check of the reconciled properties: each policy's `configSchema` as an object schema
 * (`{type: "object", properties, required}`, as the CLI builds it), every problem named by policy, in
 * ajv's words and order (`required` before `properties`). Each property's schema is compiled once
 * per process and shared by every policy that declares the same one (every policy here takes the same
 * `waivers` schema): compiling a whole schema per policy cost more than the analysis itself.
 */
const ajv = new Ajv({ allErrors: true, strict: false });
const validators = new Map<string, ValidateFunction>();

function validatorOf(schema: unknown): ValidateFunction {
    const key = JSON.stringify(schema);
    const known = validators.get(key);
    if (known !== undefined) {
        return known;
    }
    const compiled = ajv.compile(schema as object);
    validators.set(key, compiled);
    return compiled;
}

function schemaProblems(policies: readonly PolicyMeta[], result: ReadonlyMap<string, ResolvedPolicyConfig>): string[] {
    return policies.flatMap((p) => {
        if (p.configSchema === undefined) {
            return [];
        }
        const given: Readonly<Record<string, unknown>> = result.get(p.name)?.properties ?? {};
        const missing = p.configSchema.required
            .filter((k) => given[k] === undefined)
            .map((k) => `"${p.name}" must have required property '${k}'`);
        const wrong = Object.entries(p.configSchema.properties).flatMap(([k, schema]) => {
            if (given[k] === undefined) {
                return [];
            }
            const validate = validatorOf(schema);
            return validate(given[k])
                ? []
                : (validate.errors ?? []).map((e) => `"${p.name}".${k}${e.instancePath.replace(/\//g, ".")} ${e.message ?? "is invalid"}`);
        });
        return [...missing, ...wrong];
    });
}

/**
 * One complete entry per policy of the pack, checked against each policy's `configSchema` as the
 * CLI checks it. Stricter than the CLI, on purpose (this is a gate): a policy name the pack does not
 * have is an error (the CLI ignores it, so a typo would quietly leave a policy at its default level).
 */
export function reconcilePolicyConfig(
    policies: readonly PolicyMeta[],
    initial: Map<string, Parsed>,
    config: Map<string, Parsed>,
    source: string,
): Map<string, ResolvedPolicyConfig> {
    const known = new Set(policies.map((p) => p.name));
    const unknown = [...config.keys()].filter((k) => k !== "all" && !known.has(k));
    if (unknown.length > 0) {
        throw new PolicyConfigError(`${source}: no policy named ${unknown.map((k) => `"${k}"`).join(", ")} in the pack`);
    }
    const result = new Map(policies.map((p) => [p.name, { enforcementLevel: p.enforcementLevel, properties: schemaDefaults(p) }]));
    apply(result, initial);
    apply(result, config);
    const problems = schemaProblems(policies, result);
    if (problems.length > 0) {
        throw new PolicyConfigError(`${source}: invalid policy properties: ${problems.join("; ")}`);
    }
    return result;
}
