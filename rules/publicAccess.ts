/**
 * The four S3 Block Public Access flags; all four are on for every bucket
 * (https://docs.aws.amazon.com/AmazonS3/latest/userguide/access-control-block-public-access.html,
 * Security Hub S3.8). Names as `aws.s3.BucketPublicAccessBlock` takes them.
 */

export const PUBLIC_ACCESS_BLOCK_FLAGS = ["blockPublicAcls", "blockPublicPolicy", "ignorePublicAcls", "restrictPublicBuckets"] as const;
export type PublicAccessBlockFlag = (typeof PUBLIC_ACCESS_BLOCK_FLAGS)[number];

/** Every flag `true`: what `SecureBucket` sets and what the pack requires. */
export const BLOCK_ALL_PUBLIC_ACCESS: Readonly<Record<PublicAccessBlockFlag, true>> = {
    blockPublicAcls: true,
    blockPublicPolicy: true,
    ignorePublicAcls: true,
    restrictPublicBuckets: true,
};
