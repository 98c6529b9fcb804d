/**
 * `firehose-storage outputs --stack <name>`: the stack's outputs through the Automation API, secrets
 * masked unless `--show-secrets`. Needs the Pulumi CLI and a backend; without the CLI it exits 2.
 */
import type { OutputMap } from "@pulumi/pulumi/automation";
import { Command } from "commander";
import * as path from "path";
import { EXIT } from "./errors";
import type { CliIo } from "./main";
import { PACKAGE_ROOT } from "../gate/packageRoot";

export const SECRET_MASK = "[secret]";

export const OUTPUTS_HELP_AFTER = `
Exit codes:
  0  the outputs were printed
  2  usage error, or the Pulumi CLI is not installed
  3  the engine or backend failed (e.g. no such stack, not logged in)`;

/** Outputs as `name  value` lines, or one JSON object; secrets masked unless shown (pure). */
export function formatOutputs(outputs: OutputMap, o: { readonly showSecrets: boolean; readonly json: boolean }): string {
    const shown = Object.fromEntries(
        Object.entries(outputs)
            .sort(([a], [b]) => a.localeCompare(b))
            .map(([k, v]) => [k, v.secret && !o.showSecrets ? SECRET_MASK : (v.value as unknown)]),
    );
    if (o.json) {
        return `${JSON.stringify(shown, null, 2)}\n`;
    }
    const width = Math.max(0, ...Object.keys(shown).map((k) => k.length));
    return Object.entries(shown)
        .map(([k, v]) => `${k.padEnd(width)}  ${typeof v === "string" ? v : JSON.stringify(v)}\n`)
        .join("");
}

export function addOutputsCommand(root: Command, io: CliIo, setCode: (code: number) => void): void {
    root.command("outputs")
        .description("print the stack's outputs (needs the Pulumi CLI and a backend)")
        .requiredOption("-s, --stack <name>", "stack name")
        .option("--show-secrets", "print secret outputs in clear text", false)
        .option("--json", "print the outputs as one JSON object", false)
        .option("--project-dir <dir>", "directory holding Pulumi.yaml", PACKAGE_ROOT)
        .addHelpText("after", OUTPUTS_HELP_AFTER)
        .action(async (f: { stack: string; showSecrets: boolean; json: boolean; projectDir: string }) => {
            // The Automation API loads only when this command runs.
            const { stackOutputs } = await import("../automation");
            const outputs = await stackOutputs({ stack: f.stack, projectDir: path.resolve(io.cwd, f.projectDir) });
            io.out(formatOutputs(outputs, f));
            setCode(EXIT.ok);
        });
}
