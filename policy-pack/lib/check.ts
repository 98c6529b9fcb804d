/**
 * The shape every policy here is built from: a pure check over plain resource views that returns
 * findings, wrapped once into the SDK's policy objects. Keeping checks pure lets the unit tests call
 * them directly and lets `preview-unverified` (policies/unverified.ts) re-run them to list what
 * could not be decided during preview.
 */
import type {
    EnforcementLevel,
    PolicyConfigSchema,
    PolicyResource,
    ResourceValidationArgs,
    ResourceValidationPolicy,
    Severity,
    StackValidationPolicy,
} from "@pulumi/policy";
import { raw } from "./unknown";

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

/** Policy metadata shared by both kinds. */
export interface PolicyMeta {
    readonly name: string;
    readonly description: string;
    readonly enforcementLevel: EnforcementLevel;
    readonly severity: Severity;
    readonly configSchema?: PolicyConfigSchema;
}

export interface ResourceCheck<C extends object> {
    /** Type tokens the check applies to (with the `...V2` aliases AWS v7 still accepts), or "any". */
    readonly types: readonly string[] | "any";
    readonly defaults: C;
    check(r: ResourceView, config: C): Finding[];
}

export interface StackCheck<C extends object> {
    readonly defaults: C;
    check(resources: readonly StackResource[], config: C): Finding[];
}

/** A resource policy that also carries its pure check (the SDK ignores the extra field). */
export type CheckedResourcePolicy = ResourceValidationPolicy & { readonly check: ResourceCheck<object> };
export type CheckedStackPolicy = StackValidationPolicy & { readonly check: StackCheck<object> };
export type CheckedPolicy = CheckedResourcePolicy | CheckedStackPolicy;

function providerView(p: ResourceValidationArgs["provider"]): ProviderView | undefined {
    return p === undefined ? undefined : { type: p.type, name: p.name, urn: p.urn, props: raw(p.props) };
}

/** Config as the policy should read it: the defaults, overridden by what the pack config gives. */
function withDefaults<C extends object>(defaults: C, given: object): C {
    return { ...defaults, ...given };
}

export function resourcePolicy<C extends object>(meta: PolicyMeta, check: ResourceCheck<C>): CheckedResourcePolicy {
    const types = check.types === "any" ? undefined : new Set(check.types);
    return {
        ...meta,
        check,
        validateResource: (args, reportViolation) => {
            if (types !== undefined && !types.has(args.type)) {
                return;
            }
            const view: ResourceView = {
                type: args.type,
                name: args.name,
                urn: args.urn,
                props: raw(args.props),
                provider: providerView(args.provider),
            };
            for (const f of check.check(view, withDefaults(check.defaults, args.getConfig<object>()))) {
                if (f.verdict === "violation") {
                    reportViolation(f.message);
                }
            }
        },
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

export function stackPolicy<C extends object>(meta: PolicyMeta, check: StackCheck<C>): CheckedStackPolicy {
    return {
        ...meta,
        check,
        validateStack: (args, reportViolation) => {
            const config = withDefaults(check.defaults, args.getConfig<object>());
            for (const f of check.check(stackResources(args.resources), config)) {
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
