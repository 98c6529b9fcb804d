/**
 * The Deny statements every bucket policy is built from (pure): TLS only, TLS >= 1.2, uploads with the
 * bucket's encryption (and key), and destructive changes only with MFA. Condition keys are the
 * documented S3/global ones: https://docs.aws.amazon.com/service-authorization/latest/reference/list_amazons3.html
 */
import { ALL_S3_ACTIONS, MFA_GUARDED_ACTIONS, PUT_OBJECT } from "./actions";
import { bucketAndObjects, Conditions, denyEveryone, Statement } from "./document";
import { SseAlgorithm } from "./encryption";

/** Deny uploads (`s3:PutObject`) into the bucket under `condition`: the encryption guards. */
function denyUploads(sid: string, bucketArn: string, condition: Conditions): Statement {
    return denyEveryone(sid, PUT_OBJECT, `${bucketArn}/*`, condition);
}

/** Deny every request made without TLS (Security Hub S3.5). */
export function denyInsecureTransport(bucketArn: string): Statement {
    return denyEveryone("DenyInsecureTransport", ALL_S3_ACTIONS, bucketAndObjects(bucketArn), { Bool: { "aws:SecureTransport": "false" } });
}

/** Deny requests negotiated with a TLS version below `minimum` (S3 reports it as `s3:TlsVersion`). */
export function denyOutdatedTls(bucketArn: string, minimum = "1.2"): Statement {
    return denyEveryone("DenyOutdatedTls", ALL_S3_ACTIONS, bucketAndObjects(bucketArn), { NumericLessThan: { "s3:TlsVersion": minimum } });
}

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
    return denyUploads("DenyWrongEncryption", bucketArn, {
        Null: { "s3:x-amz-server-side-encryption": "false" },
        StringNotEquals: { "s3:x-amz-server-side-encryption": algorithm },
    });
}

/**
 * Deny SSE-KMS uploads that name another key than `kmsKeyArn` (uploads naming none use the bucket
 * default key). A statement of its own: keys under one condition operator are ANDed, so folding the key
 * into `DenyWrongEncryption` (as a first version did) denied another key only when the algorithm was wrong too.
 * Clients that name the key must send its ARN.
 */
export function denyWrongKmsKey(bucketArn: string, kmsKeyArn: string): Statement {
    return denyUploads("DenyWrongKmsKey", bucketArn, {
        Null: { "s3:x-amz-server-side-encryption-aws-kms-key-id": "false" },
        StringNotEquals: { "s3:x-amz-server-side-encryption-aws-kms-key-id": kmsKeyArn },
    });
}

/** Deny uploads that carry no `x-amz-server-side-encryption` header at all. */
export function denyMissingEncryptionHeader(bucketArn: string): Statement {
    return denyUploads("DenyMissingEncryptionHeader", bucketArn, { Null: { "s3:x-amz-server-side-encryption": "true" } });
}

/**
 * Deny deleting objects, versions or the bucket, and replacing or deleting the bucket policy, unless
 * the caller used MFA: the same guard on data, replica and log buckets. `BoolIfExists` also denies
 * when the key is absent (long-term access keys never carry it). `exemptPrincipalArns` (the deployer,
 * so `pulumi up` can still change the policy) are matched on `aws:PrincipalArn`, which for a role
 * session is the role's ARN:
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-keys.html#condition-keys-principalarn
 */
export function denyDestructiveWithoutMfa(bucketArn: string, exemptPrincipalArns: readonly string[] = []): Statement {
    const condition: Record<string, Record<string, string | string[]>> = { BoolIfExists: { "aws:MultiFactorAuthPresent": "false" } };
    if (exemptPrincipalArns.length > 0) {
        condition.ArnNotLike = { "aws:PrincipalArn": [...exemptPrincipalArns] };
    }
    return denyEveryone("DenyDestructiveWithoutMfa", MFA_GUARDED_ACTIONS, bucketAndObjects(bucketArn), condition);
}
