/**
 * The access matrix: who may do what, decided by a real IAM simulation (@cloud-copilot/iam-simulate)
 * of the bucket policies, identity policies and trust policies the program registers under mocks in
 * an UPDATE run of the shipped stacks (so every ARN and key is resolved). One simulation per row;
 * the matrix is printed as a table.
 */
import * as assert from "node:assert/strict";
import { StackPlan } from "../../gate/plan";
import { objectKey } from "../../components/layout";
import { Outcome, policiesOf, renderTable, Row, simulate } from "./simulate";
import { stackRun } from "./runs";

const ACCOUNT = "123456789012";
const T = {
    bucket: "aws:s3/bucket:Bucket",
    policy: "aws:s3/bucketPolicy:BucketPolicy",
    pab: "aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock",
    role: "aws:iam/role:Role",
    rolePolicy: "aws:iam/rolePolicy:RolePolicy",
    user: "aws:iam/user:User",
    userPolicy: "aws:iam/userPolicy:UserPolicy",
};
const IN_RANGE = "203.0.113.10";
const OUTSIDE = "192.0.2.55";
const ENDPOINT = "vpce-0a1b2c3d4e5f67890";
const at = { timestamp: new Date("2026-11-24T07:00:00Z"), flowId: "acme-leads" };
const LEAD = objectKey("hybrid", at, "lead-0001.json");
const OTHER_FLOW = objectKey("hybrid", { ...at, flowId: "other-flow" }, "lead-0002.json");
/** TLS 1.3 from an allowed address: what a well-behaved client sends. */
const tls = (extra: Record<string, string | string[]> = {}) => ({
    "aws:SecureTransport": "true",
    "s3:TlsVersion": "1.3",
    "aws:SourceIp": IN_RANGE,
    ...extra,
});
/** A deployer's own permissions (outside this stack): enough to manage the bucket. */
const ADMIN_POLICY = { Version: "2012-10-17", Statement: [{ Sid: "AdminS3", Effect: "Allow", Action: "s3:*", Resource: "*" }] };
/** The partner's own permission to assume roles. */
const PARTNER_POLICY = {
    Version: "2012-10-17",
    Statement: [{ Sid: "PartnerAssumeRoles", Effect: "Allow", Action: "sts:AssumeRole", Resource: "*" }],
};

function session(roleArn: string, name = "session"): string {
    const [, , , , account, path] = roleArn.split(":");
    return `arn:aws:sts::${account}:assumed-role/${path.split("/").pop() ?? ""}/${name}`;
}

