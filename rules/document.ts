/** Typed IAM policy documents. Builders in this folder return these; wiring serialises them once. */

export type Effect = "Allow" | "Deny";

/** `"*"` means anyone, including anonymous callers. */
export type Principal = "*" | { readonly AWS?: string | string[]; readonly Service?: string | string[] };

/** Condition operator -> condition key -> value(s), exactly as IAM JSON spells it. */
export type Conditions = Readonly<Record<string, Readonly<Record<string, string | string[]>>>>;

export interface Statement {
    readonly Sid: string;
    readonly Effect: Effect;
    readonly Principal?: Principal | undefined;
    readonly Action: string | string[];
    readonly Resource: string | string[];
    readonly Condition?: Conditions | undefined;
}

export interface PolicyDocument {
    readonly Version: "2012-10-17";
    readonly Statement: Statement[];
}

/** Merges statements into one document; Sids must be unique, as IAM requires within a policy. */
export function policyDocument(...statements: Statement[]): PolicyDocument {
    const seen = new Set<string>();
    for (const s of statements) {
        if (seen.has(s.Sid)) {
            throw new Error(`duplicate statement id ${JSON.stringify(s.Sid)} in policy document`);
        }
        seen.add(s.Sid);
    }
    return { Version: "2012-10-17", Statement: statements };
}

/** The bucket ARN and the ARN of all its objects: what bucket-wide statements apply to. */
export function bucketAndObjects(bucketArn: string): string[] {
    return [bucketArn, `${bucketArn}/*`];
}

/** An identity-policy Allow (no principal: the policy's role or user) of `action` on `resource`, under `condition` when given. */
export function allow(sid: string, action: string | readonly string[], resource: string | string[], condition?: Conditions): Statement {
    return {
        Sid: sid,
        Effect: "Allow",
        Action: typeof action === "string" ? action : [...action],
        Resource: resource,
        ...(condition !== undefined ? { Condition: condition } : {}),
    };
}

/**
 * An Allow to an AWS service principal (`logging.s3.amazonaws.com`, `events.amazonaws.com`, ...),
 * scoped by `condition` (AWS recommends `aws:SourceArn`/`aws:SourceAccount` against the confused deputy).
 */
export function allowService(
    sid: string,
    service: string | string[],
    action: string | string[],
    resource: string | string[],
    condition?: Conditions,
): Statement {
    return {
        Sid: sid,
        Effect: "Allow",
        Principal: { Service: service },
        Action: action,
        Resource: resource,
        ...(condition !== undefined ? { Condition: condition } : {}),
    };
}

/**
 * A Deny to every principal (`Principal: "*"`, anonymous callers included) under `condition`: the
 * shape of every guard a bucket policy carries (TLS, encryption, MFA, network, infected objects).
 * A Deny wins over any Allow, whatever the caller's identity policy grants.
 */
export function denyEveryone(
    sid: string,
    action: string | readonly string[],
    resource: string | string[],
    condition: Conditions,
): Statement {
    return {
        Sid: sid,
        Effect: "Deny",
        Principal: "*",
        Action: typeof action === "string" ? action : [...action],
        Resource: resource,
        Condition: condition,
    };
}
