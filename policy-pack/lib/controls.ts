/**
 * The external controls the pack answers to: the live AWS Security Hub controls for Amazon S3
 * (https://docs.aws.amazon.com/securityhub/latest/userguide/s3-controls.html; S3.4, S3.16, S3.18 and
 * S3.21 are retired or absent, 21 remain) and the CIS AWS Foundations Benchmark v3.0.0 storage and
 * logging items. Each lists the resource types whose presence makes it applicable to a stack, so
 * a coverage report says "not applicable" (never "pass") where a stack declares nothing of the kind.
 * Which policy implements a control is the policy's own typed metadata (lib/meta.ts `PolicyMeta`).
 */
import { T } from "./types";

export interface ExternalControl {
    readonly framework: "aws-fsbp" | "cis-aws-foundations-3.0.0";
    readonly id: string;
    readonly title: string;
    /** Resource types whose presence makes the control applicable to a stack. */
    readonly appliesTo: readonly string[];
    /** Why no policy implements it, when none does. */
    readonly notImplemented?: string;
}

const BUCKETS = [...T.bucket];
/** Account-level trail controls: applicable where the stack declares a trail. */
const ACCOUNT = T.trail;

const sh = (id: string, title: string, appliesTo: readonly string[]): ExternalControl => ({
    framework: "aws-fsbp",
    id,
    title,
    appliesTo,
});

export const SECURITY_HUB_S3: readonly ExternalControl[] = [
    sh("S3.1", "S3 general purpose buckets should have block public access settings enabled (account level)", T.accountPublicAccessBlock),
    sh("S3.2", "S3 general purpose buckets should block public read access", BUCKETS),
    sh("S3.3", "S3 general purpose buckets should block public write access", BUCKETS),
    sh("S3.5", "S3 general purpose buckets should require requests to use SSL", BUCKETS),
    sh("S3.6", "S3 general purpose bucket policies should restrict access to other AWS accounts", [...T.bucketPolicy, ...BUCKETS]),
    sh("S3.7", "S3 general purpose buckets should use cross-Region replication", BUCKETS),
    sh("S3.8", "S3 general purpose buckets should block public access", BUCKETS),
    sh("S3.9", "S3 general purpose buckets should have server access logging enabled", BUCKETS),
    sh("S3.10", "S3 general purpose buckets with versioning enabled should have Lifecycle configurations", BUCKETS),
    sh("S3.11", "S3 general purpose buckets should have event notifications enabled", BUCKETS),
    sh("S3.12", "ACLs should not be used to manage user access to S3 general purpose buckets", BUCKETS),
    sh("S3.13", "S3 general purpose buckets should have Lifecycle configurations", BUCKETS),
    sh("S3.14", "S3 general purpose buckets should have versioning enabled", BUCKETS),
    sh("S3.15", "S3 general purpose buckets should have Object Lock enabled", BUCKETS),
    sh("S3.17", "S3 general purpose buckets should be encrypted at rest with AWS KMS keys", BUCKETS),
    sh("S3.19", "S3 access points should have block public access settings enabled", T.accessPoint),
    sh("S3.20", "S3 general purpose buckets should have MFA delete enabled", BUCKETS),
    sh("S3.22", "S3 general purpose buckets should log object-level write events", ACCOUNT),
    sh("S3.23", "S3 general purpose buckets should log object-level read events", ACCOUNT),
    sh("S3.24", "S3 Multi-Region Access Points should have block public access settings enabled", T.multiRegionAccessPoint),
    sh("S3.25", "S3 directory buckets should have lifecycle configurations", T.directoryBucket),
];

const cis = (id: string, title: string, appliesTo: readonly string[], notImplemented?: string): ExternalControl => ({
    framework: "cis-aws-foundations-3.0.0",
    id,
    title,
    appliesTo,
    ...(notImplemented !== undefined ? { notImplemented } : {}),
});

export const CIS_ITEMS: readonly ExternalControl[] = [
    cis("2.1.1", "Ensure S3 Bucket Policy is set to deny HTTP requests", BUCKETS),
    cis("2.1.2", "Ensure MFA Delete is enabled on S3 buckets", BUCKETS),
    cis(
        "2.1.3",
        "Ensure all data in Amazon S3 has been discovered, classified and secured when required",
        BUCKETS,
        "manual: Amazon Macie discovery is an account setting, not a resource this program declares",
    ),
    cis("2.1.4", "Ensure that S3 Buckets are configured with 'Block public access (bucket settings)'", BUCKETS),
    cis("3.1", "Ensure CloudTrail is enabled in all regions", T.trail),
    cis("3.2", "Ensure CloudTrail log file validation is enabled", T.trail),
    cis(
        "3.3",
        "Ensure AWS Config is enabled in all regions",
        ["aws:cfg/recorder:Recorder"],
        "AWS Config recorders are issue 14's detective controls",
    ),
    cis(
        "3.4",
        "Ensure that S3 Bucket access logging is enabled on the CloudTrail S3 bucket",
        T.trail,
        "not implemented: log-target buckets are exempt from access logging here (awsguard #36)",
    ),
    cis("3.5", "Ensure CloudTrail logs are encrypted at rest using KMS CMKs", T.trail, "not implemented yet"),
    cis("3.6", "Ensure rotation for customer-created symmetric CMKs is enabled", T.kmsKey),
    cis("3.7", "Ensure VPC flow logging is enabled in all VPCs", ["aws:ec2/vpc:Vpc"], "out of scope: the program declares no VPC"),
    cis("3.8", "Ensure that Object-level logging for write events is enabled for S3 bucket", ACCOUNT),
    cis("3.9", "Ensure that Object-level logging for read events is enabled for S3 bucket", ACCOUNT),
];

export const EXTERNAL_CONTROLS: readonly ExternalControl[] = [...SECURITY_HUB_S3, ...CIS_ITEMS];

const SECURITY_HUB_GUIDE = "https://docs.aws.amazon.com/securityhub/latest/userguide";

/**
 * The Security Hub user guide's page for a control (`S3.8` -> `.../s3-controls.html#s3-8`), or for a
 * service's controls when given the service alone (`S3` -> `.../s3-controls.html`).
 */
export function securityHubUrl(id: string): string {
    const [service, n] = id.toLowerCase().split(".");
    return `${SECURITY_HUB_GUIDE}/${service}-controls.html${n === undefined ? "" : `#${service}-${n}`}`;
}
