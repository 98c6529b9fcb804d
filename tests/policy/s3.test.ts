/**
 * S3 resource policies through the analyzer gRPC path: for each, the shipped prod stack (as an
 * update, so documents are known) passes, and one changed field makes it fire.
 */
import { PolicyDoc, TYPE, edit, editPolicy, extras, shippedStack } from "./helpers/cases";
import { readPackConfig, usePolicyPack } from "./helpers/pack";
import { describePolicies, editing, fires, passes, useResources } from "./helpers/table";

describe("policy pack: S3 resource policies (gRPC)", function () {
    this.timeout(60_000);
    const pack = usePolicyPack();
    const prod = useResources(() => shippedStack("prod", "update"));
    const extra = useResources(extras);

    /** The encryption configuration `name` with its first rule changed by `fn`. */
    const dataRule = (name: string, fn: (rule: Record<string, unknown>, byDefault: Record<string, unknown>) => void) => () =>
        edit(prod(), TYPE.encryption, name, (i) => {
            const rule = (i.rules as Record<string, unknown>[])[0];
            fn(rule, rule.applyServerSideEncryptionByDefault as Record<string, unknown>);
        });
    // prod sets requireBucketKeyForKms: true.
    const kmsWithoutBucketKey = (sseAlgorithm: string) =>
        dataRule("firehose-data-encryption", (rule, byDefault) => {
            byDefault.sseAlgorithm = sseAlgorithm;
            rule.bucketKeyEnabled = false;
        });
    const publicRead = (doc: PolicyDoc) => {
        doc.Statement.push({
            Sid: "PublicRead",
            Effect: "Allow",
            Principal: "*",
            Action: "s3:GetObject",
            Resource: "arn:aws:s3:::firehose-data-949f76e/*",
        });
    };
    type Rule = { id: string; transitions?: { days: number }[]; abortIncompleteMultipartUpload?: unknown };
    /** The data bucket's lifecycle with its rules changed (or replaced) by `fn`. */
    const lifecycleRules = (fn: (rules: Rule[]) => Rule[] | void) => () =>
        edit(prod(), TYPE.lifecycle, "firehose-data-lifecycle", (i) => {
            i.rules = fn(i.rules as Rule[]) ?? i.rules;
        });

    describePolicies(pack, readPackConfig("prod"), {
        "s3-bucket-encryption": [
            passes("SSE-KMS and SSE-S3 with a bucket key", prod),
            fires(
                "on SSE-S3 without a bucket key",
                dataRule("firehose-data-access-logs-encryption", (rule) => (rule.bucketKeyEnabled = false)),
                { onResource: "firehose-data-access-logs-encryption", message: /without a bucket key/ },
            ),
            fires(
                "on an unsupported algorithm",
                dataRule("firehose-data-encryption", (_, byDefault) => (byDefault.sseAlgorithm = "none")),
                { onResource: "firehose-data-encryption", message: /"none"/ },
            ),
            fires("on SSE-KMS without a bucket key when requireBucketKeyForKms is set", kmsWithoutBucketKey("aws:kms"), {
                onResource: "firehose-data-encryption",
                message: /uses SSE-KMS without a bucket key/,
            }),
            passes(
                "DSSE-KMS without a bucket key even so (S3 Bucket Keys aren't supported for DSSE-KMS)",
                kmsWithoutBucketKey("aws:kms:dsse"),
            ),
        ],
        "s3-bucket-versioning": [
            passes("Enabled", prod),
            fires(
                "on Suspended",
                editing(prod, TYPE.versioning, "firehose-data-versioning", (i) => (i.versioningConfiguration = { status: "Suspended" })),
                { onResource: "firehose-data-versioning", message: /"Suspended"/ },
            ),
        ],
        "s3-public-access-block": [
            passes("all four flags", prod),
            fires(
                "when one flag is off",
                editing(prod, TYPE.pab, "firehose-data-public-access-block", (i) => (i.restrictPublicBuckets = false)),
                { onResource: "firehose-data-public-access-block", message: /restrictPublicBuckets/ },
            ),
        ],
        "s3-no-public-acl": [
            passes("a private ACL", extra),
            fires(
                "on public-read",
                editing(extra, TYPE.acl, "extras-acl", (i) => (i.acl = "public-read")),
                {
                    onResource: "extras-acl",
                    message: /public-read/,
                },
            ),
            fires(
                "on a grant to AllUsers",
                editing(extra, TYPE.acl, "extras-acl", (i) => {
                    delete i.acl;
                    i.accessControlPolicy = {
                        owner: { id: "owner" },
                        grants: [
                            { grantee: { type: "Group", uri: "http://acs.amazonaws.com/groups/global/AllUsers" }, permission: "READ" },
                        ],
                    };
                }),
                { onResource: "extras-acl", message: /AllUsers/ },
            ),
        ],
        "s3-bucket-owner-enforced": [
            passes("BucketOwnerEnforced", prod),
            fires(
                "on ObjectWriter",
                editing(prod, TYPE.ownership, "firehose-data-ownership", (i) => (i.rule = { objectOwnership: "ObjectWriter" })),
                { onResource: "firehose-data-ownership" },
            ),
        ],
        "s3-lifecycle-rules": [
            passes("the storage plan", prod),
            fires(
                "on Standard-IA at 10 days",
                lifecycleRules((rules) => void (rules.find((r) => r.id === "current-versions")!.transitions![0].days = 10)),
                { onResource: "firehose-data-lifecycle", message: /STANDARD_IA after 10 days/ },
            ),
            fires(
                "without an incomplete-multipart abort",
                lifecycleRules((rules) => rules.filter((r) => r.abortIncompleteMultipartUpload === undefined)),
                { onResource: "firehose-data-lifecycle", message: /multipart/ },
            ),
        ],
        "s3-bucket-policy-no-public-allow": [
            passes("Denies to * and service Allows", prod),
            passes("an Allow to * restricted by a fixed aws:SourceVpce", () =>
                editPolicy(prod(), TYPE.bucketPolicy, "firehose-data-policy", (doc) => {
                    publicRead(doc);
                    doc.Statement[doc.Statement.length - 1].Condition = { StringEquals: { "aws:SourceVpce": "vpce-0123456789abcdef0" } };
                }),
            ),
            fires("on an Allow to * without a condition", () => editPolicy(prod(), TYPE.bucketPolicy, "firehose-data-policy", publicRead), {
                onResource: "firehose-data-policy",
                message: /PublicRead/,
            }),
        ],
        "s3-no-force-destroy": [
            passes("forceDestroy false", prod),
            fires(
                "on forceDestroy true",
                editing(prod, TYPE.bucket, "firehose-data", (i) => (i.forceDestroy = true)),
                {
                    onResource: "firehose-data",
                },
            ),
        ],
    });
});
