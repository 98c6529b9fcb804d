/**
 * Many stacks in one run (`plan --stack a --stack b`, `--all-stacks`): one pack for all, each stack
 * judged exactly as a run of its own judges it, the exit code the worst of the stacks'.
 */
import * as assert from "node:assert/strict";
import * as fs from "fs";
import * as path from "path";
import { runCli } from "../../cli/main";
import { PolicyPackServer } from "../../gate/analyzer";
import { projectStacks, runStacks } from "../../gate/multiGate";
import { realPack } from "../helpers/realPack";
import { usageErrorTests } from "./usageErrors";

const ROOT = path.resolve(__dirname, "..", "..");

interface StackReport {
    stack: string;
    verdict: string;
    mandatoryCount: number;
    advisoryCount: number;
    resources: number;
    policyConfig: string | null;
    violations: Record<string, unknown>[];
    timings?: unknown;
    exitCode?: number;
    error?: string;
}

interface MultiReport {
    schemaVersion: number;
    verdict: string;
    exitCode: number;
    stacks: StackReport[];
    timings: Record<string, number>;
}

/** A report without its timings: what must be identical between runs. */
function judged(r: StackReport): StackReport {
    return Object.fromEntries(Object.entries(r).filter(([k]) => k !== "timings")) as unknown as StackReport;
}

describe("cli: many stacks in one run, one policy pack", function () {
    this.timeout(300_000); // several whole-stack plans per test: minutes on a loaded machine
    let pack: PolicyPackServer;
    let starts = 0;
    const cli = (...argv: string[]) =>
        runCli(argv, {
            cwd: ROOT,
            startPack: () => {
                starts++;
                return Promise.resolve(pack);
            },
        });
    /** The single-stack `--json` report of `stack` with `extra` flags, and its exit code. */
    const alone = async (stack: string, ...extra: string[]): Promise<{ code: number; report: StackReport }> => {
        const r = await cli("plan", "--stack", stack, "--json", ...extra);
        return { code: r.code, report: JSON.parse(r.stdout) as StackReport };
    };

    before(async function () {
        this.timeout(120_000);
        pack = await realPack();
    });
    beforeEach(() => (starts = 0));

    it("--stack prod --stack dev: one pack, each stack's report identical to its own run (a strict config first, then a lax one)", async () => {
        const r = await cli("plan", "--stack", "prod", "--stack", "dev", "--json");
        assert.equal(starts, 1, "one pack for both stacks");
        assert.equal(r.code, 0, r.stderr);
        const multi = JSON.parse(r.stdout) as MultiReport;
        assert.deepEqual(
            multi.stacks.map((s) => s.stack),
            ["prod", "dev"],
        );
        const [prod, dev] = [await alone("prod"), await alone("dev")];
        assert.deepEqual(multi.stacks.map(judged), [judged(prod.report), judged(dev.report)]);
        assert.equal(multi.stacks[1].policyConfig, "policy-pack/config/dev.json", "dev judged by its own pack config");
        assert.equal(multi.verdict, "pass");
        assert.equal(multi.exitCode, 0);
        assert.deepEqual(Object.keys(multi.timings).sort(), ["packBuildMs", "packStartMs", "totalMs"]);
    });

    it("exit code is the worst verdict: by prod's pack config, prod passes and dev fails -> exit 1; text: each report, then every verdict", async () => {
        const prodRules = ["--policy-config", "policy-pack/config/prod.json"];
        const r = await cli("plan", "--stack", "dev", "--stack", "prod", "--no-tree", ...prodRules);
        assert.equal(r.code, 1, r.stderr);
        assert.match(r.stdout, /^firehose-storage · stack dev · preview under mocks \(offline\)$/m);
        assert.match(r.stdout, /^firehose-storage · stack prod · preview under mocks \(offline\)$/m);
        assert.match(r.stdout, /^✖ FAIL: \d+ mandatory violations.*\(stack dev, \d+\s+resources\)$/m);
        assert.match(r.stdout, /^✔ PASS: .*\(stack prod, \d+\s+resources\)$/m);
        assert.match(r.stdout, /^2 stacks, one policy pack: dev ✖ fail · prod ✔ pass \(exit 1\)$/m);
        const dev = await alone("dev", ...prodRules);
        assert.equal(dev.code, 1, "the same verdict alone");
    });

    it("--all-stacks plans every Pulumi.<stack>.yaml of the project, in name order", async () => {
        const files = fs
            .readdirSync(ROOT)
            .filter((f) => /^Pulumi\..+\.yaml$/.test(f))
            .map((f) => f.slice("Pulumi.".length, -".yaml".length))
            .sort();
        assert.deepEqual(projectStacks(ROOT), files);
        assert.ok(files.includes("dev") && files.includes("prod"), files.join(", "));
        const r = await cli("plan", "--all-stacks", "--json");
        assert.equal(starts, 1);
        const multi = JSON.parse(r.stdout) as MultiReport;
        assert.deepEqual(
            multi.stacks.map((s) => s.stack),
            files,
        );
        assert.equal(r.code, multi.exitCode);
    });

    it("one stack's config error does not stop the others: that stack is exit 2, named on stderr; the rest are judged", async () => {
        const r = await cli("plan", "--stack", "dev", "--stack", "nope", "--json");
        assert.equal(r.code, 2);
        assert.match(r.stderr, /^error: stack nope: .*Pulumi\.nope\.yaml does not exist/m);
        const multi = JSON.parse(r.stdout) as MultiReport;
        assert.deepEqual(
            multi.stacks.map((s) => [s.stack, s.verdict]),
            [
                ["dev", "pass"],
                ["nope", "error"],
            ],
        );
        assert.equal(multi.stacks[1].exitCode, 2);
        assert.equal(multi.verdict, "error");
    });

    describe("usage errors: exit 2, nothing judged", () => {
        const cases: [string, string[], RegExp][] = [
            ["no stack at all", ["plan"], /plan needs --stack <name> \(repeatable\) or --all-stacks/],
            [
                "--all-stacks with --stack",
                ["plan", "--all-stacks", "--stack", "dev"],
                /--all-stacks plans every stack: leave out --stack \(got dev\)/,
            ],
            [
                "--stack-file with two stacks",
                ["plan", "--stack", "dev", "--stack", "prod", "--stack-file", "tests/fixtures/Pulumi.broken.yaml"],
                /--stack-file replaces one stack's file: plan one stack with it, not 2 \(dev, prod\)/,
            ],
        ];
        usageErrorTests(cli, cases, () => assert.equal(starts, 0, "no pack started"));
    });
});

describe("gate/multiGate: runStacks starts one pack process and stops it", function () {
    it("dev and prod judged by one pack process, which is gone afterwards", async function () {
        this.timeout(300_000);
        const multi = await runStacks(["dev", "prod"], { projectDir: ROOT });
        assert.deepEqual(
            multi.outcomes.map((x) => [x.stack, x.result?.verdict, x.error]),
            [
                ["dev", "pass", undefined],
                ["prod", "pass", undefined],
            ],
        );
        assert.equal(typeof multi.packPid, "number");
        assert.ok(multi.timings.packStartMs > 0);
        assert.throws(() => process.kill(multi.packPid as number, 0), { code: "ESRCH" }, "the pack process has exited");
    });
});
