/**
 * Object Lock for legal hold (`objectLock.*`): off by default; on request, a protected
 * `BucketObjectLockConfiguration` on the existing data bucket (never a replacement) and on its
 * replica, the replication role reading retention and legal hold; the irreversibility acknowledged
 * in config, turning it off refused; COMPLIANCE refuses `allowForceDestroy`. The pack's
 * s3-data-bucket-object-lock (S3.15) credits this form.
 */
import * as aws from "@pulumi/aws";
import * as assert from "node:assert/strict";
import { replicationRolePolicy } from "../../components/access/policies/replicationPolicy";
import { Replication } from "../../components/access/replication";
import { SecureBucket } from "../../components/storage/secureBucket";
import { runOfflineGate } from "../../gate/offlineGate";
import { planStack, StackPlan } from "../../gate/plan";
import { defaultRetentionProblems } from "../../rules/objectLock";
import { realPack } from "../helpers/realPack";
import { attempt } from "../helpers/shipped";
import { COMPLIANT, NON_COMPLIANT, readPackConfig, validateStack } from "../policy/helpers/pack";
import { ofType, one, PROJECT_DIR, problems, resolve, shippedRun, statements, T } from "../helpers/detective";

const LOCK = "aws:s3/bucketObjectLockConfiguration:BucketObjectLockConfiguration";
const VERSIONING = "aws:s3/bucketVersioning:BucketVersioning";
const LOCKED_PROD = ["objectLock={enabled: true, mode: COMPLIANCE, years: 7, irreversible: true}", "malwareScan.quarantine=false"];

describe("object lock: rules and config", () => {
    it("a default retention: a known mode and exactly one of days or years, in bounds", () => {
        assert.deepEqual(defaultRetentionProblems({ mode: "GOVERNANCE", days: 30 }), []);
        assert.deepEqual(defaultRetentionProblems({ mode: "COMPLIANCE", years: 7 }), []);
        assert.deepEqual(defaultRetentionProblems({ mode: "COMPLIANCE" }, "lock."), [
            { path: "lock.days", value: undefined, message: "the default retention of new object versions needs days or years" },
        ]);
        assert.deepEqual(defaultRetentionProblems({ mode: "LEGAL" as "GOVERNANCE", days: 0, years: 101 }), [
            { path: "mode", value: "LEGAL", message: "must be one of GOVERNANCE, COMPLIANCE" },
            { path: "years", value: 101, message: "a default retention takes days or years, not both (days is 0); remove one" },
            { path: "days", value: 0, message: "must be a whole number 1-36500" },
            { path: "years", value: 101, message: "must be a whole number 1-100" },
        ]);
    });

    it("off in both stacks unless asked; on: GOVERNANCE unless a mode is given", () => {
        assert.equal(resolve({}).objectLock, undefined);
        assert.equal(resolve({ environment: "prod" }).objectLock, undefined);
        assert.deepEqual(resolve({ objectLock: { enabled: true, days: 30, irreversible: true } }).objectLock, {
            mode: "GOVERNANCE",
            days: 30,
            years: undefined,
        });
    });

    it("turning it on needs the acknowledgement and a period; turning it off is refused", () => {
        assert.deepEqual(problems({ objectLock: { enabled: true } }), [
            "firehose-storage:objectLock.irreversible: missing; Object Lock can never be turned off once a bucket has it (nor versioning suspended); confirm with objectLock.irreversible true and keep the key",
            "firehose-storage:objectLock.days: missing; the default retention of new object versions needs days or years",
        ]);
        assert.deepEqual(problems({ objectLock: { enabled: false, days: 30, irreversible: true } }), [
            "firehose-storage:objectLock.enabled: got false; Object Lock can never be turned off: objectLock.irreversible true records that the buckets have it; set enabled true (mode and period may change)",
            "firehose-storage:objectLock.days: got 30; only applies with objectLock.enabled true; enable it or remove the key",
        ]);
        assert.deepEqual(problems({ objectLock: { irreversible: true } }), [
            "firehose-storage:objectLock.enabled: missing; Object Lock can never be turned off: objectLock.irreversible true records that the buckets have it; set enabled true (mode and period may change)",
        ]);
        assert.deepEqual(problems({ objectLock: { enabled: true, days: 30, years: 1, irreversible: true } }), [
            "firehose-storage:objectLock.years: got 1; a default retention takes days or years, not both (days is 30); remove one",
        ]);
        assert.deepEqual(problems({ objectLock: { enabled: true, mode: "LEGAL", days: 0, irreversible: true } }), [
            'firehose-storage:objectLock.mode: got "LEGAL"; must be one of "GOVERNANCE", "COMPLIANCE"',
            "firehose-storage:objectLock.days: got 0; must be at least 1",
        ]);
    });

    it("COMPLIANCE refuses allowForceDestroy; quarantine (which deletes versions) must be off", () => {
        assert.deepEqual(
            problems({ allowForceDestroy: true, objectLock: { enabled: true, mode: "COMPLIANCE", days: 1, irreversible: true } }),
            [
                "firehose-storage:allowForceDestroy: got true; is refused with objectLock.mode COMPLIANCE: locked versions can never be deleted before their retention ends",
            ],
        );
        assert.equal(
            resolve({ allowForceDestroy: true, objectLock: { enabled: true, days: 1, irreversible: true } }).objectLock?.mode,
            "GOVERNANCE",
        );
        assert.deepEqual(problems({ malwareScan: { enabled: true }, objectLock: { enabled: true, days: 1, irreversible: true } }), [
            "firehose-storage:objectLock.enabled: got true; the quarantine function deletes infected versions from the data bucket, which Object Lock forbids until their retention ends; set malwareScan.quarantine false (the bucket policy still withholds infected objects)",
        ]);
    });
});

