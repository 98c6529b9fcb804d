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
import { appliesTo, CheckedPolicy, CheckedStackPolicy, label, stackPolicy } from "../lib/check";

/**
 * Checks whether every policy could reach a verdict, listing what depends on unknown preview values.
 * @severity info
 * @frameworks internal
 * @topics preview
 * @securityhub -
 * @cis -
 */
export function previewUnverified(policies: readonly CheckedPolicy[]): CheckedStackPolicy {
    return stackPolicy(
        {
            name: "preview-unverified",
            description: "Checks whether every policy could reach a verdict; lists values unknown during preview.",
            enforcementLevel: "advisory",
            severity: "low",
        },
        {
            defaults: {},
            check: (resources) => {
                const out = [];
                for (const p of policies) {
                    if ("validateStack" in p) {
                        for (const f of p.check.check(resources, p.check.defaults)) {
                            if (f.verdict === "unverified") {
                                out.push({ ...f, message: `${p.name}: ${f.message}; checked again when the value is known (pulumi up).` });
                            }
                        }
                        continue;
                    }
                    for (const r of resources) {
                        if (!appliesTo(p.check, r.type)) {
                            continue;
                        }
                        for (const f of p.check.check(r, p.check.defaults)) {
                            if (f.verdict === "unverified") {
                                out.push({
                                    ...f,
                                    urn: r.urn,
                                    message: `${p.name} on ${label(r)}: ${f.message}; checked again when the value is known (pulumi up).`,
                                });
                            }
                        }
                    }
                }
                // Reported as violations of this policy (at its own enforcement level).
                return out.map((f) => ({ ...f, verdict: "violation" as const }));
            },
        },
    );
}
