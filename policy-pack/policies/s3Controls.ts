/**
 * Security Hub S3 controls about resources other than the bucket's own settings: bucket policies
 * granting other accounts control-plane actions (S3.6), access points and Multi-Region Access
 * Points blocking public access (S3.19, S3.24), and directory buckets' lifecycle (S3.25).
 */
import { Finding, label, resourcePolicy, unverified, violation } from "../lib/check";
import { lifecycleEffect } from "../lib/effect";
import { settingsOf } from "../lib/inline";
import { globMatches, knownItems, parsePolicyDocument } from "../lib/iam";
import { isOf, T } from "../lib/types";
import { isUnknown, obj, str, UNKNOWN } from "../lib/unknown";
import { publicAccessFlags } from "../lib/publicAccess";
import { applicablePolicy } from "../lib/applicable";

/**
 * The actions S3.6 (AWS Config rule s3-bucket-blacklisted-actions-prohibited) forbids granting to
 * other accounts: https://docs.aws.amazon.com/config/latest/developerguide/s3-bucket-blacklisted-actions-prohibited.html
 */
export const S3_6_ACTIONS = [
    "s3:DeleteBucketPolicy",
    "s3:PutBucketAcl",
    "s3:PutBucketPolicy",
    "s3:PutEncryptionConfiguration",
    "s3:PutObjectAcl",
];

export interface CrossAccountConfig {
    /** Accounts that own the stack's buckets: principals in them are not "other accounts". */
    readonly ownAccountIds: readonly string[];
}

/** The AWS principals of a statement (`"*"`, account ids, ARNs), `UNKNOWN`, or `[]` for service-only. */
function awsPrincipals(principal: unknown): string[] | typeof UNKNOWN {
    if (isUnknown(principal)) {
        return UNKNOWN;
    }
    if (principal === "*") {
        return ["*"];
    }
    const p = obj(principal);
    if (p === UNKNOWN) {
        return UNKNOWN;
    }
    const aws = p?.AWS;
    if (isUnknown(aws)) {
        return UNKNOWN;
    }
    const values = Array.isArray(aws) ? (aws as unknown[]) : aws === undefined ? [] : [aws];
    return values.some(isUnknown) ? UNKNOWN : values.map(String);
}

/** `123456789012`, `arn:aws:iam::123456789012:root` or a role ARN -> its account; `*` stays `*`. */
function accountOf(principal: string): string {
    return /^\d{12}$/.test(principal) ? principal : (/^arn:[^:]+:(?:iam|sts)::(\d{12}):/.exec(principal)?.[1] ?? principal);
}

/**
 * Checks whether a bucket policy (separate resource or the bucket's policy input) allows principals
 * of other AWS accounts to change the bucket's policy, ACLs or encryption (Security Hub S3.6).
 */
