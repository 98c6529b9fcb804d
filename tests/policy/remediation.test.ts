/**
 * Remediation at preview through the analyzer gRPC path (gate/remediation.ts): with a policy at level
 * `remediate` the gate sends each resource to the pack's `Remediate` RPC and judges what comes back,
 * as the engine does. One insecure field per always-safe fix on the shipped prod stack (an update):
 * at `remediate` the fix is reported (policy, resource, input path, old and new value), the corrected
 * inputs are judged (no violation), and nothing is counted; at `mandatory` the same resource fails.
 * The deprecated inline inputs of aws.s3.Bucket / BucketV2 (the forms fixture) are fixed the same way.
 */
import * as assert from "node:assert/strict";
import { TYPE, edit, forms, shippedStack } from "./helpers/cases";
import { usePolicyPack } from "./helpers/pack";
import { RecordedResource } from "../../gate/recorder";
import { EnforcementLevel } from "../../gate/policyConfig";
import { verdictOf } from "../../gate/offlineGate";
import { toFinding } from "../../gate/findings";
import { PACK_POLICIES } from "../../policy-pack/policies/all";

type Inputs = Record<string, unknown>;

interface Case {
    readonly policy: string;
    readonly type: string;
    readonly name: string;
    readonly change: (i: Record<string, unknown>) => void;
    readonly path: string;
    readonly from: unknown;
    readonly to: unknown;
    /** The resources it edits. @default the shipped prod stack */
    readonly on?: "forms";
}

const CASES: readonly Case[] = [
    {
        policy: "s3-public-access-block",
        type: TYPE.pab,
        name: "firehose-data-public-access-block",
        change: (i) => (i.blockPublicAcls = false),
        path: "blockPublicAcls",
        from: false,
        to: true,
    },
    {
        policy: "s3-bucket-owner-enforced",
        type: TYPE.ownership,
        name: "firehose-data-access-logs-ownership",
        change: (i) => (i.rule = { objectOwnership: "ObjectWriter" }),
        path: "rule.objectOwnership",
        from: "ObjectWriter",
        to: "BucketOwnerEnforced",
    },
    {
        policy: "s3-bucket-encryption",
        type: TYPE.encryption,
        name: "firehose-data-encryption",
        change: (i) => ((i.rules as Record<string, unknown>[])[0].bucketKeyEnabled = false),
        path: "rules[0].bucketKeyEnabled",
        from: false,
        to: true,
    },
    {
        policy: "s3-bucket-versioning",
        type: TYPE.versioning,
        name: "firehose-data-versioning",
        change: (i) => (i.versioningConfiguration = { status: "Suspended" }),
        path: "versioningConfiguration.status",
        from: "Suspended",
        to: "Enabled",
    },
    // The deprecated inline inputs (fixtures/forms.ts), rewritten in their own shape.
    {
        policy: "s3-bucket-versioning",
        type: TYPE.bucket,
        name: "inline-data",
        change: (i) => (i.versioning = { enabled: false, mfaDelete: false }),
        path: "versioning.enabled",
        from: false,
        to: true,
        on: "forms",
    },
    {
        policy: "s3-bucket-versioning",
        type: TYPE.bucketV2,
        name: "v2-data",
        change: (i) => (i.versionings = [{ enabled: false }]),
        path: "versionings[0].enabled",
        from: false,
        to: true,
        on: "forms",
    },
    {
        policy: "s3-bucket-encryption",
        type: TYPE.bucket,
        name: "inline-data",
        change: (i) => (((i.serverSideEncryptionConfiguration as Inputs).rule as Inputs).bucketKeyEnabled = false),
        path: "serverSideEncryptionConfiguration.rule.bucketKeyEnabled",
        from: false,
        to: true,
        on: "forms",
    },
    {
        policy: "s3-bucket-encryption",
        type: TYPE.bucketV2,
        name: "v2-data",
        change: (i) => (((i.serverSideEncryptionConfigurations as Inputs[])[0].rules as Inputs[])[0].bucketKeyEnabled = false),
        path: "serverSideEncryptionConfigurations[0].rules[0].bucketKeyEnabled",
        from: false,
        to: true,
        on: "forms",
    },
];

