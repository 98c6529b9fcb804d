/**
 * `plan --json`, `--sarif`, `--junit` on real runs (the shipped prod stack, alone and judged by a
 * stricter pack config, a usage error): the JSON validated against schema/report.schema.json, the
 * SARIF against the official SARIF 2.1.0 schema (tests/fixtures/sarif, vendored from
 * oasis-tcs/sarif-spec), the JUnit parsed by an XML parser; then the findings' marks (severity,
 * control ids, waived, remediated) on synthetic reports.
 */
import * as assert from "node:assert/strict";
import Ajv, { ValidateFunction } from "ajv";
import { XMLParser, XMLValidator } from "fast-xml-parser";
import * as fs from "fs";
import * as path from "path";
import { Violation } from "../../gate/analyzer";
import { FindingMarks, toFinding } from "../../gate/findings";
import { toJunit } from "../../gate/junit";
import { JsonReport, REPORT_SCHEMA_FILE } from "../../gate/reportJson";
import { toSarif } from "../../gate/sarif";
import { realPackCli } from "../helpers/realPackCli";
import { scratchDir } from "../helpers/scratch";
import { stricterPackConfig } from "../helpers/stricterPack";

const ROOT = path.resolve(__dirname, "..", "..");

function reportValidator(): ValidateFunction {
    return new Ajv({ allErrors: true, strict: true }).compile(JSON.parse(fs.readFileSync(REPORT_SCHEMA_FILE, "utf8")) as object);
}

/** The official schema is draft-04 (`id`); ajv 8 reads it as draft-07 once `id` is `$id` (no draft-04-only keyword is used). */
function sarifValidator(): ValidateFunction {
    const file = path.join(ROOT, "tests", "fixtures", "sarif", "sarif-schema-2.1.0.json");
    const schema = JSON.parse(fs.readFileSync(file, "utf8")) as Record<string, unknown>;
    const { id, ...rest } = schema;
    delete rest.$schema;
    return new Ajv({ allErrors: true, strict: false, validateFormats: false }).compile({ ...rest, $id: String(id) });
}

function assertValid(validate: ValidateFunction, doc: unknown, what: string): void {
    assert.ok(validate(doc), `${what}: ${JSON.stringify(validate.errors, null, 2)}`);
}

const xml = new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: "",
    isArray: (name) => ["testsuite", "testcase"].includes(name),
});

interface JunitCase {
    name: string;
    classname: string;
    failure?: { type: string; message: string; "#text": string };
    skipped?: { message: string };
    "system-out"?: string;
}

function junitCases(text: string): { suite: Record<string, string>; cases: JunitCase[] } {
    assert.equal(XMLValidator.validate(text), true);
    const doc = xml.parse(text) as { testsuites: { testsuite: (Record<string, string> & { testcase: JunitCase[] })[] } };
    const [suite] = doc.testsuites.testsuite;
    return { suite, cases: suite.testcase };
}

