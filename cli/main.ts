#!/usr/bin/env node
/**
 * `firehose-storage`: the offline policy gate and the Automation API commands.
 *
 *   plan --stack dev      program under mocks (preview) + the policy pack, tree, violations, verdict
 *   preview|up|destroy    the real Pulumi engine through the Automation API (needs the Pulumi CLI)
 *
 * Exit codes: 0 pass, 1 a mandatory policy violation (or a failed deployment), 2 a config or usage
 * error (nothing was judged), 3 the tool itself failed (e.g. the policy pack crashed).
 * `run` and `runCli` take argv without `node main.ts`, so tests drive the CLI in-process.
 */
import { Command, CommanderError } from "commander";
import { PolicyPackServer } from "../gate/analyzer";
import { addDeployCommands } from "./deploy";
import { exitCodeFor, EXIT } from "./errors";
import { addOutputsCommand } from "./outputs";
import { hangUp, watchParent } from "./parentWatch";
import { addPlanCommand } from "./plan";
import { addVerifyCommand } from "./verify";
import { reportOnInterrupt, reportUsageError } from "./reportFiles";
import { PACKAGE_ROOT, packageVersion } from "../gate/packageRoot";

export { EXIT } from "./errors";

/** Where the CLI writes and what it knows about its terminal. */
export interface CliIo {
    readonly out: (text: string) => void;
    readonly err: (text: string) => void;
    readonly isTTY: boolean | undefined;
    /** Terminal width when stdout is a terminal. @default - 80 columns */
    readonly columns?: number;
    readonly env: NodeJS.ProcessEnv;
    readonly cwd: string;
    /** Starts the policy pack; tests pass one that reuses a running pack. @default - a new pack per run */
    readonly startPack?: (packDir: string) => Promise<PolicyPackServer>;
    /**
     * The command owns a fresh process (the bin): a plan's timing line counts the process's start-up
     * (Node and module loading). Not for `runCli` in a long-lived process, nor `--watch`'s re-plans.
     */
    readonly freshProcess?: boolean;
}

function program(io: CliIo, setCode: (code: number) => void): Command {
    const cmd = new Command("firehose-storage")
        .description("Offline policy gate and deployment commands for the firehose-storage stacks")
        .version(packageVersion(), "-V, --version", "print the version of firehose-storage")
        .exitOverride()
        .configureOutput({ writeOut: io.out, writeErr: io.err });
    addPlanCommand(cmd, io, setCode);
    addDeployCommands(cmd, io, setCode);
    addOutputsCommand(cmd, io, setCode);
    addVerifyCommand(cmd, io, setCode);
    return cmd;
}

/** Runs the CLI on `argv` (arguments only) and returns the exit code. */
export async function run(argv: readonly string[], io: CliIo): Promise<number> {
    let code: number = EXIT.ok;
    try {
        await program(io, (c) => (code = c)).parseAsync([...argv], { from: "user" });
    } catch (e) {
        if (e instanceof CommanderError) {
            if (e.exitCode === 0) {
                return EXIT.ok;
            }
            reportUsageError(io, argv, e.message, EXIT.usage);
            return EXIT.usage;
        }
        return exitCodeFor(e, io);
    }
    return code;
}

/** `run` with output captured: what tests and embedding tools use. */
export async function runCli(
    argv: readonly string[],
    o: Partial<Omit<CliIo, "out" | "err">> = {},
): Promise<{ code: number; stdout: string; stderr: string }> {
    let stdout = "";
    let stderr = "";
    const code = await run(argv, {
        out: (t) => (stdout += t),
        err: (t) => (stderr += t),
        isTTY: o.isTTY ?? false,
        columns: o.columns,
        env: o.env ?? {},
        cwd: o.cwd ?? PACKAGE_ROOT,
        startPack: o.startPack,
    });
    return { code, stdout, stderr };
}

/** The process entry point (`npm run plan`, the `firehose-storage` bin via cli/bin.ts). */
export function main(argv: readonly string[] = process.argv.slice(2)): Promise<void> {
    const io: CliIo = {
        out: (t) => process.stdout.write(t),
        err: (t) => process.stderr.write(t),
        isTTY: process.stdout.isTTY,
        columns: process.stdout.columns,
        env: process.env,
        cwd: process.cwd(),
        freshProcess: true,
    };
    const stopInterruptReports = reportOnInterrupt(io, argv);
    const stopParentWatch = watchParent(hangUp);
    return run(argv, io).then((code) => {
        stopParentWatch();
        stopInterruptReports();
        process.exitCode = code;
    });
}

if (require.main === module) {
    void main();
}
