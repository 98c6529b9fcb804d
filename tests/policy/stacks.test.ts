/**
 * The shipped stacks with their pack config (zero mandatory violations, as preview and as update),
 * and preview-mode unknowns: no policy crashes or hands its verdict to the SDK's "can't run during
 * preview", and nothing unknown is passed off as compliant.
 */
import * as assert from "node:assert/strict";
import { TYPE, edit, editPolicy, find, shippedStack, without } from "./helpers/cases";
import { NON_COMPLIANT, assertNoUnknownReadFailures, readPackConfig, usePolicyPack, validateStack, violationsOf } from "./helpers/pack";
import { RecordedResource, UNKNOWN } from "../../gate/recorder";

describe("policy pack: shipped stacks and preview unknowns (gRPC)", function () {
    this.timeout(60_000);
    const pack = usePolicyPack();

    for (const stack of ["dev", "prod"] as const) {
        for (const mode of ["preview", "update"] as const) {
            it(`${stack} as ${mode}: zero mandatory violations with config/${stack}.json`, async () => {
                const report = await pack().analyze(await shippedStack(stack, mode), readPackConfig(stack));
                assertNoUnknownReadFailures(report);
                const mandatory = report.violations.filter((v) => v.enforcementLevel === "mandatory");
                assert.deepEqual(
                    mandatory.map((v) => `${v.policyName} ${v.resourceName ?? ""}: ${v.message}`),
                    [],
                );
                const unverified = violationsOf(report, "preview-unverified");
                if (mode === "update") {
                    assert.deepEqual(unverified, [], "every value is known");
                } else if (stack === "dev") {
                    // dev's documents embed only ARNs built from names, which a preview knows, except the
                    // alert topic's policy (it embeds the topic's computed ARN): one note naming both
                    // policies that read it.
                    assert.deepEqual(
                        unverified.map((v) => [v.resourceName, v.enforcementLevel]),
                        [["firehose-alerts-policy", "advisory"]],
                    );
                    assert.match(
                        unverified[0].message,
                        /policy-document-well-formed, sns-topic-policy-no-public-allow will judge it when the value is known/,
                    );
                } else {
                    assert.ok(unverified.length > 0, "a prod preview cannot know documents that embed the created KMS keys' ARNs");
                    assert.ok(unverified.every((v) => v.enforcementLevel === "advisory"));
                }
            });
        }
    }

    describe("preview unknowns (prod preview)", () => {
        let preview: readonly RecordedResource[];
        const config = readPackConfig("prod");
        before(async () => {
            preview = await shippedStack("prod", "preview");
        });

        it("joins children to buckets through property dependencies when names are unknown", async () => {
            const pab = find(preview, TYPE.pab, "firehose-data-public-access-block");
            assert.equal(pab.wireInputs.bucket, UNKNOWN, "precondition: the child's bucket input is unknown in preview");
            await validateStack(
                pack(),
                without(preview, TYPE.pab, "firehose-data-public-access-block"),
                "s3-data-bucket-public-access-block",
                NON_COMPLIANT,
                {
                    config,
                    onResource: "firehose-data",
                },
            );
        });

        it("an unknown bucket policy is reported as not verified, never as TLS-only; the known broken one fails at update", async () => {
            assert.equal(find(preview, TYPE.bucketPolicy, "firehose-data-policy").wireInputs.policy, UNKNOWN);
            const report = await pack().analyze(preview, config);
            assertNoUnknownReadFailures(report);
            const notes = violationsOf(report, "preview-unverified").filter((v) => v.resourceName === "firehose-data");
            assert.equal(notes.length, 1);
            assert.match(notes[0].message, /firehose-data-policy.*s3-data-bucket-tls-only, s3-data-bucket-mfa-delete will judge it/s);
            const broken = editPolicy(await shippedStack("prod", "update"), TYPE.bucketPolicy, "firehose-data-policy", (d) => {
                d.Statement = d.Statement.filter((s) => s.Sid !== "DenyInsecureTransport");
            });
            await validateStack(pack(), broken, "s3-data-bucket-tls-only", NON_COMPLIANT, { config, onResource: "firehose-data-policy" });
        });

        it("a known violation still fires beside an unknown value in the same resource", async () => {
            const variant = edit(preview, TYPE.pab, "firehose-data-public-access-block", (i) => {
                i.blockPublicPolicy = UNKNOWN;
                i.ignorePublicAcls = false;
            });
            await validateStack(pack(), variant, "s3-public-access-block", NON_COMPLIANT, { config, message: /ignorePublicAcls/ });
            const report = await pack().analyze(
                edit(preview, TYPE.pab, "firehose-data-public-access-block", (i) => (i.blockPublicPolicy = UNKNOWN)),
                config,
            );
            assertNoUnknownReadFailures(report);
            assert.deepEqual(violationsOf(report, "s3-public-access-block"), [], "unknown alone is not a violation ...");
            assert.ok(
                violationsOf(report, "preview-unverified").some((v) =>
                    /blockPublicPolicy of firehose-data-public-access-block/.test(v.message),
                ),
                "... and not a pass either: it is listed as not verified",
            );
        });

        it("a bucket whose tags are unknown is treated as a data bucket, and its tags as not verified", async () => {
            const variant = without(
                edit(preview, TYPE.bucket, "firehose-data-access-logs", (i) => (i.tags = UNKNOWN)),
                TYPE.logging,
                "firehose-data-logging",
            );
            const report = await pack().analyze(variant, config);
            assertNoUnknownReadFailures(report);
            assert.deepEqual(
                violationsOf(report, "s3-data-bucket-access-logging")
                    .map((v) => v.resourceName)
                    .sort(),
                ["firehose-data", "firehose-data-access-logs"],
                "the unknown-role bucket is asked for logs like any data bucket",
            );
            assert.ok(violationsOf(report, "preview-unverified").some((v) => /tags of firehose-data-access-logs/.test(v.message)));
        });

        it("a child whose bucket is unknown and depends on no bucket is not credited to any bucket", () =>
            validateStack(
                pack(),
                preview.map((r) =>
                    r.type === TYPE.versioning && r.name === "firehose-data-versioning"
                        ? { ...r, dependencies: [], propertyDependencies: {} }
                        : r,
                ),
                "s3-data-bucket-versioning",
                NON_COMPLIANT,
                { config, onResource: "firehose-data", message: /could not be joined/ },
            ));
    });
});
