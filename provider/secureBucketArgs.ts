/**
 * Args of the multi-language `SecureBucket` in the shapes Pulumi's schema inference reads (string
 * enums, named interfaces, plain arrays, no callbacks, no `X | false`), and their translation to the
 * library's `SecureBucketArgs` (components/storage/secureBucketArgs.ts), whose checks still apply.
 */
import * as pulumi from "@pulumi/pulumi";
import type { Problem } from "../components/storage/lifecycle";
import { MINIMAL_LIFECYCLE, SecureBucketArgs as LibraryArgs } from "../components/storage/secureBucketArgs";
import type { Statement } from "../rules/document";
import type { ObjectLockMode as LibraryLockMode } from "../rules/objectLock";
import { ENCRYPTION_MODES } from "../rules/encryption";
import { choiceProblems } from "./choices";

/** What the bucket holds; also its `Role` tag (access-log buckets are made by the data bucket that logs). */
export enum BucketRole {
    Data = "data",
    Replica = "replica",
    AuditLogs = "audit-logs",
    Quarantine = "quarantine",
}

/** Default encryption of new objects. */
export enum EncryptionMode {
    /** S3-managed keys (`AES256`), with an S3 Bucket Key. */
    SseS3 = "sse-s3",
    /** A KMS key (`aws:kms`), with an S3 Bucket Key. */
    SseKms = "sse-kms",
}

/** The `x-amz-server-side-encryption` value uploads ask for (rules/encryption.ts `sseAlgorithmOf`). */
export enum SseAlgorithm {
    /** SSE-S3. */
    Aes256 = "AES256",
    /** SSE-KMS. */
    AwsKms = "aws:kms",
}

/** Lifecycle transition targets, in waterfall order (rules/storageClasses.ts). */
export enum StorageClass {
    StandardIa = "STANDARD_IA",
    IntelligentTiering = "INTELLIGENT_TIERING",
    OnezoneIa = "ONEZONE_IA",
    GlacierIr = "GLACIER_IR",
    Glacier = "GLACIER",
    DeepArchive = "DEEP_ARCHIVE",
}

/** Move objects to `storageClass` at an age in days. */
export interface LifecycleTransition {
    storageClass: StorageClass;
    days: number;
}

/** What happens to noncurrent versions. */
export interface NoncurrentVersions {
    /** Noncurrent-version tiers, in order. @default [] */
    transitions?: LifecycleTransition[];
    /** Days after becoming noncurrent when old versions are deleted. */
    expirationDays: number;
}

/** Lifecycle tiers and expiry of current and noncurrent versions. */
export interface Lifecycle {
    /** Current-version tiers, in order. @default [] */
    transitions?: LifecycleTransition[];
    /** Days after creation when current versions expire. @default - kept forever */
    expirationDays?: number;
    /** Noncurrent versions' tiers and expiry. @default { expirationDays: 90 } */
    noncurrent?: NoncurrentVersions;
    /** Days after which incomplete multipart uploads are aborted. @default 7 */
    abortIncompleteMultipartUploadDays?: number;
}

/** Server access logging into the bucket's own log bucket. */
export interface AccessLogs {
    /** Key prefix of the logs. @default "access-logs/" */
    prefix?: string;
    /** Days the logs are kept. @default 365 */
    retentionDays?: number;
}

/** S3 Object Lock retention modes (rules/objectLock.ts). */
export enum ObjectLockMode {
    /** Locked versions can be deleted only with `s3:BypassGovernanceRetention` and the bypass header. */
    Governance = "GOVERNANCE",
    /** Nobody, the root user included, can delete a locked version before its retention ends. */
    Compliance = "COMPLIANCE",
}

/**
 * S3 Object Lock's default retention of new object versions: a mode and exactly one of `days` or
 * `years` (https://docs.aws.amazon.com/AmazonS3/latest/userguide/object-lock-configure.html).
 */
