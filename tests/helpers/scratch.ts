/** Scratch directories for tests. */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";

/**
 * For the tests of the calling `describe`: a fresh directory under the OS temp dir, made in a `before`
 * hook and removed with what is in it in an `after` hook. Returns its getter.
 */
export function scratchDir(prefix: string): () => string {
    let dir: string | undefined;
    before(() => {
        dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
    });
    after(() => {
        if (dir !== undefined) {
            fs.rmSync(dir, { recursive: true, force: true });
        }
    });
    return () => {
        if (dir === undefined) {
            throw new Error(`the ${prefix} scratch directory is read inside a test`);
        }
        return dir;
    };
}