function prodRows(run: StackPlan): Row[] {
    const p = policiesOf(run);
    const data = p.resource(T.bucket, "firehose-data").inputs.bucket as string;
    const replica = p.resource(T.bucket, "firehose-data-replica").inputs.bucket as string;
    const D = `arn:aws:s3:::${data}`;
    const R = `arn:aws:s3:::${replica}`;
    const dataPolicy = p.json(T.policy, "firehose-data-policy");
    const replicaPolicy = p.json(T.policy, "firehose-data-replica-policy");
    const bpa = (name: string) => p.resource(T.pab, `${name}-public-access-block`).inputs.restrictPublicBuckets === true;
    const kmsKey = (run.outputs.encryption as { kmsKeyArn: string }).kmsKeyArn;
    const roleArn = (name: string) => `arn:aws:iam::${ACCOUNT}:role/${p.resource(T.role, name).inputs.name as string}`;
    const writer = roleArn("firehose-writer");
    const reader = roleArn("firehose-reader-acme-analytics");
    const replication = roleArn("firehose-replication-role");
    const writerPolicies = [{ name: "firehose-writer-policy", policy: p.json(T.rolePolicy, "firehose-writer-policy") }];
    const readerPolicies = [{ name: "reader-policy", policy: p.json(T.rolePolicy, "firehose-reader-acme-analytics-policy") }];
    const replicationPolicies = [{ name: "replication-policy", policy: p.json(T.rolePolicy, "firehose-replication-role-policy") }];
    const roleCtx = (role: string, extra: Record<string, string | string[]> = {}) =>
        tls({ "aws:PrincipalArn": role, "aws:PrincipalAccount": ACCOUNT, "aws:MultiFactorAuthPresent": "false", ...extra });
    const kmsHeader = { "s3:x-amz-server-side-encryption": "aws:kms", "s3:x-amz-server-side-encryption-aws-kms-key-id": kmsKey };
    const onData = { resourceAccount: ACCOUNT, resourcePolicy: dataPolicy, blockPublicAccess: bpa("firehose-data") };
    const asWriter = { who: "writer role", principal: session(writer), identityPolicies: writerPolicies, ...onData };
    const asReader = { who: "partner reader", principal: session(reader, "acme"), identityPolicies: readerPolicies, ...onData };
    const tagged = { "s3:ExistingObjectTag/Classification": "partner-shareable" };
    const deployer = "arn:aws:iam::123456789012:role/pulumi-deployer";
    const admin = "arn:aws:iam::123456789012:role/platform-admin";
    const partner = "arn:aws:iam::345678901234:role/acme-etl";
    const assumeCtx = (externalId?: string) => ({
        "aws:SecureTransport": "true",
        "aws:PrincipalArn": partner,
        "aws:PrincipalAccount": "345678901234",
        ...(externalId !== undefined ? { "sts:ExternalId": externalId } : {}),
    });
    const readerTrust = p.json(T.role, "firehose-reader-acme-analytics", "assumeRolePolicy");
    return [
        {
            ...onData,
            who: "anonymous",
            principal: "anonymous",
            identityPolicies: [],
            action: "s3:GetObject",
            resource: `${D}/${LEAD}`,
            context: tls(),
            expected: "ImplicitlyDenied",
            note: "no public read",
        },
        {
            ...onData,
            who: "anonymous",
            principal: "anonymous",
            identityPolicies: [],
            action: "s3:PutObject",
            resource: `${D}/${LEAD}`,
            context: tls(kmsHeader),
            expected: "ImplicitlyDenied",
            note: "no public write",
        },
        {
            ...asWriter,
            action: "s3:PutObject",
            resource: `${D}/${LEAD}`,
            context: roleCtx(writer, kmsHeader),
            expected: "Allowed",
            note: "partition key, TLS, SSE-KMS header with the bucket key",
        },
        {
            ...asWriter,
            action: "s3:PutObject",
            resource: `${D}/${LEAD}`,
            context: roleCtx(writer, { ...kmsHeader, "aws:SecureTransport": "false" }),
            expected: "ExplicitlyDenied",
            deniedBy: "DenyInsecureTransport",
            note: "same over plain HTTP",
        },
        {
            ...asWriter,
            action: "s3:PutObject",
            resource: `${D}/${LEAD}`,
            context: roleCtx(writer, { ...kmsHeader, "s3:TlsVersion": "1.1" }),
            expected: "ExplicitlyDenied",
            deniedBy: "DenyOutdatedTls",
            note: "same over TLS 1.1",
        },
        {
            ...asWriter,
            action: "s3:PutObject",
            resource: `${D}/uploads/lead-0001.json`,
            context: roleCtx(writer, kmsHeader),
            expected: "ImplicitlyDenied",
            note: "key outside the layout",
        },
        {
            ...asWriter,
            action: "s3:PutObject",
            resource: `${D}/${LEAD.replace(/\.json$/, ".csv")}`,
            context: roleCtx(writer, kmsHeader),
            expected: "ImplicitlyDenied",
            note: "layout path, not a .json file",
        },
        {
            ...asWriter,
            action: "s3:PutObject",
            resource: `${D}/${LEAD}`,
            context: roleCtx(writer),
            expected: "ExplicitlyDenied",
            deniedBy: "DenyMissingEncryptionHeader",
            note: "no encryption header (prod requires it)",
        },
        {
            ...asWriter,
            action: "s3:PutObject",
            resource: `${D}/${LEAD}`,
            context: roleCtx(writer, { "s3:x-amz-server-side-encryption": "AES256" }),
            expected: "ExplicitlyDenied",
            deniedBy: "DenyWrongEncryption",
            note: "wrong encryption header (AES256)",
        },
        {
            ...asWriter,
            action: "s3:PutObject",
            resource: `${D}/${LEAD}`,
            context: roleCtx(writer, {
                ...kmsHeader,
                "s3:x-amz-server-side-encryption-aws-kms-key-id": kmsKey.replace(/key\/.*/, "key/00000000-0000-0000-0000-000000000000"),
            }),
            expected: "ExplicitlyDenied",
            deniedBy: "DenyWrongKmsKey",
            note: "SSE-KMS with another key",
        },
        {
            ...asWriter,
            action: "s3:GetObject",
            resource: `${D}/${LEAD}`,
            context: roleCtx(writer),
            expected: "Allowed",
            note: "read back a layout object",
        },
        {
            ...asWriter,
            action: "s3:ListBucket",
            resource: D,
            context: roleCtx(writer, { "s3:prefix": "year=2026/month=11/" }),
            expected: "Allowed",
            note: "list a layout prefix",
        },
        {
            ...asWriter,
            action: "s3:ListBucket",
            resource: D,
            context: roleCtx(writer, { "s3:prefix": "tmp/" }),
            expected: "ImplicitlyDenied",
            note: "list outside the layout",
        },
        {
            ...asWriter,
            action: "s3:DeleteObject",
            resource: `${D}/${LEAD}`,
            context: roleCtx(writer),
            expected: "ExplicitlyDenied",
            deniedBy: "DenyDestructiveWithoutMfa",
            note: "delete without MFA",
        },
        {
            ...asWriter,
            action: "s3:PutObject",
            resource: `${D}/${LEAD}`,
            context: roleCtx(writer, { ...kmsHeader, "aws:SourceIp": OUTSIDE }),
            expected: "ExplicitlyDenied",
            deniedBy: "DenyOutsideAllowedNetworks",
            note: `from ${OUTSIDE}, outside the allowed ranges`,
        },
        {
            ...asWriter,
            action: "s3:PutObject",
            resource: `${D}/${LEAD}`,
            context: (({ "aws:SourceIp": _ip, ...c }) => ({ ...c, "aws:SourceVpce": ENDPOINT }))(roleCtx(writer, kmsHeader)),
            expected: "Allowed",
            note: "through the listed VPC endpoint (no aws:SourceIp)",
        },
        {
            ...asWriter,
            action: "s3:PutObject",
            resource: `${D}/${LEAD}`,
            context: (({ "aws:SourceIp": _ip, ...c }) => ({ ...c, "aws:SourceVpce": "vpce-0fffffffffffffff0" }))(
                roleCtx(writer, kmsHeader),
            ),
            expected: "ExplicitlyDenied",
            deniedBy: "DenyOutsideAllowedNetworks",
            note: "through an unlisted VPC endpoint",
        },
        {
            ...asWriter,
            action: "cloudwatch:PutMetricData",
            resource: "*",
            resourcePolicy: undefined,
            blockPublicAccess: undefined,
            context: { "aws:SecureTransport": "true", "cloudwatch:namespace": "LeadConduit/Firehose" },
            expected: "Allowed",
            note: "metrics in its namespace",
        },
        {
            ...asWriter,
            action: "cloudwatch:PutMetricData",
            resource: "*",
            resourcePolicy: undefined,
            blockPublicAccess: undefined,
            context: { "aws:SecureTransport": "true", "cloudwatch:namespace": "AWS/S3" },
            expected: "ImplicitlyDenied",
            note: "metrics in another namespace",
        },
        {
            ...onData,
            who: "deployer (MFA-exempt)",
            principal: session(deployer, "pulumi"),
            identityPolicies: [{ name: "admin", policy: ADMIN_POLICY }],
            action: "s3:PutBucketPolicy",
            resource: D,
            context: roleCtx(deployer),
            expected: "Allowed",
            note: "policy change without MFA: exempt",
        },
        {
            ...onData,
            who: "admin (not exempt)",
            principal: session(admin, "ops"),
            identityPolicies: [{ name: "admin", policy: ADMIN_POLICY }],
            action: "s3:PutBucketPolicy",
            resource: D,
            context: roleCtx(admin),
            expected: "ExplicitlyDenied",
            deniedBy: "DenyDestructiveWithoutMfa",
            note: "same request, same permissions, not exempt",
        },
        {
            ...onData,
            who: "admin (not exempt)",
            principal: session(admin, "ops"),
            identityPolicies: [{ name: "admin", policy: ADMIN_POLICY }],
            action: "s3:PutBucketPolicy",
            resource: D,
            context: roleCtx(admin, { "aws:MultiFactorAuthPresent": "true" }),
            expected: "Allowed",
            note: "with MFA",
        },
        {
            ...asReader,
            action: "s3:GetObject",
            resource: `${D}/${LEAD}`,
            context: roleCtx(reader, tagged),
            expected: "Allowed",
            note: "its flow's prefix, tagged partner-shareable",
        },
        {
            ...asReader,
            action: "s3:GetObject",
            resource: `${D}/${OTHER_FLOW}`,
            context: roleCtx(reader, tagged),
            expected: "ImplicitlyDenied",
            note: "another flow's prefix",
        },
        {
            ...asReader,
            action: "s3:GetObject",
            resource: `${D}/${LEAD}`,
            context: roleCtx(reader, { "s3:ExistingObjectTag/Classification": "internal" }),
            expected: "ImplicitlyDenied",
            note: "its prefix, object tagged internal",
        },
        {
            ...asReader,
            action: "s3:PutObject",
            resource: `${D}/${LEAD}`,
            context: roleCtx(reader, kmsHeader),
            expected: "ImplicitlyDenied",
            note: "write",
        },
        {
            ...asReader,
            action: "s3:GetObject",
            resource: `${D}/${LEAD}`,
            context: roleCtx(reader, { ...tagged, "aws:SourceIp": OUTSIDE }),
            expected: "ExplicitlyDenied",
            deniedBy: "DenyOutsideAllowedNetworks",
            note: "from outside the allowed ranges",
        },
        {
            who: "partner account",
            principal: partner,
            identityPolicies: [{ name: "partner", policy: PARTNER_POLICY }],
            resourcePolicy: readerTrust,
            resourceAccount: ACCOUNT,
            action: "sts:AssumeRole",
            resource: reader,
            context: assumeCtx("acme-analytics-prod-b71e40"),
            expected: "Allowed",
            note: "assume the read role with the external id",
        },
        {
            who: "partner account",
            principal: partner,
            identityPolicies: [{ name: "partner", policy: PARTNER_POLICY }],
            resourcePolicy: readerTrust,
            resourceAccount: ACCOUNT,
            action: "sts:AssumeRole",
            resource: reader,
            context: assumeCtx("guessed"),
            expected: "ImplicitlyDenied",
            note: "wrong external id",
        },
        {
            who: "replication role",
            principal: session(replication, "s3-replication"),
            identityPolicies: replicationPolicies,
            resourcePolicy: replicaPolicy,
            resourceAccount: ACCOUNT,
            blockPublicAccess: bpa("firehose-data-replica"),
            action: "s3:ReplicateObject",
            resource: `${R}/${LEAD}`,
            context: {
                "aws:SecureTransport": "true",
                "s3:TlsVersion": "1.3",
                "aws:PrincipalArn": replication,
                "aws:PrincipalAccount": ACCOUNT,
            },
            expected: "Allowed",
            note: "into the replica (S3 calls without aws:SourceIp)",
        },
        {
            who: "replication role",
            principal: session(replication, "s3-replication"),
            identityPolicies: replicationPolicies,
            resourcePolicy: dataPolicy,
            resourceAccount: ACCOUNT,
            action: "s3:ReplicateObject",
            resource: `${D}/${LEAD}`,
            context: {
                "aws:SecureTransport": "true",
                "s3:TlsVersion": "1.3",
                "aws:PrincipalArn": replication,
                "aws:PrincipalAccount": ACCOUNT,
            },
            expected: "ImplicitlyDenied",
            note: "into the source bucket",
        },
        {
            who: "replication role",
            principal: session(replication, "s3-replication"),
            identityPolicies: replicationPolicies,
            resourceAccount: ACCOUNT,
            action: "s3:ReplicateObject",
            resource: `arn:aws:s3:::some-other-bucket/${LEAD}`,
            context: {
                "aws:SecureTransport": "true",
                "s3:TlsVersion": "1.3",
                "aws:PrincipalArn": replication,
                "aws:PrincipalAccount": ACCOUNT,
            },
            expected: "ImplicitlyDenied",
            note: "into any other bucket",
        },
        {
            who: "replication role",
            principal: session(replication, "s3-replication"),
            identityPolicies: replicationPolicies,
            resourcePolicy: dataPolicy,
            resourceAccount: ACCOUNT,
            action: "s3:GetObjectVersionForReplication",
            resource: `${D}/${LEAD}`,
            context: {
                "aws:SecureTransport": "true",
                "s3:TlsVersion": "1.3",
                "aws:PrincipalArn": replication,
                "aws:PrincipalAccount": ACCOUNT,
            },
            expected: "Allowed",
            note: "read source versions",
        },
    ].map((r) => ({ ...r, stack: "prod" }) as Row & { stack: string });
}

