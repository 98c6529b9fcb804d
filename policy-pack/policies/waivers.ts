/**
 * `policy-waivers`: the record of the stack's waivers (rules/waivers.ts). Under the Pulumi CLI it
 * reports, at the end of the analysis, every finding a waiver covers (with its evidence: never
 * hidden), every expired waiver (it no longer waives: its finding counts again under its own policy)
 * and every waiver that matched no finding (lib/waivers.ts). The offline gate reports the same
 * itself (gate/waivers.ts) and marks waived findings on their own policy. Advisory by default: a
 * waived finding must not block, and an expired waiver already blocks through its finding.
 */
import { WAIVER_POLICY } from "../../rules/waivers";
import { CheckedStackPolicy, stackPolicy } from "../lib/check";
import { drainLedger } from "../lib/waivers";

/** Checks whether every waiver is current and still waives a finding; lists waived findings. */
export const policyWaivers: CheckedStackPolicy = stackPolicy(
    {
        name: WAIVER_POLICY,
        description: "Checks whether every waiver is current and still waives a finding; lists the waived findings.",
        enforcementLevel: "advisory",
        severity: "medium",
        securityHub: [],
        cis: [],
        topics: ["governance"],
        remediation: "Renew an expired waiver with new evidence and a new date, or fix the resource; remove a waiver that matches nothing.",
        docUrl: "https://www.pulumi.com/docs/iac/using-pulumi/crossguard/configuration/",
    },
    {
        // Not pure: it reads and clears the ledger the other policies filled during this analysis.
        check: (resources) => {
            const byName = new Map(resources.map((r) => [r.name, r.urn]));
            const urns = new Set(resources.map((r) => r.urn));
            return drainLedger((resource) => (urns.has(resource) ? resource : byName.get(resource)));
        },
    },
);
