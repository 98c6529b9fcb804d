/**
 * The rows of the access matrix, built from an UPDATE run of a shipped stack: every principal, policy
 * and ARN comes from what the program registered. Each row is one request with exactly the context
 * keys that request would carry, and the verdict IAM must reach.
 */
import { objectKey } from "../../components/storage/layout";
import { StackPlan } from "../../gate/plan";
import { policiesOf, Row, Verdict } from "./simulate";

/** The policy documents of an update run (simulate.ts `policiesOf`). */
type Policies = ReturnType<typeof policiesOf>;

export const ACCOUNT = "123456789012";
export const T = {
    bucket: "aws:s3/bucket:Bucket",
    policy: "aws:s3/bucketPolicy:BucketPolicy",
    pab: "aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock",
    role: "aws:iam/role:Role",
    rolePolicy: "aws:iam/rolePolicy:RolePolicy",
    user: "aws:iam/user:User",
    userPolicy: "aws:iam/userPolicy:UserPolicy",
};
const IN_RANGE = "203.0.113.10";
export const OUTSIDE = "192.0.2.55";
const ENDPOINT = "vpce-0a1b2c3d4e5f67890";
const at = { timestamp: new Date("2026-11-24T07:00:00Z"), flowId: "acme-leads" };
export const LEAD = objectKey("hybrid", at, "lead-0001.json");
const OTHER_FLOW = objectKey("hybrid", { ...at, flowId: "other-flow" }, "lead-0002.json");
/** A deployer's own permissions (outside this stack): enough to manage the bucket. */
const ADMIN_POLICY = { Version: "2012-10-17", Statement: [{ Sid: "AdminS3", Effect: "Allow", Action: "s3:*", Resource: "*" }] };
/** The partner's own permission to assume roles (in its account). */
const PARTNER_POLICY = {
    Version: "2012-10-17",
    Statement: [{ Sid: "PartnerAssumeRoles", Effect: "Allow", Action: "sts:AssumeRole", Resource: "*" }],
};

export type Context = Record<string, string | string[]>;
/** Who asks, and against which resource policy. */
export type Caller = Pick<Row, "who" | "principal" | "identityPolicies" | "resourcePolicy" | "resourceAccount" | "blockPublicAccess">;
export type StackRow = Row & { readonly stack: "dev" | "prod" };

/** TLS 1.3 from an allowed address: what a well-behaved client sends. */
export function tls(extra: Context = {}): Context {
    return { "aws:SecureTransport": "true", "s3:TlsVersion": "1.3", "aws:SourceIp": IN_RANGE, ...extra };
}

/** The same context arriving through VPC endpoint `vpce` instead: `aws:SourceVpce`, no `aws:SourceIp`. */
function viaEndpoint(context: Context, vpce: string): Context {
    const rest = Object.fromEntries(Object.entries(context).filter(([k]) => k !== "aws:SourceIp"));
    return { ...rest, "aws:SourceVpce": vpce };
}

/** The session ARN of a role: what signs requests after `sts:AssumeRole`. */
function session(roleArn: string, name: string): string {
    const [, , , , account, resource] = roleArn.split(":");
    return `arn:aws:sts::${account}:assumed-role/${resource.split("/").pop() ?? ""}/${name}`;
}

export function row(
    stack: StackRow["stack"],
    caller: Caller,
    action: string,
    resource: string,
    context: Context,
    expected: Verdict,
    note: string,
    deniedBy?: string,
): StackRow {
    return { stack, ...caller, action, resource, context, expected, note, ...(deniedBy !== undefined ? { deniedBy } : {}) };
}

/**
 * The partner assuming its read role (the role's trust policy judged): from its own account with
 * the external id only.
 */
export function partnerAssumeRows(stack: StackRow["stack"], p: Policies, externalId: string): StackRow[] {
    const reader = p.resource(T.role, "firehose-reader-acme-analytics");
    const from = (who: string, principal: string): Caller => ({
        who,
        principal,
        identityPolicies: [{ name: "partner", policy: PARTNER_POLICY }],
        resourcePolicy: p.json(T.role, reader.name, "assumeRolePolicy"),
        resourceAccount: ACCOUNT,
    });
    const assume = (principal: string, id: string) => ({
        "aws:SecureTransport": "true",
        "aws:PrincipalArn": principal,
        "aws:PrincipalAccount": principal.split(":")[4],
        "sts:ExternalId": id,
    });
    const [partner, stranger] = ["345678901234", "999988887777"].map((account) => `arn:aws:iam::${account}:role/acme-etl`);
    const roleArn = `arn:aws:iam::${ACCOUNT}:role/${reader.inputs.name as string}`;
    const x = (c: Caller, context: Context, v: Verdict, note: string) => row(stack, c, "sts:AssumeRole", roleArn, context, v, note);
    return [
        x(from("partner account", partner), assume(partner, externalId), "Allowed", "assume the read role with the external id"),
        x(from("partner account", partner), assume(partner, "guessed"), "ImplicitlyDenied", "wrong external id"),
        x(from("another account", stranger), assume(stranger, externalId), "ImplicitlyDenied", "the external id from another account"),
    ];
}

