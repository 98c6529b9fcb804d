/** The README's configuration table documents every key the schema accepts, and nothing else. */
import * as assert from "node:assert/strict";
import * as fs from "fs";
import * as path from "path";
import { z } from "zod";
import { configSchema } from "../../config/schema";

/** Dotted paths of the schema's keys: objects are expanded, records and arrays are leaves. */
function keyPaths(schema: z.ZodType, prefix: string): string[] {
    const inner = schema instanceof z.ZodOptional || schema instanceof z.ZodDefault ? (schema.unwrap() as z.ZodType) : schema;
    if (inner instanceof z.ZodObject && prefix !== "") {
        return Object.entries(inner.shape as Record<string, z.ZodType>).flatMap(([k, v]) => keyPaths(v, `${prefix}.${k}`));
    }
    if (inner instanceof z.ZodObject) {
        return Object.entries(inner.shape as Record<string, z.ZodType>).flatMap(([k, v]) => keyPaths(v, k));
    }
    return [prefix];
}

/** First-column keys of the table under "## Configuration". */
function documentedKeys(readme: string): string[] {
    const section = readme.split(/^## Configuration$/m)[1]?.split(/^## /m)[0] ?? "";
    return [...section.matchAll(/^\| `([^`]+)`\s*\|/gm)].map((m) => m[1]).filter((k) => !k.includes(":"));
}

describe("README configuration reference", () => {
    const readme = fs.readFileSync(path.resolve(__dirname, "../../README.md"), "utf8");
    const documented = documentedKeys(readme);
    const accepted = keyPaths(configSchema, "");

    it("documents every accepted key", () => {
        assert.deepEqual(
            accepted.filter((k) => !documented.includes(k) && !documented.some((d) => k.startsWith(`${d}.`))),
            [],
        );
    });

    it("documents no key the schema rejects", () => {
        assert.deepEqual(
            documented.filter((d) => !accepted.some((k) => k === d || k.startsWith(`${d}.`))),
            [],
        );
    });
});
