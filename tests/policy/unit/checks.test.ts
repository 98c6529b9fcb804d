/**
 * The policies' pure checks called directly on hand-made resources, for unknown-value rows that the
 * gRPC tests reach only through whole stacks: each row says whether the verdict is a violation, not
 * verified, or a pass. Never a pass because something was unknown.
 */
import * as assert from "node:assert/strict";
import { Finding, ResourceView, StackResource } from "../../../policy-pack/lib/check";
import { PACK_POLICIES } from "../../../policy-pack/policies/all";

const U = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";
const provider = { type: "pulumi:providers:aws", name: "p", urn: "urn:p", props: { region: "us-east-1" } };

function policy(name: string) {
    const p = PACK_POLICIES.find((x) => x.name === name);
    assert.ok(p !== undefined, name);
    return p;
}

function judgeResource(name: string, type: string, props: Record<string, unknown>, withProvider = true): string[] {
    const p = policy(name);
    assert.ok(!("validateStack" in p));
    const r: ResourceView = { type, name: "r", urn: "urn:r", props, provider: withProvider ? provider : undefined };
    return p.check.check(r, p.check.defaults).map((f: Finding) => f.verdict);
}

function judgeStack(name: string, resources: StackResource[]): string[] {
    const p = policy(name);
    assert.ok("validateStack" in p);
    return p.check.check(resources, p.check.defaults).map((f) => f.verdict);
}

const doc = (...Statement: unknown[]) => JSON.stringify({ Version: "2012-10-17", Statement });
const ROLE_POLICY = "aws:iam/rolePolicy:RolePolicy";

