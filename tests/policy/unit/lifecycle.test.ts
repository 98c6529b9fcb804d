/** lib/lifecycle.ts: AWS transition constraints and the multipart-abort requirement. */
import * as assert from "node:assert/strict";
import { judgeLifecycle } from "../../../policy-pack/lib/lifecycle";

const U = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";
const abort = { id: "abort", status: "Enabled", filter: {}, abortIncompleteMultipartUpload: { daysAfterInitiation: 7 } };
const tiers = (transitions: unknown[]) => ({ id: "tiers", status: "Enabled", filter: {}, transitions });
/** A whole-bucket rule moving objects through `steps` (storage class, days), plus the abort rule. */
const waterfall = (...steps: [string, number][]) => [tiers(steps.map(([storageClass, days]) => ({ storageClass, days }))), abort];

describe("policy-pack lib/lifecycle", () => {
    const rows: { name: string; rules: unknown; problems: RegExp[]; unknowns?: number }[] = [
        {
            name: "valid tiers and abort",
            rules: waterfall(["STANDARD_IA", 30], ["GLACIER", 90]),
            problems: [],
        },
        {
            name: "IA before 30 days",
            rules: waterfall(["STANDARD_IA", 10]),
            problems: [/STANDARD_IA after 10 days/],
        },
        {
            name: "ONEZONE_IA before 30 days",
            rules: waterfall(["ONEZONE_IA", 29]),
            problems: [/ONEZONE_IA after 29 days/],
        },
        { name: "GLACIER may come early", rules: waterfall(["GLACIER", 1]), problems: [] },
        {
            name: "days not increasing",
            rules: waterfall(["STANDARD_IA", 90], ["GLACIER", 90]),
            problems: [/GLACIER after 90 days: must be greater than the previous transition's 90 days/],
        },
        {
            name: "leaves IA before 30 days in it (the component's rule too)",
            rules: waterfall(["STANDARD_IA", 30], ["GLACIER", 45]),
            problems: [/GLACIER after 45 days: must be at least 60: objects stay 30 days in STANDARD_IA/],
        },
        {
            name: "moves up the waterfall",
            rules: waterfall(["GLACIER", 30], ["STANDARD_IA", 90]),
            problems: [/STANDARD_IA after 90 days: cannot follow GLACIER/],
        },
        {
            name: "noncurrent IA before 30 days",
            rules: [
                {
                    id: "nc",
                    status: "Enabled",
                    filter: {},
                    noncurrentVersionTransitions: [{ storageClass: "STANDARD_IA", noncurrentDays: 7 }],
                },
                abort,
            ],
            problems: [/rule nc: STANDARD_IA after 7 days/],
        },
        { name: "no abort rule", rules: [tiers([])], problems: [/aborts incomplete multipart uploads within 7 days/] },
        {
            name: "abort too late",
            rules: [{ ...abort, abortIncompleteMultipartUpload: { daysAfterInitiation: 30 } }],
            problems: [/within 7 days/],
        },
        { name: "abort in a disabled rule", rules: [{ ...abort, status: "Disabled" }], problems: [/within 7 days/] },
        {
            name: "disabled rule's transitions are not judged",
            rules: [{ ...tiers([{ storageClass: "STANDARD_IA", days: 1 }]), status: "Disabled" }, abort],
            problems: [],
        },
        { name: "unknown rules", rules: U, problems: [], unknowns: 1 },
        {
            name: "unknown abort days",
            rules: [{ ...abort, abortIncompleteMultipartUpload: { daysAfterInitiation: U } }],
            problems: [],
            unknowns: 1,
        },
    ];
    for (const row of rows) {
        it(row.name, () => {
            const v = judgeLifecycle(row.rules, 7);
            assert.equal(v.problems.length, row.problems.length, v.problems.join("; "));
            row.problems.forEach((re, i) => assert.match(v.problems[i], re));
            assert.equal(v.unknowns.length, row.unknowns ?? 0, v.unknowns.join("; "));
        });
    }
});
