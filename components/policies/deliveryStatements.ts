/**
 * Pure builders of the bucket-policy statements AWS services need to deliver into our log and report
 * buckets: CloudTrail (trail log files), AWS Config (configuration history) and S3 storage-class
 * analysis (CSV exports). Each is scoped to the one source that may deliver, with `aws:SourceArn` or
 * `aws:SourceAccount` (the confused-deputy guards AWS recommends).
 */
import { GET_BUCKET_ACL, LIST_BUCKET, PUT_OBJECT } from "../../rules/actions";
import { allowService, Statement } from "../../rules/document";

/** CloudTrail reads the bucket ACL before delivering; only for `sourceTrailArn`. */
export function allowCloudTrailAclCheck(bucketArn: string, sourceTrailArn: string): Statement {
    return allowService("AWSCloudTrailAclCheck", "cloudtrail.amazonaws.com", GET_BUCKET_ACL, bucketArn, {
        StringEquals: { "aws:SourceArn": sourceTrailArn },
    });
}

/**
 * CloudTrail writes log files under `AWSLogs/<account>/`, handing ownership to the bucket owner;
 * only for `sourceTrailArn`
 * (https://docs.aws.amazon.com/awscloudtrail/latest/userguide/create-s3-bucket-policy-for-cloudtrail.html).
 */
export function allowCloudTrailWrite(bucketArn: string, sourceTrailArn: string, accountId: string): Statement {
    return allowService("AWSCloudTrailWrite", "cloudtrail.amazonaws.com", PUT_OBJECT, `${bucketArn}/AWSLogs/${accountId}/*`, {
        StringEquals: { "s3:x-amz-acl": "bucket-owner-full-control", "aws:SourceArn": sourceTrailArn },
    });
}

/** Exactly the statements CloudTrail delivery needs on the trail-log bucket. */
export function cloudTrailDeliveryStatements(bucketArn: string, sourceTrailArn: string, accountId: string): Statement[] {
    return [allowCloudTrailAclCheck(bucketArn, sourceTrailArn), allowCloudTrailWrite(bucketArn, sourceTrailArn, accountId)];
}

/**
 * S3 writes storage-class analysis exports of `sourceBucketArn` under `prefix` in this bucket
 * (https://docs.aws.amazon.com/AmazonS3/latest/userguide/example-bucket-policies.html, "S3 Inventory
 * and S3 analytics").
 */
export function allowS3AnalyticsExport(bucketArn: string, sourceBucketArn: string, accountId: string, prefix: string): Statement {
    return allowService("AllowS3AnalyticsExport", "s3.amazonaws.com", PUT_OBJECT, `${bucketArn}/${prefix}*`, {
        ArnLike: { "aws:SourceArn": sourceBucketArn },
        StringEquals: { "aws:SourceAccount": accountId, "s3:x-amz-acl": "bucket-owner-full-control" },
    });
}

/**
 * AWS Config delivers configuration history and snapshots under `AWSLogs/<account>/Config/`, after
 * checking the bucket's ACL and existence; only on behalf of `accountId` (`AWS:SourceAccount`), as in
 * https://docs.aws.amazon.com/config/latest/developerguide/s3-bucket-policy.html. In its own account
 * Config writes as the recorder's role (`configRecorderDeliveryPolicy`); these statements admit the
 * service principal, which Config falls back to (and uses with the service-linked role).
 */
export function configDeliveryStatements(bucketArn: string, accountId: string): Statement[] {
    const service = "config.amazonaws.com";
    const account = { "AWS:SourceAccount": accountId };
    return [
        allowService("AWSConfigBucketPermissionsCheck", service, GET_BUCKET_ACL, bucketArn, { StringEquals: account }),
        allowService("AWSConfigBucketExistenceCheck", service, LIST_BUCKET, bucketArn, { StringEquals: account }),
        allowService("AWSConfigBucketDelivery", service, PUT_OBJECT, `${bucketArn}/AWSLogs/${accountId}/Config/*`, {
            StringEquals: { "s3:x-amz-acl": "bucket-owner-full-control", ...account },
        }),
    ];
}
