/** `firehose-storage plan`: the offline policy gate (gate/offlineGate.ts) as a command. */
import { Command } from "commander";
import * as path from "path";
import { runOfflineGate } from "../gate/offlineGate";
import { renderHuman, styleFor, toJson } from "../gate/report";
import { EXIT, exitCodeFor } from "./errors";
import type { CliIo } from "./main";

interface PlanFlags {
    readonly stack: string;
    readonly stackFile?: string;
    readonly config: string[];
    readonly update: boolean;
    readonly projectDir: string;
    readonly pack?: string;
    readonly policyConfig?: string;
    readonly json: boolean;
    readonly tree: boolean;
    readonly build: boolean;
}

function collect(value: string, previous: string[]): string[] {
    return [...previous, value];
}

export function addPlanCommand(root: Command, io: CliIo, setCode: (code: number) => void): void {
    root.command("plan")
        .description("run the stack program offline (under mocks) and judge it with the policy pack")
        .requiredOption("-s, --stack <name>", "stack name: reads Pulumi.<name>.yaml and policy-pack/config/<name>.json")
        .option("--stack-file <file>", "read the stack config from this file instead of Pulumi.<stack>.yaml")
        .option("-c, --config <key=value>", "override one config value, like `pulumi config set` (repeatable)", collect, [])
        .option("--policy-config <file>", "policy pack config (the --policy-pack-config format) instead of the stack's")
        .option("--pack <dir>", "policy pack directory (default: policy-pack/)")
        .option("--update", "run the program as an update (known outputs) instead of a preview", false)
        .option("--json", "print a machine-readable report on stdout instead of the text report", false)
        .option("--no-tree", "leave the resource tree out of the text report")
        .option("--no-build", "serve the pack as built, even if its build is older than its sources")
        .option("--project-dir <dir>", "directory holding Pulumi.yaml", path.resolve(__dirname, ".."))
        .action(async (f: PlanFlags) => {
            try {
                setCode(await plan(f, io));
            } catch (e) {
                const code = exitCodeFor(e, io);
                if (f.json) {
                    // CI parses stdout: say what happened there too, not only on stderr.
                    const error = e instanceof Error ? e.message : String(e);
                    io.out(`${JSON.stringify({ schemaVersion: 1, stack: f.stack, verdict: "error", exitCode: code, error }, null, 2)}\n`);
                }
                setCode(code);
            }
        });
}

async function plan(f: PlanFlags, io: CliIo): Promise<number> {
    const abs = (p: string | undefined): string | undefined => (p === undefined ? undefined : path.resolve(io.cwd, p));
    const projectDir = path.resolve(io.cwd, f.projectDir);
    const packDir = abs(f.pack) ?? path.join(projectDir, "policy-pack");
    const result = await runOfflineGate({
        projectDir,
        stack: f.stack,
        stackFile: abs(f.stackFile),
        overrides: f.config,
        preview: !f.update,
        packDir,
        policyConfigFile: abs(f.policyConfig),
        build: f.build,
        pack: io.startPack !== undefined ? await io.startPack(packDir) : undefined,
    });
    if (f.json) {
        io.out(`${JSON.stringify(toJson(result, projectDir), null, 2)}\n`);
    } else {
        io.out(`${renderHuman(result, { style: styleFor(io.isTTY, io.env), cwd: io.cwd, tree: f.tree }).join("\n")}\n`);
    }
    return result.verdict === "fail" ? EXIT.violations : EXIT.ok;
}
