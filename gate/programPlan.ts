/**
 * Plans of programs other than ours, for the gate: a Pulumi project directory (`plan --program`) or
 * an inline program function (the API). Each runs under the same mocks as our program, with its own
 * project name, stack and config namespace; our config schema is not applied to it.
 */
import * as path from "path";
import { foreignStackFile, ProgramFailedError, readForeignProject, runForeignEntry } from "./foreignProgram";
import type { StackPlan } from "./plan";
import { ProgramRun, runProgram, RunOptions } from "./runProgram";
import { loadStackConfig } from "./stackConfig";

/** A Pulumi TypeScript/JavaScript project: its Pulumi.yaml, `Pulumi.<stack>.yaml` and entry module. */
export interface ProgramDirSource {
    readonly dir: string;
    /** The directory as the user wrote it, for messages. @default dir */
    readonly shown?: string | undefined;
}

/** A program given as a function, as the Automation API's inline programs are. */
export interface InlineProgramSource {
    /** The project name (the config namespace of its keys). */
    readonly project: string;
    /** The engine's config map (`namespace:key` -> string), e.g. `{ "aws:region": "us-east-1" }`. @default {} */
    readonly config?: Readonly<Record<string, string>> | undefined;
    /** Registers resources; returns the stack outputs (or a promise of them). */
    readonly run: () => unknown;
}

export type ProgramSource = ProgramDirSource | InlineProgramSource;

export interface ProgramPlanOptions {
    readonly stack: string;
    /** Instead of `<dir>/Pulumi.<stack>.yaml` (directory programs only). */
    readonly stackFile?: string | undefined;
    /** `key=value` overrides, as `pulumi config set` (directory programs only). */
    readonly overrides?: readonly string[] | undefined;
    readonly preview?: boolean | undefined;
}

function failed(what: string, e: unknown): ProgramFailedError {
    return e instanceof ProgramFailedError ? e : new ProgramFailedError(`${what} failed: ${e instanceof Error ? e.message : String(e)}`);
}

/**
 * Runs `program` under the mocks. Any failure while it runs is the program's: its message, not our
 * stack trace. A throw is caught inside the stack and rethrown after the run has settled, so the
 * engine's stack resource is not left with an unhandled rejection.
 */
async function runAsProgram(what: string, o: Omit<RunOptions, "program">, program: () => unknown): Promise<ProgramRun> {
    let failure: { readonly error: unknown } | undefined;
    const guarded = async (): Promise<unknown> => {
        try {
            return await program();
        } catch (error) {
            failure = { error };
            return {};
        }
    };
    let run: ProgramRun;
    try {
        run = await runProgram({ ...o, program: guarded });
    } catch (e) {
        throw failed(what, e);
    }
    if (failure !== undefined) {
        throw failed(what, failure.error);
    }
    return run;
}

/**
 * Checks the source now (a bad `--program` throws `ProgramUsageError` before anything starts) and
 * returns the run, to start when the caller is ready.
 */
export function preparePlan(source: ProgramSource, o: ProgramPlanOptions): () => Promise<StackPlan> {
    const preview = o.preview ?? true;
    if ("dir" in source) {
        const shown = source.shown ?? source.dir;
        const p = readForeignProject(path.resolve(source.dir), shown);
        const stackFile = foreignStackFile(p, o.stack, shown, o.stackFile);
        const sc = loadStackConfig({ projectDir: p.dir, stack: o.stack, stackFile, overrides: o.overrides });
        return async () => {
            const run = await runAsProgram(`the program ${p.entry}`, { ...sc, preview }, () => runForeignEntry(p));
            return { ...run, project: sc.project, stack: sc.stack, preview };
        };
    }
    return async () => {
        const config = source.config ?? {};
        const run = await runAsProgram("the inline program", { project: source.project, stack: o.stack, config, preview }, source.run);
        return { ...run, project: source.project, stack: o.stack, preview };
    };
}
