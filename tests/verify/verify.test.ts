/**
 * `verify` and `outputs`: the drift check against recorded S3 API responses (aws-sdk-client-mock;
 * tests/fixtures/s3), the data path against an S3-compatible server on loopback (s3rver), and
 * `outputs` up to the typed error of the missing Pulumi CLI.
 */
import * as S3 from "@aws-sdk/client-s3";
import {
    GetBucketEncryptionCommand,
    GetBucketLifecycleConfigurationCommand,
    GetBucketPolicyCommand,
    GetBucketReplicationCommand,
    GetBucketVersioningCommand,
    GetPublicAccessBlockCommand,
    S3Client,
    S3ServiceException,
} from "@aws-sdk/client-s3";
import { AwsClientStub, mockClient } from "aws-sdk-client-mock";
import * as assert from "node:assert/strict";
import * as fs from "fs";
import * as path from "path";
import { formatOutputs } from "../../cli/outputs";
import { runCli } from "../../cli/main";
import { localS3 } from "../helpers/localS3";

const ROOT = path.resolve(__dirname, "..", "..");
const RECORDED = JSON.parse(fs.readFileSync(path.join(ROOT, "tests", "fixtures", "s3", "prod-data-bucket.json"), "utf8")) as Record<
    string,
    object
>;
const cliOnPath = (process.env.PATH ?? "").split(path.delimiter).some((d) => d !== "" && fs.existsSync(path.join(d, "pulumi")));

function notFound(name: string): S3ServiceException {
    return new S3ServiceException({ name, $fault: "client", $metadata: { httpStatusCode: 404 }, message: `${name} (recorded)` });
}

