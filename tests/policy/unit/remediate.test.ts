/**
 * The always-safe fixes (policy-pack/lib/remediate.ts) and the gate's change list
 * (gate/remediation.ts changesOf), table-driven: each fixes exactly its field, leaves compliant and
 * unknown values alone, and never changes what it must not (DSSE-KMS bucket keys, asymmetric keys,
 * versioning never enabled); the inline forms (policy-pack/lib/remediateInline.ts) likewise.
 */
import * as assert from "node:assert/strict";
import { changesOf } from "../../../gate/remediation";
import {
    blockPublicAccess,
    enableBucketKey,
    enableKeyRotation,
    enforceBucketOwner,
    resumeVersioning,
} from "../../../policy-pack/lib/remediate";
import { enableInlineBucketKey, resumeInlineVersioning } from "../../../policy-pack/lib/remediateInline";

const U = "04da6b54-80e4-46f7-96ec-b56ff0331ba9"; // the engine's unknown
const rule = (sseAlgorithm: string, bucketKeyEnabled?: unknown) => ({
    applyServerSideEncryptionByDefault: { sseAlgorithm },
    bucketKeyEnabled,
});

describe("remediations (pure)", () => {
    const cases: [
        string,
        (p: Record<string, unknown>) => Record<string, unknown> | undefined,
        Record<string, unknown>,
        Record<string, unknown> | undefined,
    ][] = [
        [
            "PAB: flags off or absent set true",
            blockPublicAccess,
            { bucket: "b", blockPublicAcls: false, ignorePublicAcls: true },
            { bucket: "b", blockPublicAcls: true, ignorePublicAcls: true, blockPublicPolicy: true, restrictPublicBuckets: true },
        ],
        [
            "PAB: all on: nothing",
            blockPublicAccess,
            { blockPublicAcls: true, ignorePublicAcls: "true", blockPublicPolicy: true, restrictPublicBuckets: true },
            undefined,
        ],
        [
            "PAB: an unknown flag is left",
            blockPublicAccess,
            { blockPublicAcls: U, ignorePublicAcls: true, blockPublicPolicy: true, restrictPublicBuckets: true },
            undefined,
        ],
        [
            "ownership: ObjectWriter -> BucketOwnerEnforced",
            enforceBucketOwner,
            { rule: { objectOwnership: "ObjectWriter" } },
            { rule: { objectOwnership: "BucketOwnerEnforced" } },
        ],
        [
            "ownership: no rule -> BucketOwnerEnforced",
            enforceBucketOwner,
            { bucket: "b" },
            { bucket: "b", rule: { objectOwnership: "BucketOwnerEnforced" } },
        ],
        ["ownership: unknown left", enforceBucketOwner, { rule: { objectOwnership: U } }, undefined],
        [
            "bucket key: SSE-KMS and SSE-S3 on, DSSE-KMS left",
            enableBucketKey,
            { rules: [rule("aws:kms", false), rule("AES256"), rule("aws:kms:dsse", false)] },
            { rules: [rule("aws:kms", true), rule("AES256", true), rule("aws:kms:dsse", false)] },
        ],
        ["bucket key: already on / unknown: nothing", enableBucketKey, { rules: [rule("aws:kms", true), rule("AES256", U)] }, undefined],
        ["rotation: symmetric key off -> on", enableKeyRotation, { enableKeyRotation: false }, { enableKeyRotation: true }],
        ["rotation: asymmetric key left", enableKeyRotation, { customerMasterKeySpec: "RSA_2048", enableKeyRotation: false }, undefined],
        ["rotation: HMAC key left", enableKeyRotation, { keySpec: "HMAC_256", keyUsage: "GENERATE_VERIFY_MAC" }, undefined],
        [
            "versioning: Suspended -> Enabled",
            resumeVersioning,
            { versioningConfiguration: { status: "Suspended", mfaDelete: "Disabled" } },
            { versioningConfiguration: { status: "Enabled", mfaDelete: "Disabled" } },
        ],
        ["versioning: Disabled (never enabled) left", resumeVersioning, { versioningConfiguration: { status: "Disabled" } }, undefined],
        [
            "inline versioning (Bucket): enabled false -> true, mfaDelete kept",
            resumeInlineVersioning,
            { bucket: "b", versioning: { enabled: false, mfaDelete: false } },
            { bucket: "b", versioning: { enabled: true, mfaDelete: false } },
        ],
        [
            "inline versionings (BucketV2): each enabled false -> true",
            resumeInlineVersioning,
            { versionings: [{ enabled: true }, { enabled: false }] },
            { versionings: [{ enabled: true }, { enabled: true }] },
        ],
        ["inline versioning: absent (never versioned) left", resumeInlineVersioning, { bucket: "b" }, undefined],
        [
            "inline versioning: enabled or unknown left",
            resumeInlineVersioning,
            { versioning: { enabled: U }, versionings: [{ enabled: true }, U] },
            undefined,
        ],
        [
            "inline bucket key (Bucket): SSE-KMS rule on",
            enableInlineBucketKey,
            { serverSideEncryptionConfiguration: { rule: { ...rule("aws:kms"), bucketKeyEnabled: false } } },
            { serverSideEncryptionConfiguration: { rule: rule("aws:kms", true) } },
        ],
        [
            "inline bucket key (BucketV2): SSE-S3 rule on, DSSE-KMS left",
            enableInlineBucketKey,
            {
                serverSideEncryptionConfigurations: [
                    { rules: [{ applyServerSideEncryptionByDefaults: [{ sseAlgorithm: "AES256" }] }] },
                    { rules: [{ applyServerSideEncryptionByDefaults: [{ sseAlgorithm: "aws:kms:dsse" }], bucketKeyEnabled: false }] },
                ],
            },
            {
                serverSideEncryptionConfigurations: [
                    { rules: [{ applyServerSideEncryptionByDefaults: [{ sseAlgorithm: "AES256" }], bucketKeyEnabled: true }] },
                    { rules: [{ applyServerSideEncryptionByDefaults: [{ sseAlgorithm: "aws:kms:dsse" }], bucketKeyEnabled: false }] },
                ],
            },
        ],
        [
            "inline bucket key: DSSE-KMS, already on, unknown: nothing",
            enableInlineBucketKey,
            {
                serverSideEncryptionConfiguration: { rule: rule("aws:kms:dsse", false) },
                serverSideEncryptionConfigurations: [{ rules: [rule("aws:kms", true), rule("aws:kms", U), U] }],
            },
            undefined,
        ],
    ];
    for (const [name, fix, before, after] of cases) {
        it(name, () => assert.deepEqual(fix(before), after));
    }

    it("the gate lists every changed leaf with its path, old and new value", () => {
        assert.deepEqual(
            changesOf({ a: 1, r: [{ k: false, s: "x" }], o: { p: true } }, { a: 1, r: [{ k: true, s: "x" }], o: { p: true, q: "n" } }),
            [
                { path: "r[0].k", from: false, to: true },
                { path: "o.q", from: null, to: "n" },
            ],
        );
        assert.deepEqual(changesOf({ a: [1] }, { a: [1, 2] }), [{ path: "a", from: [1], to: [1, 2] }]);
        assert.deepEqual(changesOf({ a: 1 }, { a: 1 }), []);
    });
});
