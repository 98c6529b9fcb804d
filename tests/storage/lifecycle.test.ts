import * as assert from "node:assert/strict";
import { LifecyclePlan, lifecycleProblems, lifecycleRules, Transition } from "../../components/storage/lifecycle";

const plan = (transitions: Transition[], expirationDays?: number, noncurrent: Transition[] = []): LifecyclePlan => ({
    transitions,
    expirationDays,
    noncurrent: { transitions: noncurrent, expirationDays: 365 },
    abortIncompleteMultipartUploadDays: 7,
});

describe("lifecycle: what AWS would reject", () => {
    const rows: [string, LifecyclePlan, string[]][] = [
        [
            "the storage plan is valid",
            plan(
                [
                    { storageClass: "STANDARD_IA", days: 90 },
                    { storageClass: "GLACIER", days: 365 },
                    { storageClass: "DEEP_ARCHIVE", days: 2555 },
                ],
                7300,
            ),
            [],
        ],
        ["STANDARD_IA before 30 days", plan([{ storageClass: "STANDARD_IA", days: 10 }]), ["lc.transitions[0].days"]],
        ["ONEZONE_IA before 30 days", plan([{ storageClass: "ONEZONE_IA", days: 29 }]), ["lc.transitions[0].days"]],
        ["GLACIER may start on day 0", plan([{ storageClass: "GLACIER", days: 0 }]), []],
        [
            "days not increasing",
            plan([
                { storageClass: "GLACIER_IR", days: 100 },
                { storageClass: "GLACIER", days: 100 },
            ]),
            ["lc.transitions[1].days"],
        ],
        [
            "class moving up the waterfall",
            plan([
                { storageClass: "GLACIER", days: 100 },
                { storageClass: "STANDARD_IA", days: 200 },
            ]),
            ["lc.transitions[1].storageClass"],
        ],
        [
            "less than 30 days in IA before the next tier",
            plan([
                { storageClass: "STANDARD_IA", days: 30 },
                { storageClass: "GLACIER", days: 45 },
            ]),
            ["lc.transitions[1].days"],
        ],
        ["expiration not after the last transition", plan([{ storageClass: "GLACIER", days: 365 }], 365), ["lc.expirationDays"]],
        [
            "noncurrent IA before 30 days",
            plan([], undefined, [{ storageClass: "STANDARD_IA", days: 7 }]),
            ["lc.noncurrent.transitions[0].days"],
        ],
    ];
    for (const [title, p, paths] of rows) {
        it(title, () =>
            assert.deepEqual(
                lifecycleProblems(p, "lc").map((x) => x.path),
                paths,
            ),
        );
    }

    it("messages say what is allowed", () => {
        const [p] = lifecycleProblems(plan([{ storageClass: "STANDARD_IA", days: 10 }]), "lifecycle");
        assert.deepEqual(p, {
            path: "lifecycle.transitions[0].days",
            value: 10,
            message: "STANDARD_IA needs objects at least 30 days old",
        });
    });
});

describe("lifecycle: rules", () => {
    it("builds current, noncurrent, multipart and delete-marker rules over the whole bucket", () => {
        const rules = lifecycleRules(plan([{ storageClass: "STANDARD_IA", days: 90 }], 400, [{ storageClass: "GLACIER", days: 30 }]));
        assert.deepEqual(rules, [
            {
                id: "current-versions",
                status: "Enabled",
                filter: {},
                transitions: [{ storageClass: "STANDARD_IA", days: 90 }],
                expiration: { days: 400 },
            },
            {
                id: "noncurrent-versions",
                status: "Enabled",
                filter: {},
                noncurrentVersionTransitions: [{ storageClass: "GLACIER", noncurrentDays: 30 }],
                noncurrentVersionExpiration: { noncurrentDays: 365 },
            },
            {
                id: "abort-incomplete-multipart-uploads",
                status: "Enabled",
                filter: {},
                abortIncompleteMultipartUpload: { daysAfterInitiation: 7 },
            },
            { id: "expired-delete-markers", status: "Enabled", filter: {}, expiration: { expiredObjectDeleteMarker: true } },
        ]);
    });

    it("omits the current-version rule when there is nothing to tier or expire", () => {
        assert.deepEqual(
            lifecycleRules(plan([])).map((r) => r.id),
            ["noncurrent-versions", "abort-incomplete-multipart-uploads", "expired-delete-markers"],
        );
    });
});