describe("verify: drift of the deployed data bucket (recorded S3 responses)", function () {
    // Created in before(), not at load: a mock made when mocha loads the files would stub every
    // S3Client of the whole run (the s3rver tests included).
    let s3: AwsClientStub<S3Client>;
    before(() => {
        s3 = mockClient(S3Client);
    });
    const verify = (...extra: string[]) =>
        runCli(["verify", "--stack", "prod", "--bucket", "acme-prod-leads", "--no-smoke", "--region", "us-east-1", ...extra], {
            cwd: ROOT,
        });

    beforeEach(() => {
        s3.reset();
        // Each recorded response answers its own API call on this bucket (the recording's keys are the API names).
        for (const [api, response] of Object.entries(RECORDED).filter(([key]) => key.startsWith("Get"))) {
            const command = (S3 as unknown as Record<string, typeof GetBucketPolicyCommand>)[`${api}Command`];
            assert.ok(command !== undefined, `${api} is an S3 API call`);
            s3.on(command, { Bucket: "acme-prod-leads" }).resolves(response);
        }
    });
    after(() => s3.restore());

    it("the bucket as declared: every setting checked, VERIFIED, exit 0", async () => {
        const r = await verify();
        assert.equal(r.code, 0, r.stdout + r.stderr);
        const lines = r.stdout.split("\n");
        assert.equal(lines[0], "verify · stack prod · bucket acme-prod-leads");
        assert.deepEqual(
            lines.slice(1, 9).map((l) => l.split(":")[0]),
            [
                "  ✔ versioning",
                "  ✔ encryption",
                "  ✔ public access block",
                "  ✔ ownership",
                "  ✔ policy",
                "  ✔ lifecycle",
                "  ✔ logging",
                "  ✔ replication",
            ],
        );
        assert.equal(lines[9], "✔ VERIFIED");
        assert.equal(s3.commandCalls(GetBucketVersioningCommand).length, 1);
    });

    it("drift: exit 1, each drifted setting named with the declared and the deployed value", async () => {
        s3.on(GetBucketVersioningCommand).resolves({ Status: "Suspended" });
        s3.on(GetPublicAccessBlockCommand).resolves({
            PublicAccessBlockConfiguration: {
                BlockPublicAcls: true,
                IgnorePublicAcls: true,
                BlockPublicPolicy: true,
                RestrictPublicBuckets: false,
            },
        });
        s3.on(GetBucketLifecycleConfigurationCommand).rejects(notFound("NoSuchLifecycleConfiguration"));
        s3.on(GetBucketReplicationCommand).rejects(notFound("ReplicationConfigurationNotFoundError"));
        const r = await verify();
        assert.equal(r.code, 1, r.stderr);
        assert.match(r.stdout, /^ {2}✖ versioning: declared Enabled; deployed Suspended$/m);
        assert.match(
            r.stdout,
            /^ {2}✖ public access block: declared .*RestrictPublicBuckets=true; deployed .*RestrictPublicBuckets=false$/m,
        );
        assert.match(
            r.stdout,
            /^ {2}✖ lifecycle: declared abort-incomplete-multipart-uploads Enabled, abort uploads 7d; .*; deployed absent$/m,
        );
        assert.match(r.stdout, /^ {2}✖ replication: declared replicate-everything Enabled -> STANDARD_IA; deployed absent$/m);
        assert.match(r.stdout, /^ {2}✔ encryption: aws:kms with bucket key$/m);
        assert.match(r.stdout, /^✖ DRIFT OR FAILURE: versioning, public access block, lifecycle, replication$/m);
    });

    it("a policy statement removed and SSE-S3 instead of SSE-KMS are drift", async () => {
        const policy = JSON.parse((RECORDED.GetBucketPolicy as { Policy: string }).Policy) as { Statement: { Sid: string }[] };
        policy.Statement = policy.Statement.filter((s) => s.Sid !== "DenyInsecureTransport");
        s3.on(GetBucketPolicyCommand).resolves({ Policy: JSON.stringify(policy) });
        s3.on(GetBucketEncryptionCommand).resolves({
            ServerSideEncryptionConfiguration: {
                Rules: [{ ApplyServerSideEncryptionByDefault: { SSEAlgorithm: "AES256" }, BucketKeyEnabled: false }],
            },
        });
        const r = await verify();
        assert.equal(r.code, 1);
        assert.match(r.stdout, /^ {2}✖ encryption: declared aws:kms with bucket key; deployed AES256$/m);
        assert.match(r.stdout, /^ {2}✖ policy: declared .*DenyInsecureTransport: Deny s3:\*.*; deployed (?!.*DenyInsecureTransport)/m);
    });

    it("an S3 read refused (AccessDenied): exit 3 with the error, no stack trace", async () => {
        s3.on(GetBucketPolicyCommand).rejects(
            new S3ServiceException({
                name: "AccessDenied",
                $fault: "client",
                $metadata: { httpStatusCode: 403 },
                message: "Access Denied",
            }),
        );
        const r = await verify();
        assert.equal(r.code, 3);
        assert.equal(r.stderr, "error: the S3 API refused a read of acme-prod-leads: AccessDenied: Access Denied\n");
    });
});