function devRows(run: StackPlan): Row[] {
    const p = policiesOf(run);
    const D = `arn:aws:s3:::${p.resource(T.bucket, "firehose-data").inputs.bucket as string}`;
    const user = `arn:aws:iam::${ACCOUNT}:user/${p.resource(T.user, "firehose-writer").inputs.name as string}`;
    const base = {
        who: "writer user",
        principal: user,
        identityPolicies: [{ name: "firehose-writer-policy", policy: p.json(T.userPolicy, "firehose-writer-policy") }],
        resourcePolicy: p.json(T.policy, "firehose-data-policy"),
        resourceAccount: ACCOUNT,
        action: "s3:PutObject",
        resource: `${D}/${LEAD}`,
    };
    // Long-term access keys never carry aws:MultiFactorAuthPresent.
    const ctx = (extra: Record<string, string> = {}) => tls({ "aws:PrincipalArn": user, "aws:PrincipalAccount": ACCOUNT, ...extra });
    return [
        { ...base, context: ctx(), expected: "Allowed", note: "no encryption header: dev does not require it" },
        {
            ...base,
            context: ctx({ "s3:x-amz-server-side-encryption": "aws:kms" }),
            expected: "ExplicitlyDenied",
            deniedBy: "DenyWrongEncryption",
            note: "asks for SSE-KMS in an SSE-S3 bucket",
        },
        {
            ...base,
            context: ctx({ "s3:x-amz-server-side-encryption": "AES256", "aws:SourceIp": OUTSIDE }),
            expected: "Allowed",
            note: "from anywhere: dev has no network limit",
        },
        {
            ...base,
            action: "s3:DeleteObject",
            context: ctx(),
            expected: "ExplicitlyDenied",
            deniedBy: "DenyDestructiveWithoutMfa",
            note: "delete with an access key (no MFA)",
        },
    ].map((r) => ({ ...r, stack: "dev" }) as Row & { stack: string });
}

