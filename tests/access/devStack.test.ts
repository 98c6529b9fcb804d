/** The access feature in the shipped dev stack, under mocks: exact types, names, counts and security inputs. */
import * as assert from "node:assert/strict";
import { childrenOf, one, ofType } from "../helpers/resources";
import { ACCOUNT, DEPLOYER, doc, OBJECTS, sid, T } from "./helpers";
import { ShippedRuns, shippedRuns } from "../helpers/shipped";

let runs: ShippedRuns = {};
before(async () => {
    runs = await shippedRuns(["dev"]);
});

describe("access: dev stack (writer user, one reader, no network limit, no replication)", () => {
    const res = () => runs["dev/update"].resources;

    it("components and their exact children", () => {
        assert.deepEqual(childrenOf(res(), one(res(), T.writer, "firehose-writer")), [
            `${T.accessKey} firehose-writer-access-key`,
            `${T.user} firehose-writer`,
            `${T.userPolicy} firehose-writer-policy`,
        ]);
        assert.deepEqual(childrenOf(res(), one(res(), T.reader, "firehose-reader-acme-analytics")), [
            `${T.role} firehose-reader-acme-analytics`,
            `${T.rolePolicy} firehose-reader-acme-analytics-policy`,
        ]);
        assert.equal(ofType(res(), T.reader).length, 1);
        assert.deepEqual(ofType(res(), T.replication), []);
        assert.deepEqual(ofType(res(), T.replicationConfig), []);
        assert.deepEqual(
            ofType(res(), T.provider).map((p) => p.name),
            ["aws-primary"],
        );
    });

    it("the access key belongs to the writer user; the policy is attached to it", () => {
        const user = one(res(), T.user, "firehose-writer");
        assert.equal(one(res(), T.accessKey, "firehose-writer-access-key").inputs.user, user.inputs.name);
        assert.equal(one(res(), T.userPolicy, "firehose-writer-policy").inputs.user, user.inputs.name);
        assert.deepEqual(user.inputs.tags, { Name: "firehose-writer", Role: "writer" });
    });

    it("writer policy: layout keys, header optional in dev but right if sent, its namespace and log group", () => {
        const bucket = one(res(), T.bucket, "firehose-data").inputs.bucket as string;
        const p = doc(one(res(), T.userPolicy, "firehose-writer-policy"));
        assert.deepEqual(
            p.map((s) => s.Sid),
            ["PutLayoutObjects", "GetLayoutObjects", "ListLayoutPrefixes", "LocateBucket", "PutMetricsInNamespace", "WriteOwnLogGroup"],
        );
        assert.equal(sid(p, "PutLayoutObjects").Resource, `arn:aws:s3:::${bucket}/${OBJECTS}`);
        assert.deepEqual(sid(p, "PutLayoutObjects").Condition, { StringEqualsIfExists: { "s3:x-amz-server-side-encryption": "AES256" } });
        assert.deepEqual(sid(p, "PutMetricsInNamespace").Condition, {
            StringEquals: { "cloudwatch:namespace": "LeadConduit/Firehose-dev" },
        });
        assert.deepEqual(sid(p, "WriteOwnLogGroup").Resource, [
            `arn:aws:logs:us-east-1:${ACCOUNT}:log-group:/leadconduit/firehose-writer-dev`,
            `arn:aws:logs:us-east-1:${ACCOUNT}:log-group:/leadconduit/firehose-writer-dev:log-stream:*`,
        ]);
    });

    it("data bucket policy: allows the writer user, MFA deny with the deployer exempt, no network deny", () => {
        const user = one(res(), T.user, "firehose-writer");
        const policy = one(res(), T.policy, "firehose-data-policy");
        const p = doc(policy);
        const userArn = `arn:aws:iam::${ACCOUNT}:user/${user.inputs.name as string}`;
        assert.equal(runs["dev/update"].outputs.writerPrincipalArn, userArn);
        assert.deepEqual(sid(p, "AllowWriterPut").Principal, { AWS: userArn });
        assert.deepEqual(sid(p, "AllowWriterPut").Condition, { StringEqualsIfExists: { "s3:x-amz-server-side-encryption": "AES256" } });
        assert.deepEqual(sid(p, "DenyDestructiveWithoutMfa").Condition, {
            BoolIfExists: { "aws:MultiFactorAuthPresent": "false" },
            ArnNotLike: { "aws:PrincipalArn": [DEPLOYER] },
        });
        assert.equal(
            p.find((s) => s.Sid === "DenyOutsideAllowedNetworks"),
            undefined,
        );
        // AWS rejects a bucket policy naming a principal that does not exist yet: it waits for the user.
        assert.ok(policy.dependencies.includes(user.urn), "bucket policy depends on the writer user");
        // The access-log bucket's own MFA deny gets the same exemption.
        assert.deepEqual(sid(doc(one(res(), T.policy, "firehose-data-access-logs-policy")), "DenyDestructiveWithoutMfa").Condition, {
            BoolIfExists: { "aws:MultiFactorAuthPresent": "false" },
            ArnNotLike: { "aws:PrincipalArn": [DEPLOYER] },
        });
    });

    it("reader role: one-hour sessions; reads its prefix only (who may assume it: accessMatrix.test.ts simulates its trust policy)", () => {
        const role = one(res(), T.role, "firehose-reader-acme-analytics");
        assert.equal(role.inputs.maxSessionDuration, 3600);
        const bucket = one(res(), T.bucket, "firehose-data").inputs.bucket as string;
        assert.deepEqual(doc(one(res(), T.rolePolicy, "firehose-reader-acme-analytics-policy")), [
            {
                Sid: "ReadPrefixes",
                Effect: "Allow",
                Action: "s3:GetObject",
                Resource: [`arn:aws:s3:::${bucket}/year=*/month=*/day=*/hour=*/flow_id=acme-leads/*`],
            },
        ]);
        assert.deepEqual(runs["dev/update"].outputs.readerRoleArns, {
            "acme-analytics": `arn:aws:iam::${ACCOUNT}:role/${role.inputs.name as string}`,
        });
    });

    it("the secret access key is an output, but only as a secret (checked in writerAccess.test.ts)", () => {
        assert.match(String(runs["dev/update"].outputs.writerSecretAccessKey), /^mock-secret-[0-9a-f]{32}$/);
        assert.match(String(runs["dev/update"].outputs.writerAccessKeyId), /^AKIA[0-9A-F]{16}$/);
    });
});
