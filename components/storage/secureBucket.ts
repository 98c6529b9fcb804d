/**
 * `SecureBucket`: an S3 bucket with everything that belongs to it, secure by default.
 *
 * Children (names derive from the component name and are public API: renaming one replaces it):
 * `${name}` Bucket, `-key` KMS key (sse-kms without a key), `-versioning`, `-encryption`,
 * `-public-access-block`, `-ownership`, `-policy`, `-lifecycle`, `-object-lock` (with `objectLock`),
 * and for data/replica buckets a child `SecureBucket` `-access-logs` (role access-logs) with the
 * `-logging` that points at it.
 */
import * as aws from "../aws";
import * as pulumi from "@pulumi/pulumi";
import { throwOnProblems } from "../argsError";
import { LifecyclePlan, lifecycleRules } from "./lifecycle";
import { secureBucketPolicy } from "./policies/bucketPolicy";
import { s3BucketArn } from "../../rules/arn";
import { BucketRole } from "../../rules/buckets";
import { DefaultRetention } from "../../rules/objectLock";
import { BLOCK_ALL_PUBLIC_ACCESS } from "../../rules/publicAccess";
import { bucketArgsProblems, resolveBucketArgs, ResolvedBucketArgs, SecureBucketArgs } from "./secureBucketArgs";
import { SECURE_BUCKET_TYPE, withOldBucketTypes } from "./secureBucketType";
import { SseAlgorithm } from "../../rules/encryption";
import { ReaderAccess, ReaderAccessArgs } from "../access/readerAccess";
import { WriterAccess, WriterAccessArgs } from "../access/writerAccess";

/** What a writer grant needs besides the bucket: the bucket supplies its ARN, encryption and key. */
export type BucketWriterArgs = Omit<WriterAccessArgs, "bucketArn" | "sseAlgorithm" | "kmsKeyArn" | "requireEncryptionHeader">;
/** What a reader grant needs besides the bucket: the bucket supplies its ARN and key. */
export type BucketReaderArgs = Omit<ReaderAccessArgs, "bucketArn" | "kmsKeyArn">;

/** Log buckets: no tiers (logs are read soon or never), noncurrent copies gone after 30 days. */
const MINIMAL_LOG_LIFECYCLE: LifecyclePlan = {
    transitions: [],
    noncurrent: { transitions: [], expirationDays: 30 },
    abortIncompleteMultipartUploadDays: 1,
};

export { SECURE_BUCKET_OLD_TYPES, SECURE_BUCKET_TYPE, withOldBucketTypes } from "./secureBucketType";

/** What `secureBucketResources` created: the component's public fields. */
export interface SecureBucketParts {
    /** The args with their defaults applied (`resolveBucketArgs`), once for the bucket and its component's fields. */
    readonly resolved: ResolvedBucketArgs;
    readonly bucketArn: pulumi.Output<string>;
    readonly kmsKeyArn: pulumi.Output<string | undefined>;
    readonly bucket: aws.s3.Bucket;
    readonly versioning: aws.s3.BucketVersioning;
    readonly policy: aws.s3.BucketPolicy;
    readonly accessLogBucket: SecureBucket | undefined;
}

export class SecureBucket extends pulumi.ComponentResource {
    /** The bucket's name (its id), e.g. `firehose-data-4f1c2a9`. */
    public readonly bucketName: pulumi.Output<string>;
    /** `arn:<partition>:s3:::<bucketName>`. */
    public readonly bucketArn: pulumi.Output<string>;
    /** `<bucketName>.s3.<region>.amazonaws.com`. */
    public readonly bucketRegionalDomainName: pulumi.Output<string>;
    /** ARN of the KMS key objects are encrypted with, or undefined for SSE-S3. */
    public readonly kmsKeyArn: pulumi.Output<string | undefined>;
    /** What the bucket is for; also its `Role` tag. */
    public readonly role: BucketRole;
    /** The bucket resource, for callers that attach more configuration to it. */
    public readonly bucket: aws.s3.Bucket;
    /** Versioning: replication and object lock must depend on it. */
    public readonly versioning: aws.s3.BucketVersioning;
    /** The bucket policy. */
    public readonly policy: aws.s3.BucketPolicy;
    /** The access-log bucket, when this bucket logs. */
    public readonly accessLogBucket?: SecureBucket;
    /** The default encryption algorithm uploads must ask for (`AES256` or `aws:kms`). */
    public readonly sseAlgorithm: SseAlgorithm;
    /** Whether uploads must carry the encryption header. */
    public readonly requireEncryptionHeader: boolean;
    /** Object Lock's default retention, when the bucket has it (a replica of it must have it too). */
    public readonly objectLock?: DefaultRetention;

