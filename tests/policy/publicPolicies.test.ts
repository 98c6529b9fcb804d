/**
 * Public principals in resource policies other than bucket policies, through the analyzer gRPC path
 * on fixtures/resourcePolicies.ts (compliant as written; one changed policy per case): S3 access
 * points (the access point's `policy`, aws.s3control.AccessPointPolicy), SNS topics (SNS.4), SQS
 * queues (SQS.3) and KMS keys (KMS.5). Each service's definition of "public" is
 * policy-pack/lib/publicPrincipal.ts; at preview an unknown document is a note, never a pass.
 */
import * as assert from "node:assert/strict";
import { edit, find, resourcePolicies } from "./helpers/cases";
import { COMPLIANT, NON_COMPLIANT, usePolicyPack, validateStack, violationsOf } from "./helpers/pack";
import { RecordedResource } from "../../gate/recorder";

const CONFIG = { all: "mandatory" } as const;
const AP = "s3-access-point-policy-no-public-allow";
const SNS = "sns-topic-policy-no-public-allow";
const SQS = "sqs-queue-policy-no-public-allow";
const KMS = "kms-key-policy-no-public-allow";

/** [policy, type, resource name] of every holder in the fixture. */
const HOLDERS: readonly [string, string, string][] = [
    [SNS, "aws:sns/topic:Topic", "rp-topic"],
    [SNS, "aws:sns/topicPolicy:TopicPolicy", "rp-topic-policy"],
    [SQS, "aws:sqs/queue:Queue", "rp-queue"],
    [SQS, "aws:sqs/queuePolicy:QueuePolicy", "rp-queue-policy"],
    [AP, "aws:s3/accessPoint:AccessPoint", "rp-ap"],
    [AP, "aws:s3control/accessPointPolicy:AccessPointPolicy", "rp-ap-policy"],
    [KMS, "aws:kms/keyPolicy:KeyPolicy", "rp-key-policy"],
];

const statement = (extra: Record<string, unknown> = {}) => ({
    Sid: "Open",
    Effect: "Allow",
    Principal: "*",
    Action: "*",
    Resource: "*",
    ...extra,
});
const policyOf = (...s: Record<string, unknown>[]) => JSON.stringify({ Version: "2012-10-17", Statement: s });