export function prodRows(run: StackPlan): StackRow[] {
    const p = policiesOf(run);
    const D = `arn:aws:s3:::${p.resource(T.bucket, "firehose-data").inputs.bucket as string}`;
    const R = `arn:aws:s3:::${p.resource(T.bucket, "firehose-data-replica").inputs.bucket as string}`;
    const bpa = (name: string) => p.resource(T.pab, `${name}-public-access-block`).inputs.restrictPublicBuckets === true;
    const roleArn = (name: string) => `arn:aws:iam::${ACCOUNT}:role/${p.resource(T.role, name).inputs.name as string}`;
    const identity = (name: string) => [{ name, policy: p.json(T.rolePolicy, name) }];
    const kmsKey = (run.outputs.encryption as { kmsKeyArn: string }).kmsKeyArn;
    const kms = { "s3:x-amz-server-side-encryption": "aws:kms", "s3:x-amz-server-side-encryption-aws-kms-key-id": kmsKey };
    const tagged = { "s3:ExistingObjectTag/Classification": "partner-shareable" };
    const [writer, reader, replication] = ["firehose-writer", "firehose-reader-acme-analytics", "firehose-replication-role"].map(roleArn);
    const deployer = `arn:aws:iam::${ACCOUNT}:role/pulumi-deployer`;
    const admin = `arn:aws:iam::${ACCOUNT}:role/platform-admin`;
    /** A role session without MFA (temporary credentials carry the key, as false). */
    const as = (role: string, extra: Context = {}) =>
        tls({ "aws:PrincipalArn": role, "aws:PrincipalAccount": ACCOUNT, "aws:MultiFactorAuthPresent": "false", ...extra });
    const onData = {
        resourceAccount: ACCOUNT,
        resourcePolicy: p.json(T.policy, "firehose-data-policy"),
        blockPublicAccess: bpa("firehose-data"),
    };
    const anonymous: Caller = { who: "anonymous", principal: "anonymous", identityPolicies: [], ...onData };
    const w: Caller = {
        who: "writer role",
        principal: session(writer, "streamer"),
        identityPolicies: identity("firehose-writer-policy"),
        ...onData,
    };
    const wNoBucket: Caller = { ...w, resourcePolicy: undefined, blockPublicAccess: undefined };
    const rd: Caller = {
        who: "partner reader",
        principal: session(reader, "acme"),
        identityPolicies: identity("firehose-reader-acme-analytics-policy"),
        ...onData,
    };
    const admins = [{ name: "admin", policy: ADMIN_POLICY }];
    const dep: Caller = { who: "deployer (MFA-exempt)", principal: session(deployer, "pulumi"), identityPolicies: admins, ...onData };
    const adm: Caller = { who: "admin (not exempt)", principal: session(admin, "ops"), identityPolicies: admins, ...onData };
    const rep: Caller = {
        who: "replication role",
        principal: session(replication, "s3-replication"),
        identityPolicies: identity("firehose-replication-role-policy"),
        resourcePolicy: p.json(T.policy, "firehose-data-replica-policy"),
        resourceAccount: ACCOUNT,
        blockPublicAccess: bpa("firehose-data-replica"),
    };
    // S3 replicates from its own fleet: TLS, no aws:SourceIp of ours.
    const s3 = { "aws:SecureTransport": "true", "s3:TlsVersion": "1.3", "aws:PrincipalArn": replication, "aws:PrincipalAccount": ACCOUNT };
    const PUT = "s3:PutObject";
    const GET = "s3:GetObject";
    const otherKey = kmsKey.replace(/key\/.*/, "key/00000000-0000-0000-0000-000000000000");
    const x = (c: Caller, a: string, res: string, ctx: Context, v: Verdict, note: string, deniedBy?: string) =>
        row("prod", c, a, res, ctx, v, note, deniedBy);
    /** The writer's upload of a lead, with `context`, denied by the statement `sid` (`note`: what is wrong). */
    const putDenied = (context: Context, note: string, sid: string) => x(w, PUT, `${D}/${LEAD}`, context, "ExplicitlyDenied", note, sid);
    return [
        x(anonymous, GET, `${D}/${LEAD}`, tls(), "ImplicitlyDenied", "no public read"),
        x(anonymous, PUT, `${D}/${LEAD}`, tls(kms), "ImplicitlyDenied", "no public write"),
        x(w, PUT, `${D}/${LEAD}`, as(writer, kms), "Allowed", "partition key, TLS, SSE-KMS header with the bucket key"),
        putDenied(as(writer, { ...kms, "aws:SecureTransport": "false" }), "same over plain HTTP", "DenyInsecureTransport"),
        putDenied(as(writer, { ...kms, "s3:TlsVersion": "1.1" }), "same over TLS 1.1", "DenyOutdatedTls"),
        x(w, PUT, `${D}/uploads/lead-0001.json`, as(writer, kms), "ImplicitlyDenied", "key outside the layout"),
        x(w, PUT, `${D}/${LEAD.replace(/\.json$/, ".csv")}`, as(writer, kms), "ImplicitlyDenied", "layout path, not a .json file"),
        putDenied(as(writer), "no encryption header (prod requires it)", "DenyMissingEncryptionHeader"),
        putDenied(as(writer, { "s3:x-amz-server-side-encryption": "AES256" }), "wrong header (AES256)", "DenyWrongEncryption"),
        putDenied(
            as(writer, { ...kms, "s3:x-amz-server-side-encryption-aws-kms-key-id": otherKey }),
            "SSE-KMS with another key",
            "DenyWrongKmsKey",
        ),
        x(w, GET, `${D}/${LEAD}`, as(writer), "Allowed", "read back a layout object"),
        x(w, "s3:ListBucket", D, as(writer, { "s3:prefix": "year=2026/month=11/" }), "Allowed", "list a layout prefix"),
        x(w, "s3:ListBucket", D, as(writer, { "s3:prefix": "tmp/" }), "ImplicitlyDenied", "list outside the layout"),
        x(w, "s3:DeleteObject", `${D}/${LEAD}`, as(writer), "ExplicitlyDenied", "delete without MFA", "DenyDestructiveWithoutMfa"),
        putDenied(as(writer, { ...kms, "aws:SourceIp": OUTSIDE }), `from ${OUTSIDE}, outside the ranges`, "DenyOutsideAllowedNetworks"),
        x(w, PUT, `${D}/${LEAD}`, viaEndpoint(as(writer, kms), ENDPOINT), "Allowed", "through the listed VPC endpoint (no aws:SourceIp)"),
        putDenied(viaEndpoint(as(writer, kms), "vpce-0fffffffffffffff0"), "through an unlisted VPC endpoint", "DenyOutsideAllowedNetworks"),
        x(
            wNoBucket,
            "cloudwatch:PutMetricData",
            "*",
            { "aws:SecureTransport": "true", "cloudwatch:namespace": "LeadConduit/Firehose" },
            "Allowed",
            "metrics in its namespace",
        ),
        x(
            wNoBucket,
            "cloudwatch:PutMetricData",
            "*",
            { "aws:SecureTransport": "true", "cloudwatch:namespace": "AWS/S3" },
            "ImplicitlyDenied",
            "metrics in another namespace",
        ),
        x(dep, "s3:PutBucketPolicy", D, as(deployer), "Allowed", "policy change without MFA: exempt"),
        x(
            adm,
            "s3:PutBucketPolicy",
            D,
            as(admin),
            "ExplicitlyDenied",
            "same request and permissions, not exempt",
            "DenyDestructiveWithoutMfa",
        ),
        x(adm, "s3:PutBucketPolicy", D, as(admin, { "aws:MultiFactorAuthPresent": "true" }), "Allowed", "with MFA"),
        x(rd, GET, `${D}/${LEAD}`, as(reader, tagged), "Allowed", "its flow's prefix, tagged partner-shareable"),
        x(rd, GET, `${D}/${OTHER_FLOW}`, as(reader, tagged), "ImplicitlyDenied", "another flow's prefix"),
        x(
            rd,
            GET,
            `${D}/${LEAD}`,
            as(reader, { "s3:ExistingObjectTag/Classification": "internal" }),
            "ImplicitlyDenied",
            "its prefix, object tagged internal",
        ),
        x(rd, PUT, `${D}/${LEAD}`, as(reader, kms), "ImplicitlyDenied", "write"),
        x(
            rd,
            GET,
            `${D}/${LEAD}`,
            as(reader, { ...tagged, "aws:SourceIp": OUTSIDE }),
            "ExplicitlyDenied",
            "from outside the ranges",
            "DenyOutsideAllowedNetworks",
        ),
        ...partnerAssumeRows("prod", p, "acme-analytics-prod-b71e40"),
        x(rep, "s3:ReplicateObject", `${R}/${LEAD}`, s3, "Allowed", "into the replica (S3 calls without aws:SourceIp)"),
        x({ ...rep, ...onData }, "s3:ReplicateObject", `${D}/${LEAD}`, s3, "ImplicitlyDenied", "into the source bucket"),
        x(
            { ...rep, resourcePolicy: undefined, blockPublicAccess: undefined },
            "s3:ReplicateObject",
            `arn:aws:s3:::some-other-bucket/${LEAD}`,
            s3,
            "ImplicitlyDenied",
            "into any other bucket",
        ),
        x({ ...rep, ...onData }, "s3:GetObjectVersionForReplication", `${D}/${LEAD}`, s3, "Allowed", "read source versions"),
    ];
}
