/**
 * AWS Config rules with remediation: config, the rules and runbooks the stacks register, and the
 * scenario "someone makes the data bucket public -> the detective rule alerts -> Config flags it ->
 * remediation restores the block", as far as it can be shown offline: the wiring of each step, and
 * the remediation role's permissions proven by IAM simulation against the registered policies.
 */
import * as assert from "node:assert/strict";
import { simulate } from "../access/simulate";
import { ACCOUNT, ofType, one, resolve, shippedRun, statements, T, variant } from "../helpers/detective";
import { assertNoneOf, dataBucketName } from "../helpers/resources";
import { shippedRunBefore } from "../helpers/shipped";

const RULE = "aws:cfg/rule:Rule";
const REM = "aws:cfg/remediationConfiguration:RemediationConfiguration";
const REMEDIATION_ROLE = `arn:aws:iam::${ACCOUNT}:role/firehose-storage-prod-config-remediation`;

describe("config rules: config", () => {
    it("off in dev; on with remediation in prod (its attempts and retries: the shipped prod stack's remediations, below)", () => {
        assert.equal(resolve({}).detective.configRules.enabled, false);
        const prod = resolve({ environment: "prod" }).detective.configRules;
        assert.deepEqual([prod.enabled, prod.remediation], [true, true]);
    });
});

