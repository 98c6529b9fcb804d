/**
 * Waivers inside the pack, for the Pulumi CLI path (`pulumi preview --policy-pack-config`; the offline
 * gate judges waivers itself, gate/waivers.ts, with the same rules/waivers.ts). CrossGuard gives each
 * policy only its own config and one enforcement level, so:
 * - every policy's wrapper (lib/check.ts) screens its own findings with its own `waivers`: a finding an
 *   unexpired waiver names is not reported by the policy (it would block at the policy's level), and
 *   is put in this module's ledger; an expired waiver no longer waives;
 * - `policy-waivers` (policies/waivers.ts), last in the pack and advisory, reports from the ledger at
 *   the end of the analysis (`AnalyzeStack`): each waived finding with its evidence (never hidden),
 *   each expired waiver, each waiver that matched no finding; then clears it.
 * The ledger lives as long as one analysis: the engine sends every `Analyze` before `AnalyzeStack`.
 */
import { applyWaivers, isExpired, isoDay, PolicyWaiver, reviewMessage, Waiver, waiverEvidence } from "../../rules/waivers";
import type { Finding } from "./check";

interface WaivedEntry {
    readonly waiver: Waiver;
    readonly urn: string;
    readonly name: string | undefined;
    readonly message: string;
}

interface Ledger {
    /** Policy -> its waivers, as the last call of its wrapper saw them. */
    readonly seen: Map<string, readonly Waiver[]>;
    /** Waivers (as JSON) that matched a finding. */
    readonly matched: Set<string>;
    readonly waived: WaivedEntry[];
}

const fresh = (): Ledger => ({ seen: new Map(), matched: new Set(), waived: [] });
let ledger = fresh();

const key = (w: Waiver): string => JSON.stringify([w.policy, w.resource, w.reason, w.owner, w.expires]);

/**
 * `findings` of `policy` without the ones an unexpired waiver of `given` names (those go to the
 * ledger). `urn`: the resource a finding without its own URN is about; `nameOf`: a URN's logical name.
 */
export function screenFindings(
    policy: string,
    given: readonly PolicyWaiver[] | undefined,
    findings: readonly Finding[],
    nameOf: (urn: string) => string | undefined,
    urn?: string,
): Finding[] {
    const waivers = (given ?? []).map((w): Waiver => ({ policy, ...w }));
    ledger.seen.set(policy, waivers);
    if (waivers.length === 0) {
        return [...findings];
    }
    const candidates = findings.map((f) => {
        const at = f.verdict === "violation" ? (f.urn ?? urn) : undefined;
        return { policy, urn: at, name: at !== undefined ? nameOf(at) : undefined, f };
    });
    const { outcomes } = applyWaivers(candidates, waivers, isoDay());
    const kept: Finding[] = [];
    for (const o of outcomes) {
        if (o.kind === "waived" && o.finding.urn !== undefined) {
            ledger.matched.add(key(o.waiver));
            ledger.waived.push({ waiver: o.waiver, urn: o.finding.urn, name: o.finding.name, message: o.finding.f.message });
        } else {
            if (o.kind === "counted" && o.expired !== undefined) {
                ledger.matched.add(key(o.expired));
            }
            kept.push(o.finding.f);
        }
    }
    return kept;
}

/**
 * What `policy-waivers` reports, then a fresh ledger: the waived findings, the expired waivers, the
 * unexpired waivers that matched nothing. `urnOf`: a waiver's resource (URN or name) -> its URN.
 */
export function drainLedger(urnOf: (resource: string) => string | undefined, today: string = isoDay()): Finding[] {
    const done = ledger;
    ledger = fresh();
    const all = [...done.seen.values()].flat();
    return [
        ...done.waived.map((e): Finding => ({
            verdict: "violation",
            message: `waived: ${e.waiver.policy} on ${e.name ?? e.urn}: ${e.message} (${waiverEvidence(e.waiver)})`,
            urn: e.urn,
        })),
        ...all
            .filter((w) => isExpired(w, today))
            .map((w): Finding => ({ verdict: "violation", message: reviewMessage(w, "expired", today), urn: urnOf(w.resource) })),
        ...all
            .filter((w) => !isExpired(w, today) && !done.matched.has(key(w)))
            .map((w): Finding => ({ verdict: "violation", message: reviewMessage(w, "unmatched", today), urn: urnOf(w.resource) })),
    ];
}
