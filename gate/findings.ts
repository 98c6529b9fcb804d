/**
 * Findings: the pack's violations as the reports show them (pure). A finding is a *violation* of a
 * policy, or a *note*: what `preview-unverified` lists (values unknown until `pulumi up`), which is
 * information for the reader and never counted as a violation unless a pipeline makes that policy
 * mandatory. Severity, control ids and the waived/remediated marks are shown when the pack's
 * findings carry them.
 */
import { EnforcementLevel, Violation } from "./analyzer";
import type { Waiver } from "../rules/waivers";

/** Policies whose advisory findings are notes about preview, not violations. */
export const NOTE_POLICIES: readonly string[] = ["preview-unverified"];

export type FindingKind = "violation" | "note";

/** What a violation may carry beyond the SDK's diagnostic (set by the analyzer when the pack says so). */
export interface FindingMarks {
    readonly severity?: string;
    /** Security Hub / CIS control ids the policy maps to. */
    readonly controlIds?: readonly string[];
}

export interface Finding {
    readonly policy: string;
    readonly level: EnforcementLevel;
    readonly kind: FindingKind;
    readonly severity: string | null;
    readonly controlIds: readonly string[];
    readonly resource: { readonly urn: string; readonly name: string | null; readonly type: string | null } | null;
    /** The policy's description (what it checks). */
    readonly description: string;
    /** The finding's own text, without the description the SDK prefixes it with. */
    readonly message: string;
    readonly waived: boolean;
    /** The waiver that holds (policy, resource, reason, owner, expires) when `waived`. */
    readonly waiver: Waiver | null;
    readonly remediated: boolean;
}

export interface FindingCounts {
    readonly mandatory: number;
    readonly advisory: number;
    readonly notes: number;
    readonly waived: number;
    readonly remediated: number;
}

/** The SDK prefixes each message with the policy's description; reports show that once per policy. */
export function ownText(v: Pick<Violation, "description" | "message">): string {
    const prefix = `${v.description}\n`;
    return v.message.startsWith(prefix) ? v.message.slice(prefix.length) : v.message;
}

export function kindOf(policy: string, level: EnforcementLevel): FindingKind {
    return NOTE_POLICIES.includes(policy) && level !== "mandatory" ? "note" : "violation";
}

export function toFinding(v: Violation & FindingMarks): Finding {
    return {
        policy: v.policyName,
        level: v.enforcementLevel,
        kind: kindOf(v.policyName, v.enforcementLevel),
        severity: v.severity ?? null,
        controlIds: [...(v.controlIds ?? [])],
        resource: v.urn !== undefined ? { urn: v.urn, name: v.resourceName ?? null, type: v.resourceType ?? null } : null,
        description: v.description,
        message: ownText(v),
        waived: v.waived === true,
        waiver: v.waived === true && v.waiver !== undefined ? { ...v.waiver } : null,
        remediated: v.remediated === true,
    };
}

/** Counted: unwaived, unremediated violations by level; notes, waived and remediated apart. */
export function countFindings(findings: readonly Finding[]): FindingCounts {
    const live = findings.filter((f) => f.kind === "violation" && !f.waived && !f.remediated);
    return {
        mandatory: live.filter((f) => f.level === "mandatory").length,
        advisory: live.filter((f) => f.level === "advisory").length,
        notes: findings.filter((f) => f.kind === "note").length,
        waived: findings.filter((f) => f.waived).length,
        remediated: findings.filter((f) => f.remediated).length,
    };
}
