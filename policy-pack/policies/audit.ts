/** Resource policies for the audit trail. */
import { label, resourcePolicy, ResourceView, unverified, violation } from "../lib/check";
import { T } from "../lib/types";
import { bool, UNKNOWN } from "../lib/unknown";

/** One check for a boolean trail setting that must be true; `absentMeans` is the AWS default. */
function trailFlag(r: ResourceView, key: string, absentMeans: boolean, fix: string) {
    const v = bool(r.props[key]);
    if (v === UNKNOWN) {
        return [unverified(`${key} of ${label(r)} is unknown`)];
    }
    return (v ?? absentMeans) ? [] : [violation(`${label(r)} has ${key} off: ${fix}`)];
}

/**
 * Checks whether a CloudTrail trail validates log files (digest files prove logs were not changed).
 * @severity medium
 * @frameworks aws-security-hub, cis-aws-foundations-3.0
 * @topics audit, logging
 * @securityhub CloudTrail.4
 * @cis 3.2
 */
export const cloudtrailLogFileValidation = resourcePolicy(
    {
        name: "cloudtrail-log-file-validation",
        description: "Checks whether a CloudTrail trail has log file validation enabled.",
        enforcementLevel: "mandatory",
        severity: "medium",
    },
    {
        types: T.trail,
        defaults: {},
        check: (r) => trailFlag(r, "enableLogFileValidation", false, "set enableLogFileValidation: true."),
    },
);

/**
 * Checks whether a CloudTrail trail is multi-region (and so records activity in every region).
 * @severity high
 * @frameworks aws-security-hub, cis-aws-foundations-3.0
 * @topics audit, logging
 * @securityhub CloudTrail.1
 * @cis 3.1
 */
export const cloudtrailMultiRegion = resourcePolicy(
    {
        name: "cloudtrail-multi-region",
        description: "Checks whether a CloudTrail trail is multi-region.",
        enforcementLevel: "mandatory",
        severity: "high",
    },
    {
        types: T.trail,
        defaults: {},
        check: (r) => trailFlag(r, "isMultiRegionTrail", false, "set isMultiRegionTrail: true (and keep includeGlobalServiceEvents on)."),
    },
);
