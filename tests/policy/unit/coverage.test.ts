/** The README's policy table is the coverage script's output, and every served policy is documented. */
import * as assert from "node:assert/strict";
import * as fs from "fs";
import * as path from "path";
import { PACK_POLICIES } from "../../../policy-pack/policies/all";
import { coverageTable, policyRows } from "../../../policy-pack/scripts/coverage";

describe("policy-pack coverage table", () => {
    const rows = policyRows();

    it("documents every policy the pack serves, with severity, topics, Security Hub and CIS fields", () => {
        assert.deepEqual(
            rows.map((r) => r.name),
            PACK_POLICIES.map((p) => p.name),
        );
        for (const r of rows) {
            for (const key of ["severity", "frameworks", "topics", "securityhub", "cis"]) {
                assert.ok(r.tags[key] !== undefined && r.tags[key] !== "", `${r.name} lacks @${key}`);
            }
            assert.match(r.summary, /^Checks/, `${r.name}: doc starts with "Checks ..."`);
        }
    });

    it("agrees with each policy's own name, level and description", () => {
        for (const p of PACK_POLICIES) {
            const row = rows.find((r) => r.name === p.name);
            assert.equal(row?.enforcementLevel, p.enforcementLevel, p.name);
            assert.equal(row?.kind, "validateStack" in p ? "stack" : "resource", p.name);
            assert.match(p.description, /^Checks whether /, p.name);
        }
    });

    it("is what the README shows", () => {
        const readme = fs.readFileSync(path.resolve(__dirname, "../../../README.md"), "utf8");
        const block = /<!-- policy-table:start -->\n([\s\S]*?)\n<!-- policy-table:end -->/.exec(readme);
        assert.ok(block !== null, "README has the policy table markers");
        assert.equal(block[1], coverageTable(rows));
    });
});
