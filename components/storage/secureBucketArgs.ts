/** Arguments of `SecureBucket`, their defaults, and the checks run before any child is created. */
import * as pulumi from "@pulumi/pulumi";
import { LifecyclePlan, lifecycleProblems, Problem } from "./lifecycle";
import { SseAlgorithm, sseAlgorithmOf } from "../../rules/encryption";
import { BUCKET_ROLES, BucketRole, isLogTarget } from "../../rules/buckets";
import { Statement } from "../../rules/document";
import { KEY_PREFIX_REGEX, KEY_PREFIX_RULE } from "../../rules/keys";
import { DefaultRetention, defaultRetentionProblems } from "../../rules/objectLock";

export type EncryptionArgs =
    | { readonly mode: "sse-s3" }
    | {
          readonly mode: "sse-kms";
          /** The key to encrypt with. @default - a key the component creates, with yearly rotation on */
          readonly kmsKeyArn?: pulumi.Input<string> | undefined;
      };

export interface AccessLogArgs {
    /** Key prefix of this bucket's logs in the log bucket. @default "access-logs/" */
    readonly prefix?: string | undefined;
    /** Days the logs are kept. @default 365 */
    readonly retentionDays?: number | undefined;
}

/** What an upload to the bucket must ask for: its default algorithm, and whether the header is required. */
export interface UploadRequirement {
    readonly sseAlgorithm: SseAlgorithm;
    readonly requireEncryptionHeader: boolean;
}

export interface SecureBucketArgs {
    /** What the bucket holds. @default "data" */
    readonly role?: BucketRole | undefined;
    /** Exact bucket name. @default - auto-named from the component name with a random suffix */
    readonly bucketName?: pulumi.Input<string> | undefined;
    /**
     * Default encryption. SSE-S3 always uses an S3 Bucket Key; log buckets must use SSE-S3 because
     * server access logs cannot be delivered to SSE-KMS buckets
     * (https://docs.aws.amazon.com/AmazonS3/latest/userguide/enable-server-access-logging.html).
     * @default { mode: "sse-s3" }
     */
    readonly encryption?: EncryptionArgs | undefined;
    /** Deny uploads without an `x-amz-server-side-encryption` header. @default false */
    readonly requireEncryptionHeader?: boolean | undefined;
    /** Lifecycle tiers and expiry. @default - none: abort incomplete uploads after 7 days, expire noncurrent versions after 90 */
    readonly lifecycle?: LifecyclePlan | undefined;
    /**
     * Server access logging into a dedicated, secured log bucket (a child `SecureBucket` with role
     * `access-logs`). `false` only for buckets that are themselves log targets.
     * @default {} (on, prefix "access-logs/", 365 days) for data and replica buckets
     */
    readonly accessLogs?: AccessLogArgs | false | undefined;
    /**
     * For `access-logs` buckets: the bucket whose server access logs may be delivered here, and
     * under which prefix. Set by the owning `SecureBucket`.
     */
    readonly logDeliverySource?: { readonly bucketArn: pulumi.Input<string>; readonly prefix: string } | undefined;
    /** Principal ARNs exempt from the delete-needs-MFA rule (e.g. the deployer role). @default [] */
    readonly mfaExemptPrincipalArns?: readonly string[] | undefined;
    /** Let `pulumi destroy` delete a bucket that still holds objects. @default false */
    readonly allowForceDestroy?: boolean | undefined;
    /** Keep the bucket in AWS when it is removed from the program or the stack is destroyed. @default false */
    readonly retainOnDelete?: boolean | undefined;
    /**
     * Statements other features add to the bucket policy (writer access, MFA on bucket changes,
     * trail delivery, ...), built from the bucket ARN and the encryption uploads must ask for (the
     * bucket's own, resolved from `encryption`: callers never re-derive it). Sids must not clash
     * with the component's. @default - none
     */
    readonly additionalPolicyStatements?: ((bucketArn: string, upload: UploadRequirement) => pulumi.Input<Statement[]>) | undefined;
    /**
     * S3 Object Lock with this default retention of new object versions, set on the existing bucket
     * by a `BucketObjectLockConfiguration` (AWS allows it on versioned buckets; the bucket is never
     * replaced). Irreversible: the configuration is `protect`ed and retained on delete.
     * https://docs.aws.amazon.com/AmazonS3/latest/userguide/object-lock-configure.html
     * @default - no Object Lock
     */
    readonly objectLock?: DefaultRetention | undefined;
    /** Extra tags; `Name` and `Role` are always set by the component. @default {} */
    readonly tags?: Readonly<Record<string, string>> | undefined;
}

/** `SecureBucketArgs` with every default applied. */
export interface ResolvedBucketArgs {
    readonly role: BucketRole;
    readonly encryption: EncryptionArgs;
    readonly sseAlgorithm: SseAlgorithm;
    readonly requireEncryptionHeader: boolean;
    readonly lifecycle: LifecyclePlan;
    readonly accessLogs: Required<AccessLogArgs> | false;
    readonly mfaExemptPrincipalArns: readonly string[];
    readonly allowForceDestroy: boolean;
    readonly retainOnDelete: boolean;
    readonly tags: Readonly<Record<string, string>>;
}

