/** Stack policy: log-target buckets get the data buckets' protections, except logging of their own. */
import { buildBucketIndex } from "../lib/bucketIndex";
import { ENCRYPTION_PRESENT, PUBLIC_ACCESS_BLOCK, TLS_ONLY, VERSIONING } from "../lib/bucketControls";
import { stackPolicy } from "../lib/check";
import { judgeControl } from "../lib/dataBucketControl";
import { securityHubUrl } from "../lib/controls";

/**
 * Checks whether every log-target bucket (Role access-logs / audit-logs) has the protections a data
 * bucket has, except access logging of its own: a TLS-only bucket policy, a public access block,
 * versioning and default encryption. Logs are evidence; they get the same care.
 */
export const s3LogBucketProtections = stackPolicy(
    {
        name: "s3-log-bucket-protections",
        description:
            "Checks whether every log-target bucket has a TLS-only policy, a public access block, versioning and encryption attached.",
        severity: "high",
        securityHub: ["S3.5", "S3.8", "S3.14"],
        cis: ["2.1.1", "2.1.4"],
        topics: ["storage", "logging", "audit"],
        remediation: "Give the log bucket a TLS-only policy, a public access block, versioning and SSE-S3 encryption (SecureBucket does).",
        docUrl: securityHubUrl("S3"),
    },
    {
        check: (resources) => {
            const index = buildBucketIndex(resources);
            return [TLS_ONLY, PUBLIC_ACCESS_BLOCK, VERSIONING, ENCRYPTION_PRESENT].flatMap((c) => judgeControl(index, c, {}, "log bucket"));
        },
    },
);