describe("object lock: components", () => {
    it("refused on a log bucket, with COMPLIANCE and allowForceDestroy, and for a locked source with an unlocked replica", async () => {
        const log = await attempt(
            () => new SecureBucket("l", { role: "audit-logs", objectLock: { mode: "GOVERNANCE", days: 1 }, allowForceDestroy: false }),
        );
        assert.match(log.error?.message ?? "", /objectLock: got .*; log buckets cannot have Object Lock/);
        const destroy = await attempt(
            () => new SecureBucket("d", { objectLock: { mode: "COMPLIANCE", years: 1 }, allowForceDestroy: true }),
        );
        assert.match(destroy.error?.message ?? "", /allowForceDestroy: got true; is refused with Object Lock in COMPLIANCE mode/);
        const replica = await attempt(() => {
            const source = new SecureBucket("s", { objectLock: { mode: "GOVERNANCE", days: 1 } });
            const replicaProvider = new aws.Provider("west", { region: "us-west-2" });
            new Replication("r", { source, sourceRegion: "us-east-1", replicaRegion: "us-west-2", replicaProvider, replica: {} });
        });
        assert.match(replica.error?.message ?? "", /replica\.objectLock: missing; the source bucket has Object Lock/);
    });

    it("the replication role reads retention and legal hold only when the source is locked", () => {
        const i = {
            sourceBucketArn: "arn:aws:s3:::a",
            replicaBucketArn: "arn:aws:s3:::b",
            sourceRegion: "us-east-1",
            replicaRegion: "us-west-2",
        };
        assert.equal(
            replicationRolePolicy(i).Statement.some((s) => s.Sid === "ReadSourceObjectLock"),
            false,
        );
        assert.deepEqual(replicationRolePolicy({ ...i, objectLock: true }).Statement.at(-1), {
            Sid: "ReadSourceObjectLock",
            Effect: "Allow",
            Action: ["s3:GetObjectRetention", "s3:GetObjectLegalHold"],
            Resource: "arn:aws:s3:::a/*",
        });
    });
});

