/**
 * The access matrix: who may do what, decided by a real IAM simulation (@cloud-copilot/iam-simulate)
 * of the bucket policies, identity policies and trust policies the program registers under mocks in an
 * UPDATE run of the shipped stacks (so every ARN and key is resolved). One simulation per row; the
 * matrix is printed as a table. Rows: matrixRows.ts.
 */
import * as assert from "node:assert/strict";
import { prodRows, StackRow } from "./matrixRows";
import { devRows } from "./matrixRowsDev";
import { shippedRun as stackRun } from "../helpers/shipped";
import { Outcome, renderTable, simulate } from "./simulate";

/** ARNs shortened for the table: `<data>/key`, `role/name`. */
function short(resource: string): string {
    return resource
        .replace(/^arn:aws:(s3|iam)::\d*:?/, "")
        .replace(/firehose-data-replica-[0-9a-f]{7}/, "<replica>")
        .replace(/firehose-data-[0-9a-f]{7}/, "<data>");
}

describe("access matrix (IAM simulation of the registered policies)", () => {
    const rows: StackRow[] = [];
    const outcomes: Outcome[] = [];

    before(async () => {
        rows.push(...prodRows(await stackRun("prod", "update")), ...devRows(await stackRun("dev", "update")));
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
                short(r.resource),
                r.note,
                r.expected,
                outcomes[i].verdict,
                (outcomes[i].verdict === "ExplicitlyDenied" ? outcomes[i].denySids : outcomes[i].allowSids).join(", ") || "-",
            ]),
        );
        console.log(`\n${table}\n`);
    });

    const failures = (pick: (r: StackRow, o: Outcome) => string | undefined) =>
        rows
            .map((r, i) => pick(r, outcomes[i]) && `#${i + 1} ${r.stack} ${r.who} ${r.action} (${r.note}): ${pick(r, outcomes[i])}`)
            .filter(Boolean);

    it("covers every row the issue asks for, in both stacks", () => {
        assert.equal(rows.filter((r) => r.stack === "prod").length, 34);
        assert.equal(rows.filter((r) => r.stack === "dev").length, 7);
        for (const verdict of ["Allowed", "ExplicitlyDenied", "ImplicitlyDenied"]) {
            assert.ok(
                rows.some((r) => r.expected === verdict),
                verdict,
            );
        }
    });

    it("every row: the simulated verdict is the expected one", () => {
        assert.deepEqual(
            failures((r, o) => (o.verdict !== r.expected ? `expected ${r.expected}, simulated ${o.verdict}` : undefined)),
            [],
        );
    });

    it("every explicit denial comes from the statement meant to deny it", () => {
        assert.deepEqual(
            failures((r, o) =>
                r.deniedBy !== undefined && !o.denySids.includes(r.deniedBy)
                    ? `denied by [${o.denySids.join(", ")}], expected ${r.deniedBy}`
                    : undefined,
            ),
            [],
        );
    });

    it("the simulator used every context key given (none dropped as not applicable)", () => {
        assert.deepEqual(
            failures((_r, o) => (o.ignoredContextKeys.length > 0 ? `ignored ${o.ignoredContextKeys.join(", ")}` : undefined)),
            [],
        );
    });
});
