/**
 * `preview-unverified`: what the other policies could not decide because a value is unknown until
 * `pulumi up` creates the resources it comes from (typically a bucket policy that embeds the bucket
 * ARN). Such a value is never taken as compliant: the owning policy stays silent, this policy lists it,
 * and the engine runs the owning policy again with the resolved value before the resource is
 * created, where a mandatory violation blocks the update. It is advisory by default so a preview of
 * a compliant stack is not blocked by values no preview can know; a pipeline that wants previews to
 * prove everything sets it to mandatory.
 *
 * It re-runs each policy's pure check with that policy's defaults (a policy cannot read another's
 * configuration); unknown-ness does not depend on the knobs.
 */
import { appliesTo, CheckedPolicy, CheckedStackPolicy, stackPolicy, violation } from "../lib/check";

/**
 * Checks whether every policy could reach a verdict, listing what depends on unknown preview values.
 */
export function previewUnverified(policies: readonly CheckedPolicy[]): CheckedStackPolicy {
    return stackPolicy(
        {
            name: "preview-unverified",
            description: "Checks whether every policy could reach a verdict; lists values unknown during preview.",
            enforcementLevel: "advisory",
            severity: "low",
            securityHub: [],
            cis: [],
            topics: ["preview"],
            remediation: "Run pulumi up (the engine judges resolved values before creating), or make the value known at preview.",
            docUrl: "https://www.pulumi.com/docs/iac/using-pulumi/crossguard/core-concepts/",
        },
        {
            check: (resources) => {
                // What was not verified -> which policies could not verify it, so one unknown document
                // read by three policies is one line.
                const pending = new Map<string, { readonly message: string; readonly urn?: string; readonly policies: string[] }>();
                const note = (policy: string, message: string, urn: string | undefined): void => {
                    const key = `${urn ?? ""}\u0000${message}`;
                    const entry = pending.get(key) ?? { message, urn, policies: [] };
                    entry.policies.push(policy);
                    pending.set(key, entry);
                };
                for (const p of policies) {
                    if ("validateStack" in p) {
                        p.check
                            .check(resources, p.check.defaults)
                            .forEach((f) => f.verdict === "unverified" && note(p.name, f.message, f.urn));
                        continue;
                    }
                    for (const r of resources) {
                        if (appliesTo(p.check, r.type)) {
                            p.check.check(r, p.check.defaults).forEach((f) => f.verdict === "unverified" && note(p.name, f.message, r.urn));
                        }
                    }
                }
                return [...pending.values()].map((e) =>
                    violation(
                        `not verified during preview: ${e.message}. ${e.policies.join(", ")} will judge it when the value is known (pulumi up).`,
                        e.urn,
                    ),
                );
            },
        },
    );
}
