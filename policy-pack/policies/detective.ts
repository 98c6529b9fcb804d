/**
 * Detective and corrective controls on the primary data buckets (issue 14): GuardDuty Malware
 * Protection with scan-result tagging, and AWS Config managed rules scoped to the bucket. Both are
 * off by default (the stack decides); prod's pack config requires them.
 */
import { BucketEntry, buildBucketIndex } from "../lib/bucketIndex";
import { Finding, label, StackResource, stackPolicy, unverified, violation } from "../lib/check";
import { arr, obj, str, UNKNOWN } from "../lib/unknown";

const MALWARE_PLAN = "aws:guardduty/malwareProtectionPlan:MalwareProtectionPlan";
const CONFIG_RULE = "aws:cfg/rule:Rule";

/** Primary data buckets: Role data (or untagged / unreadable, so a missing tag never exempts one). */
function primaryDataBuckets(resources: readonly StackResource[]): { index: ReturnType<typeof buildBucketIndex>; buckets: BucketEntry[] } {
    const index = buildBucketIndex(resources);
    return { index, buckets: index.buckets.filter((b) => b.isData && (typeof b.role !== "string" || b.role === "data")) };
}

/** Joins each resource of `type` to the bucket its `input` names; undefined targets are unknown. */
function joined(
    resources: readonly StackResource[],
    index: ReturnType<typeof buildBucketIndex>,
    type: string,
    input: string,
    value: (r: StackResource) => unknown,
): { bucketUrn: string | undefined; resource: StackResource }[] {
    return resources.filter((r) => r.type === type).map((r) => ({ bucketUrn: index.resolve(r, input, value(r))?.urn, resource: r }));
}

export interface MalwareScanConfig {
    readonly requireMalwareScan: boolean;
}

/**
 * Checks, when `requireMalwareScan` is on, whether every primary data bucket is protected by a
 * GuardDuty Malware Protection plan with scan-result tagging on (the tag the bucket policy withholds
 * infected objects by).
 * @severity high
 * @frameworks internal
 * @topics storage, malware, detective
 * @securityhub -
 * @cis -
 */
export const s3DataBucketMalwareScan = stackPolicy<MalwareScanConfig>(
    {
        name: "s3-data-bucket-malware-scan",
        description:
            "Checks whether every primary data bucket has a GuardDuty Malware Protection plan with tagging, when requireMalwareScan is set.",
        enforcementLevel: "mandatory",
        severity: "high",
        securityHub: [],
        cis: [],
        topics: ["storage", "malware", "detective"],
        remediation: "Enable detective.malwareScan so the data bucket gets a GuardDuty Malware Protection plan with tagging.",
        docUrl: "https://docs.aws.amazon.com/guardduty/latest/ug/gdu-malware-protection-s3.html",
        configSchema: {
            properties: {
                requireMalwareScan: { type: "boolean", default: false, description: "Require malware scanning of data buckets." },
            },
        },
    },
    {
        defaults: { requireMalwareScan: false },
        check: (resources, config) => {
            if (!config.requireMalwareScan) {
                return [];
            }
            const { index, buckets } = primaryDataBuckets(resources);
            const plans = joined(resources, index, MALWARE_PLAN, "protectedResource", (r) => {
                const pr = obj(r.props.protectedResource);
                const s3 = pr === UNKNOWN ? UNKNOWN : obj(pr?.s3Bucket);
                return s3 === UNKNOWN ? UNKNOWN : s3?.bucketName;
            });
            const findings: Finding[] = [];
            for (const b of buckets) {
                const mine = plans.filter((p) => p.bucketUrn === b.bucket.urn).map((p) => p.resource);
                if (mine.length === 0) {
                    findings.push(
                        plans.some((p) => p.bucketUrn === undefined)
                            ? unverified(
                                  `data bucket ${label(b.bucket)}: a Malware Protection plan names a bucket not known until the update`,
                                  b.bucket.urn,
                              )
                            : violation(
                                  `data bucket ${label(b.bucket)} has no GuardDuty Malware Protection plan: add an aws.guardduty.MalwareProtectionPlan for it (config malwareScan.enabled).`,
                                  b.bucket.urn,
                              ),
                    );
                    continue;
                }
                const tagging = mine.map((p) => taggingOf(p));
                if (tagging.includes(true)) {
                    continue;
                }
                findings.push(
                    tagging.includes(UNKNOWN)
                        ? unverified(`the tagging action of the Malware Protection plan of ${label(b.bucket)} is unknown`, b.bucket.urn)
                        : violation(
                              `the Malware Protection plan of ${label(b.bucket)} does not tag scanned objects: set actions [{ taggings: [{ status: "ENABLED" }] }] so infected objects can be withheld by tag.`,
                              mine[0].urn,
                          ),
                );
            }
            return findings;
        },
    },
);

