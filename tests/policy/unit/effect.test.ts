/** lib/effect.ts and lib/inline.ts: a control counts only where it is in effect for the whole bucket; inline inputs read as separate resources. */
import * as assert from "node:assert/strict";
import {
    encryptionEffect,
    lifecycleEffect,
    objectLockEffect,
    replicationEffect,
    versioningEffect,
    wholeBucket,
} from "../../../policy-pack/lib/effect";
import { inlineSettings } from "../../../policy-pack/lib/inline";
import { UNKNOWN } from "../../../policy-pack/lib/unknown";

const U = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";
const dest = { bucket: "arn:aws:s3:::replica" };

describe("policy-pack lib/effect", () => {
    it("wholeBucket: empty filter or prefix covers every object; prefix, tag, and, size narrow", () => {
        assert.equal(wholeBucket({}), true);
        assert.equal(wholeBucket({ filter: {} }), true);
        assert.equal(wholeBucket({ filter: { prefix: "" } }), true);
        assert.equal(wholeBucket({ prefix: "logs/" }), 'applies only to prefix "logs/"');
        assert.equal(wholeBucket({ filter: { tag: { key: "k", value: "v" } } }), "applies only to tag k=v");
        assert.equal(wholeBucket({ filter: { and: { prefix: "a/", tags: { k: "v" } } } }), 'applies only to prefix "a/" and tags k=v');
        assert.equal(wholeBucket({ filter: { objectSizeGreaterThan: 0 } }), true);
        assert.equal(wholeBucket({ filter: { objectSizeLessThan: 10 } }), "applies only to objects smaller than 10 bytes");
        assert.equal(wholeBucket({ filter: U }), UNKNOWN);
        assert.equal(wholeBucket({ filter: { prefix: U } }), UNKNOWN);
    });

    it("replication: an enabled whole-bucket rule with a destination", () => {
        assert.equal(replicationEffect({ rules: [{ id: "r", status: "Enabled", filter: {}, destination: dest }] }), true);
        assert.match(String(replicationEffect({ rules: [{ id: "r", status: "Disabled", destination: dest }] })), /rule "r" is "Disabled"/);
        assert.match(String(replicationEffect({ rules: [{ status: "Enabled", destination: {} }] })), /rule #0 has no destination bucket/);
        assert.match(String(replicationEffect({ rules: [] })), /has no replication rule/);
        assert.equal(replicationEffect({ rules: [{ status: U, destination: dest }] }), UNKNOWN);
        assert.equal(
            replicationEffect({
                rules: [
                    { status: "Disabled", destination: dest },
                    { status: "Enabled", destination: dest },
                ],
            }),
            true,
            "one rule in effect is enough",
        );
        assert.match(
            String(replicationEffect({ rules: [{ status: "Disabled", destination: U }] })),
            /"Disabled"/,
            "a known reason beats an unknown",
        );
    });

    it("lifecycle: an enabled whole-bucket rule", () => {
        assert.equal(lifecycleEffect({ rules: [{ id: "a", status: "Enabled", filter: {} }] }), true);
        assert.match(
            String(lifecycleEffect({ rules: [{ id: "a", status: "Enabled", filter: { prefix: "x/" } }] })),
            /applies only to prefix "x\/"/,
        );
        assert.equal(lifecycleEffect({ rules: U }), UNKNOWN);
    });

    it("versioning: Enabled only; Suspended is off", () => {
        assert.equal(versioningEffect({ versioningConfiguration: { status: "Enabled" } }), true);
        assert.match(String(versioningEffect({ versioningConfiguration: { status: "Suspended" } })), /"Suspended"/);
        assert.equal(versioningEffect({ versioningConfiguration: { status: U } }), UNKNOWN);
    });

    it("encryption: a supported default algorithm", () => {
        assert.equal(encryptionEffect({ rules: [{ applyServerSideEncryptionByDefault: { sseAlgorithm: "aws:kms" } }] }), true);
        assert.match(String(encryptionEffect({ rules: [{ bucketKeyEnabled: true }] })), /no supported default algorithm \(null\)/);
        assert.equal(encryptionEffect({ rules: [{ applyServerSideEncryptionByDefault: { sseAlgorithm: U } }] }), UNKNOWN);
    });

    it("object lock: enabled, and a default retention with a mode and a period", () => {
        assert.equal(objectLockEffect({ objectLockEnabled: "Enabled" }), true);
        assert.equal(objectLockEffect({ rule: { defaultRetention: { mode: "COMPLIANCE", years: 1 } } }), true);
        assert.match(String(objectLockEffect({ objectLockEnabled: "Disabled" })), /"Disabled"/);
        assert.match(String(objectLockEffect({ rule: { defaultRetention: { mode: "GOVERNANCE" } } })), /no positive days or years/);
        assert.match(String(objectLockEffect({ rule: { defaultRetention: { mode: "WORM", days: 1 } } })), /"WORM"/);
    });
});

describe("policy-pack lib/inline", () => {
    const bucket = (props: Record<string, unknown>) => ({ type: "aws:s3/bucket:Bucket", name: "b", urn: "urn:b", props });

    it("reads aws.s3.Bucket's singular inline inputs in the separate resources' shapes", () => {
        const s = inlineSettings(
            bucket({
                versioning: { enabled: true },
                serverSideEncryptionConfiguration: {
                    rule: { applyServerSideEncryptionByDefault: { sseAlgorithm: "AES256" }, bucketKeyEnabled: true },
                },
                logging: { targetBucket: "logs" },
                lifecycleRules: [{ id: "a", enabled: false, prefix: "p/", abortIncompleteMultipartUploadDays: 3 }],
                replicationConfiguration: {
                    role: "r",
                    rules: [{ id: "x", status: "Enabled", destination: dest, filter: { prefix: "q/" } }],
                },
                objectLockEnabled: false,
                policy: "{}",
            }),
        );
        assert.deepEqual(
            s.map((x) => [x.kind, x.input]),
            [
                ["versioning", "versioning"],
                ["encryption", "serverSideEncryptionConfiguration"],
                ["logging", "logging"],
                ["lifecycle", "lifecycleRules"],
                ["replication", "replicationConfiguration"],
                ["objectLock", "objectLockEnabled"],
                ["policy", "policy"],
            ],
        );
        assert.deepEqual(s[0].props, { versioningConfiguration: { status: "Enabled", mfaDelete: "Disabled" } });
        assert.deepEqual(s[1].props, {
            rules: [{ applyServerSideEncryptionByDefault: { sseAlgorithm: "AES256" }, bucketKeyEnabled: true }],
        });
        assert.deepEqual(s[3].props.rules, [
            {
                id: "a",
                status: "Disabled",
                filter: { prefix: "p/" },
                abortIncompleteMultipartUpload: { daysAfterInitiation: 3 },
                expiration: undefined,
                transitions: undefined,
                noncurrentVersionTransitions: undefined,
            },
        ]);
        assert.deepEqual((s[4].props.rules as unknown[])[0], {
            id: "x",
            status: "Enabled",
            prefix: undefined,
            filter: { prefix: "q/" },
            destination: dest,
        });
        assert.deepEqual(s[5].props, { objectLockEnabled: "Disabled" });
    });

    it("reads aws.s3.BucketV2's list inputs, one setting per element, and keeps unknowns unknown", () => {
        const s = inlineSettings(
            bucket({
                versionings: [{ enabled: U }],
                serverSideEncryptionConfigurations: [{ rules: [{ applyServerSideEncryptionByDefaults: [{ sseAlgorithm: "aws:kms" }] }] }],
                loggings: U,
                replicationConfigurations: [{ role: "r", rules: [{ status: "Enabled", destinations: [dest], filters: [{ prefix: "" }] }] }],
            }),
        );
        assert.deepEqual(s[0].props, { versioningConfiguration: { status: U, mfaDelete: "Disabled" } });
        assert.deepEqual(s[1].props, {
            rules: [{ applyServerSideEncryptionByDefault: { sseAlgorithm: "aws:kms" }, bucketKeyEnabled: undefined }],
        });
        assert.deepEqual(s[2].props, { targetBucket: U });
        assert.equal(replicationEffect(s[3].props), true);
    });

    it("declares nothing for absent inputs or empty V2 lists", () => {
        assert.deepEqual(inlineSettings(bucket({ versionings: [], lifecycleRules: [], tags: {} })), []);
    });
});
