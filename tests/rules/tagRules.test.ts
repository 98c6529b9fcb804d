/**
 * AWS tag rules (rules/tags.ts) and the config keys that become tags: what AWS documents as a valid
 * key or value passes, everything else is refused with the character or length named.
 * https://docs.aws.amazon.com/tag-editor/latest/userguide/tagging.html#tag-conventions
 */
import * as assert from "node:assert/strict";
import { ConfigError, resolveSettings } from "../../config";
import { tagKeyProblem, tagValueProblem } from "../../rules/tags";

describe("rules/tags: AWS tag naming limits and requirements", () => {
    const goodKeys = ["Team", "cost:center", "a/b=c+d-e_f.g@h", "Équipe", "チーム", "with space", "k".repeat(128), "1"];
    const badKeys: [string, RegExp][] = [
        ["", /must not be empty/],
        ["k".repeat(129), /at most 128 characters \(this one has 129\)/],
        ["aws:team", /must not start with aws:/],
        ["AWS:Team", /must not start with aws:/],
        ["bad key!", /holds "!"; AWS allows only letters, numbers, spaces and _ \. : \/ = \+ - @/],
        ["a;b", /holds ";"/],
        ["a|b", /holds "\|"/],
        ["a<b", /holds "<"/],
        ["line\nbreak", /holds "\\n"/],
        ["nul\u0000", /holds "\\u0000"/],
        ["rocket🚀", /holds "🚀"/],
    ];
    for (const key of goodKeys) {
        it(`key ${JSON.stringify(key.length > 20 ? `${key.slice(0, 10)}... (${key.length})` : key)} is valid`, () =>
            assert.equal(tagKeyProblem(key), undefined));
    }
    for (const [key, message] of badKeys) {
        it(`key ${JSON.stringify(key.length > 20 ? `${key.slice(0, 10)}... (${key.length})` : key)} is refused`, () =>
            assert.match(tagKeyProblem(key) ?? "", message));
    }

    it("values: 0-256 characters (counted as Unicode characters), the same characters, no aws: prefix", () => {
        assert.equal(tagValueProblem(""), undefined);
        assert.equal(tagValueProblem("v".repeat(256)), undefined);
        assert.equal(tagValueProblem("é".repeat(256)), undefined, "256 characters, 512 UTF-8 bytes");
        assert.match(tagValueProblem("v".repeat(257)) ?? "", /at most 256 characters \(this one has 257\)/);
        assert.match(tagValueProblem("aws:x") ?? "", /must not start with aws:/);
        for (const bad of ["a>b", "x;y", "p|q", "tab\there", "smile😀"]) {
            assert.match(tagValueProblem(bad) ?? "", /^a tag value holds ".+"; AWS allows only/, bad);
        }
    });
});

describe("config: values that become tags follow the AWS rules", () => {
    const problems = (values: Record<string, unknown>): string[] => {
        try {
            resolveSettings({
                project: "firehose-storage",
                stack: "dev",
                region: "us-east-1",
                values: { environment: "dev", owner: "o", costCenter: "c", ...values },
            });
            return [];
        } catch (e) {
            assert.ok(e instanceof ConfigError);
            return e.message
                .split("\n")
                .slice(1)
                .map((l) => l.trim());
        }
    };

    it("owner, costCenter, dataType, tags, readers[].classification", () => {
        assert.deepEqual(
            problems({ owner: "team\nevil", costCenter: "CC<1>", dataType: "lead-data", tags: { "bad key!": "v", team: "ok;rm" } }),
            [
                `- firehose-storage:owner: got "team\\nevil"; a tag value holds "\\n"; AWS allows only letters, numbers, spaces and _ . : / = + - @`,
                `- firehose-storage:costCenter: got "CC<1>"; a tag value holds "<"; AWS allows only letters, numbers, spaces and _ . : / = + - @`,
                `- firehose-storage:tags: got "bad key!"; a tag key holds "!"; AWS allows only letters, numbers, spaces and _ . : / = + - @`,
                `- firehose-storage:tags.team: got "ok;rm"; a tag value holds ";"; AWS allows only letters, numbers, spaces and _ . : / = + - @`,
            ],
        );
        assert.deepEqual(problems({ owner: "  ", tags: { Team: "Données/2026 @ops" } }), [
            `- firehose-storage:owner: got "  "; must not be empty`,
        ]);
    });

    it("checks the value as written: a newline, tab or NUL at either end is refused, quoted escaped", () => {
        const rule = "AWS allows only letters, numbers, spaces and _ . : / = + - @";
        assert.deepEqual(problems({ owner: "data\n", costCenter: "\tCC-1", dataType: "leads\u0000", tags: { team: " ops\r\n" } }), [
            `- firehose-storage:owner: got "data\\n"; a tag value holds "\\n"; ${rule}`,
            `- firehose-storage:costCenter: got "\\tCC-1"; a tag value holds "\\t"; ${rule}`,
            `- firehose-storage:dataType: got "leads\\u0000"; a tag value holds "\\u0000"; ${rule}`,
            `- firehose-storage:tags.team: got " ops\\r\\n"; a tag value holds "\\r"; ${rule}`,
        ]);
        assert.deepEqual(problems({ owner: "\n" }), [`- firehose-storage:owner: got "\\n"; a tag value holds "\\n"; ${rule}`]);
    });

    it("spaces are AWS tag characters: surrounding ones are accepted and trimmed from the tag", () => {
        const settings = resolveSettings({
            project: "firehose-storage",
            stack: "dev",
            region: "us-east-1",
            values: { environment: "dev", owner: " data-platform ", costCenter: "CC 1042", tags: { team: "  ops  " } },
        });
        assert.deepEqual(
            { Owner: settings.tags.Owner, CostCenter: settings.tags.CostCenter, team: settings.tags.team },
            { Owner: "data-platform", CostCenter: "CC 1042", team: "ops" },
        );
    });
});