function taggingOf(plan: StackResource): boolean | typeof UNKNOWN {
    const actions = arr(plan.props.actions);
    if (actions === UNKNOWN) {
        return UNKNOWN;
    }
    for (const a of actions) {
        const action = obj(a);
        const taggings = action === UNKNOWN ? UNKNOWN : arr(action?.taggings);
        if (taggings === UNKNOWN) {
            return UNKNOWN;
        }
        for (const t of taggings) {
            const tagging = obj(t);
            const status = tagging === UNKNOWN ? UNKNOWN : str(tagging?.status);
            if (status === UNKNOWN) {
                return UNKNOWN;
            }
            if (status === "ENABLED") {
                return true;
            }
        }
    }
    return false;
}

export interface ConfigRulesRequiredConfig {
    readonly requireConfigRules: boolean;
    readonly requiredRules: readonly string[];
}

/** The managed rules every primary data bucket must be evaluated by (components/compliance/policies/checks.ts). */
export const REQUIRED_CONFIG_RULES = [
    "S3_BUCKET_VERSIONING_ENABLED",
    "S3_BUCKET_SERVER_SIDE_ENCRYPTION_ENABLED",
    "S3_BUCKET_SSL_REQUESTS_ONLY",
    "S3_BUCKET_PUBLIC_READ_PROHIBITED",
    "S3_BUCKET_PUBLIC_WRITE_PROHIBITED",
    "S3_BUCKET_LEVEL_PUBLIC_ACCESS_PROHIBITED",
    "S3_BUCKET_LOGGING_ENABLED",
];

/**
 * Checks, when `requireConfigRules` is on, whether every primary data bucket is in the scope
 * (`complianceResourceId`) of each of `requiredRules` (AWS-owned managed rules).
 * @severity medium
 * @frameworks aws-security-hub
 * @topics storage, detective, compliance
 * @securityhub Config.1
 * @cis -
 */
export const s3DataBucketConfigRules = stackPolicy<ConfigRulesRequiredConfig>(
    {
        name: "s3-data-bucket-config-rules",
        description:
            "Checks whether every primary data bucket is evaluated by the required AWS Config managed rules, when requireConfigRules is set.",
        enforcementLevel: "mandatory",
        severity: "medium",
        securityHub: ["Config.1"],
        cis: [],
        topics: ["storage", "detective", "compliance"],
        remediation: "Enable detective.configRules so AWS Config evaluates the data bucket with the required managed rules.",
        docUrl: "https://docs.aws.amazon.com/config/latest/developerguide/managed-rules-by-aws-config.html",
        configSchema: {
            properties: {
                requireConfigRules: { type: "boolean", default: false, description: "Require AWS Config rules on data buckets." },
                requiredRules: {
                    type: "array",
                    items: { type: "string" },
                    default: REQUIRED_CONFIG_RULES,
                    description: "Managed-rule source identifiers every data bucket must be in the scope of.",
                },
            },
        },
    },
    {
        defaults: { requireConfigRules: false, requiredRules: REQUIRED_CONFIG_RULES },
        check: (resources, config) => {
            if (!config.requireConfigRules) {
                return [];
            }
            const { index, buckets } = primaryDataBuckets(resources);
            const rules = joined(resources, index, CONFIG_RULE, "scope", (r) => {
                const scope = obj(r.props.scope);
                return scope === UNKNOWN ? UNKNOWN : scope?.complianceResourceId;
            });
            const findings: Finding[] = [];
            for (const b of buckets) {
                const have = new Set(
                    rules
                        .filter((r) => r.bucketUrn === b.bucket.urn)
                        .map((r) => {
                            const source = obj(r.resource.props.source);
                            return source === UNKNOWN ? UNKNOWN : str(source?.sourceIdentifier);
                        }),
                );
                const missing = config.requiredRules.filter((id) => !have.has(id));
                if (missing.length === 0) {
                    continue;
                }
                findings.push(
                    have.has(UNKNOWN) || rules.some((r) => r.bucketUrn === undefined)
                        ? unverified(
                              `data bucket ${label(b.bucket)}: some AWS Config rules' scope or source is not known until the update`,
                              b.bucket.urn,
                          )
                        : violation(
                              `data bucket ${label(b.bucket)} is not evaluated by AWS Config rule(s) ${missing.join(", ")}: add aws.cfg.Rule resources with scope.complianceResourceId = the bucket (config configRules.enabled).`,
                              b.bucket.urn,
                          ),
                );
            }
            return findings;
        },
    },
);
