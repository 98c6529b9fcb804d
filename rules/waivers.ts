/**
 * Waivers with evidence (pure): a per-resource exemption from one policy, with the reason, the person
 * or team who owns the risk and the date it ends. The stack's profile lists them
 * (config/profiles.ts `pack.waivers`); the generated pack config carries each under its policy's
 * entry (`"<policy>": {"enforcementLevel": ..., "waivers": [{resource, reason, owner, expires}]}`), the
 * only place CrossGuard lets a policy read it. A waived finding is reported as waived and never counted;
 * an expired waiver no longer waives, and an expired or unmatched waiver is itself a finding of the
 * `policy-waivers` policy. Models: cdk-nag's suppressions with a reason, Checkov's skip comments,
 * trivy's ignore file; the expiry is ours.
 */

/** A waiver as a profile lists it. */
export interface Waiver {
    /** The policy it exempts from (a policy name of the pack). */
    readonly policy: string;
    /** The resource: its URN, or its logical name (`data-versioning`). */
    readonly resource: string;
    /** Why the finding is accepted: the evidence (ticket, compensating control). */
    readonly reason: string;
    /** Who owns the accepted risk (a person or team). */
    readonly owner: string;
    /** Last day the waiver holds, an ISO date `YYYY-MM-DD` (UTC). */
    readonly expires: string;
}

/** A waiver as a policy's config carries it: the policy is the config entry's key. */
export type PolicyWaiver = Omit<Waiver, "policy">;

/** The config property of every policy that holds its waivers. */
export const WAIVERS_PROPERTY = "waivers";

/** The policy whose findings are expired and unmatched waivers (and, in the pack, the waived findings). */
export const WAIVER_POLICY = "policy-waivers";

const FIELDS = ["resource", "reason", "owner", "expires"] as const;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Whether `s` is a real calendar date written `YYYY-MM-DD`. */
export function isIsoDate(s: string): boolean {
    const m = ISO_DATE.exec(s);
    if (m === null) {
        return false;
    }
    const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
    return d.getUTCFullYear() === Number(m[1]) && d.getUTCMonth() === Number(m[2]) - 1 && d.getUTCDate() === Number(m[3]);
}

/** Today's date in UTC, `YYYY-MM-DD`. */
export function isoDay(now: Date = new Date()): string {
    return now.toISOString().slice(0, 10);
}

/** A waiver holds through its `expires` day (UTC) and has expired from the next day on. */
export function isExpired(w: Pick<Waiver, "expires">, today: string): boolean {
    return w.expires < today;
}

/** Whether `w` names the resource (by URN or by logical name). */
export function waiverMatches(w: Pick<Waiver, "resource">, r: { readonly urn?: string; readonly name?: string }): boolean {
    return w.resource === r.urn || w.resource === r.name;
}

/** `owner`, `reason`, `expires` in one phrase, for messages. */
export function waiverEvidence(w: PolicyWaiver): string {
    return `reason "${w.reason}", owner ${w.owner}, expires ${w.expires}`;
}

/** Which list `waiverProblems` reads. */
export interface WaiverListKind {
    /** A flat list (a profile's): each entry names its `policy`. Under a policy's config the key names it. */
    readonly flat: boolean;
    /** The pack's policy names, to check `policy` against. @default - not checked */
    readonly knownPolicies?: ReadonlySet<string>;
}

/**
 * Problems with one list of waiver entries, each naming the entry (`where[i].field`), quoting the
 * value and saying what is allowed: every field required and non-empty, `expires` a real date, no
 * other field, `policy` (flat lists) one of `knownPolicies`.
 */
