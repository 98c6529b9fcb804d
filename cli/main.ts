#!/usr/bin/env node
/**
 * `firehose-storage plan --stack dev`: the offline plan of a named stack. Loads Pulumi.yaml and
 * Pulumi.<stack>.yaml, runs the program under mocks as a preview and prints the resource tree.
 * Exit codes: 0 ok, 2 config or usage error.
 */
import { Command, CommanderError } from "commander";
import * as path from "path";
import { ConfigError } from "../config";
import { renderTree } from "../gate/tree";
import { planStack } from "../gate/plan";
import { StackFileError } from "../gate/stackConfig";

export const EXIT = { ok: 0, violations: 1, usage: 2 } as const;

interface PlanFlags {
    stack: string;
    stackFile?: string;
    config: string[];
    update: boolean;
    projectDir: string;
}

function collect(value: string, previous: string[]): string[] {
    return [...previous, value];
}

async function plan(flags: PlanFlags): Promise<number> {
    const run = await planStack({ projectDir: flags.projectDir, stack: flags.stack, stackFile: flags.stackFile, overrides: flags.config, preview: !flags.update });
    console.log(`Stack ${run.stack} (${run.preview ? "preview" : "update"}): ${run.resources.length} resources`);
    for (const line of renderTree(run.resources)) {
        console.log(`  ${line}`);
    }
    return EXIT.ok;
}

/** Maps what went wrong to a message and exit code; config problems are the user's, not a crash. */
function failure(e: unknown): number {
    const cause = e instanceof ConfigError || e instanceof StackFileError;
    console.error(cause ? `error: ${(e as Error).message}` : e);
    return cause ? EXIT.usage : 3;
}

export function cli(): Command {
    const cmd = new Command("firehose-storage").description("Offline plan and policy gate for the firehose-storage stacks").exitOverride();
    cmd.command("plan")
        .description("run the stack program offline (under mocks) and print its resources")
        .requiredOption("-s, --stack <name>", "stack name: reads Pulumi.<name>.yaml")
        .option("--stack-file <file>", "read the stack config from this file instead")
        .option("-c, --config <key=value>", "override one config value (repeatable)", collect, [])
        .option("--update", "run as an update (known outputs) instead of a preview", false)
        .option("--project-dir <dir>", "directory holding Pulumi.yaml", path.resolve(__dirname, ".."))
        .action(async (flags: PlanFlags) => {
            process.exitCode = await plan(flags).catch(failure);
        });
    return cmd;
}

if (require.main === module) {
    cli()
        .parseAsync(process.argv)
        .catch((e: unknown) => {
            process.exitCode = e instanceof CommanderError ? (e.exitCode === 0 ? 0 : EXIT.usage) : failure(e);
        });
}
