/**
 * Waivers through the analyzer gRPC path, on the shipped prod stack (an update) with one bucket's
 * versioning Suspended (s3-bucket-versioning, mandatory in prod). Both judges: the offline gate
 * (waivers taken out of Configure, findings marked) and the pack as the Pulumi CLI runs it (waivers
 * sent in each policy's config; `policy-waivers` lists what they covered).
 */
import * as assert from "node:assert/strict";
import { TYPE, edit, shippedStack } from "./helpers/cases";
import { readPackConfig, usePolicyPack } from "./helpers/pack";
import { RecordedResource } from "../../gate/recorder";
import { PolicyPackConfig } from "../../gate/policyConfig";
import { verdictOf } from "../../gate/offlineGate";
import { toFinding } from "../../gate/findings";
import { Waiver } from "../../rules/waivers";

const POLICY = "s3-bucket-versioning";
const TARGET = "firehose-data-versioning";
const LIVE = { resource: TARGET, reason: "RISK-7: migration in progress", owner: "storage-team", expires: "2999-12-31" };
const EXPIRED = { ...LIVE, expires: "2000-01-31" };
const UNMATCHED = { ...LIVE, resource: "firehose-data-access-logs-versioning" };

describe("policy pack: waivers (gRPC)", function () {
    this.timeout(60_000);
    const pack = usePolicyPack();
    const prodConfig = readPackConfig("prod");
    let suspended: readonly RecordedResource[];
    before(async () => {
        suspended = edit(
            await shippedStack("prod", "update"),
            TYPE.versioning,
            TARGET,
            (i) => (i.versioningConfiguration = { status: "Suspended" }),
        );
    });
    /** Only s3-bucket-versioning (mandatory, as prod) and policy-waivers run. */
    const config = (waivers: readonly object[]): PolicyPackConfig => ({
        all: "disabled",
        [POLICY]: { enforcementLevel: "mandatory", waivers: [...waivers] },
        "policy-waivers": "advisory",
    });
    const of = (policy: string) => (v: { policyName: string }) => v.policyName === policy;

    it("unwaived: the violation counts (the baseline the waivers change)", async () => {
        const r = await pack().analyze(suspended, config([]));
        assert.deepEqual(
            r.violations.map((v) => [v.policyName, v.resourceName, v.enforcementLevel, v.waived]),
            [[POLICY, TARGET, "mandatory", undefined]],
        );
        assert.equal(verdictOf(r.violations), "fail");
    });

    it("gate: a live waiver marks the finding waived with its evidence, not counted; an unmatched waiver is a policy-waivers finding", async () => {
        const r = await pack().analyze(suspended, config([LIVE, UNMATCHED]), "test", { today: "2026-12-02" });
        const [waived] = r.violations.filter(of(POLICY));
        assert.equal(r.violations.filter(of(POLICY)).length, 1);
        assert.equal(waived.resourceName, TARGET);
        assert.equal(waived.waived, true);
        assert.deepEqual(waived.waiver, { policy: POLICY, ...LIVE } satisfies Waiver);
        // Like any violation, the waived finding carries its policy's severity and control ids into the JSON report.
        assert.deepEqual([toFinding(waived).severity, toFinding(waived).controlIds, toFinding(waived).waived], ["medium", ["S3.14"], true]);
        assert.equal(r.mandatoryCount, 0);
        assert.equal(verdictOf(r.violations), "pass");
        const review = r.violations.filter(of("policy-waivers"));
        assert.deepEqual(
            review.map((v) => [v.resourceName, v.enforcementLevel]),
            [["firehose-data-access-logs-versioning", "advisory"]],
        );
        assert.match(
            review[0].message,
            /The waiver of s3-bucket-versioning for firehose-data-access-logs-versioning \(reason "RISK-7: migration in progress", owner storage-team, expires 2999-12-31\) matches no finding/,
        );
    });

    it("gate: an expired waiver waives nothing (the finding counts) and is itself a finding", async () => {
        const r = await pack().analyze(suspended, config([EXPIRED]), "test", { today: "2026-12-02" });
        assert.deepEqual(
            r.violations.map((v) => [v.policyName, v.resourceName, v.enforcementLevel, v.waived ?? false]),
            [
                [POLICY, TARGET, "mandatory", false],
                ["policy-waivers", TARGET, "advisory", false],
            ],
        );
        assert.match(r.violations[1].message, /expired on 2000-01-31 \(today is 2026-12-02\): it no longer waives anything/);
        assert.equal(verdictOf(r.violations), "fail");
    });

    it("pack (as the Pulumi CLI runs it): the waived finding leaves its policy and is listed by policy-waivers with its evidence", async () => {
        const r = await pack().analyze(suspended, config([LIVE, UNMATCHED]), "test", { waivers: "pack" });
        assert.deepEqual(r.violations.filter(of(POLICY)), []);
        const listed = r.violations.filter(of("policy-waivers"));
        assert.deepEqual(
            listed.map((v) => [v.resourceName, v.enforcementLevel]),
            [
                [TARGET, "advisory"],
                ["firehose-data-access-logs-versioning", "advisory"],
            ],
        );
        assert.match(
            listed[0].message,
            /waived: s3-bucket-versioning on firehose-data-versioning: .*"Suspended".*\(reason "RISK-7: migration in progress", owner storage-team, expires 2999-12-31\)/s,
        );
        assert.match(listed[1].message, /matches no finding/);
        assert.equal(r.mandatoryCount, 0);
    });

    it("pack: an expired waiver leaves the finding to block and is reported", async () => {
        const r = await pack().analyze(suspended, config([EXPIRED]), "test", { waivers: "pack" });
        assert.deepEqual(
            r.violations.map((v) => [v.policyName, v.resourceName, v.enforcementLevel]),
            [
                [POLICY, TARGET, "mandatory"],
                ["policy-waivers", TARGET, "advisory"],
            ],
        );
        assert.match(r.violations[1].message, /expired on 2000-01-31/);
    });

    it("bad waiver entries: one error naming each entry and field, before anything is analysed", async () => {
        const bad: PolicyPackConfig = {
            ...prodConfig,
            [POLICY]: {
                enforcementLevel: "mandatory",
                waivers: [
                    { ...LIVE, expires: "2027-02-30" },
                    { resource: "x", reason: "r" },
                ],
            },
        };
        await assert.rejects(pack().analyze(suspended, bad, "policy-pack/config/prod.json"), (e: Error) => {
            assert.equal(e.name, "PolicyConfigError");
            assert.equal(
                e.message,
                'policy-pack/config/prod.json: invalid waivers (3): "s3-bucket-versioning".waivers[0].expires: got "2027-02-30"; an ISO date YYYY-MM-DD (the last day the waiver holds); "s3-bucket-versioning".waivers[1].owner: missing; a non-empty string is required; "s3-bucket-versioning".waivers[1].expires: missing; a non-empty string is required',
            );
            return true;
        });
    });
});
