/**
 * The S3 server-access-logging allowance of a log bucket (pure). The denies every bucket carries are
 * in rules/denies.ts.
 */
import { LOG_DELIVERY_ACTIONS } from "../../../rules/actions";
import { allowService, Statement } from "../../../rules/document";

/**
 * Let the S3 server-access-logging service write under `prefix`, only on behalf of `sourceBucketArn`
 * in `accountId` (the confused-deputy guard AWS recommends):
 * https://docs.aws.amazon.com/AmazonS3/latest/userguide/enable-server-access-logging.html
 */
export function allowS3LogDelivery(logBucketArn: string, sourceBucketArn: string, accountId: string, prefix: string): Statement {
    return allowService(
        "AllowS3ServerAccessLogDelivery",
        "logging.s3.amazonaws.com",
        [...LOG_DELIVERY_ACTIONS],
        `${logBucketArn}/${prefix}*`,
        {
            ArnLike: { "aws:SourceArn": sourceBucketArn },
            StringEquals: { "aws:SourceAccount": accountId },
        },
    );
}
