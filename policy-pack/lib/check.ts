/**
 * The shape every policy here is built from: a pure check over plain resource views that returns
 * findings, wrapped once into the SDK's policy objects. Keeping checks pure lets the unit tests call
 * them directly and lets `preview-unverified` (policies/unverified.ts) re-run them to list what
 * could not be decided during preview.
 */
import type {
    PolicyConfigSchema,
    PolicyResource,
    ResourceValidationArgs,
    ResourceValidationPolicy,
    StackValidationPolicy,
} from "@pulumi/policy";
import { PolicyWaiver, WAIVERS_SCHEMA } from "../../rules/waivers";
import { metaOf, PolicyMeta, PolicySpec, sdkMeta } from "./meta";
import { raw } from "./unknown";
import { screenFindings } from "./waivers";

/**
 * What a check concluded about one thing. `unverified`: the answer depends on a value that is
 * unknown until `pulumi up` creates the resources it comes from. It is never a pass: the owning
 * policy stays silent, `preview-unverified` reports it, and the engine runs the policy again with the
 * resolved value before the resource is created.
 */
export type Finding =
    | { readonly verdict: "violation"; readonly message: string; readonly urn?: string }
    | { readonly verdict: "unverified"; readonly message: string; readonly urn?: string };

export const violation = (message: string, urn?: string): Finding => ({ verdict: "violation", message, urn });
export const unverified = (message: string, urn?: string): Finding => ({ verdict: "unverified", message, urn });

/** A provider as policies see it: its inputs, raw (objects still JSON-encoded, see lib/provider.ts). */
export interface ProviderView {
    readonly type: string;
    readonly name: string;
    readonly urn: string;
    readonly props: Record<string, unknown>;
}

/** A resource with plain (unproxied) properties: unknown values appear as their sentinels. */
export interface ResourceView {
    readonly type: string;
    readonly name: string;
    readonly urn: string;
    readonly props: Record<string, unknown>;
    readonly provider?: ProviderView;
    /**
     * Set when this view is a setting written inline on a bucket (lib/inline.ts): the bucket input it
     * came from. `props` are then that setting in the separate resource's shape.
     */
    readonly via?: string;
}

/** A resource in a stack check: relations as URNs, so the lib is testable with plain objects. */
export interface StackResource extends ResourceView {
    readonly parent?: string;
    readonly dependencies: readonly string[];
    readonly propertyDependencies: Readonly<Record<string, readonly string[]>>;
}

export interface ResourceCheck<C extends object> {
    /** Type tokens the check applies to (with the `...V2` aliases AWS v7 still accepts), or "any". */
    readonly types: readonly string[] | "any";
    readonly defaults: C;
    check(r: ResourceView, config: C): Finding[];
    /**
     * The always-safe fix (lib/remediate.ts), run at enforcement level `remediate`: the corrected
     * inputs, or `undefined` when nothing is to change. @default - none: the policy only judges
     */
    remediate?(r: ResourceView, config: C): Record<string, unknown> | undefined;
}

export interface StackCheck<C extends object> {
    readonly defaults: C;
    check(resources: readonly StackResource[], config: C): Finding[];
}

/** A check of a policy without knobs: it leaves `defaults` out (its config is then `{}`, plus waivers). */
export type WithoutKnobs<K extends { readonly defaults: object }> = Omit<K, "defaults">;

/** `check` with its `defaults`: `{}` for a check without knobs. */
export function withKnobs<K extends { readonly defaults: object }>(check: K | WithoutKnobs<K>): K {
    return "defaults" in check ? check : ({ ...check, defaults: {} } as K);
}

/** A resource policy that also carries its pure check (the SDK ignores the extra field). */
export type CheckedResourcePolicy = ResourceValidationPolicy & PolicyMeta & { readonly check: ResourceCheck<object> };
export type CheckedStackPolicy = StackValidationPolicy & PolicyMeta & { readonly check: StackCheck<object> };
export type CheckedPolicy = CheckedResourcePolicy | CheckedStackPolicy;

function providerView(p: ResourceValidationArgs["provider"]): ProviderView | undefined {
    return p === undefined ? undefined : { type: p.type, name: p.name, urn: p.urn, props: raw(p.props) };
}

/** Config as the policy should read it: the defaults, overridden by what the pack config gives. */
function withDefaults<C extends object>(defaults: C, given: object): C {
    return { ...defaults, ...given };
}

/** A policy's config as the pack config gives it: its knobs and its waivers (rules/waivers.ts). */
type GivenConfig = { readonly waivers?: readonly PolicyWaiver[] } & Record<string, unknown>;

/**
 * The policy's config schema as the engine and the CLI read it: each knob's `default` is the check's
 * typed `defaults` (stated once, not again in the schema), and the `waivers` every policy takes are
 * added so the CLI validates them too.
 */
