/**
 * Detective and corrective controls on the primary data buckets (issue 14): GuardDuty Malware
 * Protection with scan-result tagging, and AWS Config managed rules scoped to the bucket. Both are
 * off by default (the stack decides); prod's pack config requires them.
 */
import { BucketEntry, buildBucketIndex } from "../lib/bucketIndex";
import { CheckedStackPolicy, Finding, label, StackResource, stackPolicy, unverified, violation } from "../lib/check";
import { PolicySpec } from "../lib/meta";
import { arr, obj, str, UNKNOWN } from "../lib/unknown";

const MALWARE_PLAN = "aws:guardduty/malwareProtectionPlan:MalwareProtectionPlan";
const CONFIG_RULE = "aws:cfg/rule:Rule";

/** Primary data buckets: Role data (or untagged / unreadable, so a missing tag never exempts one). */
function primaryDataBuckets(resources: readonly StackResource[]): { index: ReturnType<typeof buildBucketIndex>; buckets: BucketEntry[] } {
    const index = buildBucketIndex(resources);
    return { index, buckets: index.buckets.filter((b) => b.isData && (typeof b.role !== "string" || b.role === "data")) };
}

/** What a detective control asks of every primary data bucket, when its switch is on. */
interface DetectiveControl<C extends object> {
    readonly defaults: C;
    /** Whether the stack's config turns the control on. */
    readonly required: (config: C) => boolean;
    /** The type of the resources that protect a bucket, and the input (read by `value`) naming it. */
    readonly type: string;
    readonly input: string;
    readonly value: (r: StackResource) => unknown;
    /**
     * Judges one bucket by the resources of `type` that name it; `unjoined`: some resource of `type`
     * names a bucket not known until the update.
     */
    readonly judge: (bucket: BucketEntry, mine: StackResource[], unjoined: boolean, config: C) => Finding[];
}

/** A stack policy running one detective control over every primary data bucket: one join per run. */
function detectivePolicy<C extends object>(meta: PolicySpec, control: DetectiveControl<C>): CheckedStackPolicy {
    return stackPolicy<C>(meta, {
        defaults: control.defaults,
        check: (resources, config) => {
            if (!control.required(config)) {
                return [];
            }
            const { index, buckets } = primaryDataBuckets(resources);
            const joined = resources
                .filter((r) => r.type === control.type)
                .map((r) => ({ bucketUrn: index.resolve(r, control.input, control.value(r))?.urn, resource: r }));
            const unjoined = joined.some((j) => j.bucketUrn === undefined);
            return buckets.flatMap((b) =>
                control.judge(
                    b,
                    joined.filter((j) => j.bucketUrn === b.bucket.urn).map((j) => j.resource),
                    unjoined,
                    config,
                ),
            );
        },
    });
}

export interface MalwareScanConfig {
    readonly requireMalwareScan: boolean;
}

/**
 * Checks, when `requireMalwareScan` is on, whether every primary data bucket is protected by a
 * GuardDuty Malware Protection plan with scan-result tagging on (the tag the bucket policy withholds
 * infected objects by).
 */
export const s3DataBucketMalwareScan = detectivePolicy<MalwareScanConfig>(
    {
        name: "s3-data-bucket-malware-scan",
        description:
            "Checks whether every primary data bucket has a GuardDuty Malware Protection plan with tagging, when requireMalwareScan is set.",
        severity: "high",
        securityHub: [],
        cis: [],
        topics: ["storage", "malware", "detective"],
        remediation: "Enable detective.malwareScan so the data bucket gets a GuardDuty Malware Protection plan with tagging.",
        docUrl: "https://docs.aws.amazon.com/guardduty/latest/ug/gdu-malware-protection-s3.html",
        configSchema: {
            properties: {
                requireMalwareScan: { type: "boolean", description: "Require malware scanning of data buckets." },
            },
        },
    },
    {
        defaults: { requireMalwareScan: false },
        required: (config) => config.requireMalwareScan,
        type: MALWARE_PLAN,
        input: "protectedResource",
        value: (r) => {
            const pr = obj(r.props.protectedResource);
            const s3 = pr === UNKNOWN ? UNKNOWN : obj(pr?.s3Bucket);
            return s3 === UNKNOWN ? UNKNOWN : s3?.bucketName;
        },
        judge: (b, mine, unjoined) => {
            if (mine.length === 0) {
                return [
                    unjoined
                        ? unverified(
                              `data bucket ${label(b.bucket)}: a Malware Protection plan names a bucket not known until the update`,
                              b.bucket.urn,
                          )
                        : violation(
                              `data bucket ${label(b.bucket)} has no GuardDuty Malware Protection plan: add an aws.guardduty.MalwareProtectionPlan for it (config malwareScan.enabled).`,
                              b.bucket.urn,
                          ),
                ];
            }
            const tagging = mine.map((p) => taggingOf(p));
            if (tagging.includes(true)) {
                return [];
            }
            return [
                tagging.includes(UNKNOWN)
                    ? unverified(`the tagging action of the Malware Protection plan of ${label(b.bucket)} is unknown`, b.bucket.urn)
                    : violation(
                          `the Malware Protection plan of ${label(b.bucket)} does not tag scanned objects: set actions [{ taggings: [{ status: "ENABLED" }] }] so infected objects can be withheld by tag.`,
                          mine[0].urn,
                      ),
            ];
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
 */
export const s3DataBucketConfigRules = detectivePolicy<ConfigRulesRequiredConfig>(
    {
        name: "s3-data-bucket-config-rules",
        description:
            "Checks whether every primary data bucket is evaluated by the required AWS Config managed rules, when requireConfigRules is set.",
        severity: "medium",
        securityHub: ["Config.1"],
        cis: [],
        topics: ["storage", "detective", "compliance"],
        remediation: "Enable detective.configRules so AWS Config evaluates the data bucket with the required managed rules.",
        docUrl: "https://docs.aws.amazon.com/config/latest/developerguide/managed-rules-by-aws-config.html",
        configSchema: {
            properties: {
                requireConfigRules: { type: "boolean", description: "Require AWS Config rules on data buckets." },
                requiredRules: {
                    type: "array",
                    items: { type: "string" },
                    description: "Managed-rule source identifiers every data bucket must be in the scope of.",
                },
            },
        },
    },
    {
        defaults: { requireConfigRules: false, requiredRules: REQUIRED_CONFIG_RULES },
        required: (config) => config.requireConfigRules,
        type: CONFIG_RULE,
        input: "scope",
        value: (r) => {
            const scope = obj(r.props.scope);
            return scope === UNKNOWN ? UNKNOWN : scope?.complianceResourceId;
        },
        judge: (b, mine, unjoined, config) => {
            const have = new Set(
                mine.map((r) => {
                    const source = obj(r.props.source);
                    return source === UNKNOWN ? UNKNOWN : str(source?.sourceIdentifier);
                }),
            );
            const missing = config.requiredRules.filter((id) => !have.has(id));
            if (missing.length === 0) {
                return [];
            }
            return [
                have.has(UNKNOWN) || unjoined
                    ? unverified(
                          `data bucket ${label(b.bucket)}: some AWS Config rules' scope or source is not known until the update`,
                          b.bucket.urn,
                      )
                    : violation(
                          `data bucket ${label(b.bucket)} is not evaluated by AWS Config rule(s) ${missing.join(", ")}: add aws.cfg.Rule resources with scope.complianceResourceId = the bucket (config configRules.enabled).`,
                          b.bucket.urn,
                      ),
            ];
        },
    },
);
