/**
 * The embedding API's own errors, apart from automation/index.ts so the CLI can recognise them
 * without loading the Automation API (a `plan` never runs it).
 */

/** No `pulumi` on PATH: the real-engine operations cannot run. */
export class PulumiCliMissingError extends Error {
    override name = "PulumiCliMissingError";
}

/** The Pulumi CLI is there but does not answer (or fails) when asked its version. */
export class PulumiCliError extends Error {
    override name = "PulumiCliError";
}
