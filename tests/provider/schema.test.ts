/**
 * The multi-language package (provider/): the schema Pulumi infers from its sources, computed
 * in-process by the SDK's own `ComponentProvider.getSchema` with the components found as the
 * plugin host finds them (`getPulumiComponents` over the module's exports).
 */
import * as assert from "node:assert/strict";
import * as fs from "fs";
import * as path from "path";
import { parse } from "yaml";
import { ComponentProvider } from "@pulumi/pulumi/provider/experimental";
import { REPLICA_STORAGE_CLASSES } from "../../components/access/replicationArgs";
import { WRITER_MODES } from "../../components/access/writerAccess";
import { KEY_LAYOUTS } from "../../components/storage/layout";
import { SECURE_BUCKET_OLD_TYPES, SECURE_BUCKET_TYPE } from "../../components/storage/secureBucket";
import { OLD_TYPE_TOKENS } from "../../components/typeTokens";
import { BUCKET_ROLES } from "../../rules/buckets";
import { ENCRYPTION_MODES, sseAlgorithmOf } from "../../rules/encryption";
import { OBJECT_LOCK_MODES } from "../../rules/objectLock";
import { TRANSITION_STORAGE_CLASSES } from "../../rules/storageClasses";
import { EXPECTED_RESOURCES, EXPECTED_TYPES, Property, shapeOf } from "./expectedSchema";
import { components, provider, PROVIDER_DIR as DIR } from "./packageProvider";

const ROOT_VERSION = (JSON.parse(fs.readFileSync(path.join(DIR, "..", "package.json"), "utf8")) as { version: string }).version;

interface Schema {
    readonly name: string;
    readonly version: string;
    readonly resources: Record<
        string,
        {
            isComponent: boolean;
            inputProperties: Record<string, Property>;
            properties: Record<string, Property>;
            required: string[];
            requiredInputs: string[];
        }
    >;
    readonly types: Record<
        string,
        { type: string; enum?: { value: string }[]; properties?: Record<string, Property>; required?: string[] }
    >;
}

/** A property is typed: a primitive, an array or map of typed items, or a reference to a declared type. */
function typed(p: Property, schema: Schema): boolean {
    if (p.$ref !== undefined) {
        return p.$ref.startsWith("#/types/") && schema.types[p.$ref.slice("#/types/".length)] !== undefined;
    }
    if (p.type === "array") {
        return p.items !== undefined && typed(p.items, schema);
    }
    if (p.type === "object") {
        return p.additionalProperties !== undefined && typed(p.additionalProperties, schema);
    }
    return ["string", "number", "integer", "boolean"].includes(p.type ?? "");
}

/** Each property in the notation of expectedSchema.ts. */
function shapes(props: Record<string, Property>): Record<string, string> {
    return Object.fromEntries(Object.entries(props).map(([k, p]) => [k, shapeOf(p)]));
}

/** The package's tokens of the names `expected` lists, sorted. */
function tokensOf(expected: Record<string, unknown>): string[] {
    return Object.keys(expected)
        .map((n) => `firehose-storage:index:${n}`)
        .sort();
}

/** The same names, in any order (the schema's required lists are unordered). */
function assertSameMembers(actual: readonly string[], expected: readonly string[], message: string): void {
    assert.deepEqual([...actual].sort(), [...expected].sort(), message);
}

