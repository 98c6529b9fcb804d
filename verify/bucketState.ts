/**
 * A bucket's settings in one comparable shape (pure), whether read from what the program declares
 * (verify/declared.ts) or from the deployed bucket through the S3 API (verify/observed.ts). Each
 * setting is a short canonical text, or `absent` when the bucket has none; comparing two states is
 * comparing texts, and a drift names the setting with both sides.
 */
import { PUBLIC_ACCESS_BLOCK_FLAGS, PublicAccessBlockFlag } from "../rules/publicAccess";

export const SETTINGS = [
    "versioning",
    "encryption",
    "public access block",
    "ownership",
    "policy",
    "lifecycle",
    "logging",
    "replication",
] as const;
export type BucketSetting = (typeof SETTINGS)[number];

export const ABSENT = "absent";

/** Canonical text per setting; a setting left out was not checked (e.g. not declared at all). */
export type BucketState = Partial<Record<BucketSetting, string>>;

export interface Drift {
    readonly setting: BucketSetting;
    readonly declared: string;
    readonly deployed: string;
}

/** Every setting the declared state has whose deployed text differs. */
export function compareStates(declared: BucketState, deployed: BucketState): Drift[] {
    return SETTINGS.filter((s) => declared[s] !== undefined && declared[s] !== (deployed[s] ?? ABSENT)).map((s) => ({
        setting: s,
        declared: declared[s] ?? ABSENT,
        deployed: deployed[s] ?? ABSENT,
    }));
}

export interface Transition {
    readonly days: number;
    readonly storageClass: string;
}

/** One lifecycle rule, in the fields both the provider and the S3 API have. */
export interface LifecycleRuleShape {
    readonly id: string;
    readonly status: string;
    readonly transitions: readonly Transition[];
    readonly expirationDays?: number;
    readonly noncurrentTransitions: readonly Transition[];
    readonly noncurrentExpirationDays?: number;
    readonly abortDays?: number;
}

function transitions(prefix: string, ts: readonly Transition[]): string[] {
    return [...ts].sort((a, b) => a.days - b.days).map((t) => `${prefix}${t.days}d->${t.storageClass}`);
}

export function lifecycleText(rules: readonly LifecycleRuleShape[]): string {
    return [...rules]
        .sort((a, b) => a.id.localeCompare(b.id))
        .map((r) =>
            [
                `${r.id} ${r.status}`,
                ...transitions("", r.transitions),
                ...(r.expirationDays !== undefined ? [`expire ${r.expirationDays}d`] : []),
                ...transitions("noncurrent ", r.noncurrentTransitions),
                ...(r.noncurrentExpirationDays !== undefined ? [`noncurrent expire ${r.noncurrentExpirationDays}d`] : []),
                ...(r.abortDays !== undefined ? [`abort uploads ${r.abortDays}d`] : []),
            ].join(", "),
        )
        .join("; ");
}

/** A bucket policy as its statements' ids, effects and actions (resources differ between a plan and AWS). */
export function policyText(policyJson: string): string {
    const doc = JSON.parse(policyJson) as { Statement?: unknown };
    const list = (Array.isArray(doc.Statement) ? doc.Statement : [doc.Statement]) as {
        Sid?: string;
        Effect?: string;
        Action?: string | string[];
    }[];
    return list
        .map((s) => `${s.Sid ?? "(no Sid)"}: ${s.Effect ?? "?"} ${[s.Action ?? []].flat().sort().join(",")}`)
        .sort()
        .join("; ");
}

/** A Block Public Access flag as the S3 API names it: `blockPublicAcls` -> `BlockPublicAcls`. */
export function s3ApiFlagName(flag: PublicAccessBlockFlag): string {
    return `${flag[0]?.toUpperCase() ?? ""}${flag.slice(1)}`;
}

/** The four flags (declared inputs' names) as `BlockPublicAcls=true BlockPublicPolicy=false ...`; absent is false. */
export function pabText(p: Readonly<Partial<Record<PublicAccessBlockFlag, unknown>>>): string {
    return PUBLIC_ACCESS_BLOCK_FLAGS.map((f) => `${s3ApiFlagName(f)}=${p[f] === true}`).join(" ");
}

export function encryptionText(algorithm: string, bucketKey: boolean): string {
    return `${algorithm}${bucketKey ? " with bucket key" : ""}`;
}

export function replicationText(rules: readonly { id: string; status: string; storageClass?: string }[]): string {
    return [...rules]
        .sort((a, b) => a.id.localeCompare(b.id))
        .map((r) => `${r.id} ${r.status}${r.storageClass !== undefined ? ` -> ${r.storageClass}` : ""}`)
        .join("; ");
}
