/** Pure builders of the reader, replication, trust and bucket-policy access statements, table-driven. */
import * as assert from "node:assert/strict";
import { accessBucketStatements, denyOutsideNetwork } from "../../components/access/policies/accessStatements";
import { denyDestructiveWithoutMfa } from "../../rules/denies";
import { readerIdentityPolicy } from "../../components/access/policies/readerPolicy";
import { replicationRolePolicy } from "../../components/access/policies/replicationPolicy";
import { externalIdTrust, s3ReplicationTrust } from "../../components/access/policies/trustPolicy";

const B = "arn:aws:s3:::firehose-data-1";
const R = "arn:aws:s3:::firehose-data-replica-1";
const KEY = "arn:aws:kms:us-east-1:123456789012:key/11111111-2222-3333-4444-555555555555";
const RKEY = "arn:aws:kms:us-west-2:123456789012:key/66666666-2222-3333-4444-555555555555";

describe("reader identity policy", () => {
    it("GetObject under each prefix only, tag condition when set", () => {
        const doc = readerIdentityPolicy({
            bucketArn: B,
            prefixes: ["flow_id=a/", "x/y/"],
            classification: "partner-shareable",
            region: "us-east-1",
        });
        assert.deepEqual(doc.Statement, [
            {
                Sid: "ReadPrefixes",
                Effect: "Allow",
                Action: "s3:GetObject",
                Resource: [`${B}/flow_id=a/*`, `${B}/x/y/*`],
                Condition: { StringEquals: { "s3:ExistingObjectTag/Classification": "partner-shareable" } },
            },
        ]);
    });

    it("without a classification: no condition; with SSE-KMS: decrypt through S3", () => {
        const doc = readerIdentityPolicy({ bucketArn: B, prefixes: ["a/"], kmsKeyArn: KEY, region: "us-east-1" });
        assert.equal(doc.Statement[0].Condition, undefined);
        assert.deepEqual(doc.Statement[1], {
            Sid: "DecryptViaS3",
            Effect: "Allow",
            Action: ["kms:Decrypt"],
            Resource: KEY,
            Condition: { StringEquals: { "kms:ViaService": "s3.us-east-1.amazonaws.com" } },
        });
    });

    it("refuses an empty prefix list (it would grant nothing, silently)", () => {
        assert.throws(() => readerIdentityPolicy({ bucketArn: B, prefixes: [], region: "us-east-1" }), /at least one prefix/);
    });
});

describe("replication role policy", () => {
    const base = { sourceBucketArn: B, replicaBucketArn: R, sourceRegion: "us-east-1", replicaRegion: "us-west-2" };

    it("exactly the actions S3 replication needs, each on its bucket", () => {
        assert.deepEqual(
            replicationRolePolicy(base).Statement.map((s) => [s.Sid, s.Action, s.Resource]),
            [
                ["ReadReplicationSource", ["s3:GetReplicationConfiguration", "s3:ListBucket"], B],
                [
                    "ReadSourceVersions",
                    ["s3:GetObjectVersionForReplication", "s3:GetObjectVersionAcl", "s3:GetObjectVersionTagging"],
                    `${B}/*`,
                ],
                ["WriteReplicas", ["s3:ReplicateObject", "s3:ReplicateDelete", "s3:ReplicateTags"], `${R}/*`],
            ],
        );
    });

    it("SSE-KMS: decrypt with the source key, encrypt with the replica key, each via S3 in its region", () => {
        const [, , , decrypt, encrypt] = replicationRolePolicy({ ...base, kms: { sourceKeyArn: KEY, replicaKeyArn: RKEY } }).Statement;
        assert.deepEqual([decrypt.Action, decrypt.Resource, encrypt.Action, encrypt.Resource], ["kms:Decrypt", KEY, "kms:Encrypt", RKEY]);
        assert.deepEqual(decrypt.Condition, {
            StringEquals: { "kms:ViaService": "s3.us-east-1.amazonaws.com" },
            StringLike: { "kms:EncryptionContext:aws:s3:arn": [B, `${B}/*`] },
        });
        assert.deepEqual(encrypt.Condition, {
            StringEquals: { "kms:ViaService": "s3.us-west-2.amazonaws.com" },
            StringLike: { "kms:EncryptionContext:aws:s3:arn": [R, `${R}/*`] },
        });
    });
});

