/** A loaded stack config turned into validated settings: the CLI's own problems and the config layer's, all at once. */
import { ConfigError, configInputFrom, Problem, resolveSettings, Settings } from "../config";
import { StackConfig } from "./stackConfig";

/** A problem about `key` hides the config layer's problems about the same key or anything under it. */
function merge(first: readonly Problem[], rest: readonly Problem[]): Problem[] {
    const covered = (p: Problem): boolean =>
        first.some((f) => p.path === f.path || p.path.startsWith(`${f.path}.`) || p.path.startsWith(`${f.path}[`));
    return [...first, ...rest.filter((p) => !covered(p))];
}

/** Settings from the loaded config, or one `ConfigError` with the CLI's problems and the config's. */
export function validatedSettings(sc: StackConfig): Settings {
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
