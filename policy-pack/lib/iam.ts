/**
 * IAM policy documents (identity and bucket policies) parsed into statements whose parts may be
 * unknown, plus the predicates the policies ask of them. Pure.
 */
import { isUnknown, UNKNOWN } from "./unknown";

/** A list element or a whole list may be unknown. */
export type Maybe<T> = T | typeof UNKNOWN;

export interface Statement {
    readonly sid?: string;
    readonly effect: Maybe<string> | undefined;
    /** `Principal`, as written (`"*"`, `{ AWS: ... }`, ...); `undefined` in identity policies. */
    readonly principal: unknown;
    /** `NotPrincipal`, as written; `undefined` when the statement has none. */
    readonly notPrincipal?: unknown;
    readonly actions: Maybe<readonly Maybe<string>[]>;
    readonly notActions: Maybe<readonly Maybe<string>[]>;
    readonly resources: Maybe<readonly Maybe<string>[]>;
    readonly notResources: Maybe<readonly Maybe<string>[]>;
    /** Operator -> key -> value(s); `UNKNOWN` when the whole block is. */
    readonly condition: Maybe<Readonly<Record<string, unknown>>> | undefined;
}

export type ParsedDocument = { readonly statements: readonly Statement[] } | { readonly error: string } | typeof UNKNOWN;

function list(v: unknown): Maybe<readonly Maybe<string>[]> {
    if (isUnknown(v)) {
        return UNKNOWN;
    }
    const items = Array.isArray(v) ? v : v === undefined ? [] : [v];
    return items.map((x) => (isUnknown(x) ? UNKNOWN : String(x)));
}

function statement(s: Record<string, unknown>): Statement {
    const c = s.Condition;
    return {
        sid: typeof s.Sid === "string" ? s.Sid : undefined,
        effect: isUnknown(s.Effect) ? UNKNOWN : typeof s.Effect === "string" ? s.Effect : undefined,
        principal: s.Principal,
        notPrincipal: s.NotPrincipal,
        actions: list(s.Action),
        notActions: list(s.NotAction),
        resources: list(s.Resource),
        notResources: list(s.NotResource),
        condition: isUnknown(c) ? UNKNOWN : c !== null && typeof c === "object" ? (c as Record<string, unknown>) : undefined,
    };
}

/**
 * A policy as a resource input: a JSON string (what `JSON.stringify` and `getPolicyDocument` give) or
 * an object. `UNKNOWN` when the document (usually the whole string: it embeds ARNs) is unknown.
 */
export function parsePolicyDocument(v: unknown): ParsedDocument {
    if (isUnknown(v)) {
        return UNKNOWN;
    }
    let doc: unknown = v;
    if (typeof v === "string") {
        try {
            doc = JSON.parse(v);
        } catch (e) {
            return { error: `is not valid JSON (${(e as Error).message})` };
        }
    }
    if (doc === null || typeof doc !== "object") {
        return { error: "is not a policy document object" };
    }
    const raw = (doc as Record<string, unknown>).Statement;
    if (isUnknown(raw)) {
        return UNKNOWN;
    }
    const statements = Array.isArray(raw) ? raw : raw === undefined ? [] : [raw];
    if (statements.some(isUnknown)) {
        return UNKNOWN;
    }
    return { statements: statements.filter((s): s is Record<string, unknown> => s !== null && typeof s === "object").map(statement) };
}

/** IAM wildcard match (`*` any run, `?` one character), case-insensitive as IAM matches actions. */
export function globMatches(pattern: string, value: string): boolean {
    const re = pattern
        .replace(/[.+^${}()|[\]\\]/g, "\\$&")
        .replace(/\*/g, ".*")
        .replace(/\?/g, ".");
    return new RegExp(`^${re}$`, "i").test(value);
}

/** `*`, `*:*` or a whole service (`s3:*`): every action of at least one service. */
export function isServiceWildcard(action: string): boolean {
    return action === "*" || /^[a-z0-9-]+:\*$/i.test(action) || action === "*:*";
}

/** The action pattern can grant some S3 action. */
export function grantsS3(action: string): boolean {
    return action === "*" || action === "*:*" || action.toLowerCase().startsWith("s3:");
}

