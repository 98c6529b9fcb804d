/** The offline plan of a named stack: config validated first, then the program run under mocks. */
import { ConfigError, configInputFrom, Problem, resolveSettings, Settings } from "../config";
import { buildStack } from "../stack/program";
import { ProgramRun, runProgram } from "./runProgram";
import { loadStackConfig, LoadOptions, StackConfig } from "./stackConfig";

export interface StackPlan extends ProgramRun {
    readonly project: string;
    readonly stack: string;
    readonly preview: boolean;
}

/** A problem about `key` hides the config layer's problems about the same key or anything under it. */
function merge(first: readonly Problem[], rest: readonly Problem[]): Problem[] {
    const covered = (p: Problem): boolean =>
        first.some((f) => p.path === f.path || p.path.startsWith(`${f.path}.`) || p.path.startsWith(`${f.path}[`));
    return [...first, ...rest.filter((p) => !covered(p))];
}

/** Settings from the loaded config, or one `ConfigError` with the CLI's problems and the config's. */
export function settingsOf(sc: StackConfig): Settings {
    let settings: Settings;
    try {
        settings = resolveSettings(configInputFrom(sc.config, sc.project, sc.stack));
    } catch (e) {
        if (e instanceof ConfigError && sc.problems.length > 0) {
            throw new ConfigError(e.namespace, merge(sc.problems, e.problems));
        }
        throw e;
    }
    if (sc.problems.length > 0) {
        throw new ConfigError(sc.project, sc.problems);
    }
    return settings;
}

/**
 * Validates the stack's config (throws `ConfigError` before any resource is registered) and runs
 * the program as a preview (`preview: true`, the default) or an update.
 */
export async function planStack(o: LoadOptions & { readonly preview?: boolean }): Promise<StackPlan> {
    const sc = loadStackConfig(o);
    const settings = settingsOf(sc);
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
