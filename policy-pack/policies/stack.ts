/** Stack policies that are not per-bucket controls: replication geography and the cost budget. */
import { buildBucketIndex } from "../lib/bucketIndex";
import { Finding, label, stackPolicy, unverified, violation } from "../lib/check";
import { regionOf } from "../lib/region";
import { isOf, T } from "../lib/types";
import { arr, obj, UNKNOWN } from "../lib/unknown";
import { applicablePolicy } from "../lib/applicable";

/**
 * Checks whether each replication configuration copies to a bucket in another region than its
 * source (a same-region replica does not survive a regional outage). Regions come from each bucket's
 * `region` input or provider; the source falls back to the configuration's own region.
 */
export const s3ReplicationCrossRegion = applicablePolicy(
    {
        name: "s3-replication-cross-region",
        description: "Checks whether S3 replication destinations are in a different region than the source bucket.",
        severity: "high",
        securityHub: ["S3.7"],
        cis: [],
        topics: ["storage", "disaster-recovery"],
        remediation: "Put the replica in another region (a second aws.Provider or the bucket's region input).",
    },
    [...T.replication, ...T.bucket],
    (_, resources) => {
        const index = buildBucketIndex(resources);
        // Separate resources and inline replicationConfiguration inputs alike (lib/inline.ts).
        const replications = [
            ...index.buckets.flatMap((b) => index.children(b.bucket.urn, "replication")),
            ...index.unjoined("replication"),
        ];
        const findings: Finding[] = [];
        for (const rep of replications) {
            const source = index.resolve(rep, "bucket", rep.props.bucket);
            const sourceRegion = regionOf(source ?? rep);
            const rules = arr(rep.props.rules);
            if (rules === UNKNOWN) {
                findings.push(unverified(`the rules of ${label(rep)} are unknown`, rep.urn));
                continue;
            }
            for (const item of rules) {
                const rule = obj(item);
                const destination = rule === UNKNOWN ? UNKNOWN : obj(rule?.destination);
                const ref = destination === UNKNOWN ? UNKNOWN : destination?.bucket;
                const dest = index.resolve(rep, "rules", ref);
                const destRegion = dest === undefined ? undefined : regionOf(dest);
                if (
                    dest === undefined ||
                    destRegion === undefined ||
                    destRegion === UNKNOWN ||
                    sourceRegion === undefined ||
                    sourceRegion === UNKNOWN
                ) {
                    findings.push(unverified(`the source or destination region of ${label(rep)} cannot be determined`, rep.urn));
                } else if (destRegion === sourceRegion) {
                    findings.push(
                        violation(
                            `${label(rep)} replicates ${source !== undefined ? label(source) : "its source"} to ${label(dest)}, both in ${sourceRegion}: put the replica in another region (a second aws.Provider or the bucket's region input).`,
                            rep.urn,
                        ),
                    );
                }
            }
        }
        return findings;
    },
);

export interface BudgetRequiredConfig {
    /** The stack must define an AWS Budget (prod). Off by default: the stack decides, not the pack. */
    readonly requireBudget: boolean;
}

/**
 * Checks, when `requireBudget` is on, whether the stack defines a cost budget.
 */
export const budgetRequired = stackPolicy<BudgetRequiredConfig>(
    {
        name: "budget-required",
        description: "Checks whether the stack defines an aws.budgets.Budget, when requireBudget is set.",
        severity: "low",
        securityHub: [],
        cis: [],
        topics: ["cost"],
        remediation: "Add an aws.budgets.Budget with notifications at 80% and 100%.",
        docUrl: "https://docs.aws.amazon.com/cost-management/latest/userguide/budgets-managing-costs.html",
        configSchema: {
            properties: { requireBudget: { type: "boolean", description: "Require a budget in this stack." } },
        },
    },
    {
        defaults: { requireBudget: false },
        check: (resources, config) =>
            config.requireBudget && !resources.some(isOf(T.budget))
                ? [violation("the stack has no aws.budgets.Budget: add a monthly cost budget with notifications at 80% and 100%.")]
                : [],
    },
);