export const s3BucketPolicyNoCrossAccountAdmin = resourcePolicy<CrossAccountConfig>(
    {
        name: "s3-bucket-policy-no-cross-account-admin",
        description: "Checks whether a bucket policy lets other AWS accounts change the bucket's policy, ACLs or encryption.",
        severity: "high",
        securityHub: ["S3.6"],
        cis: [],
        topics: ["storage", "access-control"],
        remediation: `Remove ${S3_6_ACTIONS.join(", ")} (and wildcards covering them) from Allow statements for other accounts.`,
        configSchema: {
            properties: {
                ownAccountIds: {
                    type: "array",
                    items: { type: "string", pattern: "^\\d{12}$" },
                    description: "Accounts owning the buckets; their principals are not other accounts.",
                },
            },
        },
    },
    {
        types: [...T.bucketPolicy, ...T.bucket],
        defaults: { ownAccountIds: [] },
        check: (resource, config) =>
            settingsOf(resource, "policy", T.bucket).flatMap((r): Finding[] => {
                const doc = parsePolicyDocument(r.props.policy);
                if (doc === UNKNOWN) {
                    return [unverified(`the policy document of ${label(r)} is unknown`)];
                }
                if ("error" in doc) {
                    return []; // s3-bucket-policy-no-public-allow reports an unparsable document
                }
                const findings: Finding[] = [];
                for (const [i, s] of doc.statements.entries()) {
                    if (s.effect !== "Allow") {
                        continue;
                    }
                    const actions = knownItems(s.actions);
                    const granted = S3_6_ACTIONS.filter((a) => actions.items.some((p) => globMatches(p, a)));
                    const principals = awsPrincipals(s.principal);
                    if (principals === UNKNOWN || (granted.length === 0 && actions.unknown)) {
                        findings.push(unverified(`statement ${s.sid ?? `#${i}`} of ${label(r)} has an unknown principal or action`));
                        continue;
                    }
                    const others = principals.filter((p) => !config.ownAccountIds.includes(accountOf(p)));
                    if (granted.length > 0 && others.length > 0) {
                        findings.push(
                            violation(
                                `statement ${s.sid ?? `#${i}`} of ${label(r)} allows ${others.join(", ")} to ${granted.join(", ")}: only the owning account may change a bucket's policy, ACLs or encryption (list owning accounts in ownAccountIds).`,
                            ),
                        );
                    }
                }
                return findings;
            }),
    },
);

/** Flags explicitly off in a block-public-access object whose absent flags default to true. */
function flagsOff(block: unknown): readonly string[] | typeof UNKNOWN {
    const b = obj(block);
    if (b === UNKNOWN) {
        return UNKNOWN;
    }
    const { off, unknown } = publicAccessFlags(b ?? {}, true);
    return unknown.length > 0 ? UNKNOWN : off;
}

/**
 * Checks whether an S3 access point (S3.19) or Multi-Region Access Point (S3.24) keeps every block
 * public access setting on (AWS turns all four on when the configuration is omitted).
 */
export const s3AccessPointBlockPublicAccess = resourcePolicy(
    {
        name: "s3-access-point-block-public-access",
        description: "Checks whether S3 access points and Multi-Region Access Points keep all block public access settings on.",
        severity: "critical",
        securityHub: ["S3.19", "S3.24"],
        cis: [],
        topics: ["storage", "network"],
        remediation: "Leave publicAccessBlockConfiguration out (all on) or set every flag true; the setting cannot change after creation.",
    },
    {
        types: [...T.accessPoint, ...T.multiRegionAccessPoint],
        check: (r) => {
            const isMrap = isOf(T.multiRegionAccessPoint)(r);
            const details = obj(r.props.details);
            const block = isMrap ? (details === UNKNOWN ? UNKNOWN : details?.publicAccessBlock) : r.props.publicAccessBlockConfiguration;
            const off = flagsOff(block);
            if (off === UNKNOWN) {
                return [unverified(`the block public access settings of ${label(r)} are unknown`)];
            }
            return off.length > 0
                ? [violation(`${label(r)} turns ${off.join(", ")} off: every block public access setting must stay true.`)]
                : [];
        },
    },
);

/**
 * Checks whether every S3 directory bucket has a lifecycle configuration with an Enabled rule
 * (Security Hub S3.25).
 */
export const s3DirectoryBucketLifecycle = applicablePolicy(
    {
        name: "s3-directory-bucket-lifecycle",
        description: "Checks whether every S3 directory bucket has a lifecycle configuration with an Enabled rule.",
        severity: "low",
        securityHub: ["S3.25"],
        cis: [],
        topics: ["storage", "cost"],
        remediation:
            "Attach an aws.s3.BucketLifecycleConfiguration to the directory bucket with an Enabled rule (e.g. aborting incomplete uploads).",
    },
    T.directoryBucket,
    (dirs, resources) => {
        const lifecycles = resources.filter(isOf(T.lifecycle));
        return dirs.flatMap((d): Finding[] => {
            const name = str(d.props.bucket);
            const mine = lifecycles.filter(
                (l) => (l.propertyDependencies.bucket ?? []).includes(d.urn) || (typeof name === "string" && l.props.bucket === name),
            );
            if (mine.length === 0) {
                return [violation(`directory bucket ${label(d)} has no lifecycle configuration: attach one with an Enabled rule.`, d.urn)];
            }
            const verdicts = mine.map((l) => lifecycleEffect(l.props));
            if (verdicts.includes(true)) {
                return [];
            }
            if (verdicts.includes(UNKNOWN)) {
                return [unverified(`the lifecycle rules of directory bucket ${label(d)} are unknown`, d.urn)];
            }
            return [violation(`directory bucket ${label(d)}: lifecycle ${verdicts.join("; ")}`, d.urn)];
        });
    },
);
