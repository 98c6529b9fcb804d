/** `firehose-storage plan`: the offline policy gate (gate/offlineGate.ts) as a command. */
import { Command, InvalidArgumentError } from "commander";
import * as path from "path";
import { GatePhase, runOfflineGate } from "../gate/offlineGate";
import { projectStacks } from "../gate/multiGate";
import { renderHuman, styleFor } from "../gate/report";
import { writeReports } from "./reportFiles";
import { EXIT, exitCodeFor, UsageError } from "./errors";
import type { CliIo } from "./main";
import { planStacks } from "./planStacks";
import { progress } from "./progress";
import { widthFor } from "../gate/wrap";
import { watchPlan, watchProblems } from "./watch";
import { PACKAGE_ROOT } from "../gate/packageRoot";
import { checkProgramDir, gateOptionsOf, planTarget, PlanTarget } from "./planTarget";

export interface PlanFlags {
    readonly stack: string[];
    readonly allStacks: boolean;
    readonly stackFile?: string;
    readonly config: string[];
    readonly update: boolean;
    readonly projectDir: string;
    readonly program?: string;
    readonly pack?: string;
    readonly policyConfig?: string;
    readonly json: boolean;
    readonly sarif?: string;
    readonly junit?: string;
    readonly quiet: boolean;
    readonly tree: boolean;
    readonly build: boolean;
    readonly watch: boolean;
    readonly policyTimeout: number;
}

/** `--policy-timeout 30` -> 30 (seconds); anything but a positive number is a usage error. */
function seconds(value: string): number {
    const n = Number(value);
    if (value.trim() === "" || !Number.isFinite(n) || n <= 0 || n > 86_400) {
        throw new InvalidArgumentError(`${JSON.stringify(value)} is not a number of seconds between 0 and 86400 (e.g. 60)`);
    }
    return n;
}

function collect(value: string, previous: string[]): string[] {
    return [...previous, value];
}

const PHASES: Readonly<Record<GatePhase, string>> = {
    "pack build": "building the policy pack",
    program: "running the program under mocks",
    analysis: "judging with the policy pack",
};

export const PLAN_HELP_AFTER = `
-c with a dotted path acts exactly like \`pulumi config set --path\` on the stack file: the path is
set inside the value the stack file holds (not the environment's defaults), lists and objects are
created as needed (\`a.b[0].c=1\`), and the result is validated like any config.

Exit codes:
  0  pass: no mandatory violation (advisory violations and notes are printed)
  1  fail: at least one mandatory violation
  2  config or usage error, nothing judged (stack file, config value, pack config, flag)
  3  the tool failed (the policy pack could not be built, started, or crashed)
  129, 130, 143  interrupted (SIGHUP, also sent when the parent process is gone; SIGINT; SIGTERM)
With --json, stdout carries a JSON document in every case (schema/report.schema.json).`;