describe("reports: JSON (schema), SARIF 2.1.0, JUnit XML from real runs", function () {
    const { cli } = realPackCli();
    const dir = scratchDir("reports-");
    const validateReport = reportValidator();
    const validateSarif = sarifValidator();

    it("the validators reject what is not a report or a SARIF log", () => {
        assert.equal(validateReport({ schemaVersion: 2, stack: "dev", verdict: "pass", exitCode: 0, error: "x" }), false);
        assert.equal(validateSarif({ version: "2.1.0" }), false, "runs is required");
        assert.equal(validateSarif({ version: "2.1.0", runs: [{ tool: { driver: {} } }] }), false, "driver.name is required");
    });

    it("prod judged by a stricter pack config: the JSON report validates; SARIF has an error result per mandatory violation; JUnit fails those policies", async () => {
        const sarifFile = path.join(dir(), "strict.sarif");
        const junitFile = path.join(dir(), "strict.xml");
        const strict = stricterPackConfig(3); // prod aborts multipart uploads after 7 days
        const r = await cli("plan", "--stack", "prod", "--policy-config", strict, "--json", "--sarif", sarifFile, "--junit", junitFile);
        assert.equal(r.code, 1, r.stderr);
        const report = JSON.parse(r.stdout) as JsonReport;
        assertValid(validateReport, report, "report");

        const sarif = JSON.parse(fs.readFileSync(sarifFile, "utf8")) as {
            version: string;
            runs: { tool: { driver: { rules: { id: string }[] } }; results: { ruleId: string; level: string; locations: unknown[] }[] }[];
        };
        assertValid(validateSarif, sarif, "sarif");
        assert.equal(sarif.version, "2.1.0");
        const [run] = sarif.runs;
        assert.equal(run.results.length, report.findings.length);
        assert.deepEqual(
            run.results
                .filter((x) => x.level === "error")
                .map((x) => x.ruleId)
                .sort(),
            // the replica's lifecycle is the data bucket's
            ["s3-lifecycle-rules", "s3-lifecycle-rules"],
        );
        assert.deepEqual(run.results[0].locations, [
            {
                physicalLocation: { artifactLocation: { uri: "Pulumi.prod.yaml" }, region: { startLine: 1 } },
                logicalLocations: [
                    {
                        fullyQualifiedName: report.findings[0].resource?.urn,
                        name: report.findings[0].resource?.name,
                        kind: "resource",
                    },
                ],
            },
        ]);

        const { suite, cases } = junitCases(fs.readFileSync(junitFile, "utf8"));
        assert.equal(suite.failures, "1");
        assert.equal(Number(suite.tests), cases.length);
        assert.ok(cases.length >= 20, `one test case per policy of the pack (${cases.length})`);
        assert.deepEqual(
            cases
                .filter((c) => c.failure !== undefined)
                .map((c) => c.name)
                .sort(),
            ["s3-lifecycle-rules"],
        );
        const lifecycle = cases.find((c) => c.name === "s3-lifecycle-rules");
        assert.match(
            lifecycle?.failure?.["#text"] ?? "",
            /^\[mandatory\] firehose-data-lifecycle \(aws:s3\/bucketLifecycleConfiguration:BucketLifecycleConfiguration\): /,
        );
    });

    it("prod as shipped: the report validates; its notes are SARIF notes and JUnit passes", async () => {
        const sarifFile = path.join(dir(), "prod.sarif");
        const junitFile = path.join(dir(), "prod.xml");
        const r = await cli("plan", "--stack", "prod", "--json", "--sarif", sarifFile, "--junit", junitFile);
        assert.equal(r.code, 0, r.stderr);
        assertValid(validateReport, JSON.parse(r.stdout), "report");
        const sarif = JSON.parse(fs.readFileSync(sarifFile, "utf8")) as { runs: { results: { level: string }[] }[] };
        assertValid(validateSarif, sarif, "sarif");
        assert.deepEqual([...new Set(sarif.runs[0].results.map((x) => x.level))], ["note"]);
        const { suite, cases } = junitCases(fs.readFileSync(junitFile, "utf8"));
        assert.equal(suite.failures, "0");
        assert.match(cases.find((c) => c.name === "preview-unverified")?.["system-out"] ?? "", /^\[note\] firehose-data-policy/m);
    });

    it("a usage error: the JSON error document validates, the SARIF is a failed invocation, the JUnit an errored case", async () => {
        const sarifFile = path.join(dir(), "error.sarif");
        const junitFile = path.join(dir(), "error.xml");
        const r = await cli("plan", "--json", "--sarif", sarifFile, "--junit", junitFile);
        assert.equal(r.code, 2);
        assertValid(validateReport, JSON.parse(r.stdout), "error document");
        const sarif = JSON.parse(fs.readFileSync(sarifFile, "utf8")) as { runs: { invocations: { executionSuccessful: boolean }[] }[] };
        assertValid(validateSarif, sarif, "sarif");
        assert.equal(sarif.runs[0].invocations[0].executionSuccessful, false);
        const { suite } = junitCases(fs.readFileSync(junitFile, "utf8"));
        assert.equal(suite.errors, "1");
    });

    it("an unwritable --sarif path is an error (exit 2) and --json says so", async () => {
        const r = await cli("plan", "--stack", "dev", "--json", "--sarif", path.join(dir(), "no", "such", "dir", "x.sarif"));
        assert.equal(r.code, 2);
        const doc = JSON.parse(r.stdout) as { verdict: string; error: string };
        assertValid(validateReport, doc, "error document");
        assert.match(doc.error, /^cannot write .*x\.sarif: ENOENT/);
    });
});

