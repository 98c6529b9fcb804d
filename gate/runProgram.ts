/**
 * Runs a Pulumi program in-process under mocks, as preview (unknown outputs) or as update, and
 * returns every resource it registered. Used by the offline gate, the benchmark and the tests.
 */
import * as pulumi from "@pulumi/pulumi";
import { definedOutputs } from "../stack/outputs";
import { installCheapStacks } from "./cheapStacks";
import { skipLeakBookkeeping } from "./noLeakBookkeeping";
import { AwsMocks } from "./mocks";
import { RecordedResource, recordRegistrations } from "./recorder";

export interface RunOptions {
    readonly project: string;
    readonly stack: string;
    /** The engine's config map (`namespace:key` -> string). */
    readonly config: Readonly<Record<string, string>>;
    readonly preview: boolean;
    /** The program: registers resources, returns the stack outputs. */
    readonly program: () => unknown;
}

export interface ProgramRun {
    readonly resources: RecordedResource[];
    /** Stack outputs; unknown preview values resolve to `undefined`. */
    readonly outputs: Record<string, unknown>;
    /** How long the program ran (not counting the wait for a run queued before it). */
    readonly programMs: number;
}

/** Waits until every registration the program started has been answered. */
function waitForRegistrations(): Promise<void> {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    return (require("@pulumi/pulumi/runtime/settings") as { waitForRPCs(): Promise<void> }).waitForRPCs();
}

/** Runs share the process-wide mock monitor and config: one at a time, in the order asked. */
let queue: Promise<unknown> = Promise.resolve();

export function runProgram(o: RunOptions): Promise<ProgramRun> {
    const run = queue.then(() => runNow(o));
    queue = run.catch(() => undefined);
    return run;
}

async function runNow(o: RunOptions): Promise<ProgramRun> {
    const t0 = performance.now();
    installCheapStacks();
    skipLeakBookkeeping();
    pulumi.runtime.setAllConfig({ ...o.config });
    await pulumi.runtime.setMocks(new AwsMocks(o.preview, o.config["aws:region"] ?? "us-east-1"), o.project, o.stack, o.preview);
    const resources = recordRegistrations();
    // Only outputs that exist, as index.ts exports them: an undefined one makes the runtime warn.
    const outputs = (await pulumi.runtime.runInPulumiStack(async () => definedOutputs((await o.program()) ?? {}))) ?? {};
    await waitForRegistrations();
    return { resources, outputs, programMs: performance.now() - t0 };
}
