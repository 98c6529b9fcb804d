/**
 * Reading an aws provider's inputs. The aws Provider JSON-encodes its object inputs (`defaultTags`,
 * `assumeRole`, ...) on the wire, so they arrive as strings and are parsed here; plain objects are
 * accepted too. Unknown stays `UNKNOWN`.
 */
import { ProviderView } from "./check";
import { isUnknown, str, UNKNOWN } from "./unknown";

/** A provider input that may be a JSON-encoded object: the object, `UNKNOWN`, or `undefined`. */
export function providerObject(provider: ProviderView | undefined, key: string): Record<string, unknown> | typeof UNKNOWN | undefined {
    const v = provider?.props[key];
    if (v === undefined || v === null) {
        return undefined;
    }
    if (isUnknown(v)) {
        return UNKNOWN;
    }
    if (typeof v === "string") {
        try {
            const parsed = JSON.parse(v) as unknown;
            return parsed !== null && typeof parsed === "object" && !Array.isArray(parsed)
                ? (parsed as Record<string, unknown>)
                : undefined;
        } catch {
            return undefined;
        }
    }
    return typeof v === "object" && !Array.isArray(v) ? (v as Record<string, unknown>) : undefined;
}

/** The provider's `region` input: a string, `UNKNOWN`, or `undefined` (no provider, or none set). */
export function providerRegion(provider: ProviderView | undefined): string | typeof UNKNOWN | undefined {
    return str(provider?.props.region);
}
