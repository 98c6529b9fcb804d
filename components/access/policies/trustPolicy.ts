/**
 * Role trust policies (pure). A trust policy is the role's resource policy: it names who may assume
 * the role and has no `Resource` element, hence its own statement type.
 */
import { ASSUME_ROLE } from "../../../rules/actions";
import { Conditions } from "../../../rules/document";

export interface TrustStatement {
    readonly Sid: string;
    readonly Effect: "Allow";
    readonly Principal: { readonly AWS?: string; readonly Service?: string };
    readonly Action: string;
    readonly Condition?: Conditions | undefined;
}

export interface TrustPolicyDocument {
    readonly Version: "2012-10-17";
    readonly Statement: TrustStatement[];
}

/**
 * `principalArn` (an account root, role or user) may assume the role only when it passes
 * `externalId`, the confused-deputy guard for third parties:
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_common-scenarios_third-party.html
 */
export function externalIdTrust(principalArn: string, externalId: string): TrustPolicyDocument {
    return {
        Version: "2012-10-17",
        Statement: [
            {
                Sid: "AssumeWithExternalId",
                Effect: "Allow",
                Principal: { AWS: principalArn },
                Action: ASSUME_ROLE,
                Condition: { StringEquals: { "sts:ExternalId": externalId } },
            },
        ],
    };
}

/**
 * S3 may assume the replication role, only for `sourceBucketArn` in `accountId`:
 * https://docs.aws.amazon.com/AmazonS3/latest/userguide/setting-repl-config-perm-overview.html
 */
export function s3ReplicationTrust(accountId: string, sourceBucketArn: string): TrustPolicyDocument {
    return {
        Version: "2012-10-17",
        Statement: [
            {
                Sid: "S3Replication",
                Effect: "Allow",
                Principal: { Service: "s3.amazonaws.com" },
                Action: ASSUME_ROLE,
                Condition: { StringEquals: { "aws:SourceAccount": accountId }, ArnLike: { "aws:SourceArn": sourceBucketArn } },
            },
        ],
    };
}
