/**
 * Coverage generated from typed policy metadata: the README's tables are the script's output, every
 * live Security Hub S3 control (21) and CIS item is listed, and each covered control names a served
 * policy; "not applicable" where a stack declares nothing the control applies to.
 */
import * as assert from "node:assert/strict";
import * as fs from "fs";
import * as path from "path";
import { PACK_POLICIES } from "../../../policy-pack/policies/all";
import { SECURITY_HUB_S3 } from "../../../policy-pack/lib/controls";
import { controlRows, controlTable, coverageReport, coverageTable, policyRows } from "../../../policy-pack/scripts/coverage";

const README = fs.readFileSync(path.resolve(__dirname, "../../../README.md"), "utf8");

function block(marker: string): string {
    const m = new RegExp(`<!-- ${marker}:start -->\\n([\\s\\S]*?)\\n<!-- ${marker}:end -->`).exec(README);
    assert.ok(m !== null, `README has the ${marker} markers`);
    return m[1];
}

describe("policy-pack coverage", () => {
    it("has typed metadata on every policy the pack serves", () => {
        for (const p of PACK_POLICIES) {
            assert.match(p.description, /^Checks whether /, p.name);
            assert.ok(["low", "medium", "high", "critical"].includes(p.severity), p.name);
            assert.ok(p.topics.length > 0, `${p.name} has topics`);
            assert.ok(p.remediation.length > 10, `${p.name} has remediation`);
            assert.match(p.docUrl, /^https:\/\/(docs\.aws\.amazon\.com|www\.pulumi\.com)\//, `${p.name} cites a page`);
            p.securityHub.forEach((id) => assert.match(id, /^[A-Za-z][A-Za-z0-9]*\.\d+$/, p.name));
            p.cis.forEach((id) => assert.match(id, /^\d+(\.\d+)+$/, p.name));
        }
    });

    it("maps all 21 live Security Hub S3 controls to served policies", () => {
        assert.deepEqual(
            SECURITY_HUB_S3.map((c) => c.id),
            [
                "S3.1",
                "S3.2",
                "S3.3",
                "S3.5",
                "S3.6",
                "S3.7",
                "S3.8",
                "S3.9",
                "S3.10",
                "S3.11",
                "S3.12",
                "S3.13",
                "S3.14",
                "S3.15",
                "S3.17",
                "S3.19",
                "S3.20",
                "S3.22",
                "S3.23",
                "S3.24",
                "S3.25",
            ],
        );
        const rows = controlRows().filter((r) => r.framework === "aws-fsbp");
        assert.deepEqual(
            rows.filter((r) => r.status !== "covered").map((r) => r.id),
            [],
        );
    });

    it("lists CIS items no policy implements with the reason, never as covered", () => {
        const cis = controlRows().filter((r) => r.framework !== "aws-fsbp");
        assert.deepEqual(
            cis.filter((r) => r.status === "covered").map((r) => r.id),
            ["2.1.1", "2.1.2", "2.1.4", "3.1", "3.2", "3.6", "3.8", "3.9"],
        );
        for (const r of cis.filter((x) => x.status !== "covered")) {
            assert.ok(r.note !== undefined && r.note.length > 0, `${r.id} says why it is not covered`);
        }
    });

    it('says "not applicable", not covered, where a stack declares nothing of the kind', () => {
        const rows = controlRows(new Set(["aws:s3/bucket:Bucket"]));
        const byId = new Map(rows.map((r) => [`${r.framework}/${r.id}`, r]));
        assert.equal(byId.get("aws-fsbp/S3.19")?.status, "not applicable");
        assert.equal(byId.get("aws-fsbp/S3.24")?.status, "not applicable");
        assert.equal(byId.get("aws-fsbp/S3.25")?.status, "not applicable");
        assert.equal(byId.get("aws-fsbp/S3.8")?.status, "covered");
        assert.match(byId.get("aws-fsbp/S3.19")?.note ?? "", /declares no aws:s3\/accessPoint:AccessPoint/);
    });

    it("is a JSON report built from the same rows", () => {
        const report = coverageReport();
        assert.equal(report.schemaVersion, 1);
        assert.deepEqual(report.policies, policyRows());
        assert.deepEqual(report.controls, controlRows());
    });

    it("is what the README shows", () => {
        assert.equal(block("policy-table"), coverageTable(policyRows()));
        assert.equal(block("control-table"), controlTable(controlRows()));
    });
});
