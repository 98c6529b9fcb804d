/**
 * The configuration recorder's role (pure): what it needs besides the AWS managed policy
 * `AWS_ConfigRole` (the Describe/List/Get calls that read resource configurations), namely delivery
 * into the history bucket, as AWS documents in "IAM Role Policy for your S3 Bucket":
 * https://docs.aws.amazon.com/config/latest/developerguide/iamrole-permissions.html
 */
import { GET_BUCKET_ACL, PUT_OBJECT } from "../../../rules/actions";
import { arn } from "../../../rules/arn";
import { PolicyDocument, policyDocument } from "../../../rules/document";

/** `arn:<partition>:iam::aws:policy/service-role/AWS_ConfigRole`: read access to recorded resources' configuration. */
export function configRoleManagedPolicyArn(partition: string): string {
    return arn(partition, "iam", "", "aws", "policy/service-role/AWS_ConfigRole");
}

/**
 * Put history and snapshots under `AWSLogs/<account>/`, handing them to the bucket owner; read the
 * bucket ACL. AWS's example also grants `s3:PutObjectAcl`: our buckets enforce bucket-owner ownership
 * (ACLs disabled, PutObjectAcl refused), so it is left out.
 */
export function configRecorderDeliveryPolicy(bucketArn: string, accountId: string): PolicyDocument {
    return policyDocument(
        {
            Sid: "DeliverConfigurationHistory",
            Effect: "Allow",
            Action: PUT_OBJECT,
            Resource: `${bucketArn}/AWSLogs/${accountId}/*`,
            Condition: { StringEquals: { "s3:x-amz-acl": "bucket-owner-full-control" } },
        },
        { Sid: "CheckDeliveryBucketAcl", Effect: "Allow", Action: GET_BUCKET_ACL, Resource: bucketArn },
    );
}
