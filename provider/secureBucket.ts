/**
 * `SecureBucket` for every Pulumi language: the library's component (components/storage/
 * secureBucket.ts) behind args Pulumi's schema inference reads. Same type token, same children,
 * same names: a bucket made from YAML or Python has the URNs a TypeScript one has, and answers to
 * the old `firehose-storage:storage:SecureBucket` URNs through the same aliases.
 */
import * as pulumi from "@pulumi/pulumi";
import { throwOnProblems } from "../components/argsError";
import { SECURE_BUCKET_TYPE, secureBucketResources, withOldBucketTypes } from "../components/storage/secureBucket";
import { published } from "../components/published";
import { bucketArgsProblems } from "../components/storage/secureBucketArgs";
import { facadeProblems, SecureBucketArgs, SseAlgorithm, toLibraryArgs } from "./secureBucketArgs";

/** An S3 bucket with everything that belongs to it, secure by default (encryption, TLS-only, versioning, no public access, access logs). */
export class SecureBucket extends pulumi.ComponentResource {
    /** The bucket's name (its id), e.g. `firehose-data-4f1c2a9`. */
    declare public readonly bucketName: pulumi.Output<string>;
    /** `arn:<partition>:s3:::<bucketName>`. */
    declare public readonly bucketArn: pulumi.Output<string>;
    /** `<bucketName>.s3.<region>.amazonaws.com`. */
    declare public readonly bucketRegionalDomainName: pulumi.Output<string>;
    /** ARN of the KMS key objects are encrypted with; empty for SSE-S3. */
    declare public readonly kmsKeyArn: pulumi.Output<string | undefined>;
    /** Name of the bucket the server access logs go to; empty when the bucket does not log. */
    declare public readonly accessLogBucketName: pulumi.Output<string | undefined>;
    /**
     * The bucket's name, known once versioning is enabled: give it to `Replication`'s
     * `sourceBucketName`, so replication waits for versioning (S3 refuses it on an unversioned bucket).
     */
    declare public readonly versionedBucketName: pulumi.Output<string>;
    /** The encryption uploads ask for (`AES256` or `aws:kms`): give it to `WriterAccess`'s `sseAlgorithm`. */
    declare public readonly sseAlgorithm: pulumi.Output<SseAlgorithm>;
    /** Whether uploads must carry the encryption header: give it to `WriterAccess`'s `requireEncryptionHeader`. */
    declare public readonly requireEncryptionHeader: pulumi.Output<boolean>;

    constructor(name: string, args: SecureBucketArgs, opts?: pulumi.ComponentResourceOptions) {
        super(SECURE_BUCKET_TYPE, name, {}, withOldBucketTypes(opts));
        const library = toLibraryArgs(args);
        throwOnProblems("SecureBucket", [...facadeProblems(args), ...bucketArgsProblems(library)], this);
        const parts = secureBucketResources(this, name, library);
        this.registerOutputs(
            published<SecureBucket>(this, {
                bucketName: parts.bucket.bucket,
                bucketArn: parts.bucketArn,
                bucketRegionalDomainName: parts.bucket.bucketRegionalDomainName,
                kmsKeyArn: parts.kmsKeyArn,
                accessLogBucketName: parts.accessLogBucket?.bucketName ?? pulumi.output(undefined),
                versionedBucketName: pulumi.all([parts.bucket.bucket, parts.versioning.id]).apply(([bucket]) => bucket),
                sseAlgorithm: pulumi.output(parts.resolved.sseAlgorithm as string as SseAlgorithm),
                requireEncryptionHeader: pulumi.output(parts.resolved.requireEncryptionHeader),
            }),
        );
    }
}
