/** gate/report.ts: colour rules and grouping (pure). */
import * as assert from "node:assert/strict";
import { Violation } from "../../gate/analyzer";
import { groupByPolicy, styleFor, timingLine } from "../../gate/report";

function v(policyName: string, enforcementLevel: Violation["enforcementLevel"], resourceName: string): Violation {
    return { policyName, enforcementLevel, resourceName, policyPackName: "p", description: "d", message: "m" };
}

describe("gate/report", () => {
    it("colour only on a terminal, and not when NO_COLOR is set to a non-empty value", () => {
        assert.equal(styleFor(true, {}).red("x"), "\u001b[31mx\u001b[39m");
        assert.equal(styleFor(true, { NO_COLOR: "" }).red("x"), "\u001b[31mx\u001b[39m");
        assert.equal(styleFor(true, { NO_COLOR: "1" }).red("x"), "x");
        assert.equal(styleFor(false, {}).red("x"), "x");
        assert.equal(styleFor(undefined, {}).bold("x"), "x");
    });

    it("groups by policy and level, mandatory groups first, then by name, resources in report order", () => {
        const groups = groupByPolicy([
            v("z", "advisory", "r1"),
            v("b", "mandatory", "r2"),
            v("a", "advisory", "r3"),
            v("b", "mandatory", "r4"),
            v("z", "mandatory", "r5"),
        ]);
        assert.deepEqual(
            groups.map((g) => `${g.level}:${g.policyName}:${g.items.map((i) => i.resourceName).join("+")}`),
            ["mandatory:b:r2+r4", "mandatory:z:r5", "advisory:a:r3", "advisory:z:r1"],
        );
    });

    it("the timing line accounts for every phase: start-up, a pack build when there was one, the total", () => {
        const t = { packBuildMs: 0, programMs: 700, packStartMs: 1000, analyzeMs: 600, totalMs: 1400 };
        assert.equal(timingLine(t), "program 0.7 s · pack start 1.0 s (alongside the program) · analysis 0.6 s · total 1.4 s");
        assert.equal(
            timingLine({ ...t, packBuildMs: 9800, totalMs: 11200 }, 300),
            "start-up 0.3 s · pack build 9.8 s · program 0.7 s · pack start 1.0 s (alongside the program) · analysis 0.6 s · total 11.5 s",
        );
        assert.equal(timingLine({ ...t, packStartMs: 0 }), "program 0.7 s · analysis 0.6 s · total 1.4 s");
    });
});