export function waiverProblems(entries: unknown, where: string, kind: WaiverListKind): string[] {
    const fields: readonly string[] = kind.flat ? ["policy", ...FIELDS] : FIELDS;
    const knownPolicies = kind.knownPolicies;
    if (!Array.isArray(entries)) {
        return [`${where}: got ${JSON.stringify(entries)}; a list of waivers {${fields.join(", ")}}`];
    }
    return entries.flatMap((e: unknown, i) => {
        const at = `${where}[${i}]`;
        if (e === null || typeof e !== "object" || Array.isArray(e)) {
            return [`${at}: got ${JSON.stringify(e)}; an object {${fields.join(", ")}}`];
        }
        const entry = e as Record<string, unknown>;
        const problems: string[] = [];
        for (const key of Object.keys(entry).filter((k) => !fields.includes(k))) {
            problems.push(`${at}.${key}: unknown field; a waiver has ${fields.join(", ")}`);
        }
        for (const field of fields) {
            const v = entry[field];
            if (typeof v !== "string" || v.trim() === "") {
                problems.push(
                    `${at}.${field}: ${v === undefined ? "missing" : `got ${JSON.stringify(v)}`}; a non-empty string is required`,
                );
            } else if (field === "expires" && !isIsoDate(v)) {
                problems.push(`${at}.expires: got "${v}"; an ISO date YYYY-MM-DD (the last day the waiver holds)`);
            } else if (field === "policy" && knownPolicies !== undefined && !knownPolicies.has(v)) {
                problems.push(`${at}.policy: got "${v}"; no policy of that name in the pack`);
            }
        }
        return problems;
    });
}

/** JSON Schema of the `waivers` property every policy's `configSchema` carries (the CLI checks it too). */
export const WAIVERS_SCHEMA = {
    type: "array",
    default: [],
    description: "Per-resource exemptions from this policy, with evidence (rules/waivers.ts).",
    items: {
        type: "object",
        additionalProperties: false,
        required: [...FIELDS],
        properties: {
            resource: { type: "string", minLength: 1, description: "URN or logical name of the resource" },
            reason: { type: "string", minLength: 1 },
            owner: { type: "string", minLength: 1 },
            expires: { type: "string", pattern: ISO_DATE.source, description: "last day the waiver holds (UTC)" },
        },
    },
} as const;

/** The waivers of a flat list, by policy, as the pack config carries them (order kept). */
export function waiversByPolicy(waivers: readonly Waiver[]): Map<string, PolicyWaiver[]> {
    const out = new Map<string, PolicyWaiver[]>();
    for (const { policy, ...rest } of waivers) {
        out.set(policy, [...(out.get(policy) ?? []), rest]);
    }
    return out;
}

/** A finding as waivers see it: its policy, the resource's URN and name, its text. */
export interface WaivableFinding {
    readonly policy: string;
    readonly urn?: string;
    readonly name?: string;
}

export type WaiverOutcome<F> =
    | { readonly kind: "waived"; readonly finding: F; readonly waiver: Waiver }
    | { readonly kind: "counted"; readonly finding: F; readonly expired?: Waiver };

/** What waivers left over: expired ones and ones that matched no finding (both are findings). */
export interface WaiverReview {
    readonly expired: readonly Waiver[];
    readonly unmatched: readonly Waiver[];
}

/**
 * Sorts findings into waived (an unexpired waiver of their policy names their resource) and counted
 * (with the expired waiver that would have covered it, if any), and reviews the waivers: each
 * expired one, and each unexpired one that matched no finding.
 */
export function applyWaivers<F extends WaivableFinding>(
    findings: readonly F[],
    waivers: readonly Waiver[],
    today: string,
): { readonly outcomes: WaiverOutcome<F>[]; readonly review: WaiverReview } {
    const matched = new Set<Waiver>();
    const outcomes = findings.map((f): WaiverOutcome<F> => {
        const mine = waivers.filter((w) => w.policy === f.policy && f.urn !== undefined && waiverMatches(w, f));
        mine.forEach((w) => matched.add(w));
        const live = mine.find((w) => !isExpired(w, today));
        if (live !== undefined) {
            return { kind: "waived", finding: f, waiver: live };
        }
        return mine.length > 0 ? { kind: "counted", finding: f, expired: mine[0] } : { kind: "counted", finding: f };
    });
    return {
        outcomes,
        review: {
            expired: waivers.filter((w) => isExpired(w, today)),
            unmatched: waivers.filter((w) => !matched.has(w) && !isExpired(w, today)),
        },
    };
}

/** The finding text of an expired or unmatched waiver (says which). */
export function reviewMessage(w: Waiver, problem: "expired" | "unmatched", today: string): string {
    const what = `The waiver of ${w.policy} for ${w.resource} (${waiverEvidence(w)})`;
    if (problem === "expired") {
        return `${what} expired on ${w.expires} (today is ${today}): it no longer waives anything. Fix the resource, or renew the waiver with new evidence and a new date.`;
    }
    return `${what} matches no finding: the resource complies, was renamed or is gone, or the policy is disabled. Remove the waiver.`;
}