/**
 * AWS: these S3 actions have no resource type and only work with `Resource: "*"`
 * (https://docs.aws.amazon.com/service-authorization/latest/reference/list_amazons3.html), so a
 * statement granting only them on "*" is not an over-grant.
 */
export const S3_ACTIONS_WITHOUT_RESOURCE: ReadonlySet<string> = new Set(
    [
        "s3:ListAllMyBuckets",
        "s3:GetAccountPublicAccessBlock",
        "s3:PutAccountPublicAccessBlock",
        "s3:ListAccessPoints",
        "s3:ListJobs",
        "s3:CreateJob",
        "s3:ListStorageLensConfigurations",
        "s3:ListMultiRegionAccessPoints",
        "s3:ListAccessPointsForObjectLambda",
    ].map((a) => a.toLowerCase()),
);

/** A resource pattern covering every bucket or object: `*` or `arn:<partition>:s3:::*`. */
export function isAllS3Resources(resource: string): boolean {
    return resource === "*" || /^arn:[^:]*:s3:::\*$/.test(resource);
}

/** A resource pattern covering every role: `*` or `arn:<partition>:iam::*:role/*`. */
export function isAllRoles(resource: string): boolean {
    return resource === "*" || /^arn:[^:]*:iam::[^:]*:(role\/)?\*$/.test(resource);
}

/** `Principal` that admits anyone: `"*"`, `{ AWS: "*" }` or a list containing `"*"`. */
export function isAnyPrincipal(principal: unknown): boolean | typeof UNKNOWN {
    if (isUnknown(principal)) {
        return UNKNOWN;
    }
    if (principal === "*") {
        return true;
    }
    if (principal !== null && typeof principal === "object") {
        const aws = (principal as Record<string, unknown>).AWS;
        if (isUnknown(aws)) {
            return UNKNOWN;
        }
        const values = Array.isArray(aws) ? aws : [aws];
        return values.includes("*");
    }
    return false;
}

/** `Bool`/`BoolIfExists` `aws:SecureTransport` = false: the statement matches plain-HTTP requests. */
export function matchesInsecureTransport(condition: Statement["condition"]): boolean | typeof UNKNOWN {
    if (condition === UNKNOWN) {
        return UNKNOWN;
    }
    for (const op of ["Bool", "BoolIfExists"]) {
        const block = condition?.[op];
        if (block === null || typeof block !== "object") {
            continue;
        }
        for (const [key, value] of Object.entries(block as Record<string, unknown>)) {
            if (key.toLowerCase() !== "aws:securetransport") {
                continue;
            }
            const values = Array.isArray(value) ? (value as unknown[]) : [value];
            if (values.some(isUnknown)) {
                return UNKNOWN;
            }
            if (values.some((x) => x === false || x === "false")) {
                return true;
            }
        }
    }
    return false;
}

/** Known strings of a list (unknown entries dropped) and whether any entry or the list was unknown. */
export function knownItems(v: Maybe<readonly Maybe<string>[]>): { readonly items: string[]; readonly unknown: boolean } {
    if (v === UNKNOWN) {
        return { items: [], unknown: true };
    }
    return { items: v.filter((x): x is string => x !== UNKNOWN), unknown: v.some((x) => x === UNKNOWN) };
}

/**
 * Whether some statement of a policy document is one `matches` accepts: `true`; `UNKNOWN` when none
 * is but one `matches` could not judge may be once its values are known; `policy <error>` for a
 * document that does not parse; else `missing`.
 */
export function hasStatement(
    policy: unknown,
    matches: (s: Statement) => boolean | typeof UNKNOWN,
    missing: string,
): true | string | typeof UNKNOWN {
    const doc = parsePolicyDocument(policy);
    if (doc === UNKNOWN) {
        return UNKNOWN;
    }
    if ("error" in doc) {
        return `policy ${doc.error}`;
    }
    let unknown = false;
    for (const s of doc.statements) {
        const verdict = matches(s);
        if (verdict === true) {
            return true;
        }
        unknown ||= verdict === UNKNOWN;
    }
    return unknown ? UNKNOWN : missing;
}
