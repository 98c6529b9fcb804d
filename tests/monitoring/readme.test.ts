/** The README's Monitoring section names every alarm and rule the prod stack creates, and says what each means. */
import * as assert from "node:assert/strict";
import * as fs from "fs";
import * as path from "path";
import { ofType } from "../helpers/resources";
import { ShippedRuns, shippedRuns, T } from "./helpers";

describe("README Monitoring section", () => {
    let runs: ShippedRuns;
    before(async () => {
        runs = await shippedRuns();
    });
    const readme = fs.readFileSync(path.resolve(__dirname, "../../README.md"), "utf8");
    const section = readme.split(/^## Monitoring$/m)[1]?.split(/^## /m)[0] ?? "";
    /** First cells of the section's alarm table rows: `` `name` ``. */
    const rows = new Map([...section.matchAll(/^\| `([^`]+)`[^|]*\|(.*)$/gm)].map((m) => [m[1], m[2]]));

    it("has one row per alarm and per detective rule of the prod stack, each with what to do", () => {
        const prod = runs["prod/update"].resources;
        const names = [...ofType(prod, T.alarm), ...ofType(prod, T.rule)].map((r) => r.name);
        assert.ok(names.length >= 7);
        for (const name of names) {
            const row = rows.get(name);
            assert.ok(row !== undefined, `README Monitoring has no row for ${name}`);
            assert.equal(row.split("|").length, 4, `${name}: metric, fires when, what to do`);
        }
    });
});