/** Used when a bucket is given no lifecycle plan: clean-up only, no tiers, no expiry of current data. */
export const MINIMAL_LIFECYCLE: LifecyclePlan = {
    transitions: [],
    noncurrent: { transitions: [], expirationDays: 90 },
    abortIncompleteMultipartUploadDays: 7,
};

const DEFAULT_ACCESS_LOGS: Required<AccessLogArgs> = { prefix: "access-logs/", retentionDays: 365 };

/**
 * Applies defaults. Encryption truth table (mode x key -> algorithm, bucket key, key source):
 * | mode    | kmsKeyArn | sseAlgorithm | bucketKeyEnabled | key                      |
 * | sse-s3  | -         | AES256       | true             | S3-managed               |
 * | sse-kms | given     | aws:kms      | true             | the given key            |
 * | sse-kms | omitted   | aws:kms      | true             | created, rotation on     |
 */
export function resolveBucketArgs(args: SecureBucketArgs): ResolvedBucketArgs {
    const role = args.role ?? "data";
    const encryption = args.encryption ?? { mode: "sse-s3" };
    const accessLogs = args.accessLogs ?? (isLogTarget(role) ? false : {});
    return {
        role,
        encryption,
        sseAlgorithm: sseAlgorithmOf(encryption.mode),
        requireEncryptionHeader: args.requireEncryptionHeader ?? false,
        lifecycle: args.lifecycle ?? MINIMAL_LIFECYCLE,
        accessLogs: accessLogs === false ? false : { ...DEFAULT_ACCESS_LOGS, ...accessLogs },
        mfaExemptPrincipalArns: args.mfaExemptPrincipalArns ?? [],
        allowForceDestroy: args.allowForceDestroy ?? false,
        retainOnDelete: args.retainOnDelete ?? false,
        tags: args.tags ?? {},
    };
}

/** Every problem with the args, as `Problem`s whose path is the arg name. */
export function bucketArgsProblems(args: SecureBucketArgs): Problem[] {
    const problems: Problem[] = [];
    const role = args.role ?? "data";
    if (!(BUCKET_ROLES as readonly string[]).includes(role)) {
        problems.push({ path: "role", value: role, message: `must be one of ${BUCKET_ROLES.join(", ")}` });
    }
    if (isLogTarget(role) && args.encryption?.mode === "sse-kms") {
        problems.push({
            path: "encryption.mode",
            value: "sse-kms",
            message: "log buckets must use sse-s3: S3 server access logs cannot be delivered to SSE-KMS buckets",
        });
    }
    if (isLogTarget(role) && args.accessLogs !== undefined && args.accessLogs !== false) {
        problems.push({
            path: "accessLogs",
            value: args.accessLogs,
            message: "a log bucket must not log into another bucket; omit it or set false",
        });
    }
    if (role === "access-logs" && args.logDeliverySource === undefined) {
        problems.push({
            path: "logDeliverySource",
            value: undefined,
            message: "an access-logs bucket needs the source bucket whose logs it receives",
        });
    }
    if (args.accessLogs !== undefined && args.accessLogs !== false) {
        const { prefix, retentionDays } = args.accessLogs;
        if (prefix !== undefined && !KEY_PREFIX_REGEX.test(prefix)) {
            problems.push({ path: "accessLogs.prefix", value: prefix, message: KEY_PREFIX_RULE });
        }
        if (retentionDays !== undefined && (!Number.isInteger(retentionDays) || retentionDays < 1)) {
            problems.push({
                path: "accessLogs.retentionDays",
                value: retentionDays,
                message: "must be a whole number of days, at least 1",
            });
        }
    }
    if (args.lifecycle !== undefined) {
        problems.push(...lifecycleProblems(args.lifecycle, "lifecycle"));
    }
    if (args.objectLock !== undefined) {
        problems.push(...objectLockArgProblems(args.objectLock, role, args.allowForceDestroy ?? false));
    }
    return problems;
}

/** Object Lock on this bucket: a valid default retention, not on a log target, no force-destroy in COMPLIANCE mode. */
function objectLockArgProblems(lock: DefaultRetention, role: string, allowForceDestroy: boolean): Problem[] {
    const problems: Problem[] = defaultRetentionProblems(lock, "objectLock.");
    if (isLogTarget(role)) {
        problems.push({
            path: "objectLock",
            value: lock,
            message: "log buckets cannot have Object Lock: S3 does not deliver server access logs into a bucket with Object Lock",
        });
    }
    if (lock.mode === "COMPLIANCE" && allowForceDestroy) {
        problems.push({
            path: "allowForceDestroy",
            value: true,
            message: "is refused with Object Lock in COMPLIANCE mode: locked versions can never be deleted before their retention ends",
        });
    }
    return problems;
}
