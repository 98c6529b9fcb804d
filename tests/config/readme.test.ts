/** The README's reference tables: every config key the schema accepts and every output the program returns, and nothing else. */
import * as assert from "node:assert/strict";
import * as fs from "fs";
import * as path from "path";
import { z } from "zod";
import { configSchema } from "../../config/schema";
import { shippedRun } from "../helpers/shipped";

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

/** First-column names of the table under "## Outputs". */
function documentedOutputs(readme: string): string[] {
    const section = readme.split(/^## Outputs$/m)[1]?.split(/^## /m)[0] ?? "";
    return [...section.matchAll(/^\| `([^`]+)`\s*\|/gm)].map((m) => m[1]);
}

describe("README outputs reference", function () {
    this.timeout(300_000);

    it("lists exactly the outputs the program returns (dev and prod)", async () => {
        const readme = fs.readFileSync(path.resolve(__dirname, "../../README.md"), "utf8");
        const returned = new Set<string>();
        for (const stack of ["dev", "prod"] as const) {
            Object.keys((await shippedRun(stack, "update")).outputs).forEach((k) => returned.add(k));
        }
        assert.deepEqual([...documentedOutputs(readme)].sort(), [...returned].sort());
    });
});
