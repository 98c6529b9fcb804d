/** Resource policy for where resources may live. */
import { label, resourcePolicy, unverified, violation } from "../lib/check";
import { regionOf } from "../lib/region";
import { isOf, T } from "../lib/types";
import { str, UNKNOWN } from "../lib/unknown";
import { DEFAULT_ALLOWED_REGIONS, REGION_PATTERN } from "../../rules/regions";

/** An explicit AWS provider (its own `region` input), made once: allowed-regions asks it of every resource. */
const isAwsProvider = isOf(T.awsProvider);

export interface AllowedRegionsConfig {
    /** Regions resources may be created in. */
    readonly allowedRegions: readonly string[];
}

/**
 * Checks whether an AWS resource (by its `region` input, else its provider's) and every aws
 * provider is in an allowed region. A resource on the default provider with no region of its own is
 * judged through the provider the engine reports for it; without one it is `unverified`.
 */
export const allowedRegions = resourcePolicy<AllowedRegionsConfig>(
    {
        name: "allowed-regions",
        description: "Checks whether an AWS resource or provider is in an allowed region.",
        severity: "medium",
        securityHub: [],
        cis: [],
        topics: ["data-residency"],
        remediation: "Set the provider's region (or the resource's region) to an allowed region.",
        docUrl: "https://docs.aws.amazon.com/organizations/latest/userguide/orgs_manage_policies_scps_examples_general.html#example-scp-deny-region",
        configSchema: {
            properties: {
                allowedRegions: {
                    type: "array",
                    items: { type: "string", pattern: REGION_PATTERN },
                    minItems: 1,
                    uniqueItems: true,
                    description: "Allowed AWS regions.",
                },
            },
        },
    },
    {
        types: "any",
        defaults: { allowedRegions: DEFAULT_ALLOWED_REGIONS },
        check: (r, config) => {
            const isProvider = isAwsProvider(r);
            if (!isProvider && !r.type.startsWith("aws:")) {
                return [];
            }
            const region = isProvider ? str(r.props.region) : regionOf(r);
            if (region === UNKNOWN || region === undefined) {
                return [unverified(`the region of ${label(r)} is ${region === UNKNOWN ? "unknown" : "not set on it or its provider"}`)];
            }
            return config.allowedRegions.includes(region)
                ? []
                : [
                      violation(
                          `${label(r)} is in ${region}: use one of ${config.allowedRegions.join(", ")} (set the provider's region or the resource's region).`,
                      ),
                  ];
        },
    },
);
