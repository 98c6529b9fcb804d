/**
 * Stack entrypoint for `pulumi up` (Pulumi.yaml `main`): the program lives in stack/program.ts so
 * tools can run it too. The module's export is the stack outputs (README "Outputs"): only those the
 * stack's features produce, so the engine has no undefined value to warn about.
 */
import { definedOutputs } from "./outputs";
import { program } from "./program";

export = definedOutputs(program());
