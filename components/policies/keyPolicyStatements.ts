/** The statement every customer-managed KMS key policy here starts with (pure). */
import { ALL_KMS_ACTIONS } from "../../rules/actions";
import { accountRootArn } from "../../rules/arn";
import { Statement } from "../../rules/document";
import { partitionOfRegion } from "../../rules/regions";

/**
 * The account (its root, i.e. IAM) administers the key: without this statement the key becomes
 * unmanageable. https://docs.aws.amazon.com/kms/latest/developerguide/key-policy-default.html#key-policy-default-allow-root-enable-iam
 */
export function enableAccountAdministration(region: string, accountId: string): Statement {
    return {
        Sid: "EnableAccountAdministration",
        Effect: "Allow",
        Principal: { AWS: accountRootArn(partitionOfRegion(region), accountId) },
        Action: ALL_KMS_ACTIONS,
        Resource: "*",
    };
}
