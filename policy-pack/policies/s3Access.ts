/** Resource policies for who can reach S3 data: public access blocks, ACLs, ownership, bucket policies. */
import { Finding, label, resourcePolicy, unverified, violation } from "../lib/check";
import { publicAccessFlags } from "../lib/publicAccess";
import { publicPrincipalPolicy } from "../lib/publicPrincipal";
import { blockPublicAccess, enforceBucketOwner } from "../lib/remediate";
import { T } from "../lib/types";
import { arr, obj, str, UNKNOWN } from "../lib/unknown";
import { PUBLIC_ACCESS_BLOCK_FLAGS } from "../../rules/publicAccess";
import { securityHubUrl } from "../lib/controls";

/**
 * Checks whether all four S3 Block Public Access settings are on (bucket and account level).
 */
export const s3PublicAccessBlock = resourcePolicy(
    {
        name: "s3-public-access-block",
        description: "Checks whether all four S3 Block Public Access settings are true.",
        severity: "critical",
        securityHub: ["S3.1", "S3.8"],
        cis: ["2.1.4"],
        topics: ["storage", "network"],
        remediation: "Set all four Block Public Access settings to true.",
        docUrl: securityHubUrl("S3.8"),
    },
    {
        types: [...T.publicAccessBlock, ...T.accountPublicAccessBlock],
        remediate: (r) => blockPublicAccess(r.props),
        check: (r) => {
            const { off, unknown } = publicAccessFlags(r.props);
            if (off.length > 0) {
                return [violation(`${label(r)} leaves ${off.join(", ")} off: set all of ${PUBLIC_ACCESS_BLOCK_FLAGS.join(", ")} to true.`)];
            }
            return unknown.length > 0 ? [unverified(`${unknown.join(", ")} of ${label(r)} unknown`)] : [];
        },
    },
);

const PUBLIC_CANNED_ACLS: ReadonlySet<string> = new Set(["public-read", "public-read-write", "authenticated-read"]);
const PUBLIC_GRANTEE_URIS: ReadonlySet<string> = new Set([
    "http://acs.amazonaws.com/groups/global/AllUsers",
    "http://acs.amazonaws.com/groups/global/AuthenticatedUsers",
]);

function publicGrants(grants: unknown): string[] | typeof UNKNOWN {
    const list = arr(grants);
    if (list === UNKNOWN) {
        return UNKNOWN;
    }
    const uris: string[] = [];
    for (const g of list) {
        const grant = obj(g);
        if (grant === UNKNOWN) {
            return UNKNOWN;
        }
        // BucketAcl: { grantee: { uri } }; the deprecated inline Bucket.grants: { uri }.
        const grantee = obj(grant?.grantee);
        const uri = grantee === UNKNOWN ? UNKNOWN : str(grantee?.uri ?? grant?.uri);
        if (uri === UNKNOWN) {
            return UNKNOWN;
        }
        if (uri !== undefined && PUBLIC_GRANTEE_URIS.has(uri)) {
            uris.push(uri);
        }
    }
    return uris;
}

/**
 * Checks whether an ACL grants access to everyone (canned `public-read`, `public-read-write`,
 * `authenticated-read`, or a grant to the AllUsers / AuthenticatedUsers groups).
 */
