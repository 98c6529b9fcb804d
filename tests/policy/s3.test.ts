/**
 * S3 resource policies through the analyzer gRPC path: for each, the shipped prod stack (as an
 * update, so documents are known) passes, and one changed field makes it fire.
 */
import { PolicyDoc, TYPE, edit, editPolicy, extras, shippedStack } from "./helpers/cases";
import { COMPLIANT, NON_COMPLIANT, readPackConfig, usePolicyPack, validateStack } from "./helpers/pack";
import { RecordedResource } from "../../gate/recorder";

describe("policy pack: S3 resource policies (gRPC)", function () {
    this.timeout(60_000);
    const pack = usePolicyPack();
    const config = readPackConfig("prod");
    let prod: readonly RecordedResource[];
    let extra: readonly RecordedResource[];
    before(async () => {
        prod = await shippedStack("prod", "update");
        extra = await extras();
    });

    describe("s3-bucket-encryption", () => {
        it("passes SSE-KMS and SSE-S3 with a bucket key", () => validateStack(pack(), prod, "s3-bucket-encryption", COMPLIANT, { config }));
        it("fires on SSE-S3 without a bucket key", () =>
            validateStack(
                pack(),
                edit(prod, TYPE.encryption, "firehose-data-access-logs-encryption", (i) => {
                    (i.rules as Record<string, unknown>[])[0].bucketKeyEnabled = false;
                }),
                "s3-bucket-encryption",
                NON_COMPLIANT,
                { config, onResource: "firehose-data-access-logs-encryption", message: /without a bucket key/ },
            ));
        it("fires on an unsupported algorithm", () =>
            validateStack(
                pack(),
                edit(prod, TYPE.encryption, "firehose-data-encryption", (i) => {
                    (i.rules as Record<string, Record<string, unknown>>[])[0].applyServerSideEncryptionByDefault.sseAlgorithm = "none";
                }),
                "s3-bucket-encryption",
                NON_COMPLIANT,
                { config, onResource: "firehose-data-encryption", message: /"none"/ },
            ));
        // prod sets requireBucketKeyForKms: true.
        const kmsRule = (sseAlgorithm: string) =>
            edit(prod, TYPE.encryption, "firehose-data-encryption", (i) => {
                const rule = (i.rules as Record<string, unknown>[])[0];
                (rule.applyServerSideEncryptionByDefault as Record<string, unknown>).sseAlgorithm = sseAlgorithm;
                rule.bucketKeyEnabled = false;
            });
        it("fires on SSE-KMS without a bucket key when requireBucketKeyForKms is set", () =>
            validateStack(pack(), kmsRule("aws:kms"), "s3-bucket-encryption", NON_COMPLIANT, {
                config,
                onResource: "firehose-data-encryption",
                message: /uses SSE-KMS without a bucket key/,
            }));
        it("passes DSSE-KMS without a bucket key even so (S3 Bucket Keys aren't supported for DSSE-KMS)", () =>
            validateStack(pack(), kmsRule("aws:kms:dsse"), "s3-bucket-encryption", COMPLIANT, { config }));
    });

    describe("s3-bucket-versioning", () => {
        it("passes Enabled", () => validateStack(pack(), prod, "s3-bucket-versioning", COMPLIANT, { config }));
        it("fires on Suspended", () =>
            validateStack(
                pack(),
                edit(prod, TYPE.versioning, "firehose-data-versioning", (i) => (i.versioningConfiguration = { status: "Suspended" })),
                "s3-bucket-versioning",
                NON_COMPLIANT,
                { config, onResource: "firehose-data-versioning", message: /"Suspended"/ },
            ));
    });

    describe("s3-public-access-block", () => {
        it("passes all four flags", () => validateStack(pack(), prod, "s3-public-access-block", COMPLIANT, { config }));
        it("fires when one flag is off", () =>
            validateStack(
                pack(),
                edit(prod, TYPE.pab, "firehose-data-public-access-block", (i) => (i.restrictPublicBuckets = false)),
                "s3-public-access-block",
                NON_COMPLIANT,
                { config, onResource: "firehose-data-public-access-block", message: /restrictPublicBuckets/ },
            ));
    });

    describe("s3-no-public-acl", () => {
        it("passes a private ACL", () => validateStack(pack(), extra, "s3-no-public-acl", COMPLIANT, { config }));
        it("fires on public-read", () =>
            validateStack(
                pack(),
                edit(extra, TYPE.acl, "extras-acl", (i) => (i.acl = "public-read")),
                "s3-no-public-acl",
                NON_COMPLIANT,
                {
                    config,
                    onResource: "extras-acl",
                    message: /public-read/,
                },
            ));
        it("fires on a grant to AllUsers", () =>
            validateStack(
                pack(),
                edit(extra, TYPE.acl, "extras-acl", (i) => {
                    delete i.acl;
                    i.accessControlPolicy = {
                        owner: { id: "owner" },
                        grants: [
                            { grantee: { type: "Group", uri: "http://acs.amazonaws.com/groups/global/AllUsers" }, permission: "READ" },
                        ],
                    };
                }),
                "s3-no-public-acl",
                NON_COMPLIANT,
                { config, onResource: "extras-acl", message: /AllUsers/ },
            ));
    });

    describe("s3-bucket-owner-enforced", () => {
        it("passes BucketOwnerEnforced", () => validateStack(pack(), prod, "s3-bucket-owner-enforced", COMPLIANT, { config }));
        it("fires on ObjectWriter", () =>
            validateStack(
                pack(),
                edit(prod, TYPE.ownership, "firehose-data-ownership", (i) => (i.rule = { objectOwnership: "ObjectWriter" })),
                "s3-bucket-owner-enforced",
                NON_COMPLIANT,
                { config, onResource: "firehose-data-ownership" },
            ));
    });

    describe("s3-lifecycle-rules", () => {
        it("passes the storage plan", () => validateStack(pack(), prod, "s3-lifecycle-rules", COMPLIANT, { config }));
        it("fires on Standard-IA at 10 days", () =>
            validateStack(
                pack(),
                edit(prod, TYPE.lifecycle, "firehose-data-lifecycle", (i) => {
                    const rule = (i.rules as { id: string; transitions?: { days: number }[] }[]).find((r) => r.id === "current-versions");
                    rule!.transitions![0].days = 10;
                }),
                "s3-lifecycle-rules",
                NON_COMPLIANT,
                { config, onResource: "firehose-data-lifecycle", message: /STANDARD_IA after 10 days/ },
            ));
        it("fires without an incomplete-multipart abort", () =>
            validateStack(
                pack(),
                edit(prod, TYPE.lifecycle, "firehose-data-lifecycle", (i) => {
                    i.rules = (i.rules as { abortIncompleteMultipartUpload?: unknown }[]).filter(
                        (r) => r.abortIncompleteMultipartUpload === undefined,
                    );
                }),
                "s3-lifecycle-rules",
                NON_COMPLIANT,
                { config, onResource: "firehose-data-lifecycle", message: /multipart/ },
            ));
    });

    describe("s3-bucket-policy-no-public-allow", () => {
        const publicRead = (doc: PolicyDoc) => {
            doc.Statement.push({
                Sid: "PublicRead",
                Effect: "Allow",
                Principal: "*",
                Action: "s3:GetObject",
                Resource: "arn:aws:s3:::firehose-data-949f76e/*",
            });
        };
        it("passes Denies to * and service Allows", () =>
            validateStack(pack(), prod, "s3-bucket-policy-no-public-allow", COMPLIANT, { config }));
        it("passes an Allow to * restricted by a fixed aws:SourceVpce", () =>
            validateStack(
                pack(),
                editPolicy(prod, TYPE.bucketPolicy, "firehose-data-policy", (doc) => {
                    publicRead(doc);
                    doc.Statement[doc.Statement.length - 1].Condition = { StringEquals: { "aws:SourceVpce": "vpce-0123456789abcdef0" } };
                }),
                "s3-bucket-policy-no-public-allow",
                COMPLIANT,
                { config },
            ));
        it("fires on an Allow to * without a condition", () =>
            validateStack(
                pack(),
                editPolicy(prod, TYPE.bucketPolicy, "firehose-data-policy", publicRead),
                "s3-bucket-policy-no-public-allow",
                NON_COMPLIANT,
                {
                    config,
                    onResource: "firehose-data-policy",
                    message: /PublicRead/,
                },
            ));
    });

    describe("s3-no-force-destroy", () => {
        it("passes forceDestroy false", () => validateStack(pack(), prod, "s3-no-force-destroy", COMPLIANT, { config }));
        it("fires on forceDestroy true", () =>
            validateStack(
                pack(),
                edit(prod, TYPE.bucket, "firehose-data", (i) => (i.forceDestroy = true)),
                "s3-no-force-destroy",
                NON_COMPLIANT,
                {
                    config,
                    onResource: "firehose-data",
                },
            ));
    });
});
