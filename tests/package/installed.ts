/**
 * One packed tarball and one consumer project with it installed, shared by the package tests and
 * removed when the run ends. The consumer is tests/fixtures/consumer copied to a temp dir.
 */
import * as fs from "fs";
import * as path from "path";
import { extractInto, linkModules, packTarball, productionClosure, ROOT, tarballFiles, tempDir } from "./tarball";

export interface Installed {
    readonly tarball: string;
    readonly files: readonly string[];
    /** The consumer project (its node_modules holds the package and its production dependencies). */
    readonly project: string;
    /** node_modules/firehose-storage inside the consumer. */
    readonly packageDir: string;
}

let made: { dir: string; installed: Installed } | undefined;

export function installed(): Installed {
    if (made === undefined) {
        const dir = tempDir("firehose-package-");
        const tarball = packTarball(dir);
        const project = path.join(dir, "consumer");
        fs.cpSync(path.join(ROOT, "tests", "fixtures", "consumer"), project, { recursive: true });
        const packageDir = extractInto(tarball, project);
        // The consumer's own dev dependency for type-checking (Node's types), as its package.json would list.
        linkModules(project, [...new Set([...productionClosure(), "@types/node"])]);
        made = { dir, installed: { tarball, files: tarballFiles(tarball), project, packageDir } };
    }
    return made.installed;
}

after(() => {
    if (made !== undefined) {
        fs.rmSync(made.dir, { recursive: true, force: true });
    }
});
