/**
 * The access feature in the shipped dev and prod stacks, under mocks: exact types, names and counts
 * of the writer, reader and replication resources, and their security inputs.
 */
import * as assert from "node:assert/strict";
import { StackPlan } from "../../gate/plan";
import { RecordedResource, UNKNOWN } from "../../gate/recorder";
import { childrenOf, descendantsOf, one, ofType } from "../helpers/resources";
import { stackRun } from "./runs";

const T = {
    writer: "firehose-storage:access:WriterAccess",
    reader: "firehose-storage:access:ReaderAccess",
    replication: "firehose-storage:replication:Replication",
    sb: "firehose-storage:storage:SecureBucket",
    role: "aws:iam/role:Role",
    rolePolicy: "aws:iam/rolePolicy:RolePolicy",
    user: "aws:iam/user:User",
    userPolicy: "aws:iam/userPolicy:UserPolicy",
    accessKey: "aws:iam/accessKey:AccessKey",
    bucket: "aws:s3/bucket:Bucket",
    policy: "aws:s3/bucketPolicy:BucketPolicy",
    versioning: "aws:s3/bucketVersioning:BucketVersioning",
    sse: "aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration",
    pab: "aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock",
    replicationConfig: "aws:s3/bucketReplicationConfig:BucketReplicationConfig",
    provider: "pulumi:providers:aws",
    key: "aws:kms/key:Key",
};
const ACCOUNT = "123456789012";
const DEPLOYER = "arn:aws:iam::123456789012:role/pulumi-deployer";
const OBJECTS = "year=*/month=*/day=*/hour=*/flow_id=*/*.json";

interface Stmt {
    Sid: string;
    Effect: string;
    Principal?: unknown;
    Action: unknown;
    Resource: unknown;
    Condition?: Record<string, Record<string, unknown>>;
}
const doc = (r: RecordedResource, key = "policy"): Stmt[] => (JSON.parse(r.inputs[key] as string) as { Statement: Stmt[] }).Statement;
const sid = (statements: Stmt[], id: string): Stmt => {
    const found = statements.find((s) => s.Sid === id);
    assert.ok(found !== undefined, `no statement ${id}`);
    return found;
};

