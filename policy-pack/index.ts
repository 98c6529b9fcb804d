/**
 * The firehose-storage CrossGuard policy pack: one PolicyPack, an explicit list of policies, one
 * file per area under policies/. Served by `pulumi preview --policy-pack policy-pack` and by the
 * offline gate; per-stack enforcement and knobs live in config/<stack>.json.
 *
 * `main` in package.json is the compiled bin/index.js (see its description): run `npm run build`
 * here after editing.
 */
import { PolicyPack } from "@pulumi/policy";
import { CheckedPolicy } from "./lib/check";
import { cloudtrailLogFileValidation, cloudtrailMultiRegion } from "./policies/audit";
import {
    s3DataBucketAccessLogging,
    s3DataBucketEncryption,
    s3DataBucketLifecycle,
    s3DataBucketPublicAccessBlock,
    s3DataBucketReplication,
    s3DataBucketTlsOnly,
    s3DataBucketVersioning,
} from "./policies/dataBuckets";
import { iamNoPassRoleOnAll, iamNoS3OnAllResources, iamNoWildcardActions, iamUserAccessKeys } from "./policies/iam";
import { cloudwatchAlarmHasActions, snsTopicEncrypted } from "./policies/monitoring";
import { allowedRegions } from "./policies/region";
import {
    s3BucketEncryption,
    s3BucketPolicyNoPublicAllow,
    s3BucketVersioning,
    s3LifecycleRules,
    s3NoForceDestroy,
    s3NoPublicAcl,
    s3OwnershipEnforced,
    s3PublicAccessBlock,
} from "./policies/s3";
import { budgetRequired, s3ReplicationCrossRegion } from "./policies/stack";
import { requiredTags } from "./policies/tags";
import { previewUnverified } from "./policies/unverified";

export const POLICIES: readonly CheckedPolicy[] = [
    // S3 resources
    s3BucketEncryption,
    s3BucketVersioning,
    s3PublicAccessBlock,
    s3NoPublicAcl,
    s3OwnershipEnforced,
    s3LifecycleRules,
    s3BucketPolicyNoPublicAllow,
    s3NoForceDestroy,
    // IAM
    iamNoWildcardActions,
    iamNoS3OnAllResources,
    iamNoPassRoleOnAll,
    iamUserAccessKeys,
    // Audit and monitoring
    cloudtrailLogFileValidation,
    cloudtrailMultiRegion,
    snsTopicEncrypted,
    cloudwatchAlarmHasActions,
    // Tags and region
    requiredTags,
    allowedRegions,
    // Stack: data-bucket controls, replication, cost
    s3DataBucketTlsOnly,
    s3DataBucketPublicAccessBlock,
    s3DataBucketVersioning,
    s3DataBucketEncryption,
    s3DataBucketAccessLogging,
    s3DataBucketLifecycle,
    s3DataBucketReplication,
    s3ReplicationCrossRegion,
    budgetRequired,
];

new PolicyPack("firehose-storage", {
    description: "Security, tagging, region and cost guardrails for the firehose-storage S3 stacks.",
    provider: "aws",
    policies: [...POLICIES, previewUnverified(POLICIES)],
});
