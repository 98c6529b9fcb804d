/**
 * Type tokens the policies match. @pulumi/aws v7 renamed `BucketV2` & co. to `Bucket` & co.; the old
 * `...V2` tokens survive as aliases, so both spellings are listed. The pack does not import
 * @pulumi/aws: matching tokens keeps it small and quick to start.
 */
export const T = {
    bucket: ["aws:s3/bucket:Bucket", "aws:s3/bucketV2:BucketV2"],
    bucketPolicy: ["aws:s3/bucketPolicy:BucketPolicy"],
    publicAccessBlock: ["aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock"],
    accountPublicAccessBlock: ["aws:s3/accountPublicAccessBlock:AccountPublicAccessBlock"],
    versioning: ["aws:s3/bucketVersioning:BucketVersioning", "aws:s3/bucketVersioningV2:BucketVersioningV2"],
    encryption: [
        "aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration",
        "aws:s3/bucketServerSideEncryptionConfigurationV2:BucketServerSideEncryptionConfigurationV2",
    ],
    logging: ["aws:s3/bucketLogging:BucketLogging", "aws:s3/bucketLoggingV2:BucketLoggingV2"],
    lifecycle: [
        "aws:s3/bucketLifecycleConfiguration:BucketLifecycleConfiguration",
        "aws:s3/bucketLifecycleConfigurationV2:BucketLifecycleConfigurationV2",
    ],
    acl: ["aws:s3/bucketAcl:BucketAcl", "aws:s3/bucketAclV2:BucketAclV2"],
    ownership: ["aws:s3/bucketOwnershipControls:BucketOwnershipControls"],
    replication: ["aws:s3/bucketReplicationConfig:BucketReplicationConfig"],
    objectLock: [
        "aws:s3/bucketObjectLockConfiguration:BucketObjectLockConfiguration",
        "aws:s3/bucketObjectLockConfigurationV2:BucketObjectLockConfigurationV2",
    ],
    website: [
        "aws:s3/bucketWebsiteConfiguration:BucketWebsiteConfiguration",
        "aws:s3/bucketWebsiteConfigurationV2:BucketWebsiteConfigurationV2",
    ],
    notification: ["aws:s3/bucketNotification:BucketNotification"],
    accessPoint: ["aws:s3/accessPoint:AccessPoint"],
    accessPointPolicy: ["aws:s3control/accessPointPolicy:AccessPointPolicy"],
    multiRegionAccessPoint: ["aws:s3control/multiRegionAccessPoint:MultiRegionAccessPoint"],
    directoryBucket: ["aws:s3/directoryBucket:DirectoryBucket"],
    s3controlBucketPolicy: ["aws:s3control/bucketPolicy:BucketPolicy"],
    kmsKey: ["aws:kms/key:Key"],
    kmsKeyPolicy: ["aws:kms/keyPolicy:KeyPolicy"],
    topicPolicy: ["aws:sns/topicPolicy:TopicPolicy"],
    queue: ["aws:sqs/queue:Queue"],
    queuePolicy: ["aws:sqs/queuePolicy:QueuePolicy"],
    permissionSetInlinePolicy: ["aws:ssoadmin/permissionSetInlinePolicy:PermissionSetInlinePolicy"],
    iamPolicy: ["aws:iam/policy:Policy"],
    iamInlinePolicy: ["aws:iam/rolePolicy:RolePolicy", "aws:iam/userPolicy:UserPolicy", "aws:iam/groupPolicy:GroupPolicy"],
    iamRole: ["aws:iam/role:Role"],
    accessKey: ["aws:iam/accessKey:AccessKey"],
    trail: ["aws:cloudtrail/trail:Trail"],
    topic: ["aws:sns/topic:Topic"],
    metricAlarm: ["aws:cloudwatch/metricAlarm:MetricAlarm"],
    budget: ["aws:budgets/budget:Budget"],
    awsProvider: ["pulumi:providers:aws"],
} as const satisfies Record<string, readonly string[]>;

/**
 * Resource types that take `tags` and are checked for the required ones even when they set none
 * (a resource of any other type is checked when it has a `tags` input).
 */
export const TAGGABLE_TYPES: ReadonlySet<string> = new Set([
    ...T.bucket,
    ...T.iamPolicy,
    ...T.iamRole,
    ...T.trail,
    ...T.topic,
    ...T.metricAlarm,
    ...T.budget,
    "aws:kms/key:Key",
    "aws:iam/user:User",
    "aws:cloudwatch/eventRule:EventRule",
    "aws:cloudwatch/logGroup:LogGroup",
]);

/** Whether a resource is of one of `types` (a `T` entry): `resources.filter(isOf(T.trail))`. */
export const isOf =
    (types: readonly string[]) =>
    (r: { readonly type: string }): boolean =>
        types.includes(r.type);
