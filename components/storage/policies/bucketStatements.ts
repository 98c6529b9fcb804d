/**
 * Pure builders of bucket-policy statements. Each returns one typed statement; the component merges
 * them with `policyDocument`. Condition keys are the documented S3/global ones:
 * https://docs.aws.amazon.com/service-authorization/latest/reference/list_amazons3.html
 */
import { ALL_S3_ACTIONS, DESTRUCTIVE_OBJECT_ACTIONS, LOG_DELIVERY_ACTIONS, PUT_OBJECT } from "../../policies/actions";
import { bucketAndObjects, Statement } from "../../policies/document";

/** Deny every request made without TLS (Security Hub S3.5). */
export function denyInsecureTransport(bucketArn: string): Statement {
    return {
        Sid: "DenyInsecureTransport",
        Effect: "Deny",
        Principal: "*",
        Action: ALL_S3_ACTIONS,
        Resource: bucketAndObjects(bucketArn),
        Condition: { Bool: { "aws:SecureTransport": "false" } },
    };
}

/** Deny requests negotiated with a TLS version below `minimum` (S3 reports it as `s3:TlsVersion`). */
export function denyOutdatedTls(bucketArn: string, minimum = "1.2"): Statement {
    return {
        Sid: "DenyOutdatedTls",
        Effect: "Deny",
        Principal: "*",
        Action: ALL_S3_ACTIONS,
        Resource: bucketAndObjects(bucketArn),
        Condition: { NumericLessThan: { "s3:TlsVersion": minimum } },
    };
}

/** The `x-amz-server-side-encryption` value each algorithm is requested with. */
export type SseAlgorithm = "AES256" | "aws:kms";

/**
 * Deny uploads that ask for another encryption than `algorithm`. Uploads that send no header pass
 * (S3 then applies the bucket default); pair with `denyMissingEncryptionHeader` to require the header.
 *
 * AWS semantics (a first version had `StringNotEqualsIfExists` here, which the access-matrix simulation showed
 * wrong): an `...IfExists` operator is *true* when the key is absent, and so is a negated operator
 * (`StringNotEquals`), so either alone in a Deny also rejects uploads without the header. The
 * `Null: false` guard limits the deny to uploads that carry it:
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html
 */
export function denyWrongEncryption(bucketArn: string, algorithm: SseAlgorithm): Statement {
    return {
        Sid: "DenyWrongEncryption",
        Effect: "Deny",
        Principal: "*",
        Action: PUT_OBJECT,
        Resource: `${bucketArn}/*`,
        Condition: {
            Null: { "s3:x-amz-server-side-encryption": "false" },
            StringNotEquals: { "s3:x-amz-server-side-encryption": algorithm },
        },
    };
}

/**
 * Deny SSE-KMS uploads that name another key than `kmsKeyArn` (uploads naming none use the bucket
 * default key). A statement of its own: keys under one condition operator are ANDed, so folding the key
 * into `DenyWrongEncryption` (as a first version did) denied another key only when the algorithm was wrong too.
 * Clients that name the key must send its ARN.
 */
export function denyWrongKmsKey(bucketArn: string, kmsKeyArn: string): Statement {
    return {
        Sid: "DenyWrongKmsKey",
        Effect: "Deny",
        Principal: "*",
        Action: PUT_OBJECT,
        Resource: `${bucketArn}/*`,
        Condition: {
            Null: { "s3:x-amz-server-side-encryption-aws-kms-key-id": "false" },
            StringNotEquals: { "s3:x-amz-server-side-encryption-aws-kms-key-id": kmsKeyArn },
        },
    };
}

/** Deny uploads that carry no `x-amz-server-side-encryption` header at all. */
export function denyMissingEncryptionHeader(bucketArn: string): Statement {
    return {
        Sid: "DenyMissingEncryptionHeader",
        Effect: "Deny",
        Principal: "*",
        Action: PUT_OBJECT,
        Resource: `${bucketArn}/*`,
        Condition: { Null: { "s3:x-amz-server-side-encryption": "true" } },
    };
}

/**
 * Let the S3 server-access-logging service write under `prefix`, only on behalf of `sourceBucketArn`
 * in `accountId` (the confused-deputy guard AWS recommends):
 * https://docs.aws.amazon.com/AmazonS3/latest/userguide/enable-server-access-logging.html
 */
export function allowS3LogDelivery(logBucketArn: string, sourceBucketArn: string, accountId: string, prefix: string): Statement {
    return {
        Sid: "AllowS3ServerAccessLogDelivery",
        Effect: "Allow",
        Principal: { Service: "logging.s3.amazonaws.com" },
        Action: [...LOG_DELIVERY_ACTIONS],
        Resource: `${logBucketArn}/${prefix}*`,
        Condition: {
            ArnLike: { "aws:SourceArn": sourceBucketArn },
            StringEquals: { "aws:SourceAccount": accountId },
        },
    };
}

/**
 * Deny deleting objects or versions unless the caller signed in with MFA. Principals listed in
 * `exemptPrincipalArns` (e.g. the deployer role, so `pulumi destroy` of a dev stack works) are
 * not affected. `BoolIfExists` also denies when the key is absent (long-term access keys).
 */
export function denyDeleteWithoutMfa(bucketArn: string, exemptPrincipalArns: readonly string[] = []): Statement {
    const condition: Record<string, Record<string, string | string[]>> = {
        BoolIfExists: { "aws:MultiFactorAuthPresent": "false" },
    };
    if (exemptPrincipalArns.length > 0) {
        condition.ArnNotLike = { "aws:PrincipalArn": [...exemptPrincipalArns] };
    }
    return {
        Sid: "DenyDeleteWithoutMfa",
        Effect: "Deny",
        Principal: "*",
        Action: [...DESTRUCTIVE_OBJECT_ACTIONS],
        Resource: `${bucketArn}/*`,
        Condition: condition,
    };
}