function configSchemaOf(schema: PolicyConfigSchema | undefined, defaults: object): PolicyConfigSchema {
    const knobs = Object.entries(schema?.properties ?? {}).map(([key, property]) => {
        const value: unknown = (defaults as Record<string, unknown>)[key];
        return [
            key,
            value === undefined ? property : { ...property, default: Array.isArray(value) ? [...(value as unknown[])] : value },
        ] as const;
    });
    return {
        ...schema,
        properties: { ...Object.fromEntries(knobs), waivers: WAIVERS_SCHEMA as unknown as PolicyConfigSchema["properties"][string] },
    };
}

/** A policy's waivers apart from its knobs. */
function splitConfig(args: Pick<ResourceValidationArgs, "getConfig">): {
    readonly waivers?: readonly PolicyWaiver[];
    readonly given: object;
} {
    const { waivers, ...given } = args.getConfig<GivenConfig>();
    return { waivers, given };
}

function view(args: ResourceValidationArgs): ResourceView {
    return { type: args.type, name: args.name, urn: args.urn, props: raw(args.props), provider: providerView(args.provider) };
}

/** A resource policy from its typed metadata and its pure check (a check without knobs leaves `defaults` out). */
export function resourcePolicy(spec: PolicySpec, check: WithoutKnobs<ResourceCheck<object>>): CheckedResourcePolicy;
export function resourcePolicy<C extends object>(spec: PolicySpec, check: ResourceCheck<C>): CheckedResourcePolicy;
export function resourcePolicy<C extends object>(
    spec: PolicySpec,
    given: ResourceCheck<C> | WithoutKnobs<ResourceCheck<C>>,
): CheckedResourcePolicy {
    const meta = metaOf(spec);
    const check = withKnobs(given);
    const types = check.types === "any" ? undefined : new Set(check.types);
    const remediate = check.remediate?.bind(check);
    return {
        ...meta,
        ...sdkMeta(meta),
        configSchema: configSchemaOf(meta.configSchema, check.defaults),
        check,
        validateResource: (args, reportViolation) => {
            const { waivers, given } = splitConfig(args);
            const applies = types === undefined || types.has(args.type);
            const findings = applies ? check.check(view(args), withDefaults(check.defaults, given)) : [];
            // Waived findings are reported by policy-waivers, not here (lib/waivers.ts).
            for (const f of screenFindings(meta.name, waivers, findings, (urn) => (urn === args.urn ? args.name : undefined), args.urn)) {
                if (f.verdict === "violation") {
                    reportViolation(f.message);
                }
            }
        },
        ...(remediate !== undefined
            ? {
                  remediateResource: (args: ResourceValidationArgs) => {
                      if (types !== undefined && !types.has(args.type)) {
                          return undefined;
                      }
                      return remediate(view(args), withDefaults(check.defaults, splitConfig(args).given));
                  },
              }
            : {}),
    };
}

/** Plain views of the stack's resources, each built once (O(resources)). */
export function stackResources(resources: readonly PolicyResource[]): StackResource[] {
    return resources.map((r) => ({
        type: r.type,
        name: r.name,
        urn: r.urn,
        props: raw(r.props),
        provider: providerView(r.provider),
        parent: r.parent?.urn ?? r.opts.parent,
        dependencies: r.dependencies.map((d) => d.urn),
        propertyDependencies: Object.fromEntries(Object.entries(r.propertyDependencies).map(([k, v]) => [k, v.map((d) => d.urn)])),
    }));
}

/** A stack policy from its typed metadata and its pure check (a check without knobs leaves `defaults` out). */
export function stackPolicy(spec: PolicySpec, check: WithoutKnobs<StackCheck<object>>): CheckedStackPolicy;
export function stackPolicy<C extends object>(spec: PolicySpec, check: StackCheck<C>): CheckedStackPolicy;
export function stackPolicy<C extends object>(spec: PolicySpec, given: StackCheck<C> | WithoutKnobs<StackCheck<C>>): CheckedStackPolicy {
    const meta = metaOf(spec);
    const check = withKnobs(given);
    return {
        ...meta,
        ...sdkMeta(meta),
        check,
        configSchema: configSchemaOf(meta.configSchema, check.defaults),
        validateStack: (args, reportViolation) => {
            const { waivers, given } = splitConfig(args);
            const resources = stackResources(args.resources);
            const names = new Map(resources.map((r) => [r.urn, r.name]));
            const findings = check.check(resources, withDefaults(check.defaults, given));
            for (const f of screenFindings(meta.name, waivers, findings, (urn) => names.get(urn))) {
                if (f.verdict === "violation") {
                    reportViolation(f.message, f.urn);
                }
            }
        },
    };
}

/** Whether `check` applies to resources of `type`. */
export function appliesTo(check: ResourceCheck<object>, type: string): boolean {
    return check.types === "any" || check.types.includes(type);
}

/**
 * `name (type)`: how messages name a resource; for an inline setting, the bucket and its input
 * (`data (aws:s3/bucket:Bucket, inline input versioning)`), so a message says which form it judged.
 */
export function label(r: { readonly name: string; readonly type: string; readonly via?: string }): string {
    return r.via === undefined ? `${r.name} (${r.type})` : `${r.name} (${r.type}, inline input ${r.via})`;
}
