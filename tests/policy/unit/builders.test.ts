/**
 * The pieces every policy is built from (lib/check.ts, lib/applicable.ts, lib/controls.ts,
 * lib/iam.ts, lib/types.ts), on hand-made specs: what a policy leaves out is filled in the one way.
 */
import * as assert from "node:assert/strict";
import { applicablePolicy } from "../../../policy-pack/lib/applicable";
import { resourcePolicy, StackResource, stackPolicy, violation } from "../../../policy-pack/lib/check";
import { PolicySpec } from "../../../policy-pack/lib/meta";
import { securityHubUrl } from "../../../policy-pack/lib/controls";
import { hasStatement } from "../../../policy-pack/lib/iam";
import { isOf } from "../../../policy-pack/lib/types";
import { UNKNOWN } from "../../../policy-pack/lib/unknown";

const U = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";

const spec = (extra: Partial<PolicySpec> = {}): PolicySpec => ({
    name: "test-policy",
    description: "Checks whether a test holds.",
    severity: "low",
    securityHub: [],
    cis: [],
    topics: ["test"],
    remediation: "Make the test hold.",
    docUrl: "https://docs.aws.amazon.com/test",
    ...extra,
});

const stackResource = (type: string, name: string): StackResource => ({
    type,
    name,
    urn: `urn:${name}`,
    props: {},
    dependencies: [],
    propertyDependencies: {},
});

describe("policy-pack policy builders", () => {
    it("securityHubUrl: a control's anchor on its service's page, or the page", () => {
        assert.deepEqual(["S3.8", "CloudTrail.4", "CloudWatch.15", "S3"].map(securityHubUrl), [
            "https://docs.aws.amazon.com/securityhub/latest/userguide/s3-controls.html#s3-8",
            "https://docs.aws.amazon.com/securityhub/latest/userguide/cloudtrail-controls.html#cloudtrail-4",
            "https://docs.aws.amazon.com/securityhub/latest/userguide/cloudwatch-controls.html#cloudwatch-15",
            "https://docs.aws.amazon.com/securityhub/latest/userguide/s3-controls.html",
        ]);
    });

    it("a policy is mandatory unless it names another level", () => {
        assert.equal(resourcePolicy(spec(), { types: "any", check: () => [] }).enforcementLevel, "mandatory");
        assert.equal(stackPolicy(spec(), { check: () => [] }).enforcementLevel, "mandatory");
        assert.equal(
            resourcePolicy(spec({ enforcementLevel: "advisory" }), { types: "any", check: () => [] }).enforcementLevel,
            "advisory",
        );
    });

    it("a policy documents to its first Security Hub control's page unless it names a page; with no control it must", () => {
        const noDoc = { ...spec(), docUrl: undefined };
        assert.equal(
            stackPolicy({ ...noDoc, securityHub: ["S3.13", "S3.10"] }, { check: () => [] }).docUrl,
            "https://docs.aws.amazon.com/securityhub/latest/userguide/s3-controls.html#s3-13",
        );
        assert.equal(stackPolicy(spec({ securityHub: ["S3.13"] }), { check: () => [] }).docUrl, "https://docs.aws.amazon.com/test");
        assert.throws(
            () => stackPolicy(noDoc, { check: () => [] }),
            /^Error: policy test-policy maps to no Security Hub control: give its docUrl$/,
        );
    });

    it("a knob's schema default is the check's typed default; a check without knobs has {} and only waivers", () => {
        const regions = ["us-east-1"];
        const withKnobs = resourcePolicy<{ days: number; regions: readonly string[] }>(
            spec({ configSchema: { properties: { days: { type: "integer" }, regions: { type: "array", items: { type: "string" } } } } }),
            { types: "any", defaults: { days: 7, regions }, check: () => [] },
        );
        const properties = withKnobs.configSchema?.properties ?? {};
        assert.deepEqual(properties.days, { type: "integer", default: 7 });
        assert.deepEqual(properties.regions, { type: "array", items: { type: "string" }, default: ["us-east-1"] });
        assert.notEqual((properties.regions as { default: unknown }).default, regions, "the schema holds a copy");
        assert.ok("waivers" in properties);

        const knobless = stackPolicy(spec(), { check: () => [] });
        assert.deepEqual(knobless.check.defaults, {});
        assert.deepEqual(Object.keys(knobless.configSchema?.properties ?? {}), ["waivers"]);
    });

    it("isOf: whether a resource's type is one of the given tokens", () => {
        const isBucket = isOf(["aws:s3/bucket:Bucket", "aws:s3/bucketV2:BucketV2"]);
        assert.deepEqual(
            ["aws:s3/bucketV2:BucketV2", "aws:s3/bucketPolicy:BucketPolicy"].map((type) => isBucket({ type })),
            [true, false],
        );
    });

    it("applicablePolicy: silent where the stack declares nothing of its kind, else judges those resources", () => {
        const seen: string[][] = [];
        const p = applicablePolicy(spec(), ["aws:cloudtrail/trail:Trail"], (ofKind, all) => {
            seen.push(
                ofKind.map((r) => r.name),
                all.map((r) => r.name),
            );
            return [violation("judged")];
        });
        const bucket = stackResource("aws:s3/bucket:Bucket", "b");
        assert.deepEqual(p.check.check([bucket], {}), []);
        assert.deepEqual(seen, []);
        assert.deepEqual(
            p.check.check([bucket, stackResource("aws:cloudtrail/trail:Trail", "t")], {}).map((f) => f.message),
            ["judged"],
        );
        assert.deepEqual(seen, [["t"], ["b", "t"]]);
    });

    it("hasStatement: true on a match, UNKNOWN while one may match, else what is missing", () => {
        const isDeny = (s: { effect: unknown }) => (s.effect === UNKNOWN ? UNKNOWN : s.effect === "Deny");
        const doc = (...effects: string[]) => ({ Version: "2012-10-17", Statement: effects.map((Effect) => ({ Effect, Action: "*" })) });
        const rows: [string, unknown, unknown][] = [
            ["a matching statement after others", doc("Allow", "Deny"), true],
            ["a match wins over an unknown statement", doc(U, "Deny"), true],
            ["an unknown statement and no match", doc("Allow", U), UNKNOWN],
            ["an unknown document", U, UNKNOWN],
            ["no match", doc("Allow"), "no deny"],
        ];
        for (const [what, policy, expected] of rows) {
            assert.equal(hasStatement(policy, isDeny, "no deny"), expected, what);
        }
        assert.match(String(hasStatement("{", isDeny, "no deny")), /^policy is not valid JSON/);
    });
});