describe("policy pack: public principals in access point, SNS, SQS and KMS policies (gRPC)", function () {
    this.timeout(120_000);
    const pack = usePolicyPack();
    let update: readonly RecordedResource[];
    before(async () => {
        update = await resourcePolicies("update");
    });
    const withPolicy = (type: string, name: string, policy: string) => edit(update, type, name, (i) => (i.policy = policy));

    for (const policy of [AP, SNS, SQS, KMS]) {
        it(`${policy} passes every holder as written (named principals, services, "*" restricted to a fixed source)`, () =>
            validateStack(pack(), update, policy, COMPLIANT, { config: CONFIG }));
    }

    for (const [policy, type, name] of HOLDERS) {
        it(`${policy} fires on ${type} with an Allow to "*" and no condition, naming the resource and statement`, async () => {
            const found = await validateStack(pack(), withPolicy(type, name, policyOf(statement())), policy, NON_COMPLIANT, {
                config: CONFIG,
                onResource: name,
                message: new RegExp(
                    `\\nstatement Open of ${name} \\(${type.replace(/[/]/g, "\\/")}\\) allows Principal "\\*" with no restricting condition`,
                ),
            });
            assert.equal(found.length, 1, found.map((v) => v.message).join("\n"));
        });
    }

    it('fires on { AWS: "*" } in a list and on Allow with NotPrincipal', async () => {
        const noPrincipal: Record<string, unknown> = statement();
        delete noPrincipal.Principal;
        const found = await validateStack(
            pack(),
            withPolicy(
                "aws:sqs/queue:Queue",
                "rp-queue",
                policyOf(statement({ Sid: "List", Principal: { AWS: ["arn:aws:iam::123456789012:root", "*"] } }), {
                    ...noPrincipal,
                    Sid: "AllBut",
                    NotPrincipal: { AWS: "arn:aws:iam::123456789012:root" },
                }),
            ),
            SQS,
            NON_COMPLIANT,
            { config: CONFIG, onResource: "rp-queue" },
        );
        assert.deepEqual(
            found.map((v) => /\nstatement (\w+) .* allows (.+?) with no restricting condition/.exec(v.message)?.slice(1)),
            [
                ["List", 'Principal "*"'],
                ["AllBut", "everyone outside NotPrincipal"],
            ],
        );
    });

    /** A condition that one service's definition of public counts as restricting and another's does not. */
    const definitions: { key: string; condition: object; restricts: string; notFor: string; message: RegExp }[] = [
        {
            key: "aws:SourceIp",
            condition: { IpAddress: { "aws:SourceIp": "203.0.113.0/24" } },
            restricts: "rp-ap",
            notFor: "rp-topic",
            message: /statement Open .* add a fixed aws:SourceArn\/aws:SourceAccount\/aws:PrincipalOrgID condition/,
        },
        {
            key: "aws:PrincipalOrgID",
            condition: { StringEquals: { "aws:PrincipalOrgID": "o-a1b2c3d4e5" } },
            restricts: "rp-queue",
            notFor: "rp-ap",
            message: /statement Open .* with no restricting condition/,
        },
    ];
    const holder = (name: string) => HOLDERS.find(([, , n]) => n === name)!;
    for (const d of definitions) {
        const [passing, passingType] = holder(d.restricts);
        const [firing, firingType] = holder(d.notFor);
        it(`follows each service's definition: ${d.key} restricts ${passing} but not ${firing}`, async () => {
            const policy = policyOf(statement({ Condition: d.condition }));
            await validateStack(pack(), withPolicy(passingType, d.restricts, policy), passing, COMPLIANT, { config: CONFIG });
            await validateStack(pack(), withPolicy(firingType, d.notFor, policy), firing, NON_COMPLIANT, {
                config: CONFIG,
                onResource: d.notFor,
                message: d.message,
            });
        });
    }

    it("does not count kms:ViaService alone, nor a wildcard or negated value, as restricting a key policy (KMS.5)", async () => {
        const open = [
            { StringEquals: { "kms:ViaService": "s3.us-east-1.amazonaws.com" } },
            { StringLike: { "kms:CallerAccount": "*" } },
            { StringNotEquals: { "kms:CallerAccount": "210987654321" } },
        ];
        for (const Condition of open) {
            await validateStack(
                pack(),
                withPolicy("aws:kms/keyPolicy:KeyPolicy", "rp-key-policy", policyOf(statement({ Condition }))),
                KMS,
                NON_COMPLIANT,
                {
                    config: CONFIG,
                    onResource: "rp-key-policy",
                    message: /statement Open .* add a fixed kms:CallerAccount\/aws:PrincipalOrgID condition/,
                },
            );
        }
    });

    it("at preview, an unknown document or condition value is a note naming the resource, never a pass or a violation", async () => {
        const preview = await resourcePolicies("preview");
        const report = await pack().analyze(preview, { all: "mandatory", "preview-unverified": "advisory" });
        for (const policy of [AP, SNS, SQS, KMS]) {
            assert.deepEqual(violationsOf(report, policy), [], policy);
        }
        const notes = violationsOf(report, "preview-unverified").map((v) => `${v.resourceName}: ${v.message}`);
        const noteFor = (name: string) => notes.filter((n) => n.startsWith(`${name}: `));
        assert.equal(noteFor("rp-topic-policy").length, 1, notes.join("\n"));
        assert.match(
            noteFor("rp-topic-policy")[0],
            /the policy document of rp-topic-policy .* is unknown\. .*sns-topic-policy-no-public-allow/,
        );
        assert.match(
            noteFor("rp-ap-policy")[0],
            /the policy document of rp-ap-policy .* is unknown\. .*s3-access-point-policy-no-public-allow/,
        );
        assert.ok(
            noteFor("rp-queue-policy").some((n) =>
                /statement FromTopic of rp-queue-policy .* has an unknown effect, principal or condition\. sqs-queue-policy-no-public-allow/.test(
                    n,
                ),
            ),
            notes.join("\n"),
        );
        assert.deepEqual([...noteFor("rp-topic"), ...noteFor("rp-queue"), ...noteFor("rp-ap"), ...noteFor("rp-key-policy")], []);
        // The known documents are judged at preview too.
        assert.equal(typeof find(preview, "aws:sns/topic:Topic", "rp-topic").inputs.policy, "string");
    });
});