describe("access matrix (IAM simulation of the registered policies)", function () {
    const rows: (Row & { stack: string })[] = [];
    const outcomes: Outcome[] = [];

    before(async () => {
        rows.push(...(prodRows(await stackRun("prod", "update")) as (Row & { stack: string })[]));
        rows.push(...(devRows(await stackRun("dev", "update")) as (Row & { stack: string })[]));
        for (const row of rows) {
            outcomes.push(await simulate(row));
        }
        const table = renderTable(
            ["#", "stack", "principal", "action", "resource", "request", "expected", "simulated", "decided by"],
            rows.map((r, i) => [
                String(i + 1),
                r.stack,
                r.who,
                r.action,
                r.resource
                    .replace(/^arn:aws:(s3|iam)::\d*:?/, "")
                    .replace(/firehose-data-[0-9a-f]{7}/, "<data>")
                    .replace(/firehose-data-replica-[0-9a-f]{7}/, "<replica>"),
                r.note,
                r.expected,
                outcomes[i].verdict,
                (outcomes[i].verdict === "ExplicitlyDenied" ? outcomes[i].denySids : outcomes[i].allowSids).join(", ") || "-",
            ]),
        );
        console.log(`\n${table}\n`);
    });

    it("covers every row the issue asks for, in both stacks", () => {
        assert.equal(rows.filter((r) => r.stack === "prod").length, 33);
        assert.equal(rows.filter((r) => r.stack === "dev").length, 4);
    });

    it("every row: the simulated verdict is the expected one", () => {
        const wrong = rows.map((r, i) => ({ r, o: outcomes[i], i })).filter(({ r, o }) => o.verdict !== r.expected);
        assert.deepEqual(
            wrong.map(
                ({ r, o, i }) => `#${i + 1} ${r.stack} ${r.who} ${r.action} (${r.note}): expected ${r.expected}, simulated ${o.verdict}`,
            ),
            [],
        );
    });

    it("every explicit denial comes from the statement meant to deny it", () => {
        const wrong = rows
            .map((r, i) => ({ r, o: outcomes[i], i }))
            .filter(({ r, o }) => r.deniedBy !== undefined && !o.denySids.includes(r.deniedBy));
        assert.deepEqual(
            wrong.map(({ r, o, i }) => `#${i + 1} ${r.note}: denied by [${o.denySids.join(", ")}], expected ${r.deniedBy ?? ""}`),
            [],
        );
    });

    it("the simulator used every context key given (none dropped as not applicable)", () => {
        const dropped = rows.map((r, i) => ({ r, o: outcomes[i], i })).filter(({ o }) => o.ignoredContextKeys.length > 0);
        assert.deepEqual(
            dropped.map(({ r, o, i }) => `#${i + 1} ${r.action}: ignored ${o.ignoredContextKeys.join(", ")}`),
            [],
        );
    });
});
