/**
 * "Public" in a resource policy (bucket, S3 access point, SNS topic, SQS queue, KMS key), and the one
 * run over a document's statements that finds it. Pure.
 *
 * A statement is public when it Allows everyone (`Principal: "*"`, `{ AWS: "*" }`, a list holding `"*"`,
 * or `NotPrincipal`, which admits everyone but the principals it names) and no condition restricts it
 * to a fixed value of a key that names the caller's account, organization, source resource or
 * network. A fixed value has no wildcard and no policy variable (`${...}`); a negated operator
 * (`StringNotEquals`), an `...IfExists` one and `Null` do not restrict.
 *
 * Which keys restrict is the service's own definition:
 * - S3 buckets and access points: "The meaning of public",
 *   https://docs.aws.amazon.com/AmazonS3/latest/userguide/access-control-block-public-access.html#access-control-block-public-access-policy-status
 *   (S3 differs from common examples: `aws:PrincipalOrgID` is NOT on its list, so S3's BlockPublicPolicy
 *   treats a policy restricted only by it as public; we follow S3).
 * - SNS topics (Security Hub SNS.4), SQS queues (SQS.3), KMS keys (KMS.5): the AWS Config rules behind
 *   those controls, https://docs.aws.amazon.com/config/latest/developerguide/sns-topic-no-public-access.html,
 *   .../sqs-queue-no-public-access.html, .../kms-key-policy-no-public-access.html ("to be considered
 *   non-public, a policy must grant access only to fixed values"). They name no key list; we count the
 *   keys that bind the caller's account or organization, the source resource or account, or the
 *   network endpoint (plus `kms:CallerAccount` for keys:
 *   https://docs.aws.amazon.com/kms/latest/developerguide/conditions-kms.html#conditions-kms-caller-account).
 *   Unlike S3, `aws:SourceIp` alone does not restrict these: anyone with AWS credentials behind that
 *   address qualifies, so the grant is still to every AWS account.
 */
import { CheckedResourcePolicy, Finding, label, resourcePolicy, ResourceView, unverified, violation } from "./check";
import { PolicySpec } from "./meta";
import { RESOURCE_DOCUMENT_HOLDERS } from "./documents";
import { isAnyPrincipal, parsePolicyDocument, Statement } from "./iam";
import { isUnknown, UNKNOWN } from "./unknown";

export interface PublicDefinition {
    /** Condition keys (lower case: IAM matches keys case-insensitively) whose fixed value restricts. */
    readonly restrictingKeys: ReadonlySet<string>;
    /** The keys to suggest in a message. */
    readonly suggest: string;
    /** What to change, for the metadata of every policy judging by this definition. */
    readonly remediation: string;
}

const keys = (list: readonly string[]): ReadonlySet<string> => new Set(list.map((k) => k.toLowerCase()));

export const S3_PUBLIC: PublicDefinition = {
    restrictingKeys: keys([
        "aws:SourceIp",
        "aws:SourceArn",
        "aws:SourceVpc",
        "aws:SourceVpce",
        "aws:SourceOwner",
        "aws:SourceAccount",
        "aws:userid",
        "s3:x-amz-server-side-encryption-aws-kms-key-id",
        "s3:DataAccessPointArn",
        "s3:DataAccessPointAccount",
    ]),
    suggest: "aws:SourceArn/aws:SourceAccount/aws:SourceVpce",
    remediation: "Name the principals, or add a fixed aws:SourceArn/aws:SourceAccount/aws:SourceVpce condition.",
};

const ACCOUNT_SCOPED = [
    "aws:PrincipalAccount",
    "aws:PrincipalArn",
    "aws:PrincipalOrgID",
    "aws:SourceAccount",
    "aws:SourceArn",
    "aws:SourceOrgID",
    "aws:SourceOwner",
    "aws:SourceVpc",
    "aws:SourceVpce",
    "aws:userid",
];

/** SNS topic and SQS queue policies (Security Hub SNS.4, SQS.3). */
export const MESSAGING_PUBLIC: PublicDefinition = {
    restrictingKeys: keys(ACCOUNT_SCOPED),
    suggest: "aws:SourceArn/aws:SourceAccount/aws:PrincipalOrgID",
    remediation: 'Name the principals, or condition the "*" statement on a fixed aws:SourceArn / aws:SourceAccount / aws:PrincipalOrgID.',
};

/** KMS key policies (Security Hub KMS.5). */
export const KMS_PUBLIC: PublicDefinition = {
    restrictingKeys: keys([...ACCOUNT_SCOPED, "kms:CallerAccount"]),
    suggest: "kms:CallerAccount/aws:PrincipalOrgID",
    remediation: 'Name the principals, or condition the "*" statement on a fixed kms:CallerAccount / aws:PrincipalOrgID.',
};

