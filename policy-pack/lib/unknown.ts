/**
 * Unknown preview values, read without tripping the SDK.
 *
 * The SDK hands policies their properties wrapped in a proxy that throws on reading an unknown
 * value, and turns that throw into an *advisory* "can't run policy during preview": a mandatory
 * policy would silently stop blocking. Policies here therefore read the raw values (`raw`) and
 * decide explicitly what an unknown means (`Finding` "unverified", see lib/check.ts).
 */

/** The sentinels the engine and SDK use for unknown values of each kind. */
const UNKNOWN_SENTINELS: ReadonlySet<string> = new Set([
    "04da6b54-80e4-46f7-96ec-b56ff0331ba9", // string (also what the engine sends for any unknown)
    "1c4a061d-8072-4f0a-a4cb-0ff528b18fe7", // boolean
    "3eeb2bf0-c639-47a8-9e75-3b44932eb421", // number
    "6a19a0b0-7e62-4c92-b797-7f8e31da9cc2", // array
    "030794c1-ac77-496b-92df-f27374a8bd58", // asset
    "e48ece36-62e2-4504-bad9-02848725956a", // archive
    "dd056dcd-154b-4c76-9bd3-c8f88648b5ff", // object
]);

/** Marker type: a value that is unknown until the resource it comes from is created. */
export const UNKNOWN = Symbol("unknown");

/** True when `v` itself is an unknown sentinel. */
export function isUnknown(v: unknown): boolean {
    return typeof v === "string" && UNKNOWN_SENTINELS.has(v);
}

/**
 * The plain object behind the SDK's proxies (its documented-internal escape hatch
 * `__getSpecialProxyTarget`): the unknown-checking proxy, and in `Remediate` also the
 * secrets-preserving one under it (secrets then stay `Secret` objects, which the SDK serializes back
 * as secrets). Plain objects are returned as they are. Nested values of the target are plain too:
 * the proxies wrap lazily, on access.
 */
export function raw(props: unknown): Record<string, unknown> {
    let p = props as Record<string, unknown> | null;
    // Reading these two keys never throws: the proxies answer them before looking at any value.
    while (p !== null && typeof p === "object" && p.__isSpecialProxy === true) {
        p = p.__getSpecialProxyTarget as Record<string, unknown>;
    }
    return p === null || typeof p !== "object" ? {} : p;
}

/** A known string, `UNKNOWN`, or `undefined` when absent or not a string. */
export function str(v: unknown): string | typeof UNKNOWN | undefined {
    if (isUnknown(v)) {
        return UNKNOWN;
    }
    return typeof v === "string" ? v : undefined;
}

/** A known boolean (also from the strings "true"/"false" providers use), `UNKNOWN`, or `undefined`. */
export function bool(v: unknown): boolean | typeof UNKNOWN | undefined {
    if (isUnknown(v)) {
        return UNKNOWN;
    }
    if (typeof v === "boolean") {
        return v;
    }
    return v === "true" ? true : v === "false" ? false : undefined;
}

/** A known number, `UNKNOWN`, or `undefined`. */
export function num(v: unknown): number | typeof UNKNOWN | undefined {
    if (isUnknown(v)) {
        return UNKNOWN;
    }
    return typeof v === "number" ? v : undefined;
}

/** A known array, `UNKNOWN`, or `[]` when absent. */
export function arr(v: unknown): readonly unknown[] | typeof UNKNOWN {
    if (isUnknown(v)) {
        return UNKNOWN;
    }
    return Array.isArray(v) ? (v as unknown[]) : [];
}

/** A known plain object, `UNKNOWN`, or `undefined`. */
export function obj(v: unknown): Record<string, unknown> | typeof UNKNOWN | undefined {
    if (isUnknown(v)) {
        return UNKNOWN;
    }
    return v !== null && typeof v === "object" && !Array.isArray(v) ? (v as Record<string, unknown>) : undefined;
}
