/**
 * Pure builders for the data-arrival log group: its KMS key's policy and the CloudWatch Logs resource
 * policy that lets EventBridge write events into it.
 */
import { policyDocument, PolicyDocument } from "../../../rules/document";
import { enableAccountAdministration } from "../../policies/keyPolicyStatements";

/** What CloudWatch Logs needs of a key that encrypts a log group (AWS's documented list). */
export const LOGS_KMS_ACTIONS = ["kms:Encrypt*", "kms:Decrypt*", "kms:ReEncrypt*", "kms:GenerateDataKey*", "kms:Describe*"] as const;

/**
 * The key policy: the account administers the key through IAM; the regional CloudWatch Logs service
 * uses it only for this log group (`kms:EncryptionContext:aws:logs:arn`), as AWS documents in
 * https://docs.aws.amazon.com/AmazonCloudWatch/latest/logs/encrypt-log-data-kms.html
 */
export function logGroupKeyPolicy(accountId: string, region: string, logGroupArn: string): PolicyDocument {
    return policyDocument(enableAccountAdministration(region, accountId), {
        Sid: "AllowCloudWatchLogsForThisGroup",
        Effect: "Allow",
        Principal: { Service: `logs.${region}.amazonaws.com` },
        Action: [...LOGS_KMS_ACTIONS],
        Resource: "*",
        Condition: { ArnEquals: { "kms:EncryptionContext:aws:logs:arn": logGroupArn } },
    });
}

/** The two actions EventBridge needs on a log group target. */
export const EVENTS_TO_LOGS_ACTIONS = ["logs:CreateLogStream", "logs:PutLogEvents"] as const;

/**
 * EventBridge writes to a CloudWatch Logs target through the Logs resource policy, never through a
 * role (https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-use-resource-based.html#eb-cloudwatchlogs-permissions):
 * AWS's example admits `events.amazonaws.com` and `delivery.logs.amazonaws.com` on `/aws/events/*`;
 * here the resource is this one group's streams only.
 */
export function eventsToLogGroupPolicy(logGroupArn: string): PolicyDocument {
    return policyDocument({
        Sid: "AllowEventBridgeToWriteArrivals",
        Effect: "Allow",
        Principal: { Service: ["events.amazonaws.com", "delivery.logs.amazonaws.com"] },
        Action: [...EVENTS_TO_LOGS_ACTIONS],
        Resource: `${logGroupArn}:*`,
    });
}
