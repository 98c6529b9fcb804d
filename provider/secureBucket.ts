/**
 * `SecureBucket` for every Pulumi language: the library's component (components/storage/
 * secureBucket.ts) behind args Pulumi's schema inference reads. Same type token, same children,
 * same names: a bucket made from YAML or Python has the URNs a TypeScript one has, and answers to
 * the old `firehose-storage:storage:SecureBucket` URNs through the same aliases.
 */
import * as pulumi from "@pulumi/pulumi";
import { throwOnProblems } from "../components/argsError";
import { SECURE_BUCKET_TYPE, secureBucketResources, withOldBucketTypes } from "../components/storage/secureBucket";
import { bucketArgsProblems } from "../components/storage/secureBucketArgs";
import { facadeProblems, SecureBucketArgs, SseAlgorithm, toLibraryArgs } from "./secureBucketArgs";

/** An S3 bucket with everything that belongs to it, secure by default (encryption, TLS-only, versioning, no public access, access logs). */
export class SecureBucket extends pulumi.ComponentResource {
    /** The bucket's name (its id), e.g. `firehose-data-4f1c2a9`. */
    public readonly bucketName: pulumi.Output<string>;
    /** `arn:aws:s3:::<bucketName>`. */
    public readonly bucketArn: pulumi.Output<string>;
    /** `<bucketName>.s3.<region>.amazonaws.com`. */
    public readonly bucketRegionalDomainName: pulumi.Output<string>;
    /** ARN of the KMS key objects are encrypted with; empty for SSE-S3. */
    public readonly kmsKeyArn: pulumi.Output<string | undefined>;
    /** Name of the bucket the server access logs go to; empty when the bucket does not log. */
    public readonly accessLogBucketName: pulumi.Output<string | undefined>;
    /**
     * The bucket's name, known once versioning is enabled: give it to `Replication`'s
     * `sourceBucketName`, so replication waits for versioning (S3 refuses it on an unversioned bucket).
     */
    public readonly versionedBucketName: pulumi.Output<string>;
    /** The encryption uploads ask for (`AES256` or `aws:kms`): give it to `WriterAccess`'s `sseAlgorithm`. */
    public readonly sseAlgorithm: pulumi.Output<SseAlgorithm>;
    /** Whether uploads must carry the encryption header: give it to `WriterAccess`'s `requireEncryptionHeader`. */
    public readonly requireEncryptionHeader: pulumi.Output<boolean>;

    constructor(name: string, args: SecureBucketArgs, opts?: pulumi.ComponentResourceOptions) {
        super(SECURE_BUCKET_TYPE, name, {}, withOldBucketTypes(opts));
        const library = toLibraryArgs(args);
        throwOnProblems("SecureBucket", [...facadeProblems(args), ...bucketArgsProblems(library)], this);
        const parts = secureBucketResources(this, name, library);
        this.bucketName = parts.bucket.bucket;
        this.bucketArn = parts.bucketArn;
        this.bucketRegionalDomainName = parts.bucket.bucketRegionalDomainName;
        this.kmsKeyArn = parts.kmsKeyArn;
        this.accessLogBucketName = parts.accessLogBucket?.bucketName ?? pulumi.output(undefined);
        this.versionedBucketName = pulumi.all([parts.bucket.bucket, parts.versioning.id]).apply(([bucket]) => bucket);
        this.sseAlgorithm = pulumi.output(parts.resolved.sseAlgorithm as string as SseAlgorithm);
        this.requireEncryptionHeader = pulumi.output(parts.resolved.requireEncryptionHeader);
        this.registerOutputs({
            bucketName: this.bucketName,
            bucketArn: this.bucketArn,
            bucketRegionalDomainName: this.bucketRegionalDomainName,
            kmsKeyArn: this.kmsKeyArn,
            accessLogBucketName: this.accessLogBucketName,
            versionedBucketName: this.versionedBucketName,
            sseAlgorithm: this.sseAlgorithm,
            requireEncryptionHeader: this.requireEncryptionHeader,
        });
    }
}
