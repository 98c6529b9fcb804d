/**
 * `npm run bench [-- --reps 3 --sizes 1,10,100,300 --process-reps 3]`: what the offline gate costs.
 * First the CLI as a user runs it, a fresh process per run (scripts/benchProcess.ts): a cold plan of
 * prod, a warm one (Node 22+'s compile cache filled by the run before), dev, and dev + prod in one
 * run (one pack). Then the cost as the program grows, in-process:
 * For 1, 10 and 100 `SecureBucket` instances behind one provider with default tags (as
 * stack/program.ts does): the program's time under mocks as a preview, the policy analysis time
 * (the real pack over gRPC with prod's pack config, which turns every policy on), resources, and the
 * cost per resource. Analysis should grow linearly: the per-resource cost stays flat.
 * Each figure is the median of `--reps` runs after one warm-up run. Not a test: nothing asserts.
 */
import * as aws from "@pulumi/aws";
import { SingleBar } from "cli-progress";
import { Command } from "commander";
import * as fs from "fs";
import * as path from "path";
import { SecureBucket } from "../components/storage/secureBucket";
import { DEFAULT_PACK_DIR, PolicyPackConfig, PolicyPackServer, startPolicyPack } from "../gate/analyzer";
import { ensurePackBuilt } from "../gate/packBuild";
import { PACKAGE_ROOT } from "../gate/packageRoot";
import { runProgram } from "../gate/runProgram";
import { BIN, canMeasureCpu, cpuSecondsOf, runCli } from "./benchProcess";
import { printGoals, ProcessFigures, WholeProcess } from "./benchGoals";
import { watchReplans } from "./benchWatch";

/** N secure data buckets, each with its access-log bucket, behind one tagged provider. */
function benchProgram(n: number): () => void {
    return () => {
        const provider = new aws.Provider("aws-primary", {
            region: "us-east-1",
            defaultTags: {
                tags: { Environment: "prod", Owner: "bench", Project: "firehose-storage", CostCenter: "CC-0000", DataType: "lead-data" },
            },
        });
        for (let i = 0; i < n; i++) {
            new SecureBucket(`bench-${i}`, { role: "data", encryption: { mode: "sse-s3" } }, { provider });
        }
    };
}

interface Sample {
    readonly resources: number;
    readonly programMs: number;
    readonly analyzeMs: number;
    readonly stackMs: number;
    readonly violations: number;
    /** CPU of this process (program and gate side) and of the pack, for the plan and the analysis. */
    readonly cpuMs: number;
}

/** user + system CPU ms of another process (Linux /proc); 0 elsewhere. */
const processCpuMs = (pid: number | undefined): number => (cpuSecondsOf(pid) ?? 0) * 1000;

async function sample(n: number, pack: PolicyPackServer, config: PolicyPackConfig): Promise<Sample> {
    const t0 = performance.now();
    const own0 = process.cpuUsage();
    const pack0 = processCpuMs(pack.pid);
    const run = await runProgram({
        project: "firehose-storage",
        stack: "bench",
        config: { "aws:region": "us-east-1" },
        preview: true,
        program: benchProgram(n),
    });
    const programMs = performance.now() - t0;
    const report = await pack.analyze(run.resources, config, "policy-pack/config/prod.json");
    const own = process.cpuUsage(own0);
    return {
        cpuMs: (own.user + own.system) / 1000 + processCpuMs(pack.pid) - pack0,
        resources: run.resources.length,
        programMs,
        analyzeMs: report.timings.analyzeMs,
        stackMs: report.timings.stackMs,
        violations: report.violations.length,
    };
}

function median(xs: readonly number[]): number {
    const s = [...xs].sort((a, b) => a - b);
    return s.length % 2 === 1 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
}

function cell(v: string | number, width: number): string {
    return String(v).padStart(width);
}

