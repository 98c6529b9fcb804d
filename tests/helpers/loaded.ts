/** Values a `describe` block loads once, before its tests, and its tests read. */
import * as assert from "node:assert/strict";

/**
 * For the tests of the calling `describe`: what `load` gives, awaited in a `before` hook of that
 * block (given `timeoutMs` when set, else mocha's). Returns its getter (call it inside a test; before
 * the hook has run it fails, naming `what`).
 */
export function loadedBefore<T>(what: string, load: () => Promise<T>, timeoutMs?: number): () => T {
    let loaded: { readonly value: T } | undefined;
    before(async function () {
        if (timeoutMs !== undefined) {
            this.timeout(timeoutMs);
        }
        loaded = { value: await load() };
    });
    return () => {
        assert.ok(loaded !== undefined, `${what} is read inside a test, after the before() hook loads it`);
        return loaded.value;
    };
}