export const s3NoPublicAcl = resourcePolicy(
    {
        name: "s3-no-public-acl",
        description: "Checks whether an S3 bucket ACL is public (canned ACL or grant to AllUsers/AuthenticatedUsers).",
        severity: "critical",
        securityHub: ["S3.2", "S3.3", "S3.12"],
        cis: [],
        topics: ["storage", "access-control"],
        remediation: "Remove public canned ACLs and grants; set object ownership BucketOwnerEnforced.",
        docUrl: securityHubUrl("S3.12"),
    },
    {
        types: [...T.acl, ...T.bucket],
        check: (r) => {
            const acl = str(r.props.acl);
            const policy = obj(r.props.accessControlPolicy);
            const grants = publicGrants(policy === UNKNOWN ? UNKNOWN : (policy?.grants ?? r.props.grants));
            const findings: Finding[] = [];
            if (acl !== undefined && acl !== UNKNOWN && PUBLIC_CANNED_ACLS.has(acl)) {
                findings.push(
                    violation(
                        `${label(r)} has the public canned ACL ${JSON.stringify(acl)}: remove it (ownership BucketOwnerEnforced disables ACLs).`,
                    ),
                );
            }
            if (grants !== UNKNOWN && grants.length > 0) {
                findings.push(
                    violation(`${label(r)} grants access to ${grants.join(", ")}: remove those grants; use a bucket policy for access.`),
                );
            }
            if (acl === UNKNOWN || grants === UNKNOWN) {
                findings.push(unverified(`the ACL of ${label(r)} is unknown`));
            }
            return findings;
        },
    },
);

/**
 * Checks whether object ownership is `BucketOwnerEnforced`, which disables ACLs.
 */
export const s3OwnershipEnforced = resourcePolicy(
    {
        name: "s3-bucket-owner-enforced",
        description: "Checks whether S3 object ownership is BucketOwnerEnforced (ACLs disabled).",
        severity: "high",
        securityHub: ["S3.12"],
        cis: [],
        topics: ["storage", "access-control"],
        remediation: "Set rule.objectOwnership to BucketOwnerEnforced.",
        docUrl: "https://docs.aws.amazon.com/AmazonS3/latest/userguide/about-object-ownership.html",
    },
    {
        types: T.ownership,
        remediate: (r) => enforceBucketOwner(r.props),
        check: (r) => {
            const rule = obj(r.props.rule);
            const ownership = rule === UNKNOWN ? UNKNOWN : str(rule?.objectOwnership);
            if (ownership === UNKNOWN) {
                return [unverified(`the object ownership of ${label(r)} is unknown`)];
            }
            return ownership === "BucketOwnerEnforced"
                ? []
                : [
                      violation(
                          `${label(r)} has objectOwnership ${JSON.stringify(ownership ?? null)}: set rule.objectOwnership to "BucketOwnerEnforced".`,
                      ),
                  ];
        },
    },
);

/**
 * Checks whether a bucket policy allows anyone (`Principal: "*"`, or `NotPrincipal`) without a condition
 * that S3 counts as restricting (fixed aws:SourceArn, aws:SourceAccount, aws:SourceVpce, aws:SourceIp,
 * ...: lib/publicPrincipal.ts). Judges aws.s3.BucketPolicy, the deprecated inline `policy` of
 * aws.s3.Bucket / BucketV2, and aws.s3control.BucketPolicy (S3 on Outposts).
 */
export const s3BucketPolicyNoPublicAllow = publicPrincipalPolicy("bucket", {
    name: "s3-bucket-policy-no-public-allow",
    description: "Checks whether a bucket policy has an Allow to Principal * without a restricting condition.",
    severity: "critical",
    securityHub: ["S3.2", "S3.3"],
    cis: [],
    topics: ["storage", "access-control"],
});

/**
 * Checks whether an S3 access point policy (aws.s3.AccessPoint `policy`, aws.s3control.AccessPointPolicy)
 * allows anyone without a restricting condition. S3 judges access point policies with the same
 * "meaning of public" as bucket policies
 * (https://docs.aws.amazon.com/AmazonS3/latest/userguide/access-control-block-public-access.html#access-control-block-public-access-policy-status).
 */
export const s3AccessPointPolicyNoPublicAllow = publicPrincipalPolicy("accessPoint", {
    name: "s3-access-point-policy-no-public-allow",
    description: "Checks whether an S3 access point policy has an Allow to Principal * without a restricting condition.",
    severity: "critical",
    securityHub: [],
    cis: [],
    topics: ["storage", "access-control"],
    docUrl: "https://docs.aws.amazon.com/AmazonS3/latest/userguide/access-points-policies.html",
});
