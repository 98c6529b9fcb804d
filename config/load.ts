/** Reading the engine's flat config map (`project:key` -> string) into `ConfigInput`. */
import { ConfigInput } from "./resolve";
import { STRING_KEYS } from "./schema";

/** Decodes one value as the Pulumi SDK does for `getObject`/`getNumber`/`getBoolean`; strings stay strings. */
function decode(key: string, raw: string): unknown {
    if (STRING_KEYS.has(key)) {
        return raw;
    }
    try {
        return JSON.parse(raw) as unknown;
    } catch {
        return raw;
    }
}

/** Picks the project's keys and `aws:region` out of the engine's config map. */
export function configInputFrom(all: Readonly<Record<string, string>>, project: string, stack: string): ConfigInput {
    const prefix = `${project}:`;
    const values: Record<string, unknown> = {};
    for (const [fullKey, raw] of Object.entries(all)) {
        if (fullKey.startsWith(prefix)) {
            const key = fullKey.slice(prefix.length);
            values[key] = decode(key, raw);
        }
    }
    return { project, stack, values, region: all["aws:region"] };
}
