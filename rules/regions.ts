/**
 * AWS regions: the code pattern (commercial, GovCloud, China, ISO partitions) and the default
 * data-residency allow-list.
 */

/** A region code such as `us-east-1`, `us-gov-west-1`, `cn-north-1`, `us-isob-east-1`. */
export const REGION_PATTERN = "^[a-z]{2}(-[a-z]+)+-[0-9]+$";
export const REGION_REGEX = new RegExp(REGION_PATTERN);
/** What a value that is not a region code is told (config keys and component args alike). */
export const REGION_RULE = "must be an AWS region code such as us-east-1";

/** Where the stacks may put resources unless a stack's `allowedRegions` says otherwise. */
export const DEFAULT_ALLOWED_REGIONS = ["us-east-1", "us-east-2", "us-west-1", "us-west-2"] as const;

/**
 * The ARN partition of a region (https://docs.aws.amazon.com/whitepapers/latest/aws-fault-isolation-boundaries/partitions.html).
 */
export function partitionOfRegion(region: string): string {
    if (region.startsWith("cn-")) {
        return "aws-cn";
    }
    if (region.startsWith("us-gov-")) {
        return "aws-us-gov";
    }
    if (region.startsWith("us-isob-")) {
        return "aws-iso-b";
    }
    if (region.startsWith("us-iso-")) {
        return "aws-iso";
    }
    return "aws";
}

/** The DNS suffix of a partition's endpoints (`aws.getPartition().dnsSuffix`). */
export function dnsSuffixOfPartition(partition: string): string {
    const suffixes: Readonly<Record<string, string>> = {
        "aws-cn": "amazonaws.com.cn",
        "aws-iso": "c2s.ic.gov",
        "aws-iso-b": "sc2s.sgov.gov",
    };
    return suffixes[partition] ?? "amazonaws.com";
}
