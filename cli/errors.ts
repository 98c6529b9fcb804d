/** Exit codes and the mapping of what went wrong to one of them. */
import { PulumiCliError, PulumiCliMissingError } from "../automation/errors";
import { ConfigError } from "../config";
import { PolicyConfigError, PolicyPackError } from "../gate/analyzer";
import { stripAnsi } from "../gate/ansi";
import { InputError } from "../gate/inputError";
import { isMissingModule, missingModuleMessage } from "./missingModule";
import { ProgramFailedError, ProgramUsageError } from "../gate/foreignProgram";

export const EXIT = { ok: 0, violations: 1, usage: 2, internal: 3 } as const;

/** A usage problem found by a command itself (a missing file, a flag that does not fit). */
export class UsageError extends Error {
    override name = "UsageError";
}

/**
 * Config and usage problems are the user's: a one-line message and exit 2, since nothing was judged.
 * A failing policy pack or any other error is the tool's: its message (with the pack's output) and 3.
 */
export function exitCodeFor(e: unknown, out: { readonly err: (text: string) => void }): number {
    const io = { err: (text: string) => out.err(stripAnsi(text)) };
    if (
        e instanceof ConfigError ||
        e instanceof InputError ||
        e instanceof PolicyConfigError ||
        e instanceof UsageError ||
        e instanceof ProgramUsageError ||
        e instanceof PulumiCliMissingError
    ) {
        io.err(`error: ${e.message}\n`);
        return EXIT.usage;
    }
    if (e instanceof ProgramFailedError) {
        io.err(`error: ${e.message}\n`);
        return EXIT.internal;
    }
    if (isMissingModule(e)) {
        io.err(`${missingModuleMessage(e)}\n`);
        return EXIT.internal;
    }
    if (e instanceof PolicyPackError || e instanceof PulumiCliError) {
        io.err(`error: ${e.message}\n`);
        return EXIT.internal;
    }
    io.err(`error: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
    return EXIT.internal;
}