export interface ObjectLockRetention {
    mode: ObjectLockMode;
    /** Days of retention (1-36500). @default - none: give days or years */
    days?: number;
    /** Years of retention (1-100). @default - none: give days or years */
    years?: number;
}

/** A bucket's settings (every `SecureBucket` input but its role; a replica's settings too). */
export interface BucketSettings {
    /** Exact bucket name. @default - auto-named from the component name with a random suffix */
    bucketName?: pulumi.Input<string>;
    /**
     * Default encryption (https://docs.aws.amazon.com/AmazonS3/latest/userguide/serv-side-encryption.html);
     * log buckets must use sse-s3. @default sse-s3
     */
    encryption?: EncryptionMode;
    /** The KMS key for `encryption: sse-kms`. @default - a key the component creates, rotation on */
    kmsKeyArn?: pulumi.Input<string>;
    /** Deny uploads without an `x-amz-server-side-encryption` header. @default false */
    requireEncryptionHeader?: boolean;
    /** Lifecycle tiers and expiry. @default - abort incomplete uploads after 7 days, expire noncurrent versions after 90 */
    lifecycle?: Lifecycle;
    /** Logging settings for data and replica buckets. @default { prefix: "access-logs/", retentionDays: 365 } */
    accessLogs?: AccessLogs;
    /** Turn server access logging off (for buckets that are themselves log targets). @default false */
    disableAccessLogs?: boolean;
    /** Principal ARNs exempt from the delete-needs-MFA rule (e.g. the deployer role). @default [] */
    mfaExemptPrincipalArns?: string[];
    /** Let `pulumi destroy` delete a bucket that still holds objects. @default false */
    allowForceDestroy?: boolean;
    /** Keep the bucket in AWS when it is removed from the program or the stack is destroyed. @default false */
    retainOnDelete?: boolean;
    /**
     * Extra bucket policy statements: a JSON array of IAM statements (each with `Sid`, `Effect`,
     * `Action`, `Resource`), where `{{bucketArn}}` stands for the bucket's ARN. @default - none
     */
    additionalPolicyStatementsJson?: pulumi.Input<string>;
    /**
     * S3 Object Lock with this default retention, set on the bucket by a `BucketObjectLockConfiguration`
     * that is `protect`ed and retained on delete (Object Lock can never be turned off).
     * https://docs.aws.amazon.com/AmazonS3/latest/userguide/object-lock.html @default - no Object Lock
     */
    objectLock?: ObjectLockRetention;
    /** Extra tags; `Name` and `Role` are always set. @default {} */
    tags?: { [key: string]: string };
}

export interface SecureBucketArgs extends BucketSettings {
    /** What the bucket holds. @default data */
    role?: BucketRole;
}

/** Stands for the bucket ARN in `additionalPolicyStatementsJson`. */
export const BUCKET_ARN_PLACEHOLDER = "{{bucketArn}}";

const ARG = "additionalPolicyStatementsJson";

function isStrings(v: unknown): boolean {
    return typeof v === "string" || (Array.isArray(v) && v.length > 0 && v.every((x) => typeof x === "string"));
}

/** The statements of `text` with the ARN filled in, or the problems with it. */
export function parseStatements(text: string, bucketArn: string): { statements: Statement[]; problems: Problem[] } {
    let doc: unknown;
    try {
        doc = JSON.parse(text.split(BUCKET_ARN_PLACEHOLDER).join(bucketArn));
    } catch (e) {
        return { statements: [], problems: [{ path: ARG, value: text, message: `must be JSON: ${(e as Error).message}` }] };
    }
    if (!Array.isArray(doc)) {
        return { statements: [], problems: [{ path: ARG, value: text, message: "must be a JSON array of IAM statements" }] };
    }
    const problems: Problem[] = [];
    doc.forEach((s: unknown, i) => {
        const st = (s ?? {}) as Record<string, unknown>;
        const at = (field: string, message: string): void =>
            void problems.push({ path: `${ARG}[${i}].${field}`, value: st[field], message });
        if (typeof s !== "object" || s === null || Array.isArray(s)) {
            problems.push({ path: `${ARG}[${i}]`, value: s, message: "must be an IAM statement object" });
            return;
        }
        if (typeof st.Sid !== "string" || st.Sid === "") at("Sid", "must be a non-empty statement id");
        if (st.Effect !== "Allow" && st.Effect !== "Deny") at("Effect", 'must be "Allow" or "Deny"');
        if (!isStrings(st.Action)) at("Action", "must be an action or a list of actions");
        if (!isStrings(st.Resource)) at("Resource", "must be a resource ARN or a list of them");
    });
    return { statements: problems.length === 0 ? (doc as Statement[]) : [], problems };
}

