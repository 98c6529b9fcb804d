/**
 * The parts of `@pulumi/aws` this package registers, each loaded from its own module. `import * as aws
 * from "@pulumi/aws"` loads all of the provider's ~250 service modules and its type tables: about
 * 0.3 s of CPU, a tenth of an offline plan, for the dozen services used here. Import `aws` from here
 * (`import * as aws from "../aws"`); a new service is one more line below. Types cost nothing:
 * `aws.types` and `aws.Region` are type-only.
 */
export * as budgets from "@pulumi/aws/budgets";
export * as cfg from "@pulumi/aws/cfg";
export * as cloudtrail from "@pulumi/aws/cloudtrail";
export * as cloudwatch from "@pulumi/aws/cloudwatch";
export * as guardduty from "@pulumi/aws/guardduty";
export * as iam from "@pulumi/aws/iam";
export * as kms from "@pulumi/aws/kms";
export * as lambda from "@pulumi/aws/lambda";
export * as macie2 from "@pulumi/aws/macie2";
export * as s3 from "@pulumi/aws/s3";
export * as sns from "@pulumi/aws/sns";
export { getCallerIdentityOutput } from "@pulumi/aws/getCallerIdentity";
export { getPartitionOutput } from "@pulumi/aws/getPartition";
export { Provider } from "@pulumi/aws/provider";
export type { ProviderArgs } from "@pulumi/aws/provider";
export type { Region } from "@pulumi/aws/types/enums";
export type * as types from "@pulumi/aws/types";
