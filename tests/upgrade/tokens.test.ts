/**
 * The type tokens moved to module `index` (Pulumi's multi-language packages refuse any other module):
 * a SecureBucket registered under `firehose-storage:index:SecureBucket` still answers to the URNs
 * its resources had under `firehose-storage:storage:SecureBucket`, nested log bucket included, and
 * every other component likewise under its 0.1.0 token, so a stack made before the move replaces
 * nothing.
 */
import * as assert from "node:assert/strict";
import { ComponentProvider } from "@pulumi/pulumi/provider/experimental";
import { SECURE_BUCKET_OLD_TYPES, SECURE_BUCKET_TYPE, SecureBucket } from "../../components/storage/secureBucket";
import { IndexedComponent, OLD_TYPE_TOKENS, typeToken } from "../../components/typeTokens";
import { runProgram } from "../../gate/runProgram";
import { one, ofType } from "../helpers/resources";
import { shippedRun } from "../helpers/shipped";
import { answeringUrns } from "./urnHistory";

const OLD = "firehose-storage:storage:SecureBucket";
const PREFIX = "urn:pulumi:t::p::";

describe("upgrade safety: SecureBucket's old type token", () => {
    it("registers under the index token with an alias to the old one", async () => {
        assert.equal(SECURE_BUCKET_TYPE, "firehose-storage:index:SecureBucket");
        assert.deepEqual(SECURE_BUCKET_OLD_TYPES, [OLD]);
        const { resources } = await runProgram({
            project: "p",
            stack: "t",
            config: { "aws:region": "us-east-1" },
            preview: false,
            program: () => {
                new SecureBucket("b", {});
                return {};
            },
        });
        const component = one(resources, SECURE_BUCKET_TYPE, "b");
        assert.ok(component.urn.endsWith(`${SECURE_BUCKET_TYPE}::b`), component.urn);
        const [alias, ...more] = component.aliases as { spec?: { type?: string; name?: string } }[];
        assert.deepEqual([alias.spec?.type, alias.spec?.name, more.length], [OLD, "", 0], "one alias: the old type, same name");

        const answers = answeringUrns(resources);
        // Every resource of the component answers to the URN the old token gave it.
        // (URNs as the mock monitor writes them, as the recorded ones in tests/fixtures/urns are.)
        const old = (urn: string): string => urn.split(SECURE_BUCKET_TYPE).join(OLD);
        const below = resources.filter((r) => r.urn.includes(SECURE_BUCKET_TYPE));
        assert.equal(below.length, 17, "the component, its 7 children and the logging, the log-bucket component and its 7");
        for (const r of below) {
            assert.ok(answers.get(r.urn)?.has(old(r.urn)), `${r.urn} must answer to ${old(r.urn)}`);
        }
        // Spelled out for the ones that hold data and logs.
        const bucket = one(resources, "aws:s3/bucket:Bucket", "b");
        assert.ok(answers.get(bucket.urn)?.has(`${PREFIX}${OLD}$aws:s3/bucket:Bucket::b`));
        const logBucket = one(resources, "aws:s3/bucket:Bucket", "b-access-logs");
        assert.ok(answers.get(logBucket.urn)?.has(`${PREFIX}${OLD}$aws:s3/bucket:Bucket::b-access-logs`));
        const logComponent = one(resources, SECURE_BUCKET_TYPE, "b-access-logs");
        assert.ok(answers.get(logComponent.urn)?.has(`${PREFIX}${OLD}$${OLD}::b-access-logs`));
    });
});

describe("upgrade safety: every component's old type token", () => {
    const names = Object.keys(OLD_TYPE_TOKENS) as IndexedComponent[];

    it("each component has an index token Pulumi accepts and one 0.1.0 token it refuses", () => {
        assert.deepEqual(names, [
            "SecureBucket",
            "WriterAccess",
            "ReaderAccess",
            "Replication",
            "AlertTopic",
            "StorageAlarms",
            "ObjectNotifications",
            "DetectiveAlerts",
            "AuditTrail",
            "CostControls",
        ]);
        for (const n of names) {
            assert.equal(typeToken(n), `firehose-storage:index:${n}`);
            assert.doesNotThrow(() => ComponentProvider.validateResourceType("firehose-storage", typeToken(n)));
            assert.equal(OLD_TYPE_TOKENS[n].length, 1, n);
            assert.throws(() => ComponentProvider.validateResourceType("firehose-storage", OLD_TYPE_TOKENS[n][0]), /Invalid module/, n);
        }
    });

    for (const stack of ["dev", "prod"] as const) {
        it(`shipped ${stack} stack: each component carries one alias, its old token, and everything below it answers to the old URNs`, async () => {
            const { resources } = await shippedRun(stack, "update");
            const answers = answeringUrns(resources);
            const seen: string[] = [];
            for (const n of names) {
                const components = ofType(resources, typeToken(n));
                if (components.length > 0) {
                    seen.push(n);
                }
                for (const c of components) {
                    const aliases = c.aliases as { spec?: { type?: string; name?: string } }[];
                    assert.deepEqual(
                        aliases.map((a) => [a.spec?.type, a.spec?.name]),
                        [[OLD_TYPE_TOKENS[n][0], ""]],
                        `${c.urn}: one alias, the old type, same name`,
                    );
                }
                // Every resource whose URN names the new token answers to the URN the old token gave it.
                for (const r of resources.filter((x) => x.urn.includes(`${typeToken(n)}$`) || x.type === typeToken(n))) {
                    const old = r.urn.split(typeToken(n)).join(OLD_TYPE_TOKENS[n][0]);
                    assert.ok(answers.get(r.urn)?.has(old), `${r.urn} must answer to ${old}`);
                }
            }
            // Every 0.1.0 token at once (nested components: the trail's and the cost controls' buckets).
            for (const r of resources) {
                const old = names.reduce((u, n) => u.split(typeToken(n)).join(OLD_TYPE_TOKENS[n][0]), r.urn);
                assert.ok(answers.get(r.urn)?.has(old), `${r.urn} must answer to ${old}`);
            }
            assert.deepEqual(seen, stack === "prod" ? names : names.filter((n) => n !== "Replication"));
        });
    }
});