describe("multi-language package: the inferred schema", function () {
    this.timeout(240_000);
    let schema: Schema;

    before(async () => {
        schema = JSON.parse(await provider.getSchema()) as Schema;
    });

    it("PulumiPlugin.yaml says nodejs; the package is firehose-storage at the library's version", () => {
        assert.equal(fs.readFileSync(path.join(DIR, "PulumiPlugin.yaml"), "utf8").match(/^runtime: (\S+)$/m)?.[1], "nodejs");
        assert.deepEqual([schema.name, schema.version], ["firehose-storage", ROOT_VERSION]);
    });

    it("every exported component appears, under an index token, with typed inputs and outputs", () => {
        // Every component of the library's token table, none left out.
        assert.deepEqual(components.map((c) => c.name).sort(), Object.keys(OLD_TYPE_TOKENS).sort());
        assert.deepEqual(Object.keys(schema.resources).sort(), components.map((c) => `firehose-storage:index:${c.name}`).sort());
        for (const [token, r] of Object.entries(schema.resources)) {
            assert.doesNotThrow(() => ComponentProvider.validateResourceType("firehose-storage", token));
            assert.equal(r.isComponent, true);
            assert.ok(Object.keys(r.inputProperties).length > 0 && Object.keys(r.properties).length > 0, token);
            for (const [k, p] of [...Object.entries(r.inputProperties), ...Object.entries(r.properties)]) {
                assert.ok(typed(p, schema), `${token} ${k}: ${JSON.stringify(p)}`);
            }
        }
        for (const [token, t] of Object.entries(schema.types)) {
            for (const [k, p] of Object.entries(t.properties ?? {})) {
                assert.ok(typed(p, schema), `${token}.${k}: ${JSON.stringify(p)}`);
            }
        }
    });

    it("SecureBucket: its token is the library's, the old token is one Pulumi refuses (hence the alias)", () => {
        assert.ok(schema.resources[SECURE_BUCKET_TYPE] !== undefined);
        assert.throws(
            () => ComponentProvider.validateResourceType("firehose-storage", SECURE_BUCKET_OLD_TYPES[0]),
            /Invalid module 'storage'/,
        );
    });

    it("every component: exactly these inputs and outputs, with their types, plainness and required lists", () => {
        assert.deepEqual(Object.keys(schema.resources).sort(), tokensOf(EXPECTED_RESOURCES));
        for (const [name, expected] of Object.entries(EXPECTED_RESOURCES)) {
            const r = schema.resources[`firehose-storage:index:${name}`];
            assert.deepEqual(shapes(r.inputProperties), expected.inputs, `${name} inputs`);
            assertSameMembers(r.requiredInputs, expected.requiredInputs, `${name} required inputs`);
            assert.deepEqual(shapes(r.properties), expected.outputs, `${name} outputs`);
            assertSameMembers(r.required, expected.required, `${name} required outputs`);
        }
    });

    it("every named type: exactly these properties (or enum values) and required lists", () => {
        assert.deepEqual(Object.keys(schema.types).sort(), tokensOf(EXPECTED_TYPES));
        for (const [name, expected] of Object.entries(EXPECTED_TYPES)) {
            const t = schema.types[`firehose-storage:index:${name}`];
            if ("enum" in expected) {
                assert.deepEqual([t.type, (t.enum ?? []).map((e) => e.value)], ["string", expected.enum], name);
            } else {
                assert.deepEqual(shapes(t.properties ?? {}), expected.properties, name);
                assertSameMembers(t.required ?? [], expected.required, `${name} required`);
            }
        }
    });

    it("the README's Pulumi YAML program uses only served components, with their inputs, required ones given, enum values allowed", () => {
        const readme = fs.readFileSync(path.join(DIR, "..", "README.md"), "utf8");
        const section = readme.slice(readme.indexOf("## Using it from any Pulumi language"));
        const program = parse(section.match(/```yaml\n([\s\S]*?)```/)?.[1] ?? "") as {
            resources: Record<string, { type: string; properties: Record<string, unknown> }>;
        };
        const used = Object.values(program.resources).map((r) => r.type);
        assert.deepEqual(used, ["firehose-storage:index:SecureBucket", "firehose-storage:index:WriterAccess"]);
        for (const [name, r] of Object.entries(program.resources)) {
            const served = schema.resources[r.type];
            for (const [key, value] of Object.entries(r.properties)) {
                const p = served.inputProperties[key];
                assert.ok(p !== undefined, `${name}.${key} is not an input of ${r.type}`);
                const values = p.$ref === undefined ? undefined : schema.types[p.$ref.slice("#/types/".length)].enum;
                if (values !== undefined && typeof value === "string" && !value.startsWith("${")) {
                    assert.ok(
                        values.some((e) => e.value === value),
                        `${name}.${key}: ${value}`,
                    );
                }
            }
            for (const key of served.requiredInputs) {
                assert.ok(key in r.properties, `${name} lacks required input ${key}`);
            }
        }
    });

    it("enums hold the library's own lists (one rule, one place)", () => {
        const values = (name: string): string[] => (schema.types[`firehose-storage:index:${name}`].enum ?? []).map((e) => e.value);
        assert.deepEqual(
            values("BucketRole"),
            BUCKET_ROLES.filter((x) => x !== "access-logs"),
        );
        assert.deepEqual(values("EncryptionMode"), [...ENCRYPTION_MODES]);
        assert.deepEqual(values("SseAlgorithm"), ENCRYPTION_MODES.map(sseAlgorithmOf));
        assert.deepEqual(values("StorageClass"), [...TRANSITION_STORAGE_CLASSES]);
        assert.deepEqual(values("ReplicaStorageClass"), [...REPLICA_STORAGE_CLASSES]);
        assert.deepEqual(values("ObjectLockMode"), [...OBJECT_LOCK_MODES]);
        assert.deepEqual(values("WriterMode"), [...WRITER_MODES]);
        assert.deepEqual(values("KeyLayout"), [...KEY_LAYOUTS]);
    });
});