describe("policy pack: remediation at preview (gRPC)", function () {
    this.timeout(60_000);
    const pack = usePolicyPack();
    let prod: readonly RecordedResource[];
    let formsUpdate: readonly RecordedResource[];
    let keyName: string;
    before(async () => {
        prod = await shippedStack("prod", "update");
        formsUpdate = await forms("update");
        keyName = prod.filter((r) => r.type === TYPE.kmsKey)[0].name;
    });
    const config = (policy: string, level: EnforcementLevel) => ({
        all: "disabled" as const,
        [policy]: policy === "s3-bucket-encryption" ? { enforcementLevel: level, requireBucketKeyForKms: true } : level,
    });

    const all = (): Case[] => [
        ...CASES,
        {
            policy: "kms-key-rotation",
            type: TYPE.kmsKey,
            name: keyName,
            change: (i) => (i.enableKeyRotation = false),
            path: "enableKeyRotation",
            from: false,
            to: true,
        },
    ];

    for (const [i, label] of [
        ...CASES.map((c) => `${c.policy}: ${c.path} ${JSON.stringify(c.from)}`),
        "kms-key-rotation: enableKeyRotation false",
    ].entries()) {
        it(`${label} -> remediate: the change is reported and the corrected inputs pass; mandatory: it fails`, async () => {
            const c = all()[i];
            const broken = edit(c.on === "forms" ? formsUpdate : prod, c.type, c.name, c.change);
            const fixed = await pack().analyze(broken, config(c.policy, "remediate"));
            assert.deepEqual(fixed.remediations, [
                {
                    policy: c.policy,
                    description: pack().info.policies.find((p) => p.name === c.policy)?.description,
                    resource: { urn: broken.find((r) => r.name === c.name)?.urn, name: c.name, type: c.type },
                    changes: [{ path: c.path, from: c.from, to: c.to }],
                    diagnostic: null,
                },
            ]);
            assert.deepEqual(
                fixed.violations.map((v) => [v.policyName, v.resourceName, v.enforcementLevel, v.remediated]),
                [[c.policy, c.name, "remediate", true]],
            );
            assert.match(
                fixed.violations[0].message,
                new RegExp(`remediated: ${c.path.replace(/[[\].]/g, "\\$&")}: ${JSON.stringify(c.from)} -> ${JSON.stringify(c.to)}`),
            );
            // Like any violation, the remediated finding carries its policy's severity and control ids
            // (the typed metadata) into the JSON report.
            const meta = PACK_POLICIES.find((p) => p.name === c.policy);
            const finding = toFinding(fixed.violations[0]);
            assert.deepEqual(
                [finding.severity, finding.controlIds, finding.remediated],
                [meta?.severity, [...(meta?.securityHub ?? []), ...(meta?.cis ?? []).map((id) => `CIS ${id}`)], true],
            );
            assert.ok(finding.controlIds.length > 0, `${c.policy} maps to a control`);
            assert.equal(fixed.mandatoryCount, 0);
            assert.equal(verdictOf(fixed.violations), "pass");

            const judged = await pack().analyze(broken, config(c.policy, "mandatory"));
            assert.deepEqual(judged.remediations, []);
            assert.deepEqual(
                judged.violations.map((v) => [v.policyName, v.resourceName, v.enforcementLevel]),
                [[c.policy, c.name, "mandatory"]],
            );
            assert.equal(verdictOf(judged.violations), "fail");
        });
    }

    it("a compliant stack at remediate: nothing changed, nothing reported", async () => {
        const r = await pack().analyze(prod, {
            all: "disabled",
            "s3-public-access-block": "remediate",
            "s3-bucket-versioning": "remediate",
            "kms-key-rotation": "remediate",
        });
        assert.deepEqual(r.remediations, []);
        assert.deepEqual(r.violations, []);
    });
});
