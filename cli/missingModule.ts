/** A dependency that cannot be loaded: how to recognise it and the one line that says what to do. */

/** A `require` that failed because a package (or one of its files) is not installed. */
export function isMissingModule(e: unknown): e is Error & { code: string } {
    return e instanceof Error && (e as { code?: unknown }).code === "MODULE_NOT_FOUND";
}

/** `Cannot find module 'x'` plus the fix, on one line (Node appends the require stack on more lines). */
export function missingModuleMessage(e: Error): string {
    const first = e.message.split("\n")[0];
    return `error: firehose-storage cannot load its dependencies (${first}): run \`npm install\` (or \`npm ci\`) where it is installed`;
}
