/**
 * Controls shared by the data-bucket and log-bucket stack policies (lib/dataBucketControl.ts runs
 * them): what makes an attached bucket policy TLS-only, a public access block complete, versioning
 * enabled, and encryption in effect. Each reads the separate resource and the bucket's inline input
 * alike (lib/inline.ts); `what` names both forms.
 */
import { WithoutKnobs } from "./check";
import { Control } from "./dataBucketControl";
import { encryptionEffect, versioningEffect } from "./effect";
import { hasStatement, isAnyPrincipal, knownItems, matchesInsecureTransport, Statement } from "./iam";
import { publicAccessFlags } from "./publicAccess";
import { UNKNOWN } from "./unknown";

/** A TLS-only statement: Deny, anyone, every S3 action, when aws:SecureTransport is false, on bucket and objects. */
function isTlsOnly(s: Statement): boolean | typeof UNKNOWN {
    const anyone = isAnyPrincipal(s.principal);
    const insecure = matchesInsecureTransport(s.condition);
    const actions = knownItems(s.actions);
    const resources = knownItems(s.resources);
    const allActions = actions.items.some((a) => a === "*" || a.toLowerCase() === "s3:*");
    const coversObjects = resources.items.some((r) => r === "*" || r.endsWith("/*"));
    const coversBucket = resources.items.some((r) => r === "*" || (r.startsWith("arn:") && !r.includes("/")));
    if (s.effect === "Deny" && anyone === true && insecure === true && allActions && coversObjects && coversBucket) {
        return true;
    }
    return s.effect === UNKNOWN || anyone === UNKNOWN || insecure === UNKNOWN || actions.unknown || resources.unknown ? UNKNOWN : false;
}

/** All four Block Public Access flags true (https://docs.aws.amazon.com/AmazonS3/latest/userguide/access-control-block-public-access.html). */
export function pabEffect(props: Record<string, unknown>): true | string | typeof UNKNOWN {
    const { off, unknown } = publicAccessFlags(props);
    if (off.length > 0) {
        return `leaves ${off.join(", ")} off: set all four to true.`;
    }
    return unknown.length > 0 ? UNKNOWN : true;
}

export const TLS_ONLY: WithoutKnobs<Control<object>> = {
    kind: "policy",
    what: "bucket policy (aws:s3/bucketPolicy:BucketPolicy or the bucket's policy input)",
    fix: "attach an aws.s3.BucketPolicy with a Deny on aws:SecureTransport false (SecureBucket does).",
    judge: (c) =>
        hasStatement(
            c.props.policy,
            isTlsOnly,
            'has no statement denying plain HTTP: add Deny, Principal "*", Action "s3:*", Resource [bucketArn, bucketArn/*], Condition Bool aws:SecureTransport "false".',
        ),
};

export const PUBLIC_ACCESS_BLOCK: WithoutKnobs<Control<object>> = {
    kind: "publicAccessBlock",
    what: "public access block (aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock)",
    fix: "attach an aws.s3.BucketPublicAccessBlock with all four settings true.",
    judge: (c) => pabEffect(c.props),
};

export const VERSIONING: WithoutKnobs<Control<object>> = {
    kind: "versioning",
    what: "versioning (aws:s3/bucketVersioning:BucketVersioning, its V2 class, or the bucket's versioning input)",
    fix: 'attach an aws.s3.BucketVersioning with versioningConfiguration.status "Enabled".',
    judge: (c) => versioningEffect(c.props),
};

export const ENCRYPTION_PRESENT: WithoutKnobs<Control<object>> = {
    kind: "encryption",
    what: "default encryption (aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration, its V2 class, or the bucket's serverSideEncryptionConfiguration input)",
    fix: "attach an aws.s3.BucketServerSideEncryptionConfiguration with SSE-S3 (log deliveries cannot use SSE-KMS).",
    judge: (c) => encryptionEffect(c.props),
};
