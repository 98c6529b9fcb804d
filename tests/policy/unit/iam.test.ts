/** lib/iam.ts: parsing policy documents with unknowns, and the predicates policies ask of statements. */
import * as assert from "node:assert/strict";
import {
    globMatches,
    grantsS3,
    isAllRoles,
    isAllS3Resources,
    isAnyPrincipal,
    isServiceWildcard,
    matchesInsecureTransport,
    parsePolicyDocument,
} from "../../../policy-pack/lib/iam";
import { UNKNOWN } from "../../../policy-pack/lib/unknown";

const U = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";

describe("policy-pack lib/iam", () => {
    describe("parsePolicyDocument", () => {
        it("parses a JSON string and normalises single values to lists", () => {
            const doc = parsePolicyDocument(
                JSON.stringify({ Statement: { Sid: "A", Effect: "Allow", Action: "s3:GetObject", Resource: "arn:aws:s3:::b/*" } }),
            );
            assert.ok(doc !== UNKNOWN && !("error" in doc));
            assert.deepEqual(doc.statements[0].actions, ["s3:GetObject"]);
            assert.deepEqual(doc.statements[0].resources, ["arn:aws:s3:::b/*"]);
            assert.deepEqual(doc.statements[0].notActions, []);
            assert.equal(doc.statements[0].sid, "A");
        });
        it("accepts an object document", () => {
            const doc = parsePolicyDocument({ Statement: [{ Effect: "Deny", Action: ["s3:*"], Resource: "*" }] });
            assert.ok(doc !== UNKNOWN && !("error" in doc));
            assert.equal(doc.statements[0].effect, "Deny");
        });
        it("returns UNKNOWN for an unknown document or statement list", () => {
            assert.equal(parsePolicyDocument(U), UNKNOWN);
            assert.equal(parsePolicyDocument({ Statement: U }), UNKNOWN);
        });
        it("keeps unknown list entries as UNKNOWN", () => {
            const doc = parsePolicyDocument({ Statement: [{ Effect: "Allow", Action: ["s3:GetObject", U], Resource: U }] });
            assert.ok(doc !== UNKNOWN && !("error" in doc));
            assert.deepEqual(doc.statements[0].actions, ["s3:GetObject", UNKNOWN]);
            assert.equal(doc.statements[0].resources, UNKNOWN);
        });
        it("reports invalid JSON as an error, not a crash", () => {
            const doc = parsePolicyDocument("{not json");
            assert.ok(doc !== UNKNOWN && "error" in doc);
            assert.match(doc.error, /not valid JSON/);
        });
    });

    it("matches IAM wildcards case-insensitively", () => {
        const rows: [string, string, boolean][] = [
            ["iam:PassRole", "iam:PassRole", true],
            ["iam:pass*", "iam:PassRole", true],
            ["iam:*", "iam:PassRole", true],
            ["*", "iam:PassRole", true],
            ["iam:Pass?ole", "iam:PassRole", true],
            ["iam:Get*", "iam:PassRole", false],
            ["s3:*", "iam:PassRole", false],
        ];
        for (const [pattern, action, expected] of rows) {
            assert.equal(globMatches(pattern, action), expected, `${pattern} vs ${action}`);
        }
    });

    it("classifies wildcard actions and resources", () => {
        assert.deepEqual(["*", "s3:*", "*:*", "logs:*", "s3:Get*", "s3:GetObject"].map(isServiceWildcard), [
            true,
            true,
            true,
            true,
            false,
            false,
        ]);
        assert.deepEqual(["*", "s3:GetObject", "S3:PutObject", "kms:Decrypt"].map(grantsS3), [true, true, true, false]);
        assert.deepEqual(["*", "arn:aws:s3:::*", "arn:aws:s3:::b/*", "arn:aws:s3:::b"].map(isAllS3Resources), [true, true, false, false]);
        assert.deepEqual(["*", "arn:aws:iam::*:role/*", "arn:aws:iam::123456789012:role/x"].map(isAllRoles), [true, true, false]);
    });

    it("recognises principals that admit anyone", () => {
        assert.equal(isAnyPrincipal("*"), true);
        assert.equal(isAnyPrincipal({ AWS: "*" }), true);
        assert.equal(isAnyPrincipal({ AWS: ["arn:aws:iam::1:root", "*"] }), true);
        assert.equal(isAnyPrincipal({ AWS: "arn:aws:iam::1:root" }), false);
        assert.equal(isAnyPrincipal({ Service: "logging.s3.amazonaws.com" }), false);
        assert.equal(isAnyPrincipal(U), UNKNOWN);
        assert.equal(isAnyPrincipal({ AWS: U }), UNKNOWN);
    });

    it("recognises a condition matching plain-HTTP requests", () => {
        assert.equal(matchesInsecureTransport({ Bool: { "aws:SecureTransport": "false" } }), true);
        assert.equal(matchesInsecureTransport({ Bool: { "aws:securetransport": false } }), true);
        assert.equal(matchesInsecureTransport({ BoolIfExists: { "aws:SecureTransport": ["false"] } }), true);
        assert.equal(matchesInsecureTransport({ Bool: { "aws:SecureTransport": "true" } }), false);
        assert.equal(matchesInsecureTransport({ NumericLessThan: { "s3:TlsVersion": "1.2" } }), false);
        assert.equal(matchesInsecureTransport(undefined), false);
        assert.equal(matchesInsecureTransport({ Bool: { "aws:SecureTransport": U } }), UNKNOWN);
    });
});
