/**
 * Every form a program writes a bucket control in (fixtures/forms.ts): the deprecated inline inputs
 * of `aws.s3.Bucket` and `aws.s3.BucketV2`, and the separate `...V2` child classes, through the
 * analyzer gRPC path. The fixture passes each policy as written; one changed field per case makes the
 * policy fire on the right resource with a message that names the form it judged. A control is
 * credited only where it is in effect for the whole bucket.
 */
import * as assert from "node:assert/strict";
import { TYPE, edit, forms } from "./helpers/cases";
import { CASES, CONFIG } from "./helpers/formCases";
import { COMPLIANT, NON_COMPLIANT, usePolicyPack, validateStack, violationsOf } from "./helpers/pack";
import { RecordedResource } from "../../gate/recorder";

describe("policy pack: every form of a bucket control (gRPC)", function () {
    this.timeout(120_000);
    const pack = usePolicyPack();
    let update: readonly RecordedResource[];
    let preview: readonly RecordedResource[];
    before(async () => {
        update = await forms("update");
        preview = await forms("preview");
    });

    for (const [policy, cases] of Object.entries(CASES)) {
        describe(policy, () => {
            it("passes every form as written (inline Bucket, inline BucketV2, V2 child classes)", () =>
                validateStack(pack(), update, policy, COMPLIANT, { config: CONFIG }));
            for (const c of cases) {
                it(`fires on ${c.title}`, async () => {
                    const found = await validateStack(pack(), edit(update, c.type, c.name, c.change), policy, NON_COMPLIANT, {
                        config: c.config ?? CONFIG,
                        onResource: c.onResource,
                        message: c.message,
                    });
                    assert.deepEqual([...new Set(found.map((v) => v.resourceName))], [c.onResource], "only the changed resource");
                    const meta = pack().info.policies.find((p) => p.name === policy);
                    assert.ok(meta !== undefined);
                    for (const v of found) {
                        assert.ok(
                            v.severity !== undefined && (v.controlIds ?? []).length > 0,
                            `${policy}: severity and control ids on the finding`,
                        );
                    }
                });
            }
        });
    }

    describe("preview with unknowns", () => {
        it("an inline setting whose value is unknown is not verified, never passed", async () => {
            const report = await pack().analyze(preview, CONFIG);
            assert.deepEqual(violationsOf(report, "s3-data-bucket-access-logging"), []);
            const notes = violationsOf(report, "preview-unverified").filter((v) => v.resourceName === "inline-data");
            assert.ok(
                notes.some((v) => /inline input logging\) cannot be judged until its values are known/.test(v.message)),
                notes.map((v) => v.message).join("\n"),
            );
        });
        it("a known insecure inline setting still fires in preview", () =>
            validateStack(
                pack(),
                edit(preview, TYPE.bucket, "inline-data", (i) => (i.versioning = { enabled: false })),
                "s3-data-bucket-versioning",
                NON_COMPLIANT,
                { config: CONFIG, onResource: "inline-data", message: /inline input versioning/ },
            ));
    });
});

describe("policy pack: findings carry severity and control ids (gRPC)", function () {
    this.timeout(120_000);
    const pack = usePolicyPack();
    it("a versioning violation says medium, S3.14, and no CIS item", async () => {
        const update = await forms("update");
        const found = await validateStack(
            pack(),
            edit(update, TYPE.bucket, "inline-data", (i) => (i.versioning = { enabled: false })),
            "s3-data-bucket-versioning",
            NON_COMPLIANT,
            { config: CONFIG, onResource: "inline-data" },
        );
        assert.deepEqual(
            found.map((v) => [v.severity, v.securityHub, v.cis]),
            [["medium", ["S3.14"], []]],
        );
    });
});
