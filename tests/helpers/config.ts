/** The config layer as the tests call it: a dev stack's required keys plus the values under test. */
import * as assert from "node:assert/strict";
import { ConfigError, resolveSettings, Settings } from "../../config";

const base = { environment: "dev", owner: "data-platform", costCenter: "CC-1" };

/** Settings of a stack with the required keys (dev unless `values` says) and `values`. */
export function resolve(values: Record<string, unknown>): Settings {
    return resolveSettings({ project: "firehose-storage", stack: "test", values: { ...base, ...values }, region: "us-east-1" });
}

/** The problem lines of a rejected config. */
export function problems(values: Record<string, unknown>): string[] {
    try {
        resolve(values);
    } catch (e) {
        assert.ok(e instanceof ConfigError, `expected ConfigError, got ${String(e)}`);
        return e.message
            .split("\n")
            .slice(1)
            .map((l) => l.replace(/^\s*- /, ""));
    }
    assert.fail("config was accepted");
}