async function main(): Promise<void> {
    const o = new Command("bench")
        .option("--reps <n>", "runs per size (median reported)", "3")
        .option("--sizes <list>", "numbers of SecureBucket instances", "1,10,100,300")
        .option("--process-reps <n>", "fresh CLI processes per whole-process row (median reported; 0: skip)", "3")
        .parse(process.argv)
        .opts<{ reps: string; sizes: string; processReps: string }>();
    await ensurePackBuilt(DEFAULT_PACK_DIR);
    const whole = await wholeProcess(Number(o.processReps));
    const reps = Number(o.reps);
    const sizes = o.sizes.split(",").map(Number);
    const config = JSON.parse(fs.readFileSync(path.join(DEFAULT_PACK_DIR, "config", "prod.json"), "utf8")) as PolicyPackConfig;

    const pack = await startPolicyPack(DEFAULT_PACK_DIR);
    const bar = process.stderr.isTTY
        ? new SingleBar({ format: "bench [{bar}] {value}/{total} runs · {size} instances", hideCursor: true })
        : undefined;
    const rows: { n: number; s: Sample }[] = [];
    try {
        bar?.start(1 + reps * sizes.length, 0, { size: "warm-up" });
        await sample(1, pack, config); // warm-up: module loading and JIT, not reported
        bar?.increment();
        for (const n of sizes) {
            const runs: Sample[] = [];
            for (let r = 0; r < reps; r++) {
                bar?.update({ size: n });
                runs.push(await sample(n, pack, config));
                bar?.increment();
            }
            rows.push({
                n,
                s: {
                    resources: runs[0].resources,
                    violations: runs[0].violations,
                    programMs: median(runs.map((x) => x.programMs)),
                    analyzeMs: median(runs.map((x) => x.analyzeMs)),
                    stackMs: median(runs.map((x) => x.stackMs)),
                    cpuMs: median(runs.map((x) => x.cpuMs)),
                },
            });
        }
    } finally {
        bar?.stop();
        await pack.stop();
    }

    console.log(
        `policy pack ${pack.info.name}@${pack.info.version}, ${pack.info.policies.length} policies, config policy-pack/config/prod.json`,
    );
    console.log(
        `in-process, node ${process.version}, median of ${reps} run(s) per size after a warm-up run; times in ms (wall; CPU: this process and the pack)\n`,
    );
    const head = [
        "instances",
        "resources",
        "program",
        "program/res",
        "analysis",
        "of which stack",
        "analysis/res",
        "plan+judge",
        "CPU",
        "violations",
    ];
    const widths = head.map((h) => Math.max(h.length, 9));
    console.log(head.map((h, i) => cell(h, widths[i])).join("  "));
    for (const { n, s } of rows) {
        const values = [
            n,
            s.resources,
            s.programMs.toFixed(0),
            (s.programMs / s.resources).toFixed(2),
            s.analyzeMs.toFixed(0),
            s.stackMs.toFixed(0),
            (s.analyzeMs / s.resources).toFixed(2),
            (s.programMs + s.analyzeMs).toFixed(0),
            s.cpuMs.toFixed(0),
            s.violations,
        ];
        console.log(values.map((v, i) => cell(v, widths[i])).join("  "));
    }
    console.log(`peak memory of this process: ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MiB`);
    // Linear growth = a flat per-resource cost: each ratio near 1.0 (below 1 when fixed per-call costs amortise).
    for (let i = 1; i < rows.length; i++) {
        const [a, b] = [rows[i - 1], rows[i]];
        const ratio = (f: (x: Sample) => number) => (f(b.s) / b.s.resources / (f(a.s) / a.s.resources)).toFixed(2);
        console.log(
            `${i === 1 ? "\n" : ""}${b.n} vs ${a.n} instances: ${(b.s.resources / a.s.resources).toFixed(1)}x the resources; ` +
                `per-resource cost ratio (1.0 = linear): analysis ${ratio((x) => x.analyzeMs)}, ` +
                `stack policies ${ratio((x) => x.stackMs)}, program ${ratio((x) => x.programMs)}`,
        );
    }
    const hundred = rows.find((r) => r.n === 100);
    const [prev, last] = rows.slice(-2);
    const linearity =
        prev !== undefined && last !== undefined
            ? { from: prev.n, to: last.n, ratio: last.s.analyzeMs / last.s.resources / (prev.s.analyzeMs / prev.s.resources) }
            : undefined;
    printGoals(
        whole,
        hundred === undefined
            ? undefined
            : {
                  resources: hundred.s.resources,
                  planJudgeS: (hundred.s.programMs + hundred.s.analyzeMs) / 1000,
                  ...(linearity ? { linearity } : {}),
              },
    );
}

