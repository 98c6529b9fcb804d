/**
 * Partition-aware ARN builders (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference-arns.html).
 * Never write `arn:aws:` by hand: GovCloud is `aws-us-gov`, China `aws-cn`. Builders that take a
 * region derive the partition from it (`partitionOfRegion`); the others take the partition.
 */
import { partitionOfRegion } from "./regions";

/** The partition part of an ARN, as a regular-expression fragment: `aws`, `aws-cn`, `aws-us-gov`, `aws-iso-b`, ... */
export const PARTITION_PATTERN = "aws(-[a-z]+)*";

/** The name (with its path) in an IAM role or user ARN, as a regular-expression fragment. */
export const IAM_NAME_PATTERN = "[\\w+=,.@/-]+";

/** A whole ARN of any partition: `^arn:<partition>:` then `rest` (a regular-expression source), to the end. */
export function arnRegex(rest: string): RegExp {
    return new RegExp(`^arn:${PARTITION_PATTERN}:${rest}$`);
}

/** The partition of an ARN (`arn:<partition>:...`), e.g. of a topic to name its account's other resources. */
export function partitionOfArn(arnText: string): string {
    return /^arn:([^:]+):/.exec(arnText)?.[1] ?? "aws";
}

/** `arn:<partition>:<service>:<region>:<account>:<resource>`. */
export function arn(partition: string, service: string, region: string, account: string, resource: string): string {
    return `arn:${partition}:${service}:${region}:${account}:${resource}`;
}

/** `arn:<partition>:s3:::<bucket>`. */
export function s3BucketArn(partition: string, bucketName: string): string {
    return arn(partition, "s3", "", "", bucketName);
}

/** A bucket's ARN, its name in the second group (the first is the partition's suffix). */
const S3_BUCKET_ARN = arnRegex("s3:::([^/]+)");

/** `<bucket>` from `arn:<partition>:s3:::<bucket>`; any other string is returned as it is (a bare name). */
export function bucketNameFromRef(ref: string): string {
    const m = S3_BUCKET_ARN.exec(ref);
    return m?.[2] ?? ref;
}

/** `arn:<partition>:iam::<account>:root`: the account as a principal. */
export function accountRootArn(partition: string, accountId: string): string {
    return arn(partition, "iam", "", accountId, "root");
}

/** `arn:<partition>:iam::<account>:role/<name>` or `:user/<name>`. */
export function iamPrincipalArn(partition: string, accountId: string, kind: "role" | "user", name: string): string {
    return arn(partition, "iam", "", accountId, `${kind}/${name}`);
}

/** `arn:<partition>:cloudtrail:<region>:<account>:trail/<name>`. */
export function trailArn(region: string, accountId: string, trailName: string): string {
    return arn(partitionOfRegion(region), "cloudtrail", region, accountId, `trail/${trailName}`);
}

/** `arn:<partition>:events:<region>:<account>:rule/<name>` (default event bus). */
export function eventRuleArn(region: string, accountId: string, ruleName: string): string {
    return arn(partitionOfRegion(region), "events", region, accountId, `rule/${ruleName}`);
}

/** `arn:<partition>:logs:<region>:<account>:log-group:<name>`. */
export function logGroupArn(region: string, accountId: string, name: string): string {
    return arn(partitionOfRegion(region), "logs", region, accountId, `log-group:${name}`);
}

/** `arn:<partition>:cloudwatch:<region>:<account>:alarm:*`: every alarm of the account in the region. */
export function alarmArnPattern(region: string, accountId: string): string {
    return arn(partitionOfRegion(region), "cloudwatch", region, accountId, "alarm:*");
}

/** `arn:<partition>:budgets::<account>:*`: every budget of the account (budgets are global). */
export function budgetArnPattern(partition: string, accountId: string): string {
    return arn(partition, "budgets", "", accountId, "*");
}
