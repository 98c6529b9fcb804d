/**
 * A resource's effective tags: the provider's `defaultTags.tags` overlaid with the resource's own
 * `tags` (and `tagsAll` when the engine sends outputs), as AWS applies them.
 */
import { ResourceView } from "./check";
import { providerObject } from "./provider";
import { isUnknown, obj, UNKNOWN } from "./unknown";

/** Tag key -> value; a value may be `UNKNOWN` (the key is still known to be present). */
export type Tags = Readonly<Record<string, string | typeof UNKNOWN>>;

function tagMap(v: Record<string, unknown>): Record<string, string | typeof UNKNOWN> {
    const out: Record<string, string | typeof UNKNOWN> = {};
    for (const [k, x] of Object.entries(v)) {
        if (isUnknown(x)) {
            out[k] = UNKNOWN;
        } else if (typeof x === "string") {
            out[k] = x;
        }
    }
    return out;
}

/**
 * Merged tags, or `UNKNOWN` when a whole tag map (the resource's, or the provider's default tags) is
 * unknown, since then no key can be shown present or absent.
 */
export function mergedTags(r: ResourceView): Tags | typeof UNKNOWN {
    const defaults = providerObject(r.provider, "defaultTags");
    if (defaults === UNKNOWN) {
        return UNKNOWN;
    }
    const defaultTags = obj(defaults?.tags);
    const own = obj(r.props.tags);
    const all = obj(r.props.tagsAll);
    if (defaultTags === UNKNOWN || own === UNKNOWN) {
        return UNKNOWN;
    }
    return {
        ...(defaultTags !== undefined ? tagMap(defaultTags) : {}),
        ...(all !== undefined && all !== UNKNOWN ? tagMap(all) : {}),
        ...(own !== undefined ? tagMap(own) : {}),
    };
}

/** Required keys missing from `tags` (an unknown value counts as present: the key is known). */
export function missingTags(tags: Tags, required: readonly string[]): string[] {
    return required.filter((k) => !(k in tags) || tags[k] === "");
}