/** The whole-process rows: each the median of `reps` fresh processes. */
async function wholeProcess(reps: number): Promise<WholeProcess | undefined> {
    if (reps <= 0) {
        return undefined;
    }
    if (!fs.existsSync(BIN)) {
        console.log(`whole process: ${path.relative(PACKAGE_ROOT, BIN)} is missing: run \`npm run build\` first (rows skipped)\n`);
        return undefined;
    }
    const cold = { NODE_DISABLE_COMPILE_CACHE: "1" };
    const rows: [string, string[], NodeJS.ProcessEnv][] = [
        ["plan --stack prod, cold", ["plan", "--stack", "prod", "--json"], cold],
        ["plan --stack prod, warm (compile cache)", ["plan", "--stack", "prod", "--json"], {}],
        ["plan --stack dev", ["plan", "--stack", "dev", "--json"], cold],
        ["plan --stack dev --stack prod", ["plan", "--stack", "dev", "--stack", "prod", "--json"], cold],
    ];
    runCli(["plan", "--stack", "prod", "--json"]); // fills the compile cache (Node 22+) for the warm row
    const med = <T>(xs: readonly T[], f: (x: T) => number | undefined): number | undefined =>
        xs.some((x) => f(x) === undefined) ? undefined : median(xs.map((x) => f(x) as number));
    const fmt = (v: number | undefined, digits: number): string => (v === undefined ? "-" : v.toFixed(digits));
    const results = rows.map(([label, argv, env]) => {
        const runs = Array.from({ length: reps }, () => runCli(argv, env));
        return { label, cpu: med(runs, (x) => x.cpuS), wall: med(runs, (x) => x.wallS), rss: med(runs, (x) => x.maxRssMiB) };
    });
    console.log(`whole process (node dist/cli/bin.js, a fresh process per run), node ${process.version}, median of ${reps}`);
    console.log(
        canMeasureCpu() ? "CPU = user + system of the CLI and its pack (GNU time); peak = the largest process" : "(no GNU time: wall only)",
    );
    console.log(`\n${"".padEnd(42)}${cell("CPU s", 8)}${cell("wall s", 8)}${cell("peak MiB", 10)}`);
    const watch = await watchReplans(reps);
    const watchRow = {
        label: "re-plan of prod in plan --watch (warm)",
        cpu: med(watch, (x) => x.cpuS),
        wall: median(watch.map((x) => x.wallS)),
        rss: undefined,
    };
    for (const r of [...results, watchRow]) {
        console.log(`${r.label.padEnd(42)}${cell(fmt(r.cpu, 2), 8)}${cell(fmt(r.wall, 2), 8)}${cell(fmt(r.rss, 0), 10)}`);
    }
    console.log("(the re-plan: from writing the stack file to the next verdict, the watcher's 120 ms settling included)");
    // CPU when GNU time measured it, else wall: the share an extra stack adds to a run of prod alone.
    const cost = (r: (typeof results)[number]): number => r.cpu ?? (r.wall as number);
    const [prod, warm, dev, both] = results;
    const extra = (cost(both) - cost(prod)) / cost(prod);
    console.log(
        `\nmulti-stack: dev added to prod costs ${(extra * 100).toFixed(0)}% of prod alone (dev alone: ${((cost(dev) / cost(prod)) * 100).toFixed(0)}%)\n`,
    );
    const figures = (r: (typeof results)[number]): ProcessFigures => ({ cpuS: r.cpu, wallS: r.wall as number, peakMiB: r.rss });
    return {
        prodCold: figures(prod),
        prodWarm: figures(warm),
        watchWallS: watchRow.wall,
        extraStackShare: extra,
    };
}

main().catch((e: unknown) => {
    console.error(e);
    process.exitCode = 1;
});