describe("policy checks on unknown values", () => {
    const rows: [string, string, string, Record<string, unknown>, string[]][] = [
        [
            "iam-no-wildcard-actions",
            "known s3:* beside an unknown action",
            ROLE_POLICY,
            { policy: doc({ Effect: "Allow", Action: ["s3:*", U], Resource: "*" }) },
            ["violation", "unverified"],
        ],
        [
            "iam-no-wildcard-actions",
            "only an unknown action",
            ROLE_POLICY,
            { policy: doc({ Effect: "Allow", Action: U, Resource: "*" }) },
            ["unverified"],
        ],
        [
            "iam-no-wildcard-actions",
            "NotAction in an Allow, even unknown",
            ROLE_POLICY,
            { policy: doc({ Effect: "Allow", NotAction: U, Resource: "*" }) },
            ["violation"],
        ],
        ["iam-no-wildcard-actions", "a Deny with *", ROLE_POLICY, { policy: doc({ Effect: "Deny", Action: "*", Resource: "*" }) }, []],
        [
            "iam-no-s3-on-all-resources",
            "S3 action, unknown resource",
            ROLE_POLICY,
            { policy: doc({ Effect: "Allow", Action: "s3:GetObject", Resource: U }) },
            ["unverified"],
        ],
        [
            "iam-no-s3-on-all-resources",
            "unknown action on *",
            ROLE_POLICY,
            { policy: doc({ Effect: "Allow", Action: U, Resource: "*" }) },
            ["unverified"],
        ],
        [
            "iam-no-s3-on-all-resources",
            "kms action on *",
            ROLE_POLICY,
            { policy: doc({ Effect: "Allow", Action: "kms:Decrypt", Resource: "*" }) },
            [],
        ],
        [
            "iam-no-passrole-on-all",
            "iam:Pass* on NotResource",
            ROLE_POLICY,
            { policy: doc({ Effect: "Allow", Action: "iam:Pass*", NotResource: "arn:aws:iam::1:role/x" }) },
            ["violation"],
        ],
        [
            "iam-no-passrole-on-all",
            "unknown effect",
            ROLE_POLICY,
            { policy: doc({ Effect: U, Action: "iam:PassRole", Resource: "*" }) },
            ["unverified"],
        ],
        [
            "s3-bucket-encryption",
            "SSE-S3 with an unknown bucket key flag",
            "aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration",
            { rules: [{ applyServerSideEncryptionByDefault: { sseAlgorithm: "AES256" }, bucketKeyEnabled: U }] },
            ["unverified"],
        ],
        [
            "s3-bucket-encryption",
            "SSE-KMS with a key ARN still unknown",
            "aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration",
            { rules: [{ applyServerSideEncryptionByDefault: { sseAlgorithm: "aws:kms", kmsMasterKeyId: U }, bucketKeyEnabled: true }] },
            [],
        ],
        [
            "s3-bucket-policy-no-public-allow",
            "Allow * with an unknown aws:SourceArn",
            "aws:s3/bucketPolicy:BucketPolicy",
            {
                policy: doc({
                    Effect: "Allow",
                    Principal: "*",
                    Action: "s3:GetObject",
                    Resource: "*",
                    Condition: { ArnLike: { "aws:SourceArn": U } },
                }),
            },
            ["unverified"],
        ],
        ["s3-bucket-policy-no-public-allow", "invalid JSON", "aws:s3/bucketPolicy:BucketPolicy", { policy: "{" }, ["violation"]],
        [
            "cloudwatch-alarm-has-actions",
            "actions disabled, alarm actions unknown",
            "aws:cloudwatch/metricAlarm:MetricAlarm",
            { actionsEnabled: false, alarmActions: U },
            ["violation"],
        ],
        [
            "cloudwatch-alarm-has-actions",
            "alarm actions unknown",
            "aws:cloudwatch/metricAlarm:MetricAlarm",
            { alarmActions: U },
            ["unverified"],
        ],
        ["sns-topic-encrypted", "key ARN unknown (the key is set)", "aws:sns/topic:Topic", { kmsMasterKeyId: U }, []],
        ["s3-no-force-destroy", "forceDestroy unknown", "aws:s3/bucket:Bucket", { forceDestroy: U }, ["unverified"]],
    ];
    for (const [name, what, type, props, expected] of rows) {
        it(`${name}: ${what} -> ${expected.join(", ") || "pass"}`, () => assert.deepEqual(judgeResource(name, type, props), expected));
    }

    it("allowed-regions: a resource without a region or provider is not verified, not passed", () => {
        assert.deepEqual(judgeResource("allowed-regions", "aws:sns/topic:Topic", {}, false), ["unverified"]);
        assert.deepEqual(judgeResource("allowed-regions", "aws:sns/topic:Topic", {}), []);
        assert.deepEqual(judgeResource("allowed-regions", "aws:sns/topic:Topic", { region: "eu-west-1" }), ["violation"]);
    });

    const bucket = (name: string, props: Record<string, unknown> = {}): StackResource => ({
        type: "aws:s3/bucket:Bucket",
        name,
        urn: `urn:${name}`,
        props: { tags: { Role: "data" }, ...props },
        provider,
        dependencies: [],
        propertyDependencies: {},
    });
    const child = (type: string, name: string, of: string, props: Record<string, unknown>): StackResource => ({
        type,
        name,
        urn: `urn:${name}`,
        props: { bucket: U, ...props },
        provider,
        dependencies: [`urn:${of}`],
        propertyDependencies: { bucket: [`urn:${of}`] },
    });
    const POLICY = "aws:s3/bucketPolicy:BucketPolicy";
    const tls = {
        Effect: "Deny",
        Principal: "*",
        Action: "s3:*",
        Resource: ["arn:aws:s3:::b", "arn:aws:s3:::b/*"],
        Condition: { Bool: { "aws:SecureTransport": "false" } },
    };

    it("s3-data-bucket-tls-only: a known TLS deny passes; unknown parts are not verified; a deny on objects only fails", () => {
        assert.deepEqual(judgeStack("s3-data-bucket-tls-only", [bucket("b"), child(POLICY, "p", "b", { policy: doc(tls) })]), []);
        assert.deepEqual(
            judgeStack("s3-data-bucket-tls-only", [bucket("b"), child(POLICY, "p", "b", { policy: doc({ ...tls, Resource: [U] }) })]),
            ["unverified"],
        );
        assert.deepEqual(
            judgeStack("s3-data-bucket-tls-only", [
                bucket("b"),
                child(POLICY, "p", "b", { policy: doc({ ...tls, Resource: "arn:aws:s3:::b/*" }) }),
            ]),
            ["violation"],
        );
        assert.deepEqual(judgeStack("s3-data-bucket-tls-only", [bucket("b"), child(POLICY, "p", "b", { policy: U })]), ["unverified"]);
    });

    it("s3-replication-cross-region: an unresolvable destination is not verified; same region fails", () => {
        const rep = (destination: unknown, pd: string[]): StackResource => ({
            type: "aws:s3/bucketReplicationConfig:BucketReplicationConfig",
            name: "rep",
            urn: "urn:rep",
            props: { bucket: U, rules: [{ destination: { bucket: destination } }] },
            provider,
            dependencies: [],
            propertyDependencies: { bucket: ["urn:src"], rules: pd },
        });
        assert.deepEqual(
            judgeStack("s3-replication-cross-region", [bucket("src"), bucket("dst", { region: "us-west-2" }), rep(U, ["urn:dst"])]),
            [],
        );
        assert.deepEqual(judgeStack("s3-replication-cross-region", [bucket("src"), bucket("dst"), rep(U, ["urn:dst"])]), ["violation"]);
        assert.deepEqual(judgeStack("s3-replication-cross-region", [bucket("src"), rep(U, [])]), ["unverified"]);
        assert.deepEqual(judgeStack("s3-replication-cross-region", [bucket("src"), rep("arn:aws:s3:::elsewhere", [])]), ["unverified"]);
    });
});
