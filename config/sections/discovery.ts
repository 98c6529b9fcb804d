/**
 * Config section for sensitive-data discovery with Amazon Macie (`macie`): schema (strict zod), the
 * settings it resolves to, and its cross-field rules. Off in every environment unless asked. Macie's
 * enablement is an account singleton (one per account and region): the stack assumes it is enabled
 * unless `macie.enableAccount` asks the stack to enable it. Wired into `configSchema`, `Settings` and
 * `resolveSettings` by one line each.
 */
import { z } from "zod";
import { keysNotApplying, Problem } from "../problems";

/** How often the classification job runs (Macie's `scheduleFrequency`; each run analyses objects new since the last). */
export const MACIE_FREQUENCIES = ["daily", "weekly", "monthly"] as const;
export type MacieFrequency = (typeof MACIE_FREQUENCIES)[number];

/** How often Macie publishes updates of policy findings (`findingPublishingFrequency`). */
export const MACIE_PUBLISHING_FREQUENCIES = ["FIFTEEN_MINUTES", "ONE_HOUR", "SIX_HOURS"] as const;
export type MaciePublishingFrequency = (typeof MACIE_PUBLISHING_FREQUENCIES)[number];

export const macieSchema = z.strictObject({
    /** A scheduled Macie sensitive-data discovery job on the data bucket, findings to the alert topic. Billed per GB inspected. */
    enabled: z.boolean().optional(),
    /** Enable Macie in the account and region from this stack (an account singleton); off: it must already be enabled. */
    enableAccount: z.boolean().optional(),
    /** How often the job runs. */
    frequency: z.enum(MACIE_FREQUENCIES).optional(),
    /** Percentage of eligible objects each run analyses (chosen at random below 100). */
    samplingPercentage: z.int().min(1).max(100).optional(),
    /** With enableAccount: how often updates of policy findings are published. */
    findingPublishingFrequency: z.enum(MACIE_PUBLISHING_FREQUENCIES).optional(),
});

export const discoveryConfigShape = { macie: macieSchema.optional() };
export type RawDiscoveryConfig = z.infer<z.ZodObject<typeof discoveryConfigShape>>;

export interface MacieSettings {
    readonly enabled: boolean;
    readonly enableAccount: boolean;
    readonly frequency: MacieFrequency;
    readonly samplingPercentage: number;
    readonly findingPublishingFrequency: MaciePublishingFrequency;
}

/** The same in dev and prod: off unless asked (the issue: "Macie ... off unless asked"). */
export const MACIE_DEFAULTS: MacieSettings = {
    enabled: false,
    enableAccount: false,
    frequency: "weekly",
    samplingPercentage: 100,
    findingPublishingFrequency: "FIFTEEN_MINUTES",
};

export function resolveMacie(raw: RawDiscoveryConfig, d: MacieSettings = MACIE_DEFAULTS): MacieSettings {
    const m = raw.macie;
    return {
        enabled: m?.enabled ?? d.enabled,
        enableAccount: m?.enableAccount ?? d.enableAccount,
        frequency: m?.frequency ?? d.frequency,
        samplingPercentage: m?.samplingPercentage ?? d.samplingPercentage,
        findingPublishingFrequency: m?.findingPublishingFrequency ?? d.findingPublishingFrequency,
    };
}

export function discoveryProblems(raw: RawDiscoveryConfig, m: MacieSettings): Problem[] {
    if (!m.enabled) {
        return keysNotApplying(
            "macie",
            raw.macie,
            ["enableAccount", "frequency", "samplingPercentage", "findingPublishingFrequency"],
            "enabled",
        );
    }
    return m.enableAccount ? [] : keysNotApplying("macie", raw.macie, ["findingPublishingFrequency"], "enableAccount");
}