const runs: Record<string, StackPlan> = {};
before(async () => {
    for (const stack of ["dev", "prod"] as const) {
        for (const mode of ["preview", "update"] as const) {
            runs[`${stack}/${mode}`] = await stackRun(stack, mode);
        }
    }
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
        assert.deepEqual(sid(doc(one(res(), T.policy, "firehose-data-access-logs-policy")), "DenyDeleteWithoutMfa").Condition, {
            BoolIfExists: { "aws:MultiFactorAuthPresent": "false" },
            ArnNotLike: { "aws:PrincipalArn": [DEPLOYER] },
        });
    });

    it("reader role: trusted by the partner account with its external id; reads its prefix only", () => {
        const role = one(res(), T.role, "firehose-reader-acme-analytics");
        assert.deepEqual(JSON.parse(role.inputs.assumeRolePolicy as string), {
            Version: "2012-10-17",
            Statement: [
                {
                    Sid: "AssumeWithExternalId",
                    Effect: "Allow",
                    Principal: { AWS: "arn:aws:iam::345678901234:root" },
                    Action: "sts:AssumeRole",
                    Condition: { StringEquals: { "sts:ExternalId": "acme-analytics-dev-5c2e91" } },
                },
            ],
        });
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

describe("access: prod stack (writer role, tagged reader, network limit, replication)", () => {
    const res = () => runs["prod/update"].resources;
    const dataBucket = () => one(res(), T.bucket, "firehose-data").inputs.bucket as string;
    const replicaBucket = () => one(res(), T.bucket, "firehose-data-replica").inputs.bucket as string;
    const replicaKeyArn = () =>
        (
            one(res(), T.sse, "firehose-data-replica-encryption").inputs.rules as {
                applyServerSideEncryptionByDefault: { kmsMasterKeyId: string };
            }[]
        )[0].applyServerSideEncryptionByDefault.kmsMasterKeyId;

    it("components and their exact children; a second provider in the replica region", () => {
        assert.deepEqual(childrenOf(res(), one(res(), T.writer, "firehose-writer")), [
            `${T.role} firehose-writer`,
            `${T.rolePolicy} firehose-writer-policy`,
        ]);
        assert.deepEqual(childrenOf(res(), one(res(), T.replication, "firehose-replication")), [
            `${T.role} firehose-replication-role`,
            `${T.rolePolicy} firehose-replication-role-policy`,
            `${T.replicationConfig} firehose-replication`,
            `${T.sb} firehose-data-replica`,
        ]);
        const replica = one(res(), T.sb, "firehose-data-replica");
        assert.equal(
            descendantsOf(res(), replica).length,
            17,
            "replica: the same 17 children as the data bucket (bucket, key, 7 settings, log bucket with its 7)",
        );
        const provider = one(res(), T.provider, "aws-replica");
        assert.equal(provider.inputs.region, "us-west-2");
        assert.deepEqual(
            JSON.parse(provider.inputs.defaultTags as string),
            JSON.parse(one(res(), T.provider, "aws-primary").inputs.defaultTags as string),
        );
    });

    it("writer role: assumable by LeadConduit's role with the external id; uploads need SSE-KMS with the data key", () => {
        const role = one(res(), T.role, "firehose-writer");
        assert.deepEqual(doc(role, "assumeRolePolicy"), [
            {
                Sid: "AssumeWithExternalId",
                Effect: "Allow",
                Principal: { AWS: "arn:aws:iam::210987654321:role/leadconduit-firehose" },
                Action: "sts:AssumeRole",
                Condition: { StringEquals: { "sts:ExternalId": "lc-firehose-prod-3f9a1c" } },
            },
        ]);
        const key = (runs["prod/update"].outputs.encryption as { kmsKeyArn: string }).kmsKeyArn;
        const p = doc(one(res(), T.rolePolicy, "firehose-writer-policy"));
        assert.equal(one(res(), T.rolePolicy, "firehose-writer-policy").inputs.role, role.inputs.name);
        assert.deepEqual(sid(p, "PutLayoutObjects").Condition, {
            StringEquals: { "s3:x-amz-server-side-encryption": "aws:kms" },
            StringEqualsIfExists: { "s3:x-amz-server-side-encryption-aws-kms-key-id": key },
        });
        assert.deepEqual(sid(p, "UseBucketKeyViaS3").Resource, key);
        assert.equal(runs["prod/update"].outputs.writerPrincipalArn, `arn:aws:iam::${ACCOUNT}:role/${role.inputs.name as string}`);
        assert.equal(runs["prod/update"].outputs.writerSecretAccessKey, undefined);
    });

    it("reader role: two-hour sessions, only objects tagged partner-shareable", () => {
        assert.equal(one(res(), T.role, "firehose-reader-acme-analytics").inputs.maxSessionDuration, 7200);
        const p = doc(one(res(), T.rolePolicy, "firehose-reader-acme-analytics-policy"));
        assert.deepEqual(sid(p, "ReadPrefixes").Condition, {
            StringEquals: { "s3:ExistingObjectTag/Classification": "partner-shareable" },
        });
        assert.deepEqual(
            p.map((s) => s.Sid),
            ["ReadPrefixes", "DecryptViaS3"],
        );
    });

    it("data and replica bucket policies: MFA and network denies; only the data bucket admits the writer", () => {
        const data = doc(one(res(), T.policy, "firehose-data-policy"));
        const replica = doc(one(res(), T.policy, "firehose-data-replica-policy"));
        const base = ["DenyInsecureTransport", "DenyOutdatedTls", "DenyWrongEncryption", "DenyWrongKmsKey", "DenyMissingEncryptionHeader"];
        assert.deepEqual(
            data.map((s) => s.Sid),
            [...base, "AllowWriterPut", "AllowWriterGet", "AllowWriterList", "DenyDestructiveWithoutMfa", "DenyOutsideAllowedNetworks"],
        );
        assert.deepEqual(
            replica.map((s) => s.Sid),
            [...base, "DenyDestructiveWithoutMfa", "DenyOutsideAllowedNetworks"],
        );
        assert.deepEqual(sid(data, "DenyOutsideAllowedNetworks").Condition, {
            NotIpAddress: { "aws:SourceIp": ["203.0.113.0/24", "198.51.100.0/24"] },
            StringNotEquals: { "aws:SourceVpce": ["vpce-0a1b2c3d4e5f67890"] },
            BoolIfExists: { "aws:ViaAWSService": "false" },
        });
        assert.deepEqual(sid(replica, "DenyOutsideAllowedNetworks").Resource, [
            `arn:aws:s3:::${replicaBucket()}`,
            `arn:aws:s3:::${replicaBucket()}/*`,
        ]);
    });

    it("replica: a SecureBucket in us-west-2 with role replica, versioned, its own KMS key, public access blocked, protected", () => {
        const replicaProvider = one(res(), T.provider, "aws-replica");
        const replica = one(res(), T.sb, "firehose-data-replica");
        for (const r of descendantsOf(res(), replica).filter((x) => x.custom)) {
            assert.ok(r.provider.startsWith(replicaProvider.urn), `${r.type} ${r.name} uses the replica provider`);
            assert.equal(r.protect, true, `${r.name} protected`);
        }
        assert.deepEqual(one(res(), T.bucket, "firehose-data-replica").inputs.tags, { Name: "firehose-data-replica", Role: "replica" });
        assert.equal(one(res(), T.bucket, "firehose-data-replica").retainOnDelete, true);
        assert.deepEqual(one(res(), T.versioning, "firehose-data-replica-versioning").inputs.versioningConfiguration, {
            status: "Enabled",
        });
        const pab = one(res(), T.pab, "firehose-data-replica-public-access-block").inputs;
        assert.deepEqual(
            [pab.blockPublicAcls, pab.blockPublicPolicy, pab.ignorePublicAcls, pab.restrictPublicBuckets],
            [true, true, true, true],
        );
        const rules = one(res(), T.sse, "firehose-data-replica-encryption").inputs.rules as {
            applyServerSideEncryptionByDefault: { kmsMasterKeyId: string };
        }[];
        assert.match(rules[0].applyServerSideEncryptionByDefault.kmsMasterKeyId, /^arn:aws:kms:us-west-2:123456789012:key\//);
        assert.equal(one(res(), T.key, "firehose-data-replica-key").inputs.enableKeyRotation, true);
    });

    it("replication config: everything, RTC 15 min with metrics, STANDARD_IA, KMS replica key, delete markers off", () => {
        const cfg = one(res(), T.replicationConfig, "firehose-replication");
        const replicaKey = replicaKeyArn();
        const role = one(res(), T.role, "firehose-replication-role");
        assert.equal(cfg.inputs.bucket, dataBucket());
        assert.equal(cfg.inputs.role, `arn:aws:iam::${ACCOUNT}:role/${role.inputs.name as string}`);
        assert.deepEqual(cfg.inputs.rules, [
            {
                id: "replicate-everything",
                status: "Enabled",
                priority: 1,
                filter: {},
                deleteMarkerReplication: { status: "Disabled" },
                destination: {
                    bucket: `arn:aws:s3:::${replicaBucket()}`,
                    storageClass: "STANDARD_IA",
                    replicationTime: { status: "Enabled", time: { minutes: 15 } },
                    metrics: { status: "Enabled", eventThreshold: { minutes: 15 } },
                    encryptionConfiguration: { replicaKmsKeyId: replicaKey },
                },
                sourceSelectionCriteria: { sseKmsEncryptedObjects: { status: "Enabled" } },
            },
        ]);
        assert.ok(cfg.provider.startsWith(one(res(), T.provider, "aws-primary").urn), "configured on the source, in the source region");
        for (const dep of [
            one(res(), T.versioning, "firehose-data-versioning"),
            one(res(), T.versioning, "firehose-data-replica-versioning"),
            one(res(), T.rolePolicy, "firehose-replication-role-policy"),
        ]) {
            assert.ok(cfg.dependencies.includes(dep.urn), `replication waits for ${dep.name}`);
        }
    });

    it("replication role: assumed by S3 for the data bucket only; KMS on both keys", () => {
        const role = one(res(), T.role, "firehose-replication-role");
        assert.deepEqual(doc(role, "assumeRolePolicy")[0].Condition, {
            StringEquals: { "aws:SourceAccount": ACCOUNT },
            ArnLike: { "aws:SourceArn": `arn:aws:s3:::${dataBucket()}` },
        });
        const p = doc(one(res(), T.rolePolicy, "firehose-replication-role-policy"));
        assert.deepEqual(
            p.map((s) => [s.Sid, s.Resource]),
            [
                ["ReadReplicationSource", `arn:aws:s3:::${dataBucket()}`],
                ["ReadSourceVersions", `arn:aws:s3:::${dataBucket()}/*`],
                ["WriteReplicas", `arn:aws:s3:::${replicaBucket()}/*`],
                ["DecryptSource", (runs["prod/update"].outputs.encryption as { kmsKeyArn: string }).kmsKeyArn],
                ["EncryptReplicas", replicaKeyArn()],
            ],
        );
        assert.match(replicaKeyArn(), /^arn:aws:kms:us-west-2:123456789012:key\//);
    });

    it("outputs name the replica", () => {
        const o = runs["prod/update"].outputs;
        assert.equal(o.replicaRegion, "us-west-2");
        assert.equal(o.replicaBucketName, replicaBucket());
        assert.equal(o.replicaBucketArn, `arn:aws:s3:::${replicaBucket()}`);
    });

    it("preview: same resources; replication joins its buckets by dependency while names are unknown", () => {
        const r = runs["prod/preview"].resources;
        assert.equal(r.length, res().length);
        const cfg = one(r, T.replicationConfig, "firehose-replication");
        // The bucket's name is known at preview (the provider assigns it at Check); its ARNs are not.
        assert.equal(cfg.wireInputs.bucket, dataBucket());
        assert.deepEqual(cfg.propertyDependencies.bucket, [one(r, T.bucket, "firehose-data").urn]);
        assert.equal(cfg.wireInputs.role, UNKNOWN);
        assert.equal(one(r, T.policy, "firehose-data-policy").wireInputs.policy, UNKNOWN);
    });
});
