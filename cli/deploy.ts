/**
 * `firehose-storage preview|up|destroy --stack <name>`: the real engine through automation/index.ts,
 * the policy pack enforced on preview and up. They need the Pulumi CLI; without it they exit 2 with
 * a message saying so. The Automation API loads only when one of them runs (it cost every `plan`
 * about 0.2 s of CPU to load).
 */
import { Command } from "commander";
import * as path from "path";
import type { DeployOptions } from "../automation";
import { EXIT } from "./errors";
import type { CliIo } from "./main";
import { PACKAGE_ROOT } from "../gate/packageRoot";

interface DeployFlags {
    readonly stack: string;
    readonly pack?: string;
    readonly policyConfig?: string;
    readonly policy: boolean;
    readonly projectDir: string;
}

const COMMANDS = {
    preview: { about: "preview the stack with the real engine and the policy pack" },
    up: { about: "deploy the stack; a mandatory policy violation stops the update" },
    destroy: { about: "destroy the stack (protected resources make it fail)" },
} as const;

const DEPLOY_HELP_AFTER = `
Exit codes:
  0  the engine succeeded
  1  the engine refused or failed (a mandatory policy violation, a protected resource, a failed step)
  2  usage or config error, or the Pulumi CLI is not installed
  3  the tool itself failed`;

export function addDeployCommands(root: Command, io: CliIo, setCode: (code: number) => void): void {
    for (const [name, c] of Object.entries(COMMANDS)) {
        const cmd = root
            .command(name)
            .description(`${c.about} (needs the Pulumi CLI and a backend)`)
            .requiredOption("-s, --stack <name>", "stack name")
            .option("--project-dir <dir>", "directory holding Pulumi.yaml", PACKAGE_ROOT)
            .addHelpText("after", DEPLOY_HELP_AFTER);
        if (name !== "destroy") {
            cmd.option("--pack <dir>", "policy pack directory (default: policy-pack/)")
                .option(
                    "--policy-config <file>",
                    "policy pack config (default: the stack's own, from its environment's profile and allowedRegions)",
                )
                .option("--no-policy", "run without the policy pack");
        }
        cmd.action(async (f: DeployFlags) => {
            const abs = (p: string | undefined): string | undefined => (p === undefined ? undefined : path.resolve(io.cwd, p));
            const o: DeployOptions = {
                stack: f.stack,
                projectDir: path.resolve(io.cwd, f.projectDir),
                packDir: abs(f.pack),
                policyConfigFile: abs(f.policyConfig),
                skipPolicy: f.policy === false,
                onOutput: io.out,
                color: io.isTTY === true && (io.env.NO_COLOR ?? "") === "" ? "always" : "never",
            };
            const automation = await import("../automation");
            const { CommandError } = await import("@pulumi/pulumi/automation");
            try {
                await automation[name as keyof typeof COMMANDS](o);
                setCode(EXIT.ok);
            } catch (e) {
                // The engine ran and refused (a mandatory policy violation, a protected resource, a
                // failed create): its output went to onOutput; exit 1 as for a failed gate.
                if (!(e instanceof CommandError)) {
                    throw e;
                }
                io.err(`error: pulumi ${name} failed: ${e.message}\n`);
                setCode(EXIT.violations);
            }
        });
    }
}
