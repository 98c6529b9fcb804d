/**
 * Stack policies through the analyzer gRPC path: each data bucket's attached controls, replication
 * geography and the budget. The shipped prod stack (update) passes each; removing or changing one
 * resource makes exactly the expected policy fire on the expected bucket. Log-target buckets are
 * never asked for access logs, and a replica is never asked to replicate.
 */
import * as assert from "node:assert/strict";
import { TYPE, editJson, editPolicy, shippedStack, without } from "./helpers/cases";
import { COMPLIANT, readPackConfig, usePolicyPack, validateStack } from "./helpers/pack";
import { describePolicies, editing, fires, passes, PolicyCase, useResources } from "./helpers/table";

describe("policy pack: data-bucket stack policies (gRPC)", function () {
    this.timeout(60_000);
    const pack = usePolicyPack();
    const config = readPackConfig("prod");
    const prod = useResources(() => shippedStack("prod", "update"));

    /**
     * The rows of every data-bucket control: the shipped prod stack passes; without the `child` (of
     * `type`) that carries the control, firehose-data fails it, and only firehose-data.
     */
    const control = (type: string, child: string, message: RegExp): PolicyCase[] => [
        passes("the shipped prod stack", prod),
        fires(`on firehose-data without ${child}`, () => without(prod(), type, child), { onResource: "firehose-data", message, count: 1 }),
    ];
    /** A copy of prod where the bucket policy `name` lost its TLS-only statement. */
    const withoutTlsDeny = (name: string) => () =>
        editPolicy(prod(), TYPE.bucketPolicy, name, (doc) => {
            doc.Statement = doc.Statement.filter((s) => s.Sid !== "DenyInsecureTransport");
        });

    describePolicies(pack, config, {
        "s3-data-bucket-tls-only": [
            ...control(TYPE.bucketPolicy, "firehose-data-policy", /has no bucket policy/),
            fires("when the policy lacks the aws:SecureTransport deny", withoutTlsDeny("firehose-data-policy"), {
                onResource: "firehose-data-policy",
                message: /denying plain HTTP/,
            }),
        ],
        "s3-data-bucket-public-access-block": control(TYPE.pab, "firehose-data-public-access-block", /has no public access block/),
        "s3-data-bucket-versioning": control(TYPE.versioning, "firehose-data-versioning", /has no versioning/),
        "s3-data-bucket-encryption": [
            ...control(TYPE.encryption, "firehose-data-encryption", /has no default encryption/),
            fires(
                "with requireKms on SSE-S3 data, not on SSE-S3 log buckets",
                editing(prod, TYPE.encryption, "firehose-data-encryption", (i) => {
                    i.rules = [{ applyServerSideEncryptionByDefault: { sseAlgorithm: "AES256" }, bucketKeyEnabled: true }];
                }),
                { onResource: "firehose-data-encryption", message: /requires SSE-KMS/, count: 1 },
            ),
        ],
        "s3-data-bucket-access-logging": control(TYPE.logging, "firehose-data-logging", /has no server access logging/),
        "s3-data-bucket-lifecycle": control(TYPE.lifecycle, "firehose-data-lifecycle", /has no lifecycle configuration/),
        "s3-data-bucket-replication": [
            ...control(TYPE.replication, "firehose-replication", /has no replication configuration/),
            passes(
                "without replication unless requireReplication is set",
                () => without(prod(), TYPE.replication, "firehose-replication"),
                {
                    config: { ...config, "s3-data-bucket-replication": { enforcementLevel: "mandatory", requireReplication: false } },
                },
            ),
        ],
        "s3-log-bucket-protections": [
            passes("the shipped log buckets (which do not log themselves)", prod),
            fires(
                "on an access-log bucket without its public access block",
                () => without(prod(), TYPE.pab, "firehose-data-access-logs-public-access-block"),
                { onResource: "firehose-data-access-logs", message: /log bucket .* has no public access block/, count: 1 },
            ),
            fires("on an audit-log bucket whose policy lacks the TLS deny", withoutTlsDeny("firehose-audit-logs-policy"), {
                onResource: "firehose-audit-logs-policy",
                message: /denying plain HTTP/,
            }),
        ],
        "s3-replication-cross-region": [
            passes("a replica in another region", prod),
            fires(
                "when the replica's provider is in the source region",
                editing(prod, TYPE.provider, "aws-replica", (i) => (i.region = "us-east-1")),
                { onResource: "firehose-replication", message: /both in us-east-1/ },
            ),
            fires(
                "when the replica bucket's own region input is the source region",
                editing(prod, TYPE.bucket, "firehose-data-replica", (i) => (i.region = "us-east-1")),
                { message: /both in us-east-1/ },
            ),
        ],
        "budget-required": [
            passes("with a budget", prod),
            fires("without one when requireBudget is set", () => without(prod(), TYPE.budget, "firehose-cost-budget"), {
                message: /no aws.budgets.Budget/,
            }),
        ],
        "required-tags": [
            fires(
                "reading the provider's JSON-encoded defaultTags",
                () =>
                    editJson<{ tags: Record<string, string> }>(prod(), TYPE.provider, "aws-primary", "defaultTags", (d) => {
                        delete d.tags.CostCenter;
                    }),
                { onResource: "firehose-data", message: /missing tags CostCenter/ },
            ),
        ],
    });

    it("s3-data-bucket-access-logging does not ask log targets (access-logs, audit-logs) for logs", async () => {
        const buckets = prod().filter((r) => r.type === TYPE.bucket && /"Role":"(access|audit)-logs"/.test(JSON.stringify(r.inputs.tags)));
        assert.ok(buckets.length >= 2, "the prod stack has log-target buckets");
        assert.ok(
            prod().every((r) => r.type !== TYPE.logging || !buckets.some((b) => r.propertyDependencies.bucket?.includes(b.urn))),
            "and they do not log",
        );
        await validateStack(pack(), prod(), "s3-data-bucket-access-logging", COMPLIANT, { config });
    });
});