    constructor(name: string, args: SecureBucketArgs, opts?: pulumi.ComponentResourceOptions) {
        super(SECURE_BUCKET_TYPE, name, {}, withOldBucketTypes(opts));
        throwOnProblems("SecureBucket", bucketArgsProblems(args), this);
        const parts = secureBucketResources(this, name, args);
        const r = parts.resolved;
        this.bucketName = parts.bucket.bucket;
        this.bucketArn = parts.bucketArn;
        this.bucketRegionalDomainName = parts.bucket.bucketRegionalDomainName;
        this.kmsKeyArn = parts.kmsKeyArn;
        this.role = r.role;
        this.bucket = parts.bucket;
        this.versioning = parts.versioning;
        this.policy = parts.policy;
        this.accessLogBucket = parts.accessLogBucket;
        this.sseAlgorithm = r.sseAlgorithm;
        this.requireEncryptionHeader = r.requireEncryptionHeader;
        this.objectLock = args.objectLock;
        this.registerOutputs({
            bucketName: this.bucketName,
            bucketArn: this.bucketArn,
            bucketRegionalDomainName: this.bucketRegionalDomainName,
            kmsKeyArn: this.kmsKeyArn,
        });
    }

    /**
     * Grants a writer, as CDK's `Bucket.grantPut` does: the writer identity (`WriterAccess`) with
     * put/get/list on this bucket under its key layout, uploads asking for this bucket's encryption,
     * and this bucket's KMS key. The bucket-policy side names the writer through
     * `additionalPolicyStatements` (see `stack/access.ts`). `opts` are the writer's own (no parent
     * is implied, so its URN does not depend on the bucket's).
     */
    grantWrite(name: string, args: BucketWriterArgs, opts?: pulumi.ComponentResourceOptions): WriterAccess {
        return new WriterAccess(
            name,
            {
                ...args,
                bucketArn: this.bucketArn,
                sseAlgorithm: this.sseAlgorithm,
                kmsKeyArn: this.kmsKeyArn,
                requireEncryptionHeader: this.requireEncryptionHeader,
            },
            opts,
        );
    }

    /** Grants a partner read access to prefixes of this bucket, as CDK's `Bucket.grantRead` does (`ReaderAccess`, with this bucket's key). */
    grantRead(name: string, args: BucketReaderArgs, opts?: pulumi.ComponentResourceOptions): ReaderAccess {
        return new ReaderAccess(name, { ...args, bucketArn: this.bucketArn, kmsKeyArn: this.kmsKeyArn }, opts);
    }
}

/**
 * Creates the bucket and everything that belongs to it as children of `owner` (a `SecureBucket` of
 * this library or of the multi-language package), from args already checked with `bucketArgsProblems`.
 */