export function addPlanCommand(root: Command, io: CliIo, setCode: (code: number) => void): void {
    root.command("plan")
        .description("run the stack program offline (under mocks) and judge it with the policy pack")
        .option(
            "-s, --stack <name>",
            "stack name: reads Pulumi.<name>.yaml, judged with the stack's own pack config (repeatable: one pack for all)",
            collect,
            [],
        )
        .option("--all-stacks", "plan every stack of the project (each Pulumi.<stack>.yaml) with one pack", false)
        .option("--stack-file <file>", "read the stack config from this file instead of Pulumi.<stack>.yaml")
        .option("-c, --config <key=value>", "set one config value like `pulumi config set [--path]` (repeatable)", collect, [])
        .option("--policy-config <file>", "policy pack config (the --policy-pack-config format) instead of the stack's")
        .option("--pack <dir>", "policy pack directory (default: policy-pack/)")
        .option("--update", "run the program as an update (known outputs) instead of a preview", false)
        .option("--json", "print the report as JSON on stdout (schema/report.schema.json), errors included", false)
        .option("--sarif <file>", "also write the report as SARIF 2.1.0 to <file>")
        .option("--junit <file>", "also write the report as JUnit XML to <file>")
        .option("-q, --quiet", "print only the findings and the verdict", false)
        .option("--no-tree", "leave the resource tree out of the text report")
        .option("--no-build", "serve the pack as built, even if its build is older than its sources")
        .option(
            "--policy-timeout <seconds>",
            "how long the policies may take on one resource before the gate fails, naming them",
            seconds,
            60,
        )
        .option("--project-dir <dir>", "directory holding Pulumi.yaml", PACKAGE_ROOT)
        .option(
            "--program <dir>",
            "judge another Pulumi TypeScript/JavaScript project (its Pulumi.yaml, stack file and config) instead of ours",
        )
        .option("-w, --watch", "keep the pack warm and re-plan when the stack file or the program changes (Ctrl-C ends)", false)
        .addHelpText("after", PLAN_HELP_AFTER)
        .action(async (f: PlanFlags) => {
            const target = planTarget(f, io);
            const projectDir = target.projectDir;
            let stacks: string[] = [];
            try {
                checkProgramDir(target);
                stacks = stacksOf(f, projectDir);
                if (f.watch) {
                    watchProblems(stacks, f);
                    setCode(await watchPlan({ ...f, stack: stacks[0] }, io, target));
                    return;
                }
                setCode(stacks.length === 1 ? await plan({ ...f, stack: stacks[0] }, io, target) : await planStacks(stacks, f, io, target));
            } catch (e) {
                const code = exitCodeFor(e, io);
                const error = e instanceof Error ? e.message : String(e);
                writeReports(io, { ...f, projectDir }, { stack: stacks.length === 1 ? stacks[0] : undefined, code, error });
                setCode(code);
            }
        });
}

/** The stacks to plan: `--stack` as given (duplicates dropped) or every stack file of the project. */
function stacksOf(f: PlanFlags, projectDir: string): string[] {
    if (f.allStacks && f.stack.length > 0) {
        throw new UsageError(`--all-stacks plans every stack: leave out --stack (got ${f.stack.join(", ")})`);
    }
    const stacks = f.allStacks ? projectStacks(projectDir) : [...new Set(f.stack)];
    if (stacks.length === 0) {
        throw new UsageError(
            f.allStacks
                ? `--all-stacks: no Pulumi.<stack>.yaml in ${projectDir}`
                : "plan needs --stack <name> (repeatable) or --all-stacks",
        );
    }
    if (stacks.length > 1 && (f.sarif !== undefined || f.junit !== undefined)) {
        throw new UsageError(
            `--sarif and --junit write one stack's report: plan one stack with them, not ${stacks.length} (${stacks.join(", ")})`,
        );
    }
    if (stacks.length > 1 && f.stackFile !== undefined) {
        throw new UsageError(`--stack-file replaces one stack's file: plan one stack with it, not ${stacks.length} (${stacks.join(", ")})`);
    }
    return stacks;
}

/** One stack's plan and report; `gate` is the gate to run (`plan --watch` passes one loaded afresh). */
export async function plan(
    f: Omit<PlanFlags, "stack"> & { readonly stack: string },
    io: CliIo,
    target: PlanTarget,
    gate: typeof runOfflineGate = runOfflineGate,
): Promise<number> {
    const abs = (p: string | undefined): string | undefined => (p === undefined ? undefined : path.resolve(io.cwd, p));
    const { projectDir } = target;
    const bar = progress(io, !f.json && !f.quiet);
    // In a fresh process, Node and module loading so far.
    const startupMs = io.freshProcess === true ? performance.now() : undefined;
    try {
        const result = await gate({
            ...(await gateOptionsOf(f, io, target)),
            stack: f.stack,
            stackFile: abs(f.stackFile),
            onPhase: (p) => bar.phase(PHASES[p]),
        });
        bar.done();
        const stackFile = abs(f.stackFile) ?? path.join(projectDir, `Pulumi.${f.stack}.yaml`);
        writeReports(io, { ...f, projectDir }, { result, stackFile });
        if (!f.json) {
            const style = styleFor(io.isTTY, io.env);
            const width = widthFor(io.isTTY, io.columns);
            io.out(`${renderHuman(result, { style, cwd: io.cwd, tree: f.tree, quiet: f.quiet, width, startupMs }).join("\n")}\n`);
        }
        return result.verdict === "fail" ? EXIT.violations : EXIT.ok;
    } finally {
        bar.done();
    }
}