describe("reports: findings' marks (synthetic)", () => {
    const base: Violation & FindingMarks = {
        policyName: "s3-no-public-acl",
        policyPackName: "p",
        description: "Checks whether buckets have no public ACL.",
        message: "Checks whether buckets have no public ACL.\nbucket b has a public ACL: remove it.",
        enforcementLevel: "mandatory",
        urn: "urn:pulumi:prod::firehose-storage::aws:s3/bucket:Bucket::b",
        resourceName: "b",
        resourceType: "aws:s3/bucket:Bucket",
    };
    const report = (violations: (Violation & FindingMarks)[]): JsonReport => ({
        schemaVersion: 2,
        project: "firehose-storage",
        stack: "prod",
        preview: true,
        verdict: "fail",
        exitCode: 1,
        pack: { name: "p", version: "1.0.0" },
        policyConfig: null,
        counts: { resources: 0, mandatory: 1, advisory: 0, notes: 0, waived: 1, remediated: 1 },
        warnings: [],
        resources: [],
        findings: violations.map(toFinding),
        remediations: [
            {
                policy: "s3-public-access-block",
                description: "Checks whether all four S3 Block Public Access settings are true.",
                resource: { urn: `${base.urn}-pab`, name: "b-pab", type: "aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock" },
                changes: [{ path: "blockPublicAcls", from: false, to: true }],
                diagnostic: null,
            },
        ],
        timings: { packBuildMs: 0, programMs: 1, packStartMs: 1, analyzeMs: 1, totalMs: 3 },
    });

    const waiver = {
        policy: "s3-no-public-acl",
        resource: "b",
        reason: "RISK-12: public website, reviewed",
        owner: "web-team",
        expires: "2027-01-31",
    };

    it("severity, control ids, waived and remediated reach every format; waived and remediated are not counted", () => {
        const r = report([
            { ...base, severity: "high", controlIds: ["S3.2", "CIS 2.1.5"] },
            { ...base, urn: `${base.urn}2`, waived: true, waiver },
            { ...base, urn: `${base.urn}3`, remediated: true },
        ]);
        assert.deepEqual(r.findings[0], {
            policy: "s3-no-public-acl",
            level: "mandatory",
            kind: "violation",
            severity: "high",
            controlIds: ["S3.2", "CIS 2.1.5"],
            resource: { urn: base.urn, name: "b", type: "aws:s3/bucket:Bucket" },
            description: base.description,
            message: "bucket b has a public ACL: remove it.",
            waived: false,
            waiver: null,
            remediated: false,
        });
        assert.deepEqual(r.findings[1].waiver, waiver);
        assertValid(reportValidator(), r, "report with a waived finding");
        const sarif = toSarif(r, { toolVersion: "0.1.0", artifact: "Pulumi.prod.yaml" }) as {
            runs: { tool: { driver: { rules: { properties: Record<string, unknown> }[] } }; results: Record<string, unknown>[] }[];
        };
        assert.ok(sarifValidator()(sarif), JSON.stringify(sarifValidator().errors));
        const [run] = sarif.runs;
        assert.deepEqual(run.tool.driver.rules[0].properties, { tags: ["security", "S3.2", "CIS 2.1.5"], "security-severity": "8.0" });
        assert.equal(run.results[0].level, "error");
        assert.deepEqual(run.results[1].suppressions, [
            {
                kind: "external",
                status: "accepted",
                justification: "RISK-12: public website, reviewed (owner web-team, expires 2027-01-31)",
                properties: { owner: "web-team", expires: "2027-01-31", resource: "b" },
            },
        ]);
        assert.equal(run.results[1].level, "error");
        assert.equal(run.results[2].kind, "pass");
        assert.equal(run.results[2].level, "none");
        const { suite, cases } = junitCases(toJunit(r, ["s3-no-public-acl", "s3-other"]));
        assert.equal(suite.failures, "1");
        assert.deepEqual(
            cases.map((c) => c.name),
            ["s3-no-public-acl", "s3-other"],
        );
        assert.match(cases[0].failure?.["#text"] ?? "", /^\[mandatory\] b \(aws:s3\/bucket:Bucket\): bucket b has a public ACL/);
        assert.equal(
            cases[0]["system-out"],
            "[mandatory, waived] b (aws:s3/bucket:Bucket): bucket b has a public ACL: remove it.\n[mandatory, remediated] b (aws:s3/bucket:Bucket): bucket b has a public ACL: remove it.",
        );
    });

    it("JUnit: a policy whose findings are all waived is skipped, the waiver's evidence its message", () => {
        const r = report([{ ...base, waived: true, waiver }]);
        const { suite, cases } = junitCases(toJunit(r, ["s3-no-public-acl", "s3-other"]));
        assert.equal(suite.failures, "0");
        assert.equal(suite.skipped, "1");
        assert.equal(cases[0].skipped?.message, "1 waived: RISK-12: public website, reviewed (owner web-team, expires 2027-01-31)");
        assert.equal(cases[1].skipped, undefined);
    });

    it("XML special characters and characters XML cannot hold are escaped or dropped", () => {
        const r = report([{ ...base, message: `${base.description}\na <b> & "c" 'd' \u0001e` }]);
        const { cases } = junitCases(toJunit(r, []));
        assert.equal(cases[0].failure?.["#text"], `[mandatory] b (aws:s3/bucket:Bucket): a <b> & "c" 'd' e`);
    });
});
