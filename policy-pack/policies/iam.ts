/** Resource policies for IAM: what identity policies may grant, and long-term credentials. */
import { CheckedResourcePolicy, Finding, label, resourcePolicy, ResourceView, unverified, violation } from "../lib/check";
import { PolicySpec } from "../lib/meta";
import {
    globMatches,
    grantsS3,
    isAllRoles,
    isAllS3Resources,
    isServiceWildcard,
    knownItems,
    parsePolicyDocument,
    S3_ACTIONS_WITHOUT_RESOURCE,
    Statement,
} from "../lib/iam";
import { documentsOf, IDENTITY_DOCUMENT_TYPES } from "../lib/documents";
import { T } from "../lib/types";
import { UNKNOWN } from "../lib/unknown";

/**
 * A policy over identity policies (every identity-document type, lib/documents.ts) that runs `judge`
 * on every Allow statement of every document; unknown documents and effects become `unverified`.
 */
function allowsPolicy(meta: PolicySpec, judge: (s: Statement, at: string) => Finding[]): CheckedResourcePolicy {
    return resourcePolicy(meta, { types: IDENTITY_DOCUMENT_TYPES, check: (r) => judgeAllows(r, judge) });
}

/** `judge` on every Allow statement of every identity document of `r`. */
function judgeAllows(r: ResourceView, judge: (s: Statement, at: string) => Finding[]): Finding[] {
    const findings: Finding[] = [];
    for (const d of documentsOf(r).filter((doc) => doc.kind === "identity")) {
        const doc = parsePolicyDocument(d.value);
        if (doc === UNKNOWN) {
            findings.push(unverified(`the ${d.where} document of ${label(r)} is unknown`));
            continue;
        }
        if ("error" in doc) {
            findings.push(violation(`the ${d.where} of ${label(r)} ${doc.error}: give a valid IAM policy document.`));
            continue;
        }
        for (const [i, s] of doc.statements.entries()) {
            const at = `${d.where} statement ${s.sid ?? `#${i}`} of ${label(r)}`;
            if (s.effect === UNKNOWN) {
                findings.push(unverified(`the Effect of ${at} is unknown`));
            } else if (s.effect === "Allow") {
                findings.push(...judge(s, at));
            }
        }
    }
    return findings;
}

/**
 * Checks whether an IAM policy allows a whole service (`*`, `s3:*`, any `<service>:*`) or uses
 * `NotAction` in an Allow.
 */
export const iamNoWildcardActions = allowsPolicy(
    {
        name: "iam-no-wildcard-actions",
        description: "Checks whether an IAM policy allows `*` or a whole service such as `s3:*`.",
        severity: "critical",
        securityHub: ["IAM.1", "IAM.21"],
        cis: ["1.16"],
        topics: ["iam", "least-privilege"],
        remediation: "List the individual actions the principal needs; do not use NotAction in an Allow.",
    },
    (s, at) => {
        const actions = knownItems(s.actions);
        const wild = actions.items.filter(isServiceWildcard);
        const findings: Finding[] = [];
        if (wild.length > 0) {
            findings.push(violation(`${at} allows ${wild.join(", ")}: list the individual actions the principal needs.`));
        }
        if (s.notActions === UNKNOWN || s.notActions.length > 0) {
            findings.push(violation(`${at} uses NotAction in an Allow, which grants every other action: list the actions instead.`));
        }
        if (actions.unknown) {
            findings.push(unverified(`some Action of ${at} is unknown`));
        }
        return findings;
    },
);

/** Resource patterns of a statement that cover everything; `NotResource` counts as everything. */
function wideResources(s: Statement, isWide: (r: string) => boolean): { readonly wide: string[]; readonly unknown: boolean } {
    const resources = knownItems(s.resources);
    const wide = resources.items.filter(isWide);
    if (s.notResources === UNKNOWN || s.notResources.length > 0) {
        wide.push("NotResource");
    }
    return { wide, unknown: resources.unknown };
}

/**
 * A policy over identity policies against granting actions on every resource: an Allow statement that
 * grants some of the `granted` actions on a resource `isWide` matches is a violation explained by
 * `explain` (given the statement's place); when either side is unknown in preview, an unverified
 * finding.
 */
function wideGrantPolicy(
    meta: PolicySpec,
    granted: (action: string) => boolean,
    isWide: (resource: string) => boolean,
    explain: (at: string, actions: string[], wide: string[]) => string,
): CheckedResourcePolicy {
    return allowsPolicy(meta, (s, at) => {
        const actions = knownItems(s.actions);
        const hits = actions.items.filter(granted);
        const res = wideResources(s, isWide);
        if (hits.length > 0 && res.wide.length > 0) {
            return [violation(explain(at, hits, res.wide))];
        }
        return (hits.length > 0 && res.unknown) || (actions.unknown && res.wide.length > 0)
            ? [unverified(`the Action or Resource of ${at} is unknown`)]
            : [];
    });
}

/**
 * Checks whether an IAM policy allows S3 actions on every resource (`Resource: "*"` or
 * `arn:aws:s3:::*`). The few S3 actions that only accept `*` (ListAllMyBuckets, ...) are exempt.
 */
export const iamNoS3OnAllResources = wideGrantPolicy(
    {
        name: "iam-no-s3-on-all-resources",
        description: 'Checks whether an IAM policy allows S3 actions on Resource "*".',
        severity: "high",
        securityHub: [],
        cis: [],
        topics: ["iam", "least-privilege", "storage"],
        remediation: "Scope Resource to the bucket ARN and its key prefixes.",
        docUrl: "https://docs.aws.amazon.com/IAM/latest/UserGuide/best-practices.html#grant-least-privilege",
    },
    (a) => grantsS3(a) && !S3_ACTIONS_WITHOUT_RESOURCE.has(a.toLowerCase()),
    isAllS3Resources,
    (at, granted, wide) =>
        `${at} allows ${granted.join(", ")} on ${wide.join(", ")}: scope Resource to the bucket ARN and its key prefixes.`,
);

/**
 * Checks whether an IAM policy allows `iam:PassRole` (directly or by wildcard) on every role.
 */
export const iamNoPassRoleOnAll = wideGrantPolicy(
    {
        name: "iam-no-passrole-on-all",
        description: 'Checks whether an IAM policy allows iam:PassRole on Resource "*".',
        severity: "critical",
        securityHub: [],
        cis: [],
        topics: ["iam", "privilege-escalation"],
        remediation: "Name the role ARNs that may be passed in Resource.",
        docUrl: "https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_use_passrole.html",
    },
    (a) => globMatches(a, "iam:PassRole"),
    isAllRoles,
    (at, granted, wide) =>
        `${at} allows iam:PassRole (${granted.join(", ")}) on ${wide.join(", ")}: name the role ARNs that may be passed.`,
);

/**
 * Checks whether the stack creates IAM user access keys (long-term credentials). Advisory: roles
 * with temporary credentials are preferred; a key is sometimes the only option for a partner.
 */
export const iamUserAccessKeys = resourcePolicy(
    {
        name: "iam-user-access-keys",
        description: "Checks whether an IAM user access key (a long-term credential) is created.",
        enforcementLevel: "advisory",
        severity: "medium",
        securityHub: ["IAM.3"],
        cis: ["1.14"],
        topics: ["iam", "credentials"],
        remediation: "Prefer an IAM role the workload assumes; rotate an unavoidable key within 90 days.",
    },
    {
        types: T.accessKey,
        check: (r) => [
            violation(
                `${label(r)} is a long-term credential: prefer an IAM role the workload assumes; if a key is unavoidable, rotate it within 90 days.`,
            ),
        ],
    },
);
