/**
 * The shipped stacks (Pulumi.dev.yaml, Pulumi.prod.yaml) run under mocks once per stack and mode for
 * the whole test process, and shared by every test file that reads them. Program runs share the
 * process-wide mock monitor, so they are queued one at a time.
 */
import * as assert from "node:assert/strict";
import { PACKAGE_ROOT } from "../../gate/packageRoot";
import { planStack, StackPlan } from "../../gate/plan";
import { ProgramRun, runProgram } from "../../gate/runProgram";
import { loadedBefore } from "./loaded";

export type Stack = "dev" | "prod";
export type Mode = "preview" | "update";

export const PROJECT_DIR = PACKAGE_ROOT;

let queue: Promise<unknown> = Promise.resolve();
const memo = new Map<string, Promise<unknown>>();

/** Runs `run` once per `key` for the process, after every run queued before it. */
export function once<T>(key: string, run: () => Promise<T>): Promise<T> {
    let p = memo.get(key) as Promise<T> | undefined;
    if (p === undefined) {
        p = queue.then(run);
        queue = p.catch(() => undefined);
        memo.set(key, p);
    }
    return p;
}

/** The shipped `stack` run as a preview or an update. Do not mutate what it returns. */
export function shippedRun(stack: Stack, mode: Mode): Promise<StackPlan> {
    return once(`shipped:${stack}/${mode}`, () => planStack({ projectDir: PROJECT_DIR, stack, preview: mode === "preview" }));
}

/**
 * For the tests of the calling `describe`: the shipped `stack`'s run, loaded in a `before` hook of that
 * block. Returns its getter (call it inside a test).
 */
export function shippedRunBefore(stack: Stack, mode: Mode = "update"): () => StackPlan {
    return loadedBefore(`the shipped ${stack} ${mode} run`, () => shippedRun(stack, mode));
}

/** `dev/preview`, `dev/update`, `prod/preview`, `prod/update` -> the shipped stack's run. */
export type ShippedRuns = Readonly<Record<string, StackPlan>>;

/** Both modes of each of `stacks` (@default both stacks), keyed `<stack>/<mode>`. */
export async function shippedRuns(stacks: readonly Stack[] = ["dev", "prod"]): Promise<ShippedRuns> {
    const runs: Record<string, StackPlan> = {};
    for (const stack of stacks) {
        for (const mode of ["preview", "update"] as const) {
            runs[`${stack}/${mode}`] = await shippedRun(stack, mode);
        }
    }
    return runs;
}

/**
 * Runs `create` in a program of its own under mocks (project `p`, stack `t`, us-east-1), as an update
 * unless `preview`; returns the run, what `create` returned and what it threw.
 */
export async function mockedRun<T>(create: () => T, preview = false): Promise<{ run: ProgramRun; value?: T; error?: Error }> {
    let value: T | undefined;
    let error: Error | undefined;
    const run = await runProgram({
        project: "p",
        stack: "t",
        config: { "aws:region": "us-east-1" },
        preview,
        program: () => {
            try {
                value = create();
            } catch (e) {
                error = e as Error;
            }
            return {};
        },
    });
    return { run, value, error };
}

/**
 * `create` (a component of `componentType`) refuses its args before creating any child: it throws, and
 * only the stack and the component itself were registered. Returns the error message.
 */
export async function refusedBeforeChildren(create: () => void, componentType: string): Promise<string> {
    const { error, types } = await attempt(create);
    assert.ok(error !== undefined, `${componentType} must throw`);
    assert.deepEqual(types, ["pulumi:pulumi:Stack", componentType]);
    return error.message;
}

/** Runs `create` in a preview program; returns what it threw and the types it registered. */
export async function attempt(create: () => void): Promise<{ error: Error | undefined; types: string[] }> {
    const { run, error } = await mockedRun(create, true);
    return { error, types: run.resources.map((r) => r.type) };
}
