/**
 * Waivers in the offline gate (pure; the rules are rules/waivers.ts). The gate takes each policy's
 * `waivers` out of the config before `Configure`, so the pack judges every resource and the gate sees
 * every finding; it then marks the waived ones (reported, never counted) and adds a `policy-waivers`
 * finding for each expired or unmatched waiver, at that policy's configured level. In the pack under
 * the Pulumi CLI the same rules run inside the policies (policy-pack/lib/waivers.ts).
 */
import {
    applyWaivers,
    isoDay,
    PolicyWaiver,
    reviewMessage,
    Waiver,
    WAIVER_POLICY,
    waiverMatches,
    waiverProblems,
    WAIVERS_PROPERTY,
} from "../rules/waivers";
import type { Violation } from "./analyzer";
import { PolicyConfigError, ResolvedPolicyConfig } from "./policyConfig";

export type { Waiver } from "../rules/waivers";

/** Every problem of the `waivers` entries of a parsed config, each naming the policy and the entry. */
export function checkWaiverEntries(config: ReadonlyMap<string, { readonly properties: Record<string, unknown> }>, source: string): void {
    const problems = [...config].flatMap(([policy, c]) =>
        c.properties[WAIVERS_PROPERTY] === undefined
            ? []
            : waiverProblems(c.properties[WAIVERS_PROPERTY], `"${policy}".${WAIVERS_PROPERTY}`, { flat: false }),
    );
    if (problems.length > 0) {
        throw new PolicyConfigError(`${source}: invalid waivers (${problems.length}): ${problems.join("; ")}`);
    }
}

/** The config the pack is configured with (no waivers) and the waivers it held, as a flat list. */
export function takeWaivers(resolved: ReadonlyMap<string, ResolvedPolicyConfig>): {
    readonly config: Map<string, ResolvedPolicyConfig>;
    readonly waivers: Waiver[];
} {
    const waivers: Waiver[] = [];
    const config = new Map<string, ResolvedPolicyConfig>();
    for (const [policy, c] of resolved) {
        const { [WAIVERS_PROPERTY]: given, ...properties } = c.properties;
        waivers.push(...((given ?? []) as PolicyWaiver[]).map((w) => ({ policy, ...w })));
        config.set(policy, { ...c, properties });
    }
    return { config, waivers };
}

/**
 * The analysis's violations with waived ones marked, then one `policy-waivers` finding per expired or
 * unmatched waiver (none when that policy is disabled), with the pack's description of that policy.
 * `resources`: by URN, so a waiver may name a resource by URN or name, and a review points at it.
 */
export function judgeWaivers(
    violations: readonly Violation[],
    waivers: readonly Waiver[],
    o: {
        readonly resources: ReadonlyMap<string, { readonly name: string; readonly type: string }>;
        readonly level: ResolvedPolicyConfig["enforcementLevel"];
        readonly packName: string;
        readonly description: string;
        readonly today?: string;
    },
): Violation[] {
    if (waivers.length === 0) {
        return [...violations];
    }
    const today = o.today ?? isoDay();
    const { outcomes, review } = applyWaivers(
        violations.map((v) => ({
            policy: v.policyName,
            urn: v.urn,
            name: v.urn !== undefined ? o.resources.get(v.urn)?.name : undefined,
            v,
        })),
        waivers,
        today,
    );
    const marked = outcomes.map((r): Violation => (r.kind === "waived" ? { ...r.finding.v, waived: true, waiver: r.waiver } : r.finding.v));
    if (o.level === "disabled") {
        return marked;
    }
    const urnOf = (w: Waiver): string | undefined => [...o.resources].find(([urn, r]) => waiverMatches(w, { urn, name: r.name }))?.[0];
    const reviews = [...review.expired.map((w) => [w, "expired"] as const), ...review.unmatched.map((w) => [w, "unmatched"] as const)].map(
        ([w, problem]): Violation => {
            const urn = urnOf(w);
            const r = urn !== undefined ? o.resources.get(urn) : undefined;
            return {
                policyName: WAIVER_POLICY,
                policyPackName: o.packName,
                description: o.description,
                message: `${o.description}\n${reviewMessage(w, problem, today)}`,
                enforcementLevel: o.level === "remediate" ? "mandatory" : o.level,
                severity: "medium",
                securityHub: [],
                cis: [],
                controlIds: [],
                ...(urn !== undefined && r !== undefined ? { urn, resourceName: r.name, resourceType: r.type } : {}),
            };
        },
    );
    return [...marked, ...reviews];
}
