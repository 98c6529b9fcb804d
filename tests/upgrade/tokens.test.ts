/**
 * The type token moved to module `index` (Pulumi's multi-language packages refuse any other module):
 * a SecureBucket registered under `firehose-storage:index:SecureBucket` still answers to the URNs
 * its resources had under `firehose-storage:storage:SecureBucket`, nested log bucket included, so a
 * stack made before the move replaces nothing.
 */
import * as assert from "node:assert/strict";
import { SECURE_BUCKET_OLD_TYPES, SECURE_BUCKET_TYPE, SecureBucket } from "../../components/storage/secureBucket";
import { runProgram } from "../../gate/runProgram";
import { one } from "../helpers/resources";
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
