/**
 * Every policy of the pack, in report order: the explicit list index.ts serves. Kept apart from
 * index.ts (which starts the analyzer server when loaded) so tests and scripts can import it.
 */
import { CheckedPolicy } from "../lib/check";
import { cloudtrailLogFileValidation, cloudtrailMultiRegion, cloudtrailS3DataEvents } from "./audit";
import { s3DataBucketEventNotifications, s3DataBucketMfaDelete, s3DataBucketObjectLock } from "./bucketProtections";
import { kmsKeyPolicyNoPublicAllow, kmsKeyRotation } from "./kms";
import { s3AccessPointBlockPublicAccess, s3BucketPolicyNoCrossAccountAdmin, s3DirectoryBucketLifecycle } from "./s3Controls";
import {
    s3DataBucketAccessLogging,
    s3DataBucketEncryption,
    s3DataBucketLifecycle,
    s3DataBucketPublicAccessBlock,
    s3DataBucketReplication,
    s3DataBucketTlsOnly,
    s3DataBucketVersioning,
} from "./dataBuckets";
import { s3LogBucketProtections } from "./logBuckets";
import { policyDocumentWellFormed } from "./documents";
import { iamNoPassRoleOnAll, iamNoS3OnAllResources, iamNoWildcardActions, iamUserAccessKeys } from "./iam";
import { snsTopicPolicyNoPublicAllow, sqsQueuePolicyNoPublicAllow } from "./messaging";
import { cloudwatchAlarmHasActions, snsTopicEncrypted } from "./monitoring";
import { allowedRegions } from "./region";
import { s3BucketEncryption, s3BucketVersioning, s3LifecycleRules, s3NoForceDestroy } from "./s3";
import {
    s3AccessPointPolicyNoPublicAllow,
    s3BucketPolicyNoPublicAllow,
    s3NoPublicAcl,
    s3OwnershipEnforced,
    s3PublicAccessBlock,
} from "./s3Access";
import { budgetRequired, s3ReplicationCrossRegion } from "./stack";
import { s3DataBucketConfigRules, s3DataBucketMalwareScan } from "./detective";
import { requiredTags } from "./tags";
import { previewUnverified } from "./unverified";
import { policyWaivers } from "./waivers";

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
    s3BucketPolicyNoCrossAccountAdmin,
    s3AccessPointBlockPublicAccess,
    s3AccessPointPolicyNoPublicAllow,
    // KMS
    kmsKeyRotation,
    kmsKeyPolicyNoPublicAllow,
    // IAM and every policy document
    policyDocumentWellFormed,
    iamNoWildcardActions,
    iamNoS3OnAllResources,
    iamNoPassRoleOnAll,
    iamUserAccessKeys,
    // Audit and monitoring
    cloudtrailLogFileValidation,
    cloudtrailMultiRegion,
    cloudtrailS3DataEvents,
    snsTopicEncrypted,
    snsTopicPolicyNoPublicAllow,
    sqsQueuePolicyNoPublicAllow,
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
    s3DataBucketEventNotifications,
    s3DataBucketObjectLock,
    s3DataBucketMfaDelete,
    s3LogBucketProtections,
    s3DirectoryBucketLifecycle,
    s3ReplicationCrossRegion,
    budgetRequired,
    // Detective and corrective controls
    s3DataBucketMalwareScan,
    s3DataBucketConfigRules,
];

/**
 * `POLICIES` plus the advisory `preview-unverified`, which reports what they could not decide, and,
 * last (it reports what the others' waivers covered), the advisory `policy-waivers`.
 */
export const PACK_POLICIES = [...POLICIES, previewUnverified(POLICIES), policyWaivers];
