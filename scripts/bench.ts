/**
 * `npm run bench [-- --reps 3 --sizes 1,10,100]`: cost of the offline gate as the program grows.
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
import { PolicyPackConfig, PolicyPackServer, startPolicyPack } from "../gate/analyzer";
import { ensurePackBuilt } from "../gate/packBuild";
import { runProgram } from "../gate/runProgram";

const ROOT = path.resolve(__dirname, "..");
const PACK_DIR = path.join(ROOT, "policy-pack");

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
}

async function sample(n: number, pack: PolicyPackServer, config: PolicyPackConfig): Promise<Sample> {
    const t0 = performance.now();
    const run = await runProgram({
        project: "firehose-storage",
        stack: "bench",
        config: { "aws:region": "us-east-1" },
        preview: true,
        program: benchProgram(n),
    });
    const programMs = performance.now() - t0;
    const report = await pack.analyze(run.resources, config, "policy-pack/config/prod.json");
    return {
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
        .option("--sizes <list>", "numbers of SecureBucket instances", "1,10,100")
        .parse(process.argv)
        .opts<{ reps: string; sizes: string }>();
    const reps = Number(o.reps);
    const sizes = o.sizes.split(",").map(Number);
    const config = JSON.parse(fs.readFileSync(path.join(PACK_DIR, "config", "prod.json"), "utf8")) as PolicyPackConfig;

    ensurePackBuilt(PACK_DIR);
    const pack = await startPolicyPack(PACK_DIR);
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
    console.log(`node ${process.version}, median of ${reps} run(s) per size after a warm-up run; times in ms\n`);
    const head = ["instances", "resources", "program", "program/res", "analysis", "of which stack", "analysis/res", "violations"];
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
            s.violations,
        ];
        console.log(values.map((v, i) => cell(v, widths[i])).join("  "));
    }
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
}

main().catch((e: unknown) => {
    console.error(e);
    process.exitCode = 1;
});
