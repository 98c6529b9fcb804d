/**
 * policy-document-well-formed through the analyzer gRPC path: every resource type that holds a policy
 * document (policy-pack/lib/documents.ts), each with a well-formed document (passes) and with each
 * malformed statement (fires, naming the input and the problem). The resources are the shipped prod
 * stack's writer policy record re-typed, so each goes over the wire exactly as the engine sends it.
 */
import * as assert from "node:assert/strict";
import { find, shippedStack, TYPE } from "./helpers/cases";
import { usePolicyPack } from "./helpers/pack";
import { RecordedResource } from "../../gate/recorder";

const POLICY = "policy-document-well-formed";
const GOOD = {
    Effect: "Allow",
    Action: "s3:GetObject",
    Resource: "arn:aws:s3:::b/*",
    Principal: { AWS: "arn:aws:iam::123456789012:root" },
};
const doc = (s: Record<string, unknown>) => JSON.stringify({ Version: "2012-10-17", Statement: [s] });

/** Type -> how a document is set on it. */
const HOLDERS: readonly [string, (d: string) => Record<string, unknown>, string][] = [
    ["aws:iam/policy:Policy", (d) => ({ policy: d }), "policy"],
    ["aws:iam/rolePolicy:RolePolicy", (d) => ({ role: "r", policy: d }), "policy"],
    ["aws:iam/userPolicy:UserPolicy", (d) => ({ user: "u", policy: d }), "policy"],
    ["aws:iam/groupPolicy:GroupPolicy", (d) => ({ group: "g", policy: d }), "policy"],
    [
        "aws:iam/role:Role",
        (d) => ({ assumeRolePolicy: doc({ ...GOOD, Action: "sts:AssumeRole" }), inlinePolicies: [{ name: "i", policy: d }] }),
        "inlinePolicies[0]",
    ],
    ["aws:iam/role:Role", (d) => ({ assumeRolePolicy: d }), "assumeRolePolicy"],
    [
        "aws:ssoadmin/permissionSetInlinePolicy:PermissionSetInlinePolicy",
        (d) => ({ inlinePolicy: d, instanceArn: "i", permissionSetArn: "p" }),
        "inlinePolicy",
    ],
    ["aws:s3/bucketPolicy:BucketPolicy", (d) => ({ bucket: "b", policy: d }), "policy"],
    ["aws:s3/accessPoint:AccessPoint", (d) => ({ bucket: "b", policy: d }), "policy"],
    ["aws:s3control/accessPointPolicy:AccessPointPolicy", (d) => ({ accessPointArn: "a", policy: d }), "policy"],
    ["aws:kms/keyPolicy:KeyPolicy", (d) => ({ keyId: "k", policy: d }), "policy"],
    ["aws:sns/topicPolicy:TopicPolicy", (d) => ({ arn: "t", policy: d }), "policy"],
    ["aws:sns/topic:Topic", (d) => ({ policy: d }), "policy"],
    ["aws:sqs/queuePolicy:QueuePolicy", (d) => ({ queueUrl: "q", policy: d }), "policy"],
    ["aws:sqs/queue:Queue", (d) => ({ policy: d }), "policy"],
];

const MALFORMED: readonly [string, Record<string, unknown>, RegExp][] = [
    ["no Effect", { Action: "s3:GetObject", Resource: "*" }, /has no Effect/],
    ["an unknown Effect", { ...GOOD, Effect: "allow" }, /has Effect "allow" \(it must be "Allow" or "Deny", case-sensitive\)/],
    ["both Action and NotAction", { ...GOOD, NotAction: "s3:PutObject" }, /has both Action and NotAction/],
    ["neither Action nor NotAction", { Effect: "Deny", Resource: "*", Principal: "*" }, /has neither Action nor NotAction/],
    ["both Resource and NotResource", { ...GOOD, NotResource: "arn:aws:s3:::b/private/*" }, /has both Resource and NotResource/],
];

describe("policy pack: policy-document-well-formed on every document holder (gRPC)", function () {
    this.timeout(60_000);
    const pack = usePolicyPack();
    let template: RecordedResource;
    before(async () => {
        template = find(await shippedStack("prod", "update"), TYPE.rolePolicy, "firehose-writer-policy");
    });
    const synth = (type: string, i: number, props: Record<string, unknown>): RecordedResource => ({
        ...template,
        type,
        name: `doc-${i}`,
        urn: `urn:pulumi:prod::firehose-storage::${type}::doc-${i}`,
        parent: "",
        provider: "",
        wireInputs: props,
        inputs: props,
        dependencies: [],
        propertyDependencies: {},
    });
    const config = { all: "disabled" as const, [POLICY]: "mandatory" as const };

    it("passes a well-formed document on every holder type", async () => {
        const r = await pack().analyze(
            HOLDERS.map(([type, set], i) => synth(type, i, set(doc(GOOD)))),
            config,
        );
        assert.deepEqual(r.violations, []);
    });

    for (const [what, statement, message] of MALFORMED) {
        it(`fires on ${what} on every holder type, naming the input`, async () => {
            const r = await pack().analyze(
                HOLDERS.map(([type, set], i) => synth(type, i, set(doc(statement)))),
                config,
            );
            assert.deepEqual(
                r.violations.map((v) => [v.resourceName, v.enforcementLevel]),
                HOLDERS.map((_, i) => [`doc-${i}`, "mandatory"]),
            );
            for (const [i, v] of r.violations.entries()) {
                assert.match(v.message, message);
                assert.match(
                    v.message,
                    new RegExp(`${HOLDERS[i][2].replace(/[[\]]/g, "\\$&")} statement #0 of doc-${i} \\(${HOLDERS[i][0]}\\)`),
                );
            }
        });
    }

    it("the IAM checks judge a permission set's inline policy too (iam-no-wildcard-actions)", async () => {
        const type = "aws:ssoadmin/permissionSetInlinePolicy:PermissionSetInlinePolicy";
        const set = (action: string) =>
            synth(type, 0, {
                inlinePolicy: doc({ Effect: "Allow", Action: action, Resource: "arn:aws:s3:::b/*" }),
                instanceArn: "i",
                permissionSetArn: "p",
            });
        const only = { all: "disabled" as const, "iam-no-wildcard-actions": "mandatory" as const };
        assert.deepEqual((await pack().analyze([set("s3:GetObject")], only)).violations, []);
        const r = await pack().analyze([set("s3:*")], only);
        assert.deepEqual(
            r.violations.map((v) => [v.policyName, v.resourceName]),
            [["iam-no-wildcard-actions", "doc-0"]],
        );
        assert.match(r.violations[0].message, /inlinePolicy statement #0 of doc-0 .* allows s3:\*/);
    });

    it("fires on a document that is not JSON", async () => {
        const r = await pack().analyze([synth("aws:sqs/queuePolicy:QueuePolicy", 0, { queueUrl: "q", policy: "{not json" })], config);
        assert.equal(r.violations.length, 1);
        assert.match(r.violations[0].message, /the policy of doc-0 \(aws:sqs\/queuePolicy:QueuePolicy\) is not valid JSON/);
    });
});