describe("config rules: the shipped prod stack", () => {
    const prod = shippedRunBefore("prod");
    const data = () => dataBucketName(prod());
    const rules = () => ofType(prod().resources, RULE);

    it("eight managed rules, each scoped to the data bucket", () => {
        assert.deepEqual(
            rules().map((r) => [r.inputs.name, (r.inputs.source as { sourceIdentifier: string }).sourceIdentifier]),
            [
                ["firehose-storage-prod-data-versioning", "S3_BUCKET_VERSIONING_ENABLED"],
                ["firehose-storage-prod-data-encryption", "S3_BUCKET_SERVER_SIDE_ENCRYPTION_ENABLED"],
                ["firehose-storage-prod-data-encryption-kms", "S3_DEFAULT_ENCRYPTION_KMS"],
                ["firehose-storage-prod-data-tls-only", "S3_BUCKET_SSL_REQUESTS_ONLY"],
                ["firehose-storage-prod-data-no-public-read", "S3_BUCKET_PUBLIC_READ_PROHIBITED"],
                ["firehose-storage-prod-data-no-public-write", "S3_BUCKET_PUBLIC_WRITE_PROHIBITED"],
                ["firehose-storage-prod-data-public-access-block", "S3_BUCKET_LEVEL_PUBLIC_ACCESS_PROHIBITED"],
                ["firehose-storage-prod-data-logging", "S3_BUCKET_LOGGING_ENABLED"],
            ],
        );
        for (const r of rules()) {
            assert.deepEqual(r.inputs.scope, { complianceResourceTypes: ["AWS::S3::Bucket"], complianceResourceId: data() }, r.name);
            assert.equal((r.inputs.source as { owner: string }).owner, "AWS");
        }
    });

    it("each rule but logging is remediated automatically by its AWS-owned runbook, with retry limits", () => {
        const key = (prod().outputs.encryption as { kmsKeyArn: string }).kmsKeyArn;
        const byRule = new Map(ofType(prod().resources, REM).map((r) => [r.inputs.configRuleName, r]));
        const params = (rule: string) => {
            const r = byRule.get(`firehose-storage-prod-data-${rule}`);
            assert.ok(r !== undefined, rule);
            assert.equal(r.inputs.automatic, true);
            assert.equal(r.inputs.maximumAutomaticAttempts, 5);
            assert.equal(r.inputs.retryAttemptSeconds, 600);
            assert.equal(r.inputs.targetType, "SSM_DOCUMENT");
            assert.equal(r.inputs.resourceType, "AWS::S3::Bucket");
            return [r.inputs.targetId, r.inputs.parameters];
        };
        const role = { name: "AutomationAssumeRole", staticValue: REMEDIATION_ROLE };
        const bucket = { name: "BucketName", resourceValue: "RESOURCE_ID" };
        const pab = [
            "AWSConfigRemediation-ConfigureS3BucketPublicAccessBlock",
            [
                role,
                bucket,
                { name: "BlockPublicAcls", staticValue: "true" },
                { name: "IgnorePublicAcls", staticValue: "true" },
                { name: "BlockPublicPolicy", staticValue: "true" },
                { name: "RestrictPublicBuckets", staticValue: "true" },
            ],
        ];
        const kmsEncryption = [
            "AWS-EnableS3BucketEncryption",
            [role, bucket, { name: "SSEAlgorithm", staticValue: "aws:kms" }, { name: "KMSMasterKey", staticValue: key }],
        ];
        assert.deepEqual(params("versioning"), [
            "AWS-ConfigureS3BucketVersioning",
            [role, bucket, { name: "VersioningState", staticValue: "Enabled" }],
        ]);
        assert.deepEqual(params("encryption"), kmsEncryption);
        assert.deepEqual(params("encryption-kms"), kmsEncryption);
        assert.deepEqual(params("tls-only"), ["AWSConfigRemediation-RestrictBucketSSLRequestsOnly", [role, bucket]]);
        for (const rule of ["no-public-read", "no-public-write", "public-access-block"]) {
            assert.deepEqual(params(rule), pab, rule);
        }
        assert.equal(byRule.size, 7, "logging has no automatic remediation");
        for (const r of byRule.values()) {
            assert.ok(r.dependencies.includes(rules().find((x) => x.inputs.name === r.inputs.configRuleName)?.urn ?? "-"));
        }
    });

    it("the remediation role: trusted by Systems Manager for this account; the runbooks' calls on the data bucket only", () => {
        const r = one(prod().resources, T.role, "firehose-config-remediation");
        assert.deepEqual((JSON.parse(r.inputs.assumeRolePolicy as string) as { Statement: unknown }).Statement, [
            {
                Sid: "AllowSsmAutomation",
                Effect: "Allow",
                Principal: { Service: "ssm.amazonaws.com" },
                Action: "sts:AssumeRole",
                Condition: { StringEquals: { "aws:SourceAccount": ACCOUNT } },
            },
        ]);
        assert.deepEqual(statements(one(prod().resources, T.rolePolicy, "firehose-config-remediation-policy")), [
            {
                Sid: "RemediateStackBuckets",
                Effect: "Allow",
                Action: [
                    "s3:PutBucketVersioning",
                    "s3:GetBucketVersioning",
                    "s3:PutEncryptionConfiguration",
                    "s3:GetEncryptionConfiguration",
                    "s3:GetBucketPolicy",
                    "s3:PutBucketPolicy",
                    "s3:DeleteBucketPolicy",
                    "s3:PutBucketPublicAccessBlock",
                    "s3:GetBucketPublicAccessBlock",
                ],
                Resource: [`arn:aws:s3:::${data()}`],
            },
        ]);
    });

    it("scenario: the data bucket made public -> alert -> Config flags it -> remediation restores the block", async () => {
        // 1. The detective rule matches the calls that open a bucket, on the data bucket, and alerts the topic.
        const detective = JSON.parse(one(prod().resources, T.rule, "firehose-detective").inputs.eventPattern as string) as {
            detail: { eventName: string[]; requestParameters: { bucketName: string[] } };
        };
        for (const call of ["DeleteBucketPublicAccessBlock", "PutBucketPublicAccessBlock", "PutBucketPolicy", "PutBucketAcl"]) {
            assert.ok(detective.detail.eventName.includes(call), call);
        }
        assert.ok(detective.detail.requestParameters.bucketName.includes(data()));
        assert.equal(one(prod().resources, T.target, "firehose-detective-to-alerts").inputs.arn, prod().outputs.alertTopicArn);
        // 2. Config evaluates the bucket on the change (the rules are scoped to it, above).
        const flagged = rules().filter((r) =>
            ["S3_BUCKET_LEVEL_PUBLIC_ACCESS_PROHIBITED", "S3_BUCKET_PUBLIC_READ_PROHIBITED"].includes(
                (r.inputs.source as { sourceIdentifier: string }).sourceIdentifier,
            ),
        );
        assert.equal(flagged.length, 2);
        // 3. The runbook runs as the remediation role: IAM lets it restore the block on the data bucket,
        //    from an AWS address without MFA, through the bucket's own policy; nowhere else.
        const role = one(prod().resources, T.role, "firehose-config-remediation");
        const caller = {
            who: "remediation",
            principal: `arn:aws:sts::${ACCOUNT}:assumed-role/${role.inputs.name as string}/Automation`,
            identityPolicies: [
                {
                    name: "remediation",
                    policy: JSON.parse(
                        one(prod().resources, T.rolePolicy, "firehose-config-remediation-policy").inputs.policy as string,
                    ) as unknown,
                },
            ],
            resourcePolicy: JSON.parse(one(prod().resources, T.bucketPolicy, "firehose-data-policy").inputs.policy as string) as unknown,
            resourceAccount: ACCOUNT,
        };
        const context = {
            "aws:SecureTransport": "true",
            "aws:SourceIp": "192.0.2.55",
            "aws:PrincipalArn": REMEDIATION_ROLE,
            "aws:PrincipalAccount": ACCOUNT,
            "aws:MultiFactorAuthPresent": "false",
        };
        const verdict = async (action: string, resource: string) =>
            (await simulate({ ...caller, action, resource, context, expected: "Allowed", note: "" })).verdict;
        assert.equal(await verdict("s3:PutBucketPublicAccessBlock", `arn:aws:s3:::${data()}`), "Allowed");
        assert.equal(await verdict("s3:PutBucketPolicy", `arn:aws:s3:::${data()}`), "Allowed", "the TLS runbook, exempt from the MFA rule");
        assert.equal(await verdict("s3:PutBucketPublicAccessBlock", "arn:aws:s3:::someone-elses-bucket"), "ImplicitlyDenied");
        assert.equal(await verdict("s3:GetObject", `arn:aws:s3:::${data()}/k.json`), "ImplicitlyDenied", "no data access");
        // 4. Only Systems Manager, for this account, may assume the role.
        const trust = { ...caller, identityPolicies: [], resourcePolicy: JSON.parse(role.inputs.assumeRolePolicy as string) as unknown };
        const assume = async (account: string) =>
            (
                await simulate({
                    ...trust,
                    principal: "ssm.amazonaws.com",
                    action: "sts:AssumeRole",
                    resource: REMEDIATION_ROLE,
                    context: { "aws:SourceAccount": account },
                    expected: "Allowed",
                    note: "",
                })
            ).verdict;
        assert.equal(await assume(ACCOUNT), "Allowed");
        assert.equal(await assume("999999999999"), "ImplicitlyDenied");
    });
});

describe("config rules: switches", () => {
    it("dev (off): no rules, remediations or role", async () => {
        const dev = await shippedRun("dev", "update");
        assertNoneOf(dev.resources, [RULE, REM], "firehose-config-remediation");
    });

    it("dev on (SSE-S3): no KMS rule, AES256 encryption runbook; without remediation: rules only", async () => {
        const on = await variant("dev", ["configRules.enabled=true"]);
        assert.equal(ofType(on.resources, RULE).length, 7);
        const sse = ofType(on.resources, REM).find((r) => r.inputs.configRuleName === "firehose-storage-dev-data-encryption");
        assert.deepEqual(sse?.inputs.parameters, [
            { name: "AutomationAssumeRole", staticValue: `arn:aws:iam::${ACCOUNT}:role/firehose-storage-dev-config-remediation` },
            { name: "BucketName", resourceValue: "RESOURCE_ID" },
            { name: "SSEAlgorithm", staticValue: "AES256" },
        ]);
        const detectiveOnly = await variant("dev", ["configRules={enabled: true, remediation: false}"]);
        assert.equal(ofType(detectiveOnly.resources, RULE).length, 7);
        assertNoneOf(detectiveOnly.resources, [REM], "firehose-config-remediation");
    });
});
