/** The access feature in the shipped prod stack, under mocks: exact types, names, counts and security inputs. */
import * as assert from "node:assert/strict";
import { UNKNOWN } from "../../gate/recorder";
import { childrenOf, descendantsOf, one } from "../helpers/resources";
import { ACCOUNT, doc, sid, T } from "./helpers";
import { ShippedRuns, shippedRuns } from "../helpers/shipped";

let runs: ShippedRuns = {};
before(async () => {
    runs = await shippedRuns(["prod"]);
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
            [
                ...base,
                "AllowWriterPut",
                "AllowWriterGet",
                "AllowWriterList",
                "DenyDestructiveWithoutMfa",
                "DenyOutsideAllowedNetworks",
                // Malware scanning (tests/malware/malware.test.ts).
                "DenyReadingInfectedObjects",
            ],
        );
        assert.deepEqual(
            replica.map((s) => s.Sid),
            [...base, "DenyDestructiveWithoutMfa", "DenyOutsideAllowedNetworks"],
        );
        assert.deepEqual(sid(data, "DenyOutsideAllowedNetworks").Condition, {
            NotIpAddress: { "aws:SourceIp": ["203.0.113.0/24", "198.51.100.0/24"] },
            StringNotEquals: { "aws:SourceVpce": ["vpce-0a1b2c3d4e5f67890"] },
            BoolIfExists: { "aws:ViaAWSService": "false" },
            // The service roles of malware scanning, quarantine and Config remediation (tests/malware, tests/compliance).
            ArnNotEquals: {
                "aws:PrincipalArn": ["malware-scan", "quarantine", "config-remediation"].map(
                    (n) => `arn:aws:iam::123456789012:role/firehose-storage-prod-${n}`,
                ),
            },
        });
        assert.equal(sid(replica, "DenyOutsideAllowedNetworks").Condition?.ArnNotEquals, undefined);
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
