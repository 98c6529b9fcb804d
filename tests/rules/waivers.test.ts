/**
 * Waiver rules (rules/waivers.ts), table-driven: entry validation (every problem, naming the entry),
 * expiry, matching by URN or name, the review of expired and unmatched waivers, and the profile ->
 * pack config distribution (config/packConfig.ts).
 */
import * as assert from "node:assert/strict";
import { packConfigOf } from "../../config/packConfig";
import { PROFILES } from "../../config/profiles";
import { PACK_POLICIES } from "../../policy-pack/policies/all";
import { applyWaivers, isExpired, isIsoDate, Waiver, waiverProblems } from "../../rules/waivers";

const W: Waiver = {
    policy: "s3-bucket-versioning",
    resource: "data-versioning",
    reason: "RISK-7",
    owner: "storage-team",
    expires: "2027-06-30",
};
const URN = "urn:pulumi:prod::firehose-storage::aws:s3/bucketVersioning:BucketVersioning::data-versioning";

describe("waivers: rules", () => {
    it("ISO dates: real calendar days only", () => {
        for (const [s, ok] of [
            ["2027-06-30", true],
            ["2028-02-29", true],
            ["2027-02-29", false],
            ["2027-13-01", false],
            ["2027-6-30", false],
            ["30/06/2027", false],
            ["2027-06-30T00:00:00Z", false],
        ] as const) {
            assert.equal(isIsoDate(s), ok, s);
        }
    });

    it("a waiver holds through its expiry day and has expired the day after", () => {
        assert.equal(isExpired(W, "2027-06-30"), false);
        assert.equal(isExpired(W, "2027-07-01"), true);
    });

    it("every problem of a flat list at once, each naming the entry, quoting the value, saying what is allowed", () => {
        const known = new Set(["s3-bucket-versioning"]);
        assert.deepEqual(waiverProblems([W], "pack.waivers", { flat: true, knownPolicies: known }), []);
        assert.deepEqual(
            waiverProblems(
                [
                    { ...W, expires: "2027-02-30", owner: "" },
                    { policy: "s3-versioning", resource: "x", reason: "r", owner: "o", expires: "2027-01-01", ticket: 1 },
                    { policy: "s3-bucket-versioning", resource: "x" },
                    "x",
                ],
                "pack.waivers",
                { flat: true, knownPolicies: known },
            ),
            [
                'pack.waivers[0].owner: got ""; a non-empty string is required',
                'pack.waivers[0].expires: got "2027-02-30"; an ISO date YYYY-MM-DD (the last day the waiver holds)',
                "pack.waivers[1].ticket: unknown field; a waiver has policy, resource, reason, owner, expires",
                'pack.waivers[1].policy: got "s3-versioning"; no policy of that name in the pack',
                "pack.waivers[2].reason: missing; a non-empty string is required",
                "pack.waivers[2].owner: missing; a non-empty string is required",
                "pack.waivers[2].expires: missing; a non-empty string is required",
                'pack.waivers[3]: got "x"; an object {policy, resource, reason, owner, expires}',
            ],
        );
        assert.deepEqual(waiverProblems({}, '"p".waivers', { flat: false }), [
            '"p".waivers: got {}; a list of waivers {resource, reason, owner, expires}',
        ]);
        assert.deepEqual(waiverProblems([W], '"p".waivers', { flat: false }), [
            '"p".waivers[0].policy: unknown field; a waiver has resource, reason, owner, expires',
        ]);
    });

    it("waives a finding of its policy on its resource (by URN or name); reviews expired and unmatched ones", () => {
        const findings = [
            { policy: "s3-bucket-versioning", urn: URN, name: "data-versioning", id: 1 },
            { policy: "s3-bucket-encryption", urn: URN, name: "data-versioning", id: 2 },
            { policy: "s3-bucket-versioning", urn: `${URN}-other`, name: "other", id: 3 },
            { policy: "s3-bucket-versioning", id: 4 },
        ];
        const byUrn = { ...W, resource: `${URN}-other` };
        const expired = { ...W, resource: "other", expires: "2026-01-01" };
        const unmatched = { ...W, resource: "gone" };
        const { outcomes, review } = applyWaivers(findings, [W, byUrn, expired, unmatched], "2026-12-02");
        assert.deepEqual(
            outcomes.map((o) => [o.finding.id, o.kind, o.kind === "waived" ? o.waiver : undefined]),
            [
                [1, "waived", W],
                [2, "counted", undefined],
                [3, "waived", byUrn],
                [4, "counted", undefined],
            ],
        );
        assert.deepEqual(review, { expired: [expired], unmatched: [unmatched] });
        const alone = applyWaivers([findings[2]], [expired], "2026-12-02");
        assert.deepEqual(alone.outcomes, [{ kind: "counted", finding: findings[2], expired }]);
        assert.deepEqual(alone.review, { expired: [expired], unmatched: [] });
    });

    it("the shipped profiles' waivers name policies of the pack and are complete", () => {
        const knownPolicies = new Set(PACK_POLICIES.map((p) => p.name));
        for (const [env, profile] of Object.entries(PROFILES)) {
            assert.deepEqual(waiverProblems(profile.pack.waivers ?? [], `PROFILES.${env}.pack.waivers`, { flat: true, knownPolicies }), []);
        }
    });

    it("the profile's waivers go under their policies' entries of the generated pack config; a bad one is refused", () => {
        const regions = { allowedRegions: ["us-east-1"] };
        const profile = {
            ...PROFILES.prod,
            pack: { ...PROFILES.prod.pack, waivers: [W, { ...W, policy: "iam-user-access-keys", resource: "ci" }] },
        };
        const config = packConfigOf(profile, regions);
        const inVersioning = { resource: W.resource, reason: W.reason, owner: W.owner, expires: W.expires };
        assert.deepEqual(config["s3-bucket-versioning"], { enforcementLevel: "mandatory", waivers: [inVersioning] });
        assert.deepEqual(config["iam-user-access-keys"], { enforcementLevel: "advisory", waivers: [{ ...inVersioning, resource: "ci" }] });
        assert.deepEqual(config["s3-lifecycle-rules"], packConfigOf(PROFILES.prod, regions)["s3-lifecycle-rules"]);
        assert.throws(
            () => packConfigOf({ ...profile, pack: { ...profile.pack, waivers: [{ ...W, expires: "soon" }] } }, regions),
            /invalid waivers in the stack profile \(1\): pack\.waivers\[0\]\.expires: got "soon"; an ISO date YYYY-MM-DD/,
        );
    });
});
