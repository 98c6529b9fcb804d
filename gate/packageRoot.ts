/**
 * The package's root directory (Pulumi.yaml, package.json, policy-pack/), found from this file both
 * in the sources (`gate/`) and in the compiled build (`dist/gate/`), where `__dirname/..` is `dist/`.
 */
import * as fs from "fs";
import * as path from "path";

function findRoot(start: string): string {
    for (let dir = start; ; dir = path.dirname(dir)) {
        if (fs.existsSync(path.join(dir, "package.json")) && fs.existsSync(path.join(dir, "Pulumi.yaml"))) {
            return dir;
        }
        if (path.dirname(dir) === dir) {
            return path.resolve(start, "..");
        }
    }
}

export const PACKAGE_ROOT = findRoot(__dirname);

/** The `version` of the package's package.json (`--version`, the reports' tool field). */
export function packageVersion(): string {
    return (JSON.parse(fs.readFileSync(path.join(PACKAGE_ROOT, "package.json"), "utf8")) as { version: string }).version;
}
