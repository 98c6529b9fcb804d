/**
 * A stack's policy-pack config (the `--policy-pack-config` format), generated from its environment's
 * profile and the stack's own `allowedRegions` and required tags (pure). The shipped
 * policy-pack/config/<env>.json files are this function's output for the default regions
 * (tests/config/profiles.test.ts checks it; `npm run pack-config` rewrites them). The profile's waivers
 * go under their policies' entries (`"<policy>": {"enforcementLevel", ..., "waivers": [...]}`).
 */
import { REQUIRED_TAGS } from "../rules/tags";
import { waiverProblems, waiversByPolicy } from "../rules/waivers";
import type { PolicyConfigEntry, PolicyPackConfig } from "../gate/policyConfig";
import { enforcementOf, PROFILES, StackProfile } from "./profiles";
import type { Environment } from "./schema";

/** What a stack adds to its profile's pack config. */
export interface StackPolicyInputs {
    readonly allowedRegions: readonly string[];
    /** @default REQUIRED_TAGS */
    readonly requiredTags?: readonly string[];
}

/** The pack config of a stack with `profile` (each requirement turned into the knob that enforces it). */
export function packConfigOf(profile: StackProfile, stack: StackPolicyInputs): PolicyPackConfig {
    const r = profile.requires;
    const knobs: Readonly<Record<string, Readonly<Record<string, unknown>>>> = {
        "allowed-regions": { allowedRegions: [...stack.allowedRegions] },
        "required-tags": { requiredTags: [...(stack.requiredTags ?? REQUIRED_TAGS)] },
        "s3-lifecycle-rules": { maxAbortDays: r.maxAbortDays },
        "s3-bucket-encryption": { requireBucketKeyForKms: r.bucketKeyForKms },
        "s3-data-bucket-encryption": { requireKms: r.encryptionMode === "sse-kms" },
        "s3-data-bucket-replication": { requireReplication: r.replication },
        "budget-required": { requireBudget: r.budget },
        "s3-data-bucket-malware-scan": { requireMalwareScan: r.malwareScan },
        "s3-data-bucket-config-rules": { requireConfigRules: r.configRules },
    };
    const level = (policy: string) => enforcementOf(profile, policy);
    const config: Record<string, PolicyConfigEntry> = { all: profile.pack.all };
    for (const policy of Object.keys(profile.pack.levels)) {
        config[policy] = level(policy);
    }
    for (const [policy, properties] of Object.entries(knobs)) {
        config[policy] = { enforcementLevel: level(policy), ...properties };
    }
    const problems = waiverProblems(profile.pack.waivers ?? [], "pack.waivers", { flat: true });
    if (problems.length > 0) {
        throw new Error(`invalid waivers in the stack profile (${problems.length}): ${problems.join("; ")}`);
    }
    for (const [policy, waivers] of waiversByPolicy(profile.pack.waivers ?? [])) {
        const entry = config[policy];
        config[policy] = { ...(typeof entry === "object" ? entry : { enforcementLevel: level(policy) }), waivers };
    }
    return config;
}

/** The pack config of a stack's settings: its environment's profile, its regions, the required tags. */
export function stackPackConfig(s: { readonly environment: Environment; readonly allowedRegions: readonly string[] }): PolicyPackConfig {
    return packConfigOf(PROFILES[s.environment], { allowedRegions: s.allowedRegions });
}
