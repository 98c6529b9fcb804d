/** `policy-document-well-formed`: every policy document the stack declares parses and is well formed. */
import { Finding, label, resourcePolicy, unverified, violation } from "../lib/check";
import { documentsOf, IDENTITY_DOCUMENT_TYPES, RESOURCE_DOCUMENT_TYPES, statementProblems } from "../lib/documents";
import { parsePolicyDocument } from "../lib/iam";
import { UNKNOWN } from "../lib/unknown";

/**
 * Checks whether every policy document (identity, trust and resource policies: lib/documents.ts) is
 * valid JSON whose statements each have an `Effect` of `Allow` or `Deny`, exactly one of `Action` /
 * `NotAction` and at most one of `Resource` / `NotResource`. A malformed statement is a violation, never
 * silence: the other policies judge only statements they can read.
 */
export const policyDocumentWellFormed = resourcePolicy(
    {
        name: "policy-document-well-formed",
        description:
            "Checks whether every IAM and resource policy document is well formed (Effect, Action/NotAction, Resource/NotResource).",
        severity: "high",
        securityHub: [],
        cis: [],
        topics: ["iam", "access-control"],
        remediation:
            'Give each statement Effect "Allow" or "Deny", exactly one of Action/NotAction and at most one of Resource/NotResource.',
        docUrl: "https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_grammar.html",
    },
    {
        types: [...IDENTITY_DOCUMENT_TYPES, ...RESOURCE_DOCUMENT_TYPES],
        check: (r) =>
            documentsOf(r).flatMap((d): Finding[] => {
                const doc = parsePolicyDocument(d.value);
                if (doc === UNKNOWN) {
                    return [unverified(`the ${d.where} document of ${label(r)} is unknown`)];
                }
                if ("error" in doc) {
                    return [violation(`the ${d.where} of ${label(r)} ${doc.error}: give a valid policy document.`)];
                }
                return doc.statements.flatMap((s, i) =>
                    statementProblems(s).map((p) => violation(`${d.where} statement ${s.sid ?? `#${i}`} of ${label(r)} ${p}.`)),
                );
            }),
    },
);
