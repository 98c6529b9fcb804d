/**
 * What `plan --watch` reloads and watches, read from Node's module cache: the program's own modules
 * (everything loaded from the project outside `node_modules`) and, for a changed file, every module
 * that imports it directly or through others (Node records each import in `module.children`).
 */
import * as path from "path";

const NODE_MODULES = `${path.sep}node_modules${path.sep}`;

/** Files of the modules loaded from `projectDir` itself (not its dependencies). */
export function projectModules(projectDir: string, cache: NodeJS.Require["cache"] = require.cache): Set<string> {
    const root = `${path.resolve(projectDir)}${path.sep}`;
    return new Set(Object.keys(cache).filter((id) => id.startsWith(root) && !id.includes(NODE_MODULES)));
}

/** `files` and every cached module that imports one of them, transitively. */
export function dependentsOf(files: readonly string[], cache: NodeJS.Require["cache"] = require.cache): Set<string> {
    const importers = new Map<string, string[]>();
    for (const [id, m] of Object.entries(cache)) {
        for (const child of m?.children ?? []) {
            importers.set(child.id, [...(importers.get(child.id) ?? []), id]);
        }
    }
    const out = new Set<string>();
    const visit = (id: string): void => {
        if (!out.has(id)) {
            out.add(id);
            (importers.get(id) ?? []).forEach(visit);
        }
    };
    files.forEach(visit);
    return out;
}

/** Directories to watch: the project's, the stack file's and those of the program's loaded modules. */
export function watchedDirs(projectDir: string, stackFile: string, modules: Iterable<string>): Set<string> {
    return new Set([path.resolve(projectDir), path.dirname(stackFile), ...[...modules].map((m) => path.dirname(m))]);
}
