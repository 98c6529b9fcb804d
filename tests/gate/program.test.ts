/**
 * The gate for any program: `plan --program <dir>` runs another Pulumi project (its Pulumi.yaml
 * `main`, its stack file, its config namespace) under the mocks and judges ITS resources with the
 * pack at each policy's declared level; the API does the same for an inline program function.
 */
import * as assert from "node:assert/strict";
import * as aws from "@pulumi/aws";
import * as path from "path";
import { Violation } from "../../gate/analyzer";
import { runOfflineGate } from "../../gate/offlineGate";
import { realPack } from "../helpers/realPack";
import { realPackCli } from "../helpers/realPackCli";

const ROOT = path.resolve(__dirname, "..", "..");
const PROGRAMS = path.join("tests", "fixtures", "programs");

/** A finding of the --json report. */
interface Finding {
    readonly policy: string;
    readonly level: string;
    readonly kind: string;
    readonly resource: { readonly name: string | null } | null;
}

/** `policy@resource` of the mandatory findings of a --json report, sorted. */
function mandatory(findings: readonly Finding[]): string[] {
    return findings
        .filter((f) => f.level === "mandatory" && f.kind === "violation")
        .map((f) => `${f.policy}@${f.resource?.name ?? "(stack)"}`)
        .sort();
}

/** The same from the API's violations. */
function mandatoryViolations(violations: readonly Violation[]): string[] {
    return violations
        .filter((v) => v.enforcementLevel === "mandatory")
        .map((v) => `${v.policyName}@${v.resourceName ?? "(stack)"}`)
        .sort();
}

/** What the pack finds mandatory in the fixture programs (each resource is theirs, none is ours). */
const EXPECTED_PUBLIC_SITE = [
    "required-tags@site",
    "s3-bucket-policy-no-public-allow@site-policy",
    "s3-data-bucket-access-logging@site",
    "s3-data-bucket-encryption@site",
    "s3-data-bucket-lifecycle@site",
    "s3-data-bucket-mfa-delete@site-policy",
    "s3-data-bucket-public-access-block@site-public-access",
    "s3-data-bucket-tls-only@site-policy",
    "s3-data-bucket-versioning@site",
    "s3-public-access-block@site-public-access",
];
const EXPECTED_INLINE = [
    "required-tags@uploads",
    "s3-data-bucket-access-logging@uploads",
    "s3-data-bucket-encryption@uploads",
    "s3-data-bucket-lifecycle@uploads",
    "s3-data-bucket-mfa-delete@uploads",
    "s3-data-bucket-public-access-block@uploads-public-access",
    "s3-data-bucket-tls-only@uploads",
    "s3-data-bucket-versioning@uploads",
    "s3-public-access-block@uploads-public-access",
];