describe("object lock: the stacks", function () {
    this.timeout(300_000);
    const runs: Record<string, StackPlan> = {};
    before(async () => {
        for (const preview of [false, true]) {
            runs[preview ? "preview" : "update"] = await planStack({
                projectDir: PROJECT_DIR,
                stack: "prod",
                preview,
                overrides: LOCKED_PROD,
            });
        }
    });

    it("off (shipped dev and prod): no lock configuration", async () => {
        for (const stack of ["dev", "prod"] as const) {
            assert.deepEqual(ofType((await shippedRun(stack, "update")).resources, LOCK), [], stack);
        }
    });

    for (const mode of ["update", "preview"] as const) {
        it(`on (prod ${mode}): data bucket and replica locked alike, protected, after versioning; the buckets unchanged`, async () => {
            const run = runs[mode];
            const shipped = await shippedRun("prod", mode);
            for (const bucket of ["firehose-data", "firehose-data-replica"]) {
                const lock = one(run.resources, LOCK, `${bucket}-object-lock`);
                assert.deepEqual(
                    { ...lock.inputs, bucket: undefined },
                    { bucket: undefined, objectLockEnabled: "Enabled", rule: { defaultRetention: { mode: "COMPLIANCE", years: 7 } } },
                );
                assert.equal(lock.propertyDependencies.bucket?.[0], one(run.resources, T.bucket, bucket).urn);
                assert.ok(lock.dependencies.includes(one(run.resources, VERSIONING, `${bucket}-versioning`).urn));
                assert.equal(lock.protect, true);
                assert.equal(lock.retainOnDelete, true);
                // Never a replacement: the bucket's own inputs are exactly those of the unlocked stack.
                assert.deepEqual(one(run.resources, T.bucket, bucket).inputs, one(shipped.resources, T.bucket, bucket).inputs);
            }
            assert.equal(ofType(run.resources, LOCK).length, 2);
            const shippedUrns = new Set(run.resources.map((r) => r.urn));
            assert.deepEqual(
                shipped.resources.filter((r) => !shippedUrns.has(r.urn) && !r.name.startsWith("firehose-quarantine")).map((r) => r.urn),
                [],
            );
        });
    }

    it("on: the replication role reads each version's retention and legal hold", () => {
        const policy = statements(one(runs.update.resources, T.rolePolicy, "firehose-replication-role-policy"));
        const data = one(runs.update.resources, T.bucket, "firehose-data").inputs.bucket as string;
        assert.deepEqual(
            policy.find((s) => s.Sid === "ReadSourceObjectLock"),
            {
                Sid: "ReadSourceObjectLock",
                Effect: "Allow",
                Action: ["s3:GetObjectRetention", "s3:GetObjectLegalHold"],
                Resource: `arn:aws:s3:::${data}/*`,
            },
        );
    });

    it("the pack: s3-data-bucket-object-lock (S3.15) credits the lock configuration, blocks its absence; the prod gate passes", async () => {
        const pack = await realPack();
        const config = {
            ...readPackConfig("prod"),
            "s3-data-bucket-object-lock": { enforcementLevel: "mandatory" as const, requireObjectLock: true },
        };
        for (const mode of ["update", "preview"] as const) {
            await validateStack(pack, runs[mode].resources, "s3-data-bucket-object-lock", COMPLIANT, { config });
        }
        await validateStack(pack, (await shippedRun("prod", "update")).resources, "s3-data-bucket-object-lock", NON_COMPLIANT, {
            config,
            onResource: "firehose-data",
        });
        const gate = await runOfflineGate({ projectDir: PROJECT_DIR, stack: "prod", overrides: LOCKED_PROD, pack });
        assert.deepEqual(
            gate.analysis.violations.filter((v) => v.enforcementLevel === "mandatory").map((v) => `${v.policyName}@${v.resourceName}`),
            [],
        );
    });
});