describe("access statements of the bucket policy", () => {
    const sse = { sseAlgorithm: "AES256", requireEncryptionHeader: false } as const;
    it("MFA deny: destructive object and bucket actions; exemptions only when listed", () => {
        const plain = denyDestructiveWithoutMfa(B, []);
        assert.deepEqual(plain.Action, [
            "s3:DeleteObject",
            "s3:DeleteObjectVersion",
            "s3:DeleteBucket",
            "s3:PutBucketPolicy",
            "s3:DeleteBucketPolicy",
        ]);
        assert.deepEqual(plain.Resource, [B, `${B}/*`]);
        assert.deepEqual(plain.Condition, { BoolIfExists: { "aws:MultiFactorAuthPresent": "false" } });
        const deployer = "arn:aws:iam::123456789012:role/pulumi-deployer";
        assert.deepEqual(denyDestructiveWithoutMfa(B, [deployer]).Condition, {
            BoolIfExists: { "aws:MultiFactorAuthPresent": "false" },
            ArnNotLike: { "aws:PrincipalArn": [deployer] },
        });
    });

    const cidrs = ["203.0.113.0/24"];
    const vpces = ["vpce-0a1b2c3d4e5f67890"];
    const via = { BoolIfExists: { "aws:ViaAWSService": "false" } };
    const networkRows: [string, { allowedCidrs: string[]; vpcEndpointIds: string[] }, unknown][] = [
        ["ranges only", { allowedCidrs: cidrs, vpcEndpointIds: [] }, { NotIpAddress: { "aws:SourceIp": cidrs }, ...via }],
        ["endpoints only", { allowedCidrs: [], vpcEndpointIds: vpces }, { StringNotEquals: { "aws:SourceVpce": vpces }, ...via }],
        [
            "both (ANDed: denied only when neither matches)",
            { allowedCidrs: cidrs, vpcEndpointIds: vpces },
            { NotIpAddress: { "aws:SourceIp": cidrs }, StringNotEquals: { "aws:SourceVpce": vpces }, ...via },
        ],
    ];
    for (const [what, limit, condition] of networkRows) {
        it(`network deny: ${what}`, () => {
            const s = denyOutsideNetwork(B, limit);
            assert.equal(s.Effect, "Deny");
            assert.equal(s.Principal, "*");
            assert.deepEqual(s.Condition, condition);
            assert.ok(!([] as string[]).concat(s.Action).some((a) => a.startsWith("s3:Replicate") || a.includes("*")));
        });
    }

    it("network deny refuses an empty limit (it would deny every data-plane request)", () => {
        assert.throws(() => denyOutsideNetwork(B, { allowedCidrs: [], vpcEndpointIds: [] }), /list at least one CIDR or VPC endpoint/);
    });

    const sets: [string, Parameters<typeof accessBucketStatements>[0], string[]][] = [
        [
            "no writer, no network",
            { bucketArn: B, layout: "hybrid", upload: sse, mfaExemptPrincipalArns: [] },
            ["DenyDestructiveWithoutMfa"],
        ],
        [
            "writer and network",
            {
                bucketArn: B,
                layout: "time",
                writerArn: "arn:aws:iam::123456789012:role/w",
                upload: sse,
                mfaExemptPrincipalArns: [],
                network: { allowedCidrs: cidrs, vpcEndpointIds: [] },
            },
            ["AllowWriterPut", "AllowWriterGet", "AllowWriterList", "DenyDestructiveWithoutMfa", "DenyOutsideAllowedNetworks"],
        ],
    ];
    for (const [what, input, sids] of sets) {
        it(`statement set: ${what}`, () =>
            assert.deepEqual(
                accessBucketStatements(input).map((s) => s.Sid),
                sids,
            ));
    }

    it("writer allowance names the writer, the layout's keys and prefixes, and uploads carry the encryption condition", () => {
        const [put, get, list] = accessBucketStatements({
            bucketArn: B,
            layout: "flow-first",
            writerArn: "arn:aws:iam::123456789012:role/w",
            upload: { sseAlgorithm: "aws:kms", requireEncryptionHeader: true },
            mfaExemptPrincipalArns: [],
        });
        const objects = `${B}/flow_id=*/year=*/month=*/day=*/hour=*/*.json`;
        assert.deepEqual(put, {
            Sid: "AllowWriterPut",
            Effect: "Allow",
            Principal: { AWS: "arn:aws:iam::123456789012:role/w" },
            Action: "s3:PutObject",
            Resource: objects,
            Condition: { StringEquals: { "s3:x-amz-server-side-encryption": "aws:kms" } },
        });
        assert.deepEqual([get.Action, get.Resource, get.Condition], ["s3:GetObject", objects, undefined]);
        assert.deepEqual(list.Condition, { StringLike: { "s3:prefix": ["", "flow_id=*"] } });
    });
});

describe("trust policies", () => {
    it("external id trust: one principal, sts:AssumeRole, exact external id", () => {
        assert.deepEqual(externalIdTrust("arn:aws:iam::345678901234:root", "ext-1"), {
            Version: "2012-10-17",
            Statement: [
                {
                    Sid: "AssumeWithExternalId",
                    Effect: "Allow",
                    Principal: { AWS: "arn:aws:iam::345678901234:root" },
                    Action: "sts:AssumeRole",
                    Condition: { StringEquals: { "sts:ExternalId": "ext-1" } },
                },
            ],
        });
    });

    it("replication trust: S3 only, for this account's source bucket", () => {
        assert.deepEqual(s3ReplicationTrust("123456789012", B).Statement[0], {
            Sid: "S3Replication",
            Effect: "Allow",
            Principal: { Service: "s3.amazonaws.com" },
            Action: "sts:AssumeRole",
            Condition: { StringEquals: { "aws:SourceAccount": "123456789012" }, ArnLike: { "aws:SourceArn": B } },
        });
    });
});
