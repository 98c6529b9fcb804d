/**
 * Every place a policy document lives on a resource (pure), and what makes a statement malformed.
 * Identity documents: aws.iam.Policy / RolePolicy / UserPolicy / GroupPolicy `policy`, Role
 * `inlinePolicies[].policy`, ssoadmin.PermissionSetInlinePolicy `inlinePolicy`. Trust: Role
 * `assumeRolePolicy`. Resource policies: bucket (`policy` of Bucket, BucketPolicy,
 * s3control.BucketPolicy), S3 access point (AccessPoint `policy`, s3control.AccessPointPolicy), KMS key
 * (Key `policy`, KeyPolicy), SNS (Topic `policy`, TopicPolicy), SQS (Queue `policy`, QueuePolicy).
 * Property names are the @pulumi/aws v7 `.d.ts` ones.
 */
import { Statement } from "./iam";
import { T } from "./types";
import { arr, obj, UNKNOWN } from "./unknown";

export type DocumentKind = "identity" | "trust" | "resource";

export interface DocumentAt {
    /** The input it is in (`policy`, `inlinePolicies[0]`, `inlinePolicy`, `assumeRolePolicy`). */
    readonly where: string;
    readonly value: unknown;
    readonly kind: DocumentKind;
}

const has = (types: readonly string[], type: string): boolean => types.includes(type);

/** Types holding an identity-policy document. */
export const IDENTITY_DOCUMENT_TYPES: readonly string[] = [
    ...T.iamPolicy,
    ...T.iamInlinePolicy,
    ...T.iamRole,
    ...T.permissionSetInlinePolicy,
];

/**
 * Types holding a resource policy in `policy`, per kind of resource: each service has its own meaning
 * of "public" (lib/publicPrincipal.ts), so each kind has its own policy judging it.
 */
export const RESOURCE_DOCUMENT_HOLDERS = {
    bucket: [...T.bucketPolicy, ...T.bucket, ...T.s3controlBucketPolicy],
    accessPoint: [...T.accessPoint, ...T.accessPointPolicy],
    kmsKey: [...T.kmsKey, ...T.kmsKeyPolicy],
    topic: [...T.topic, ...T.topicPolicy],
    queue: [...T.queue, ...T.queuePolicy],
} as const satisfies Record<string, readonly string[]>;

/** Types holding a resource policy in `policy`. */
export const RESOURCE_DOCUMENT_TYPES: readonly string[] = Object.values(RESOURCE_DOCUMENT_HOLDERS).flat();

/** Every document of a resource that is set (an unknown one included, as its sentinel). */
export function documentsOf(r: { readonly type: string; readonly props: Record<string, unknown> }): DocumentAt[] {
    const set = (where: string, value: unknown, kind: DocumentKind): DocumentAt[] => (value === undefined ? [] : [{ where, value, kind }]);
    if (has(T.iamRole, r.type)) {
        const inline = arr(r.props.inlinePolicies);
        const inlineDocs: DocumentAt[] =
            inline === UNKNOWN
                ? [{ where: "inlinePolicies", value: r.props.inlinePolicies, kind: "identity" }]
                : inline.flatMap((p, i) => {
                      const o = obj(p);
                      return set(`inlinePolicies[${i}]`, o === UNKNOWN ? o : o?.policy, "identity");
                  });
        return [...inlineDocs, ...set("assumeRolePolicy", r.props.assumeRolePolicy, "trust")];
    }
    if (has(T.permissionSetInlinePolicy, r.type)) {
        return set("inlinePolicy", r.props.inlinePolicy, "identity");
    }
    if (has(IDENTITY_DOCUMENT_TYPES, r.type)) {
        return set("policy", r.props.policy, "identity");
    }
    return has(RESOURCE_DOCUMENT_TYPES, r.type) ? set("policy", r.props.policy, "resource") : [];
}

const known = (l: Statement["actions"]): number | undefined => (l === UNKNOWN ? undefined : l.length);

/**
 * What makes a statement malformed, each as a phrase (empty: well formed). An unknown part is not a
 * problem here (the owning policies report it as unverified).
 * - `Effect` is required and is `Allow` or `Deny`:
 *   https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_effect.html
 * - exactly one of `Action` / `NotAction`:
 *   https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_notaction.html
 * - at most one of `Resource` / `NotResource`:
 *   https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_notresource.html
 * (grammar: https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_grammar.html)
 */
export function statementProblems(s: Statement): string[] {
    const problems: string[] = [];
    if (s.effect === undefined) {
        problems.push('has no Effect (it must be "Allow" or "Deny")');
    } else if (s.effect !== UNKNOWN && s.effect !== "Allow" && s.effect !== "Deny") {
        problems.push(`has Effect ${JSON.stringify(s.effect)} (it must be "Allow" or "Deny", case-sensitive)`);
    }
    const actions = known(s.actions);
    const notActions = known(s.notActions);
    if (actions !== undefined && notActions !== undefined) {
        if (actions > 0 && notActions > 0) {
            problems.push("has both Action and NotAction (give exactly one)");
        } else if (actions === 0 && notActions === 0) {
            problems.push("has neither Action nor NotAction (give exactly one)");
        }
    }
    if ((known(s.resources) ?? 0) > 0 && (known(s.notResources) ?? 0) > 0) {
        problems.push("has both Resource and NotResource (give one)");
    }
    return problems;
}
