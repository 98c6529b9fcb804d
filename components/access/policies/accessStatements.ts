/**
 * Bucket-policy statements for access control (pure): the writer's allowance, MFA on destructive
 * changes, and the network limit. `SecureBucket` merges them through `additionalPolicyStatements`.
 */
import { KeyLayout, listPrefixPatterns, objectArnPattern } from "../../storage/layout";
import { GET_OBJECT, LIST_BUCKET, NETWORK_LIMITED_ACTIONS, PUT_OBJECT } from "../../../rules/actions";
import { denyDestructiveWithoutMfa } from "../../../rules/denies";
import { bucketAndObjects, denyEveryone, Statement } from "../../../rules/document";
import { uploadEncryptionCondition, UploadEncryption } from "./writerPolicy";

/**
 * The writer may put objects at layout keys with the configured encryption, get them, and list the
 * layout's prefixes. In the same account its identity policy already suffices; the bucket policy says
 * so explicitly, and names the principal, so the bucket shows who writes to it. Either policy's Allow
 * is enough in the same account, so the bucket's PutObject allowance carries the same encryption
 * condition as the identity policy (the access matrix caught an unconditioned one letting an upload
 * naming another KMS key through). Keys are constrained by the resource ARN pattern:
 * `s3:x-amz-object-key` is not an S3 condition key.
 */
export function allowWriter(bucketArn: string, writerArn: string, layout: KeyLayout, upload: UploadEncryption): Statement[] {
    const objects = objectArnPattern(bucketArn, layout);
    return [
        {
            Sid: "AllowWriterPut",
            Effect: "Allow",
            Principal: { AWS: writerArn },
            Action: PUT_OBJECT,
            Resource: objects,
            Condition: uploadEncryptionCondition(upload),
        },
        { Sid: "AllowWriterGet", Effect: "Allow", Principal: { AWS: writerArn }, Action: GET_OBJECT, Resource: objects },
        {
            Sid: "AllowWriterList",
            Effect: "Allow",
            Principal: { AWS: writerArn },
            Action: LIST_BUCKET,
            Resource: bucketArn,
            Condition: { StringLike: { "s3:prefix": listPrefixPatterns(layout) } },
        },
    ];
}

export interface NetworkLimit {
    readonly allowedCidrs: readonly string[];
    readonly vpcEndpointIds: readonly string[];
}

/**
 * Deny data-plane requests from outside `allowedCidrs` unless they come through one of
 * `vpcEndpointIds`. A Deny, because an Allow with `IpAddress` beside other Allows limits nothing.
 *
 * AWS semantics this relies on (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html):
 * conditions of one statement are ANDed; a negated operator (`NotIpAddress`, `StringNotEquals`) is
 * true when its key is absent. Requests through a VPC endpoint carry `aws:SourceVpce` but no
 * `aws:SourceIp` (only `aws:VpcSourceIp`), so they are denied unless their endpoint is listed;
 * requests over the internet carry no `aws:SourceVpce`, so they are denied unless their address is
 * listed. `aws:ViaAWSService` exempts AWS services calling with the caller's credentials (forward
 * access sessions), which come from AWS addresses. `serviceRoleArns` (roles AWS services assume with
 * their own sessions, e.g. GuardDuty's scanner or a Lambda function outside any VPC) call from AWS
 * networks too, so they are exempt by `aws:PrincipalArn`.
 */
export function denyOutsideNetwork(bucketArn: string, limit: NetworkLimit, serviceRoleArns: readonly string[] = []): Statement {
    const condition: Record<string, Record<string, string | string[]>> = {};
    if (limit.allowedCidrs.length > 0) {
        condition.NotIpAddress = { "aws:SourceIp": [...limit.allowedCidrs] };
    }
    if (limit.vpcEndpointIds.length > 0) {
        condition.StringNotEquals = { "aws:SourceVpce": [...limit.vpcEndpointIds] };
    }
    if (Object.keys(condition).length === 0) {
        throw new RangeError("denyOutsideNetwork: list at least one CIDR or VPC endpoint; an empty limit would deny everything");
    }
    condition.BoolIfExists = { "aws:ViaAWSService": "false" };
    if (serviceRoleArns.length > 0) {
        condition.ArnNotEquals = { "aws:PrincipalArn": [...serviceRoleArns] };
    }
    return denyEveryone("DenyOutsideAllowedNetworks", NETWORK_LIMITED_ACTIONS, bucketAndObjects(bucketArn), condition);
}

export interface AccessBucketStatementInputs {
    readonly bucketArn: string;
    readonly layout: KeyLayout;
    /** The writer role or user, when there is one. */
    readonly writerArn?: string | undefined;
    /** The encryption uploads must ask for (with a writer). */
    readonly upload: UploadEncryption;
    readonly mfaExemptPrincipalArns: readonly string[];
    readonly network?: NetworkLimit | undefined;
    /**
     * Roles of AWS services acting on the bucket with their own sessions (malware scanning, quarantine):
     * exempt from the network limit and the MFA rule (they cannot use MFA). @default []
     */
    readonly serviceRoleArns?: readonly string[] | undefined;
}

/** Every access statement a data or replica bucket carries, in a fixed order. */
export function accessBucketStatements(i: AccessBucketStatementInputs): Statement[] {
    return [
        ...(i.writerArn !== undefined ? allowWriter(i.bucketArn, i.writerArn, i.layout, i.upload) : []),
        denyDestructiveWithoutMfa(i.bucketArn, [...i.mfaExemptPrincipalArns, ...(i.serviceRoleArns ?? [])]),
        ...(i.network !== undefined ? [denyOutsideNetwork(i.bucketArn, i.network, i.serviceRoleArns)] : []),
    ];
}
