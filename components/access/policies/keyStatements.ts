/** The KMS statement of the access roles' identity policies (pure): a bucket's key, used through S3 only. */
import { allow, bucketAndObjects, Statement } from "../../../rules/document";

/**
 * Allow `actions` on the KMS key `keyArn` only in requests S3 makes for the caller in `region`
 * (`kms:ViaService`) and, with `bucketArn`, only for that bucket's objects: the encryption context
 * is the bucket's ARN with an S3 Bucket Key (every bucket here has one) and the object's without, so
 * both are admitted. https://docs.aws.amazon.com/kms/latest/developerguide/conditions-kms.html#conditions-kms-via-service
 */
export function allowKeyViaS3(
    sid: string,
    keyArn: string,
    actions: string | readonly string[],
    region: string,
    bucketArn?: string,
): Statement {
    return allow(sid, actions, keyArn, {
        StringEquals: { "kms:ViaService": `s3.${region}.amazonaws.com` },
        ...(bucketArn !== undefined ? { StringLike: { "kms:EncryptionContext:aws:s3:arn": bucketAndObjects(bucketArn) } } : {}),
    });
}
