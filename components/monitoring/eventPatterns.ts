/**
 * EventBridge event patterns (pure): what the detective and object-created rules match.
 * https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-event-patterns.html
 */

/**
 * Management API calls that change a bucket's protection: its policy, ACL, public access block or
 * default encryption. EventBridge receives them as "AWS API Call via CloudTrail" only while a trail
 * is logging in the account (https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-service-event.html).
 */
export const BUCKET_PROTECTION_EVENTS = [
    "PutBucketPolicy",
    "DeleteBucketPolicy",
    "PutBucketAcl",
    "PutBucketPublicAccessBlock",
    "DeleteBucketPublicAccessBlock",
    "PutBucketEncryption",
    "DeleteBucketEncryption",
] as const;

export interface EventPattern {
    readonly source: readonly string[];
    readonly "detail-type": readonly string[];
    readonly detail: Readonly<Record<string, unknown>>;
}

/** Calls in `BUCKET_PROTECTION_EVENTS` on any of `bucketNames`. */
export function bucketProtectionChangePattern(bucketNames: readonly string[]): EventPattern {
    return {
        source: ["aws.s3"],
        "detail-type": ["AWS API Call via CloudTrail"],
        detail: {
            eventSource: ["s3.amazonaws.com"],
            eventName: [...BUCKET_PROTECTION_EVENTS],
            requestParameters: { bucketName: [...bucketNames] },
        },
    };
}

/** "Object Created" events S3 sends to EventBridge for `bucketName`, keys ending in `keySuffix`. */
export function objectCreatedPattern(bucketName: string, keySuffix: string): EventPattern {
    return {
        source: ["aws.s3"],
        "detail-type": ["Object Created"],
        detail: { bucket: { name: [bucketName] }, object: { key: [{ suffix: keySuffix }] } },
    };
}

/**
 * Macie findings (sensitive data and policy findings) about `bucketName`
 * (https://docs.aws.amazon.com/macie/latest/user/findings-publish-event-schemas.html).
 */
export function macieFindingPattern(bucketName: string): EventPattern {
    return {
        source: ["aws.macie"],
        "detail-type": ["Macie Finding"],
        detail: { resourcesAffected: { s3Bucket: { name: [bucketName] } } },
    };
}
