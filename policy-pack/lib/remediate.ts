/**
 * The always-safe fixes the pack applies at enforcement level `remediate` (CrossGuard
 * `remediateResource`: the engine rewrites the resource's inputs before it judges and creates it).
 * Each is pure: the resource's inputs in, the corrected inputs out, or `undefined` when nothing is to
 * change (an unknown preview value is never overwritten). Separate resources; the deprecated inline
 * bucket inputs that have the same fix are rewritten in their own shape by lib/remediateInline.ts.
 */
import { BUCKET_KEY_ALGORITHMS, ruleAlgorithm } from "./effect";
import { publicAccessFlags } from "./publicAccess";
import { isUnknown, obj, str, UNKNOWN } from "./unknown";

type Props = Record<string, unknown>;

/**
 * Every Block Public Access flag that is not `true` set to `true`.
 * https://docs.aws.amazon.com/AmazonS3/latest/userguide/access-control-block-public-access.html
 */
export function blockPublicAccess(props: Props): Props | undefined {
    const { off } = publicAccessFlags(props);
    return off.length === 0 ? undefined : { ...props, ...Object.fromEntries(off.map((f) => [f, true])) };
}

/**
 * Object ownership `BucketOwnerEnforced` (ACLs disabled).
 * https://docs.aws.amazon.com/AmazonS3/latest/userguide/about-object-ownership.html
 */
export function enforceBucketOwner(props: Props): Props | undefined {
    const rule = obj(props.rule);
    if (rule === UNKNOWN || (rule !== undefined && isUnknown(rule.objectOwnership)) || rule?.objectOwnership === "BucketOwnerEnforced") {
        return undefined;
    }
    return { ...props, rule: { ...rule, objectOwnership: "BucketOwnerEnforced" } };
}

/**
 * `bucketKeyEnabled: true` on each SSE-KMS (`aws:kms`) and SSE-S3 (`AES256`) rule. Not on DSSE-KMS:
 * S3 Bucket Keys are not supported there
 * (https://docs.aws.amazon.com/systems-manager-automation-runbooks/latest/userguide/automation-aws-enableS3bucketkeys.html,
 * https://docs.aws.amazon.com/AmazonS3/latest/userguide/bucket-key.html).
 */
export function enableBucketKey(props: Props): Props | undefined {
    if (!Array.isArray(props.rules)) {
        return undefined;
    }
    let changed = false;
    const rules = (props.rules as unknown[]).map((item) => {
        const rule = obj(item);
        const algorithm = ruleAlgorithm(rule);
        if (rule === UNKNOWN || rule === undefined || typeof algorithm !== "string" || !BUCKET_KEY_ALGORITHMS.has(algorithm)) {
            return item;
        }
        if (rule.bucketKeyEnabled === true || isUnknown(rule.bucketKeyEnabled)) {
            return item;
        }
        changed = true;
        return { ...rule, bucketKeyEnabled: true };
    });
    return changed ? { ...props, rules } : undefined;
}

/**
 * `enableKeyRotation: true` on a symmetric encryption key (the only kind AWS rotates automatically).
 * https://docs.aws.amazon.com/kms/latest/developerguide/rotate-keys.html
 */
export function enableKeyRotation(props: Props): Props | undefined {
    const spec = str(props.customerMasterKeySpec ?? props.keySpec);
    const usage = str(props.keyUsage);
    const symmetric = (spec === undefined || spec === "SYMMETRIC_DEFAULT") && (usage === undefined || usage === "ENCRYPT_DECRYPT");
    if (!symmetric || props.enableKeyRotation === true || isUnknown(props.enableKeyRotation)) {
        return undefined;
    }
    return { ...props, enableKeyRotation: true };
}

/**
 * Versioning `Suspended` back to `Enabled` (never other changes: enabling versioning on a bucket
 * that never had it is a decision, not a fix; once enabled it can only be suspended).
 * https://docs.aws.amazon.com/AmazonS3/latest/userguide/Versioning.html
 */
export function resumeVersioning(props: Props): Props | undefined {
    const cfg = obj(props.versioningConfiguration);
    if (cfg === UNKNOWN || cfg === undefined || cfg.status !== "Suspended") {
        return undefined;
    }
    return { ...props, versioningConfiguration: { ...cfg, status: "Enabled" } };
}