export function secureBucketResources(owner: pulumi.ComponentResource, name: string, args: SecureBucketArgs): SecureBucketParts {
    const r = resolveBucketArgs(args);
    const parent = { parent: owner };
    const tags = { ...r.tags, Name: name, Role: r.role };

    const bucket = new aws.s3.Bucket(
        name,
        { bucket: args.bucketName, forceDestroy: r.allowForceDestroy, tags },
        { ...parent, retainOnDelete: r.retainOnDelete },
    );
    const bucketId = bucket.id;

    const kmsKeyArn: pulumi.Output<string | undefined> =
        r.encryption.mode === "sse-kms"
            ? r.encryption.kmsKeyArn !== undefined
                ? pulumi.output(r.encryption.kmsKeyArn)
                : new aws.kms.Key(
                      `${name}-key`,
                      {
                          description: `Default encryption key of the ${name} bucket`,
                          enableKeyRotation: true,
                          deletionWindowInDays: 30,
                          tags,
                      },
                      { ...parent, retainOnDelete: r.retainOnDelete },
                  ).arn
            : pulumi.output(undefined);

    const versioning = new aws.s3.BucketVersioning(
        `${name}-versioning`,
        { bucket: bucketId, versioningConfiguration: { status: "Enabled" } },
        parent,
    );

    const lock = args.objectLock;
    if (lock !== undefined) {
        // AWS: Object Lock on an existing bucket needs versioning enabled first; it can never be
        // turned off, so the configuration is protected (removing it fails) and retained on delete.
        new aws.s3.BucketObjectLockConfiguration(
            `${name}-object-lock`,
            {
                bucket: bucketId,
                objectLockEnabled: "Enabled",
                rule: { defaultRetention: { mode: lock.mode, days: lock.days, years: lock.years } },
            },
            { ...parent, dependsOn: [versioning], protect: true, retainOnDelete: true },
        );
    }

    new aws.s3.BucketServerSideEncryptionConfiguration(
        `${name}-encryption`,
        {
            bucket: bucketId,
            rules: [
                {
                    applyServerSideEncryptionByDefault: { sseAlgorithm: r.sseAlgorithm, kmsMasterKeyId: kmsKeyArn },
                    bucketKeyEnabled: true,
                },
            ],
        },
        parent,
    );

    const publicAccessBlock = new aws.s3.BucketPublicAccessBlock(
        `${name}-public-access-block`,
        { bucket: bucketId, ...BLOCK_ALL_PUBLIC_ACCESS },
        parent,
    );

    const ownership = new aws.s3.BucketOwnershipControls(
        `${name}-ownership`,
        { bucket: bucketId, rule: { objectOwnership: "BucketOwnerEnforced" } },
        parent,
    );

    const accountId = aws.getCallerIdentityOutput({}, parent).accountId;
    // The ARN built from the bucket's name: the name (given or auto-named at Check) is known in a
    // preview, the provider's computed `arn` is not, so policies stay verifiable before `pulumi up`.
    const partition = aws.getPartitionOutput({}, parent).partition;
    const bucketArn = pulumi.all([partition, bucket.bucket]).apply(([p, b]) => s3BucketArn(p, b));
    const source = args.logDeliverySource;
    const upload = { sseAlgorithm: r.sseAlgorithm, requireEncryptionHeader: r.requireEncryptionHeader };
    const extraStatements = bucketArn.apply((arn) => args.additionalPolicyStatements?.(arn, upload) ?? []);
    const policyJson = pulumi
        .all([bucketArn, kmsKeyArn, accountId, source?.bucketArn, extraStatements])
        .apply(([bucketArn, keyArn, account, sourceArn, extra]) =>
            JSON.stringify(
                secureBucketPolicy({
                    role: r.role,
                    bucketArn,
                    sseAlgorithm: r.sseAlgorithm,
                    kmsKeyArn: keyArn,
                    requireEncryptionHeader: r.requireEncryptionHeader,
                    mfaExemptPrincipalArns: r.mfaExemptPrincipalArns,
                    logDelivery:
                        source !== undefined && sourceArn !== undefined
                            ? { sourceBucketArn: sourceArn, accountId: account, prefix: source.prefix }
                            : undefined,
                    extraStatements: extra,
                }),
            ),
        );
    // AWS: PutBucketPolicy conflicts with a concurrent PutPublicAccessBlock/ownership change on the
    // same bucket (OperationAborted), and the block must be in place before any policy is judged.
    const policy = new aws.s3.BucketPolicy(
        `${name}-policy`,
        { bucket: bucketId, policy: policyJson },
        { ...parent, dependsOn: [publicAccessBlock, ownership] },
    );

    // AWS: noncurrent-version rules only act on a versioned bucket; enable versioning first.
    new aws.s3.BucketLifecycleConfiguration(
        `${name}-lifecycle`,
        { bucket: bucketId, rules: lifecycleRules(r.lifecycle) },
        { ...parent, dependsOn: [versioning] },
    );

    let accessLogBucket: SecureBucket | undefined;
    if (r.accessLogs !== false) {
        accessLogBucket = new SecureBucket(
            `${name}-access-logs`,
            {
                role: "access-logs",
                lifecycle: { ...MINIMAL_LOG_LIFECYCLE, expirationDays: r.accessLogs.retentionDays },
                logDeliverySource: { bucketArn, prefix: r.accessLogs.prefix },
                mfaExemptPrincipalArns: r.mfaExemptPrincipalArns,
                allowForceDestroy: r.allowForceDestroy,
                retainOnDelete: r.retainOnDelete,
                tags: r.tags,
            },
            parent,
        );
        // AWS: the log bucket's policy must admit logging.s3.amazonaws.com before logging is enabled.
        new aws.s3.BucketLogging(
            `${name}-logging`,
            {
                bucket: bucketId,
                targetBucket: accessLogBucket.bucketName,
                targetPrefix: r.accessLogs.prefix,
                targetObjectKeyFormat: { partitionedPrefix: { partitionDateSource: "EventTime" } },
            },
            { ...parent, dependsOn: [accessLogBucket.policy] },
        );
    }
    return { resolved: r, bucketArn, kmsKeyArn, bucket, versioning, policy, accessLogBucket };
}
