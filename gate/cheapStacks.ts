/**
 * Pulumi's SDK formats a stack trace for every promise it makes (`debuggablePromise`, kept for a
 * "promise leak" report) and, with no depth limit, for every resource (`Resource.callsites`, the
 * source position the engine shows next to a resource). Under mocks nothing reads either, and
 * formatting them is about a third of a large program's run time. Installed by the gate's program
 * run, this formats exactly those two stack traces as empty; every other error keeps its stack
 * (formatted by whatever `Error.prepareStackTrace` was there before, e.g. source-map-support, or as
 * V8 does). What the program registers does not change: the mock monitor ignores source positions.
 */
const CHEAP = new Set(["debuggablePromise", "callsites"]);
const PULUMI = /[\\/]node_modules[\\/]@pulumi[\\/]pulumi[\\/]/;

let installed = false;

/** V8's own format: `Name: message` and one `    at <frame>` line per frame. */
function v8Format(error: Error, frames: readonly NodeJS.CallSite[]): string {
    let head: string;
    try {
        head = String(error);
    } catch {
        head = "Error";
    }
    // A V8 CallSite's toString is the frame as V8 prints it (absent from @types/node's interface).
    // eslint-disable-next-line @typescript-eslint/no-base-to-string
    return head + frames.map((f) => `\n    at ${f.toString()}`).join("");
}

export function installCheapStacks(): void {
    if (installed) {
        return;
    }
    installed = true;
    const previous = Error.prepareStackTrace?.bind(Error); // V8 calls it as a method of Error
    Error.prepareStackTrace = (error: Error, frames: NodeJS.CallSite[]): unknown => {
        const top = frames[0];
        if (top !== undefined && CHEAP.has(top.getFunctionName() ?? "") && PULUMI.test(top.getFileName() ?? "")) {
            return "";
        }
        return previous !== undefined ? previous(error, frames) : v8Format(error, frames);
    };
}