/** Operators that only admit requests matching the value (negations and `...IfExists` do not). */
function restrictingOperator(op: string): boolean {
    return !/Not|IfExists$|^Null$/.test(op);
}

function fixedValue(key: string, v: unknown): boolean {
    if (typeof v !== "string" || v === "" || v.includes("*") || v.includes("?") || v.includes("${")) {
        return false;
    }
    return key !== "aws:sourceip" || !/\/0$/.test(v);
}

/**
 * Does the condition block restrict who can use the statement, under `def` (S3's by default)?
 * `UNKNOWN` when a candidate key's value is unknown and no other key restricts.
 */
export function hasRestrictingCondition(condition: Statement["condition"], def: PublicDefinition = S3_PUBLIC): boolean | typeof UNKNOWN {
    if (condition === UNKNOWN) {
        return UNKNOWN;
    }
    let unknown = false;
    for (const [op, block] of Object.entries(condition ?? {})) {
        if (!restrictingOperator(op) || block === null || typeof block !== "object") {
            continue;
        }
        for (const [key, value] of Object.entries(block as Record<string, unknown>)) {
            const k = key.toLowerCase();
            if (!def.restrictingKeys.has(k)) {
                continue;
            }
            const values = Array.isArray(value) ? (value as unknown[]) : [value];
            if (values.some(isUnknown)) {
                unknown = true;
            } else if (values.length > 0 && values.every((x) => fixedValue(k, x))) {
                return true;
            }
        }
    }
    return unknown ? UNKNOWN : false;
}

/** Does the statement admit everyone (before conditions)? `NotPrincipal` admits all but the named. */
function admitsEveryone(s: Statement): boolean | typeof UNKNOWN {
    if (s.notPrincipal !== undefined) {
        return true;
    }
    return isAnyPrincipal(s.principal);
}

/**
 * Findings for the resource policy `value` (the resource's `policy` input) of `r`: a violation per
 * public statement, naming it; `unverified` where the document, or a statement's effect, principal
 * or restricting condition, is unknown (preview). An unparsable document is a violation.
 */
export function publicStatementFindings(r: ResourceView, value: unknown, def: PublicDefinition): Finding[] {
    if (value === undefined) {
        return [];
    }
    const doc = parsePolicyDocument(value);
    if (doc === UNKNOWN) {
        return [unverified(`the policy document of ${label(r)} is unknown`)];
    }
    if ("error" in doc) {
        return [violation(`the policy of ${label(r)} ${doc.error}: give a valid IAM policy document.`)];
    }
    const findings: Finding[] = [];
    for (const [i, s] of doc.statements.entries()) {
        const id = s.sid ?? `#${i}`;
        const everyone = admitsEveryone(s);
        if (s.effect === "Deny" || everyone === false) {
            continue;
        }
        const restricted = hasRestrictingCondition(s.condition, def);
        if (restricted === true || (s.effect !== "Allow" && s.effect !== UNKNOWN)) {
            continue;
        }
        if (s.effect === UNKNOWN || everyone === UNKNOWN || restricted === UNKNOWN) {
            findings.push(unverified(`statement ${id} of ${label(r)} has an unknown effect, principal or condition`));
        } else {
            const who = s.notPrincipal !== undefined ? "everyone outside NotPrincipal" : 'Principal "*"';
            findings.push(
                violation(
                    `statement ${id} of ${label(r)} allows ${who} with no restricting condition: name the principals, or add a fixed ${def.suggest} condition.`,
                ),
            );
        }
    }
    return findings;
}

/** Which definition of public judges each kind of resource-policy holder (lib/documents.ts): the service's own. */
export const PUBLIC_DEFINITIONS: Readonly<Record<keyof typeof RESOURCE_DOCUMENT_HOLDERS, PublicDefinition>> = {
    bucket: S3_PUBLIC,
    accessPoint: S3_PUBLIC,
    kmsKey: KMS_PUBLIC,
    topic: MESSAGING_PUBLIC,
    queue: MESSAGING_PUBLIC,
};

/**
 * A policy against public statements in the resource policies of one kind of holder, judged by that
 * kind's definition of public (which also gives the policy's remediation).
 */
export function publicPrincipalPolicy(
    kind: keyof typeof RESOURCE_DOCUMENT_HOLDERS,
    meta: Omit<PolicySpec, "remediation">,
): CheckedResourcePolicy {
    const def = PUBLIC_DEFINITIONS[kind];
    return resourcePolicy(
        { ...meta, remediation: def.remediation },
        { types: RESOURCE_DOCUMENT_HOLDERS[kind], check: (r) => publicStatementFindings(r, r.props.policy, def) },
    );
}
