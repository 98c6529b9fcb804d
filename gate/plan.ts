/** The offline plan of a named stack: config validated first, then the program run under mocks. */
import { Settings } from "../config";
import { buildStack } from "../stack/program";
import { ProgramRun, runProgram } from "./runProgram";
import { loadStackConfig, LoadOptions } from "./stackConfig";
import { validatedSettings } from "./stackSettings";

export interface StackPlan extends ProgramRun {
    readonly project: string;
    readonly stack: string;
    readonly preview: boolean;
}

/**
 * Validates the stack's config (throws `ConfigError` before any resource is registered) and runs
 * the program as a preview (`preview: true`, the default) or an update.
 */
export async function planStack(o: LoadOptions & { readonly preview?: boolean }): Promise<StackPlan> {
    const sc = loadStackConfig(o);
    const settings = validatedSettings(sc);
    const preview = o.preview ?? true;
    const run = await runProgram({ ...sc, preview, program: () => buildStack(settings) });
    return { ...run, project: sc.project, stack: sc.stack, preview };
}

/** The program built from settings already validated (the embedding API's inline program), under mocks. */
export async function planSettings(settings: Settings, preview = true): Promise<StackPlan> {
    const config = { "aws:region": settings.region };
    const run = await runProgram({
        project: settings.project,
        stack: settings.stack,
        config,
        preview,
        program: () => buildStack(settings),
    });
    return { ...run, project: settings.project, stack: settings.stack, preview };
}
