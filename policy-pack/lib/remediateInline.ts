/**
 * The always-safe fixes of lib/remediate.ts, for the deprecated inline inputs of `aws.s3.Bucket`
 * (singular objects) and `aws.s3.BucketV2` (lists), written back in the inline shape
 * (node_modules/@pulumi/aws/types/input.d.ts `s3.BucketVersioning`, `s3.BucketV2Versioning`,
 * `s3.BucketServerSideEncryptionConfiguration...`). Pure; an unknown preview value is never
 * overwritten; `undefined` when nothing is to change. Only the two fixes that have an inline form:
 * Block Public Access and object ownership have none, and a bucket's own inputs carry no key.
 */
import { BUCKET_KEY_ALGORITHMS, ruleAlgorithm } from "./effect";
import { encryptionRule, isObj } from "./inline";
import { isUnknown, obj, UNKNOWN } from "./unknown";

type Props = Record<string, unknown>;
/** Some element of `after` (a list mapped from `before`) is a new object. */
const changedList = (before: readonly unknown[], after: readonly unknown[]): boolean => after.some((x, i) => x !== before[i]);

/**
 * Inline versioning `enabled: false` -> `true` (Bucket `versioning`, BucketV2 `versionings[i]`), the
 * inline form of Suspended -> Enabled. The inline input cannot say "never versioned" except by being
 * absent (then nothing changes); an explicit `enabled: false` reads as Suspended, as lib/inline.ts
 * reads it, and enabling keeps every object (it only adds noncurrent versions).
 * https://docs.aws.amazon.com/AmazonS3/latest/userguide/Versioning.html
 */
export function resumeInlineVersioning(props: Props): Props | undefined {
    const resume = (v: unknown): unknown => (isObj(v) && (v.enabled === false || v.enabled === "false") ? { ...v, enabled: true } : v);
    const out: Props = { ...props };
    let changed = false;
    if (isObj(props.versioning)) {
        out.versioning = resume(props.versioning);
        changed = out.versioning !== props.versioning;
    }
    if (Array.isArray(props.versionings)) {
        const list = (props.versionings as unknown[]).map(resume);
        if (changedList(props.versionings as unknown[], list)) {
            out.versionings = list;
            changed = true;
        }
    }
    return changed ? out : undefined;
}

/**
 * `bucketKeyEnabled: true` on an inline SSE-KMS (`aws:kms`) or SSE-S3 (`AES256`) rule, as
 * lib/remediate.ts `enableBucketKey` does for the separate resource; never on DSSE-KMS (S3 Bucket
 * Keys are not supported there: https://docs.aws.amazon.com/AmazonS3/latest/userguide/bucket-key.html).
 * Bucket `serverSideEncryptionConfiguration.rule` (its by-default block singular), BucketV2
 * `serverSideEncryptionConfigurations[i].rules[j]` (its by-default block a list).
 */
export function enableInlineBucketKey(props: Props): Props | undefined {
    const fix = (rule: unknown): unknown => {
        const r = obj(rule);
        if (r === UNKNOWN || r === undefined || r.bucketKeyEnabled === true || isUnknown(r.bucketKeyEnabled)) {
            return rule;
        }
        const algorithm = ruleAlgorithm(encryptionRule(r));
        return typeof algorithm === "string" && BUCKET_KEY_ALGORITHMS.has(algorithm) ? { ...r, bucketKeyEnabled: true } : rule;
    };
    const out: Props = { ...props };
    let changed = false;
    const c = props.serverSideEncryptionConfiguration;
    if (isObj(c) && c.rule !== undefined) {
        const rule = fix(c.rule);
        if (rule !== c.rule) {
            out.serverSideEncryptionConfiguration = { ...c, rule };
            changed = true;
        }
    }
    if (Array.isArray(props.serverSideEncryptionConfigurations)) {
        const configs = (props.serverSideEncryptionConfigurations as unknown[]).map((cfg) => {
            if (!isObj(cfg) || !Array.isArray(cfg.rules)) {
                return cfg;
            }
            const rules = (cfg.rules as unknown[]).map(fix);
            return changedList(cfg.rules as unknown[], rules) ? { ...cfg, rules } : cfg;
        });
        if (changedList(props.serverSideEncryptionConfigurations as unknown[], configs)) {
            out.serverSideEncryptionConfigurations = configs;
            changed = true;
        }
    }
    return changed ? out : undefined;
}
