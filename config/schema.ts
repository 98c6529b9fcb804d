/**
 * The stack configuration's shape (zod). Every object is strict: a misspelt key is an error, not a
 * silently ignored value. Values here are the *raw* config; `resolve.ts` merges environment
 * defaults and applies the cross-field rules.
 */
import { z } from "zod";
import { tagKey, tagValue } from "./tagSchemas";
import { KEY_LAYOUTS } from "../components/storage/layout";
import { ENCRYPTION_MODES } from "../rules/encryption";
import { KEY_PREFIX_REGEX, KEY_PREFIX_RULE } from "../rules/keys";
import { arnRegex } from "../rules/arn";
import { REGION_REGEX, REGION_RULE } from "../rules/regions";
import { TRANSITION_STORAGE_CLASSES } from "../rules/storageClasses";
import { accessConfigShape } from "./sections/access";
import { detectiveConfigShape } from "./sections/detective";
import { discoveryConfigShape } from "./sections/discovery";
import { monitoringConfigShape } from "./sections/monitoring";
import { retentionConfigShape } from "./sections/retention";

export const ENVIRONMENTS = ["dev", "prod"] as const;
export type Environment = (typeof ENVIRONMENTS)[number];

export { EncryptionMode } from "../rules/encryption";

const days = z.int().min(0).max(36500);
const positiveDays = z.int().min(1).max(36500);

/** A region code such as `us-east-1` (the allow-list decides which ones may be used). */
export const regionCode = z.string().regex(REGION_REGEX, REGION_RULE);

/** An AWS KMS key or alias ARN. */
export const kmsKeyArn = z.string().regex(arnRegex("kms:[a-z0-9-]+:\\d{12}:(key|alias)/[A-Za-z0-9/_-]+"), "must be a KMS key or alias ARN");

/** S3 general-purpose bucket naming rules: https://docs.aws.amazon.com/AmazonS3/latest/userguide/bucketnamingrules.html */
export const bucketName = z
    .string()
    .regex(
        /^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/,
        "must be 3-63 lowercase letters, digits, dots or hyphens, starting and ending with a letter or digit",
    )
    .refine((s) => !s.includes(".."), "must not contain two adjacent dots")
    .refine((s) => !/^\d+\.\d+\.\d+\.\d+$/.test(s), "must not look like an IP address")
    .refine(
        (s) => !s.startsWith("xn--") && !s.endsWith("-s3alias") && !s.endsWith("--ol-s3"),
        "must not use a reserved prefix or suffix (xn--, -s3alias, --ol-s3)",
    );

const transition = z.strictObject({
    storageClass: z.enum(TRANSITION_STORAGE_CLASSES),
    days,
});

export const encryptionSchema = z.strictObject({
    /** `sse-s3` (AES256 with an S3 Bucket Key) or `sse-kms`. */
    mode: z.enum(ENCRYPTION_MODES).optional(),
    /** With `sse-kms`: the key to use; omitted, the component creates one with rotation on. */
    kmsKeyArn: kmsKeyArn.optional(),
    /** Deny uploads that send no `x-amz-server-side-encryption` header. */
    requireEncryptionHeader: z.boolean().optional(),
});

export const lifecycleSchema = z.strictObject({
    transitions: z.array(transition).max(6).optional(),
    /** Days after creation when objects expire; `0` keeps them forever. */
    expirationDays: days.optional(),
    noncurrent: z
        .strictObject({
            transitions: z.array(transition).max(6).optional(),
            expirationDays: positiveDays.optional(),
        })
        .optional(),
    abortIncompleteMultipartUploadDays: positiveDays.optional(),
});

export const accessLogsSchema = z.strictObject({
    /** Key prefix of the data bucket's logs in the log bucket; ends with `/`. */
    prefix: z.string().regex(KEY_PREFIX_REGEX, KEY_PREFIX_RULE).optional(),
    /** Days the access logs are kept. */
    retentionDays: positiveDays.optional(),
});

/** Every `firehose-storage:*` key. Sections added by later features extend this object. */
export const configSchema = z.strictObject({
    environment: z.enum(ENVIRONMENTS),
    /** Owner, CostCenter, DataType tags: AWS tag values (rules/tags.ts). */
    owner: tagValue(true),
    costCenter: tagValue(true),
    dataType: tagValue(true).optional(),
    /** Regions data may live in (data residency); `aws:region` and replica regions must be listed. */
    allowedRegions: z.array(regionCode).min(1).optional(),
    bucketName: bucketName.optional(),
    keyLayout: z.enum(KEY_LAYOUTS).optional(),
    protect: z.boolean().optional(),
    allowForceDestroy: z.boolean().optional(),
    encryption: encryptionSchema.optional(),
    lifecycle: lifecycleSchema.optional(),
    accessLogs: accessLogsSchema.optional(),
    /** Extra tags for every resource; the standard ones cannot be overridden here. */
    tags: z.record(tagKey, tagValue(false)).optional(),
    /** writer, readers, network, mfa, replication: config/sections/access.ts. */
    ...accessConfigShape,
    /** alerts, audit, notifications, budget, analytics, intelligentTiering: config/sections/monitoring.ts. */
    ...monitoringConfigShape,
    /** dataArrival, ...: config/sections/detective.ts. */
    ...detectiveConfigShape,
    /** objectLock: config/sections/retention.ts. */
    ...retentionConfigShape,
    /** macie: config/sections/discovery.ts. */
    ...discoveryConfigShape,
});

export type RawConfig = z.infer<typeof configSchema>;

/** Keys whose values are plain strings in the stack file (everything else is JSON-decoded). */
export const STRING_KEYS: ReadonlySet<string> = new Set(["environment", "owner", "costCenter", "dataType", "bucketName", "keyLayout"]);