describe("verify: the data path against an S3-compatible server on 127.0.0.1", function () {
    const s3 = localS3(["firehose-data-dev"]);
    const saved = { id: process.env.AWS_ACCESS_KEY_ID, secret: process.env.AWS_SECRET_ACCESS_KEY };

    // The CLI builds its own client: it finds s3rver's credentials in the environment.
    before(() => {
        process.env.AWS_ACCESS_KEY_ID = "S3RVER";
        process.env.AWS_SECRET_ACCESS_KEY = "S3RVER";
    });

    after(() => {
        process.env.AWS_ACCESS_KEY_ID = saved.id;
        process.env.AWS_SECRET_ACCESS_KEY = saved.secret;
        if (saved.id === undefined) delete process.env.AWS_ACCESS_KEY_ID;
        if (saved.secret === undefined) delete process.env.AWS_SECRET_ACCESS_KEY;
    });

    it("the smoke test writes, reads back and lists a record in the stack's layout: exit 0", async () => {
        const r = await runCli(
            [
                "verify",
                "--stack",
                "dev",
                "--bucket",
                "firehose-data-dev",
                "--no-drift",
                "--endpoint",
                s3.endpoint(),
                "--region",
                "us-east-1",
            ],
            { cwd: ROOT },
        );
        assert.equal(r.code, 0, r.stdout + r.stderr);
        assert.match(
            r.stdout,
            /^ {2}✔ smoke test: put, head, get, list of year=\d{4}\/month=\d\d\/day=\d\d\/hour=\d\d\/flow_id=smoke-test\/smoke-\d+\.json$/m,
        );
        assert.match(r.stdout, /^✔ VERIFIED$/m);
    });

    it("a bucket that does not exist: the failed step is named, exit 1", async () => {
        const r = await runCli(
            ["verify", "--stack", "dev", "--bucket", "no-such-bucket", "--no-drift", "--endpoint", s3.endpoint(), "--region", "us-east-1"],
            { cwd: ROOT },
        );
        assert.equal(r.code, 1, r.stderr);
        assert.match(r.stdout, /^ {2}✖ smoke test: put failed: server returned HTTP 404 \(NoSuchBucket: /m);
    });
});

describe("outputs, and the other commands' usage", () => {
    it("formats outputs sorted, secrets masked unless shown", () => {
        const outputs = {
            dataBucketName: { value: "b", secret: false },
            writerSecretAccessKey: { value: "s3cr3t", secret: true },
            encryption: { value: { mode: "sse-s3" }, secret: false },
        };
        assert.equal(
            formatOutputs(outputs, { showSecrets: false, json: false }),
            'dataBucketName         b\nencryption             {"mode":"sse-s3"}\nwriterSecretAccessKey  [secret]\n',
        );
        assert.deepEqual(JSON.parse(formatOutputs(outputs, { showSecrets: true, json: true })), {
            dataBucketName: "b",
            encryption: { mode: "sse-s3" },
            writerSecretAccessKey: "s3cr3t",
        });
    });

    it("outputs without the Pulumi CLI: exit 2 and the typed error's message", async function () {
        if (cliOnPath) {
            this.skip();
        }
        const r = await runCli(["outputs", "--stack", "dev"], { cwd: ROOT });
        assert.equal(r.code, 2);
        assert.match(r.stderr, /^error: the Pulumi CLI is required for preview\/up\/destroy and was not found on PATH/);
    });

    it("verify without --bucket needs the stack's outputs, so the Pulumi CLI: exit 2", async function () {
        if (cliOnPath) {
            this.skip();
        }
        const r = await runCli(["verify", "--stack", "dev"], { cwd: ROOT });
        assert.equal(r.code, 2);
        assert.match(r.stderr, /the Pulumi CLI is required/);
    });

    for (const [command, flags] of [
        [
            "plan",
            [
                "--stack",
                "--stack-file",
                "--config",
                "--policy-config",
                "--pack",
                "--update",
                "--json",
                "--sarif",
                "--junit",
                "--quiet",
                "--no-tree",
                "--no-build",
                "--project-dir",
            ],
        ],
        ["outputs", ["--stack", "--show-secrets", "--json", "--project-dir"]],
        [
            "verify",
            ["--stack", "--bucket", "--stack-file", "--config", "--region", "--endpoint", "--no-drift", "--no-smoke", "--project-dir"],
        ],
        ["preview", ["--stack", "--pack", "--policy-config", "--no-policy", "--project-dir"]],
        ["up", ["--stack", "--pack", "--policy-config", "--no-policy", "--project-dir"]],
        ["destroy", ["--stack", "--project-dir"]],
    ] as const) {
        it(`${command} --help lists its flags and exit codes`, async () => {
            const r = await runCli([command, "--help"]);
            assert.equal(r.code, 0);
            for (const flag of flags) {
                assert.ok(r.stdout.includes(flag), `${command} --help lacks ${flag}`);
            }
            assert.match(r.stdout, /^Exit codes:$/m);
            assert.match(r.stdout, /^ {2}0 {2}/m);
            assert.match(r.stdout, /^ {2}2 {2}/m);
        });
    }
});
