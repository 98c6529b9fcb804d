/** Resource policy for the tags every cost-allocated, owned resource carries. */
import { label, resourcePolicy, unverified, violation } from "../lib/check";
import { mergedTags, missingTags } from "../lib/tags";
import { TAGGABLE_TYPES } from "../lib/types";
import { UNKNOWN } from "../lib/unknown";
import { REQUIRED_TAGS } from "../../rules/tags";

export interface RequiredTagsConfig {
    /** Tag keys every taggable resource must carry (provider default tags count). */
    readonly requiredTags: readonly string[];
}

/**
 * Checks whether a taggable resource carries every required tag, its provider's `defaultTags`
 * included. Taggable: the types in lib/types.ts `TAGGABLE_TYPES`, or any AWS resource with `tags`.
 */
export const requiredTags = resourcePolicy<RequiredTagsConfig>(
    {
        name: "required-tags",
        description: "Checks whether a taggable AWS resource carries the required tags (provider default tags included).",
        severity: "low",
        securityHub: [],
        cis: [],
        topics: ["tagging", "cost"],
        remediation: "Set the missing tags on the resource or in the provider's defaultTags.",
        docUrl: "https://docs.aws.amazon.com/tag-editor/latest/userguide/best-practices-and-strats.html",
        configSchema: {
            properties: {
                requiredTags: {
                    type: "array",
                    items: { type: "string", minLength: 1 },
                    minItems: 1,
                    uniqueItems: true,
                    description: "Tag keys that must be present.",
                },
            },
        },
    },
    {
        types: "any",
        defaults: { requiredTags: REQUIRED_TAGS },
        check: (r, config) => {
            if (!TAGGABLE_TYPES.has(r.type) && !(r.type.startsWith("aws:") && "tags" in r.props)) {
                return [];
            }
            const tags = mergedTags(r);
            if (tags === UNKNOWN) {
                return [unverified(`the tags of ${label(r)} (or its provider's defaultTags) are unknown`)];
            }
            const missing = missingTags(tags, config.requiredTags);
            return missing.length > 0
                ? [
                      violation(
                          `${label(r)} is missing tags ${missing.join(", ")}: set them on the resource or in the provider's defaultTags.`,
                      ),
                  ]
                : [];
        },
    },
);
