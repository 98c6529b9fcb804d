/**
 * Pulumi's SDK passes every promise it makes through `debuggablePromise`
 * (`@pulumi/pulumi/runtime/debuggable`): it captures a stack trace, attaches three properties, adds
 * the promise to a set and chains two more promises to take it out again, all so that a program
 * exiting with work still pending can list the pending promises ("leak" report at process exit).
 * Under mocks that report is never read (the gate awaits every registration itself), and the
 * bookkeeping is about half of a program's CPU (30 `SecureBucket`s, 512 resources: 2.1 -> 1.0 s,
 * measured A/B, `npm run bench`). Installed by the gate's program run, this passes each promise
 * through untouched; what the program registers does not change (the URN, stack and pack tests run
 * with it). The SDK's modules call it through their module object at each call, so replacing the
 * export reaches every caller. A process that runs the real engine after the gate loses only the
 * leak report.
 */
let installed = false;

interface DebuggableModule {
    debuggablePromise: <T>(p: Promise<T>, ctx: unknown) => Promise<T>;
}

export function skipLeakBookkeeping(): void {
    if (installed) {
        return;
    }
    installed = true;
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const debuggable = require("@pulumi/pulumi/runtime/debuggable") as DebuggableModule;
    debuggable.debuggablePromise = <T>(p: Promise<T>): Promise<T> => p;
}