/** Problems only this shape can have (the library checks the rest after `toLibraryArgs`). */
export function facadeProblems(args: BucketSettings): Problem[] {
    const problems: Problem[] = choiceProblems("encryption", args.encryption, ENCRYPTION_MODES);
    if (args.kmsKeyArn !== undefined && args.encryption !== EncryptionMode.SseKms) {
        problems.push({
            path: "kmsKeyArn",
            value: args.kmsKeyArn,
            message: `needs encryption "sse-kms" (got ${JSON.stringify(args.encryption ?? "sse-s3")})`,
        });
    }
    if (args.disableAccessLogs === true && args.accessLogs !== undefined) {
        problems.push({ path: "accessLogs", value: args.accessLogs, message: "conflicts with disableAccessLogs: true; set one of them" });
    }
    const json = args.additionalPolicyStatementsJson;
    if (typeof json === "string") {
        problems.push(...parseStatements(json, "arn:aws:s3:::bucket").problems);
    }
    return problems;
}

/** The library args the shape stands for. */
export function toLibraryArgs(args: SecureBucketArgs): LibraryArgs {
    const json = args.additionalPolicyStatementsJson;
    const l = args.lifecycle;
    const lock = args.objectLock;
    return {
        role: args.role,
        bucketName: args.bucketName,
        encryption:
            args.encryption === EncryptionMode.SseKms
                ? { mode: "sse-kms", kmsKeyArn: args.kmsKeyArn }
                : args.encryption === undefined
                  ? undefined
                  : { mode: "sse-s3" },
        requireEncryptionHeader: args.requireEncryptionHeader,
        lifecycle:
            l === undefined
                ? undefined
                : {
                      transitions: l.transitions ?? [],
                      expirationDays: l.expirationDays,
                      noncurrent:
                          l.noncurrent === undefined
                              ? MINIMAL_LIFECYCLE.noncurrent
                              : { transitions: l.noncurrent.transitions ?? [], expirationDays: l.noncurrent.expirationDays },
                      abortIncompleteMultipartUploadDays:
                          l.abortIncompleteMultipartUploadDays ?? MINIMAL_LIFECYCLE.abortIncompleteMultipartUploadDays,
                  },
        accessLogs: args.disableAccessLogs === true ? false : args.accessLogs,
        mfaExemptPrincipalArns: args.mfaExemptPrincipalArns,
        allowForceDestroy: args.allowForceDestroy,
        retainOnDelete: args.retainOnDelete,
        additionalPolicyStatements:
            json === undefined
                ? undefined
                : (bucketArn) =>
                      pulumi.output(json).apply((text) => {
                          const parsed = parseStatements(text, bucketArn);
                          if (parsed.problems.length > 0) {
                              throw new Error(
                                  `invalid SecureBucket args: ${parsed.problems.map((p) => `${p.path}: ${p.message}`).join("; ")}`,
                              );
                          }
                          return parsed.statements;
                      }),
        objectLock: lock === undefined ? undefined : { mode: lock.mode as string as LibraryLockMode, days: lock.days, years: lock.years },
        tags: args.tags,
    };
}