describe("gate: plan --program <dir> judges another program", function () {
    this.timeout(180_000);
    const { cli } = realPackCli();

    it("a JavaScript program with a public bucket: exit 1, the violations name its resources", async () => {
        const r = await cli("plan", "--program", path.join(PROGRAMS, "public-site"), "--stack", "dev", "--json");
        assert.equal(r.code, 1, r.stderr);
        const j = JSON.parse(r.stdout) as { project: string; stack: string; verdict: string; findings: Finding[]; policyConfig: unknown };
        assert.deepEqual([j.project, j.stack, j.verdict, j.policyConfig], ["public-site", "dev", "fail", null]);
        assert.deepEqual(mandatory(j.findings), EXPECTED_PUBLIC_SITE);
    });

    it("a TypeScript program (Pulumi.yaml main: src/) built from SecureBucket: exit 0", async () => {
        const r = await cli("plan", "--program", path.join(PROGRAMS, "archive"), "--stack", "dev", "--json");
        assert.equal(r.code, 0, r.stderr + r.stdout);
        const j = JSON.parse(r.stdout) as { project: string; verdict: string; findings: Finding[]; resources: { name: string }[] };
        assert.deepEqual([j.project, j.verdict, mandatory(j.findings)], ["lead-archive", "pass", []]);
        assert.ok(j.resources.some((res) => res.name === "archive-access-logs"));
    });

    it("--all-stacks with --program: every stack of THAT program, one pack, each judged as its own run", async () => {
        const r = await cli("plan", "--program", path.join(PROGRAMS, "archive"), "--all-stacks", "--json");
        assert.equal(r.code, 0, r.stderr + r.stdout);
        const j = JSON.parse(r.stdout) as {
            exitCode: number;
            stacks: { project: string; stack: string; verdict: string; findings: Finding[] }[];
        };
        assert.deepEqual(
            j.stacks.map((x) => [x.project, x.stack, x.verdict, mandatory(x.findings)]),
            [
                ["lead-archive", "dev", "pass", []],
                ["lead-archive", "prod", "pass", []],
            ],
        );
        assert.equal(j.exitCode, 0);
    });

    it("--all-stacks with a --program that does not exist: exit 2 naming the path, not a raw ENOENT", async () => {
        const r = await cli("plan", "--program", path.join(PROGRAMS, "nowhere"), "--all-stacks");
        assert.equal(r.code, 2, r.stderr);
        assert.equal(
            r.stderr,
            "error: --program tests/fixtures/programs/nowhere: no such directory: expected a Pulumi project directory holding Pulumi.yaml\n",
        );
    });

    it("a program that throws: exit 3, its message on one line, no stack trace", async () => {
        const r = await cli("plan", "--program", path.join(PROGRAMS, "throws"), "--stack", "dev");
        assert.equal(r.code, 3);
        const entry = path.join(ROOT, PROGRAMS, "throws", "index.js");
        assert.equal(r.stderr, `error: the program ${entry} failed: missing required configuration throws:bucketName\n`);
    });

    const bad: [string, string[], RegExp][] = [
        [
            "a directory that is not a Pulumi project",
            [PROGRAMS],
            /^error: --program tests\/fixtures\/programs: not a Pulumi project: expected \/.*\/tests\/fixtures\/programs\/Pulumi\.yaml\n$/,
        ],
        [
            "a program in another language",
            [path.join(PROGRAMS, "python")],
            /^error: --program tests\/fixtures\/programs\/python: runtime "python" in Pulumi\.yaml; the gate runs nodejs \(TypeScript or JavaScript\) programs\n$/,
        ],
        [
            "a missing stack file",
            [path.join(PROGRAMS, "public-site"), "--stack", "prod"],
            /^error: --program tests\/fixtures\/programs\/public-site: no stack file for stack "prod": expected \/.*\/public-site\/Pulumi\.prod\.yaml\n$/,
        ],
        [
            "a project without a program",
            [path.join(PROGRAMS, "no-entry")],
            /^error: --program tests\/fixtures\/programs\/no-entry: no program entry: expected \/.*\/no-entry\/index\.ts or index\.js \(or a package\.json main\)\n$/,
        ],
        [
            "a directory that does not exist",
            [path.join(PROGRAMS, "nowhere")],
            /^error: --program tests\/fixtures\/programs\/nowhere: no such directory: expected a Pulumi project directory holding Pulumi\.yaml\n$/,
        ],
    ];
    for (const [what, args, message] of bad) {
        it(`${what}: exit 2, one line naming the path and what was expected`, async () => {
            const [dir, ...rest] = args;
            const r = await cli("plan", "--program", dir, ...(rest.length > 0 ? rest : ["--stack", "dev"]));
            assert.equal(r.code, 2, r.stderr);
            assert.match(r.stderr, message);
        });
    }
});

describe("gate API: an inline program function", function () {
    this.timeout(180_000);

    it("judges the function's resources, in its own project", async () => {
        const pack = await realPack();
        const result = await runOfflineGate({
            projectDir: ROOT,
            stack: "ci",
            pack,
            program: {
                project: "inline-app",
                config: { "aws:region": "us-east-1" },
                run: () => {
                    const b = new aws.s3.Bucket("uploads", { bucket: "inline-uploads" });
                    new aws.s3.BucketPublicAccessBlock("uploads-public-access", {
                        bucket: b.id,
                        blockPublicAcls: false,
                        blockPublicPolicy: true,
                        ignorePublicAcls: true,
                        restrictPublicBuckets: true,
                    });
                    return { uploads: b.bucket };
                },
            },
        });
        assert.deepEqual([result.plan.project, result.plan.stack, result.verdict], ["inline-app", "ci", "fail"]);
        assert.deepEqual(mandatoryViolations(result.analysis.violations), EXPECTED_INLINE);
    });
});
