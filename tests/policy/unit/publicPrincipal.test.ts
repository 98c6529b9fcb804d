/** lib/publicPrincipal.ts: which conditions restrict an Allow to everyone, per service, and the run over statements. */
import * as assert from "node:assert/strict";
import {
    hasRestrictingCondition,
    KMS_PUBLIC,
    MESSAGING_PUBLIC,
    PublicDefinition,
    publicStatementFindings,
    S3_PUBLIC,
} from "../../../policy-pack/lib/publicPrincipal";
import { UNKNOWN } from "../../../policy-pack/lib/unknown";

const U = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";
type Row = [unknown, boolean | typeof UNKNOWN];

function check(def: PublicDefinition, rows: readonly Row[]): void {
    for (const [condition, expected] of rows) {
        const c = condition === U ? UNKNOWN : (condition as Record<string, unknown> | undefined);
        assert.equal(hasRestrictingCondition(c, def), expected, JSON.stringify(condition));
    }
}

describe("policy-pack lib/publicPrincipal", () => {
    it("decides whether a condition restricts an Allow to * (S3's meaning of public)", () => {
        check(S3_PUBLIC, [
            [undefined, false],
            [{ StringEquals: { "aws:SourceAccount": "123456789012" } }, true],
            [{ ArnLike: { "aws:SourceArn": "arn:aws:s3:::src" } }, true],
            [{ StringEquals: { "aws:SourceVpce": "vpce-1" } }, true],
            [{ IpAddress: { "aws:SourceIp": "10.0.0.0/8" } }, true],
            [{ IpAddress: { "aws:SourceIp": "0.0.0.0/0" } }, false],
            [{ StringLike: { "aws:SourceArn": "arn:aws:s3:::*" } }, false],
            [{ StringEquals: { "aws:SourceArn": "arn:aws:s3:::${aws:username}" } }, false],
            [{ StringNotEquals: { "aws:SourceAccount": "123456789012" } }, false],
            [{ StringEqualsIfExists: { "aws:SourceAccount": "123456789012" } }, false],
            [{ StringEquals: { "aws:PrincipalOrgID": "o-abc" } }, false],
            [{ Bool: { "aws:SecureTransport": "true" } }, false],
            [{ StringEquals: { "aws:SourceAccount": U } }, UNKNOWN],
            [U, UNKNOWN],
        ]);
        assert.equal(hasRestrictingCondition({ StringEquals: { "aws:SourceVpce": "vpce-1" } }), true, "S3 is the default definition");
    });

    it("uses the account-scoped keys for SNS and SQS (SNS.4, SQS.3): PrincipalOrgID restricts, SourceIp does not", () => {
        check(MESSAGING_PUBLIC, [
            [{ StringEquals: { "aws:PrincipalOrgID": "o-abc" } }, true],
            [{ StringEquals: { "AWS:SourceOwner": "123456789012" } }, true],
            [{ ArnEquals: { "aws:SourceArn": "arn:aws:sns:us-east-1:123456789012:t" } }, true],
            [{ StringEquals: { "aws:PrincipalAccount": ["123456789012", "210987654321"] } }, true],
            [{ IpAddress: { "aws:SourceIp": "10.0.0.0/8" } }, false],
            [{ StringEquals: { "kms:CallerAccount": "123456789012" } }, false],
            [{ StringLike: { "aws:PrincipalOrgID": "o-*" } }, false],
            [{ ArnEquals: { "aws:SourceArn": U } }, UNKNOWN],
        ]);
    });

    it("adds kms:CallerAccount for KMS key policies (KMS.5); kms:ViaService alone does not restrict", () => {
        check(KMS_PUBLIC, [
            [{ StringEquals: { "kms:CallerAccount": "123456789012", "kms:ViaService": "s3.us-east-1.amazonaws.com" } }, true],
            [{ StringEquals: { "kms:ViaService": "s3.us-east-1.amazonaws.com" } }, false],
            [{ StringEquals: { "aws:PrincipalOrgID": "o-abc" } }, true],
        ]);
    });

    describe("publicStatementFindings", () => {
        const r = { type: "aws:sqs/queuePolicy:QueuePolicy", name: "q", urn: "urn:q", props: {} };
        const doc = (...Statement: Record<string, unknown>[]) => JSON.stringify({ Version: "2012-10-17", Statement });
        const open = { Sid: "Open", Effect: "Allow", Principal: "*", Action: "sqs:SendMessage", Resource: "*" };
        const verdicts = (value: unknown) => publicStatementFindings(r, value, MESSAGING_PUBLIC).map((f) => `${f.verdict}: ${f.message}`);

        it("names each public statement and the resource", () => {
            assert.deepEqual(verdicts(doc(open, { ...open, Sid: undefined, Principal: { AWS: ["arn:aws:iam::1:root", "*"] } })), [
                'violation: statement Open of q (aws:sqs/queuePolicy:QueuePolicy) allows Principal "*" with no restricting condition: name the principals, or add a fixed aws:SourceArn/aws:SourceAccount/aws:PrincipalOrgID condition.',
                'violation: statement #1 of q (aws:sqs/queuePolicy:QueuePolicy) allows Principal "*" with no restricting condition: name the principals, or add a fixed aws:SourceArn/aws:SourceAccount/aws:PrincipalOrgID condition.',
            ]);
        });

        it("treats Allow with NotPrincipal as everyone but the named", () => {
            const rest: Record<string, unknown> = { ...open };
            delete rest.Principal;
            assert.deepEqual(verdicts(doc({ ...rest, NotPrincipal: { AWS: "arn:aws:iam::1:root" } })), [
                "violation: statement Open of q (aws:sqs/queuePolicy:QueuePolicy) allows everyone outside NotPrincipal with no restricting condition: name the principals, or add a fixed aws:SourceArn/aws:SourceAccount/aws:PrincipalOrgID condition.",
            ]);
        });

        it("passes named principals, services, Denies, restricted Allows and no document", () => {
            assert.deepEqual(verdicts(undefined), []);
            assert.deepEqual(
                verdicts(
                    doc(
                        { ...open, Principal: { AWS: "arn:aws:iam::123456789012:root" } },
                        { ...open, Principal: { Service: "sns.amazonaws.com" } },
                        { ...open, Effect: "Deny" },
                        { ...open, Condition: { ArnEquals: { "aws:SourceArn": "arn:aws:sns:us-east-1:123456789012:t" } } },
                    ),
                ),
                [],
            );
        });

        it("is unverified, never a pass, where the document or a deciding part is unknown", () => {
            assert.deepEqual(verdicts(U), ["unverified: the policy document of q (aws:sqs/queuePolicy:QueuePolicy) is unknown"]);
            assert.deepEqual(
                verdicts({ Version: "2012-10-17", Statement: [{ ...open, Condition: { ArnEquals: { "aws:SourceArn": U } } }] }),
                ["unverified: statement Open of q (aws:sqs/queuePolicy:QueuePolicy) has an unknown effect, principal or condition"],
            );
            assert.deepEqual(verdicts({ Version: "2012-10-17", Statement: [{ ...open, Principal: U }] }), [
                "unverified: statement Open of q (aws:sqs/queuePolicy:QueuePolicy) has an unknown effect, principal or condition",
            ]);
        });

        it("makes an unparsable document a violation", () => {
            const found = verdicts("{");
            assert.equal(found.length, 1);
            // The JSON parser's own wording differs between Node versions.
            assert.match(
                found[0],
                /^violation: the policy of q \(aws:sqs\/queuePolicy:QueuePolicy\) is not valid JSON \(.+\): give a valid IAM policy document\.$/,
            );
        });
    });
});
