import * as assert from "node:assert/strict";
import { secureBucketPolicy } from "../../components/storage/policies/bucketPolicy";
import { denyDestructiveWithoutMfa, denyWrongEncryption, denyWrongKmsKey } from "../../rules/denies";
import { policyDocument } from "../../rules/document";

const arn = "arn:aws:s3:::b";
const base = { bucketArn: arn, sseAlgorithm: "AES256" as const, requireEncryptionHeader: false, mfaExemptPrincipalArns: [] };

describe("bucket policy builders", () => {
    it("data bucket: TLS only, TLS 1.2, no wrong encryption", () => {
        const doc = secureBucketPolicy({ ...base, role: "data" });
        assert.deepEqual(
            doc.Statement.map((s) => s.Sid),
            ["DenyInsecureTransport", "DenyOutdatedTls", "DenyWrongEncryption"],
        );
        assert.deepEqual(doc.Statement[0], {
            Sid: "DenyInsecureTransport",
            Effect: "Deny",
            Principal: "*",
            Action: "s3:*",
            Resource: [arn, `${arn}/*`],
            Condition: { Bool: { "aws:SecureTransport": "false" } },
        });
        assert.deepEqual(doc.Statement[1].Condition, { NumericLessThan: { "s3:TlsVersion": "1.2" } });
    });

    it("requires the encryption header when asked to", () => {
        const doc = secureBucketPolicy({ ...base, role: "data", requireEncryptionHeader: true });
        assert.deepEqual(doc.Statement[3], {
            Sid: "DenyMissingEncryptionHeader",
            Effect: "Deny",
            Principal: "*",
            Action: "s3:PutObject",
            Resource: `${arn}/*`,
            Condition: { Null: { "s3:x-amz-server-side-encryption": "true" } },
        });
    });

    it("SSE-KMS with a key also denies another key, in a statement of its own", () => {
        assert.deepEqual(denyWrongEncryption(arn, "aws:kms").Condition, {
            Null: { "s3:x-amz-server-side-encryption": "false" },
            StringNotEquals: { "s3:x-amz-server-side-encryption": "aws:kms" },
        });
        const key = "arn:aws:kms:us-east-1:123456789012:key/k";
        assert.deepEqual(denyWrongKmsKey(arn, key).Condition, {
            Null: { "s3:x-amz-server-side-encryption-aws-kms-key-id": "false" },
            StringNotEquals: { "s3:x-amz-server-side-encryption-aws-kms-key-id": key },
        });
        assert.deepEqual(
            secureBucketPolicy({ ...base, role: "data", sseAlgorithm: "aws:kms", kmsKeyArn: key }).Statement.map((s) => s.Sid),
            ["DenyInsecureTransport", "DenyOutdatedTls", "DenyWrongEncryption", "DenyWrongKmsKey"],
        );
    });

    it("access-log bucket: admits S3 log delivery scoped to the source, denies deletes and policy changes without MFA, as the data bucket does", () => {
        const doc = secureBucketPolicy({
            ...base,
            role: "access-logs",
            mfaExemptPrincipalArns: ["arn:aws:iam::123456789012:role/deployer"],
            logDelivery: { sourceBucketArn: "arn:aws:s3:::data", accountId: "123456789012", prefix: "access-logs/" },
        });
        const bySid = Object.fromEntries(doc.Statement.map((s) => [s.Sid, s]));
        assert.deepEqual(bySid.AllowS3ServerAccessLogDelivery, {
            Sid: "AllowS3ServerAccessLogDelivery",
            Effect: "Allow",
            Principal: { Service: "logging.s3.amazonaws.com" },
            Action: ["s3:PutObject"],
            Resource: `${arn}/access-logs/*`,
            Condition: { ArnLike: { "aws:SourceArn": "arn:aws:s3:::data" }, StringEquals: { "aws:SourceAccount": "123456789012" } },
        });
        assert.deepEqual(bySid.DenyDestructiveWithoutMfa, {
            Sid: "DenyDestructiveWithoutMfa",
            Effect: "Deny",
            Principal: "*",
            Action: ["s3:DeleteObject", "s3:DeleteObjectVersion", "s3:DeleteBucket", "s3:PutBucketPolicy", "s3:DeleteBucketPolicy"],
            Resource: [arn, `${arn}/*`],
            Condition: {
                BoolIfExists: { "aws:MultiFactorAuthPresent": "false" },
                ArnNotLike: { "aws:PrincipalArn": ["arn:aws:iam::123456789012:role/deployer"] },
            },
        });
    });

    it("MFA rule without exemptions has no principal condition", () => {
        assert.deepEqual(denyDestructiveWithoutMfa(arn).Condition, { BoolIfExists: { "aws:MultiFactorAuthPresent": "false" } });
    });

    it("rejects duplicate statement ids", () => {
        const s = denyDestructiveWithoutMfa(arn);
        assert.throws(() => policyDocument(s, s), /duplicate statement id "DenyDestructiveWithoutMfa"/);
    });
});
