/**
 * Embedding API for other tools: the real engine through the Pulumi Automation API (`preview`, `up`
 * with the policy pack enforced; `destroy`), and the offline gate in-process (`offlinePlan`). The
 * engine-backed functions need the Pulumi CLI and a backend (`pulumi login --local` or a team one);
 * without the CLI they throw `PulumiCliMissingError` before doing anything.
 *
 * ```ts
 * import { offlinePlan, preview } from "firehose-storage/automation";
 * const gate = await offlinePlan("prod");                 // no cloud, no CLI
 * if (gate.report.verdict === "pass") await preview({ stack: "prod", onOutput: process.stdout.write.bind(process.stdout) });
 * ```
 */
import {
    DestroyOptions,
    DestroyResult,
    LocalProgramArgs,
    LocalWorkspace,
    LocalWorkspaceOptions,
    OutputMap,
    PreviewOptions,
    PreviewResult,
    PulumiCommand,
    UpOptions,
    UpResult,
} from "@pulumi/pulumi/automation";
import { execFile } from "child_process";
import * as fs from "fs";
import * as path from "path";
import { PolicyPackServer } from "../gate/analyzer";
import { DEFAULT_POLICY_CONFIG, GateResult, runOfflineGate } from "../gate/offlineGate";
import { JsonReport, toJson } from "../gate/reportJson";
import { PACKAGE_ROOT } from "../gate/packageRoot";
import { choosePolicyConfig } from "../gate/stackPolicy";
import { DEADLINE_ENV, guardedRoot, pulumiOnPath } from "./pulumiGuard";
import { PulumiCliError, PulumiCliMissingError } from "./errors";
import { deployOptionsSchema, offlinePlanOptionsSchema, validated } from "./options";

export { OptionsError } from "./options";

/** Repository root: the Pulumi project (Pulumi.yaml) and the default working directory. */
export const PROJECT_DIR = PACKAGE_ROOT;

export { PulumiCliError, PulumiCliMissingError };

export interface DeployOptions {
    readonly stack: string;
    /** Directory holding Pulumi.yaml. @default the repository root */
    readonly projectDir?: string;
    /** Policy pack enforced on preview and up. @default <projectDir>/policy-pack */
    readonly packDir?: string;
    /**
     * Its config (`--policy-pack-config`). @default - generated from the stack's settings
     * (gate/stackPolicy.ts): the shipped `<packDir>/config/<environment>.json` when it holds exactly
     * that; every policy advisory when the stack has no stack file
     */
    readonly policyConfigFile?: string;
    /** Run without the policy pack (preview/up only). @default false */
    readonly skipPolicy?: boolean;
    /** Engine output, line by line as the CLI prints it. */
    readonly onOutput?: (out: string) => void;
    /** @default "auto" */
    readonly color?: "always" | "never" | "auto";
    /**
     * How long the operation may take; then the Pulumi CLI is interrupted (and `pulumi version`, asked
     * first, is killed after at most 30 s of this). @default 3600000 (one hour)
     */
    readonly timeoutMs?: number;
}

/** The Automation API's options for `preview`/`up`/`destroy`, derived from ours (pure). */
export interface AutomationPlan {
    readonly program: LocalProgramArgs;
    readonly preview: PreviewOptions;
    readonly up: UpOptions;
    readonly destroy: DestroyOptions;
}

/**
 * `{"all": "advisory"}` as a file, for stacks without a pack config: the same default the offline gate
 * uses (gate/offlineGate.ts `DEFAULT_POLICY_CONFIG`), so both paths judge such a stack alike.
 */
export const ADVISORY_CONFIG_FILE = path.join(PACKAGE_ROOT, "automation", "advisory-policy-config.json");
export { DEFAULT_POLICY_CONFIG };

/**
 * The pack a stack is judged with, offline and by preview/up alike: `packDir`, else the one beside the
 * project (`<projectDir>/policy-pack`, as `plan --project-dir` uses).
 */
export function packDirOf(projectDir: string, packDir: string | undefined): string {
    return path.resolve(packDir ?? path.join(projectDir, "policy-pack"));
}

/**
 * Maps our options to the Automation API's. Policy config: the one rule of gate/stackPolicy.ts
 * (explicit file, else the stack's own from its profile), as the offline gate uses; a stack whose
 * environment cannot be read runs every policy advisory (ADVISORY_CONFIG_FILE).
 */
export function automationPlan(o: DeployOptions, exists: (file: string) => boolean = fs.existsSync): AutomationPlan {
    const workDir = path.resolve(o.projectDir ?? PROJECT_DIR);
    const packDir = packDirOf(workDir, o.packDir);
    const chosen =
        o.skipPolicy === true
            ? undefined
            : choosePolicyConfig(
                  {
                      stack: o.stack,
                      projectDir: workDir,
                      packDir,
                      policyConfigFile: o.policyConfigFile === undefined ? undefined : path.resolve(o.policyConfigFile),
                  },
                  exists,
              );
    const configFile = chosen?.file ?? ADVISORY_CONFIG_FILE;
    const common = { color: o.color ?? "auto", ...(o.onOutput !== undefined ? { onOutput: o.onOutput } : {}) } as const;
    const policy = o.skipPolicy === true ? {} : { policyPacks: [packDir], policyPackConfigs: [configFile] };
    return {
        program: { stackName: o.stack, workDir },
        preview: { ...common, ...policy },
        up: { ...common, ...policy },
        destroy: { ...common },
    };
}

const MISSING =
    "the Pulumi CLI is required for preview/up/destroy and was not found on PATH: install it " +
    "(https://www.pulumi.com/docs/install/), or use `plan` for the offline gate";
const DEFAULT_TIMEOUT_MS = 3_600_000;
const VERSION_TIMEOUT_MS = 30_000;

/**
 * The CLI to run: the real one on PATH under the watchdog (automation/pulumiGuard.ts), asked
 * `pulumi version` first, bounded: a CLI that hangs is stopped after `timeoutMs` (SIGTERM to the
 * watchdog, which ends the CLI's whole group), never left running. Resolves to the guarded
 * installation root (undefined on Windows, where the CLI on PATH runs as it is).
 */
function probeCli(timeoutMs: number): Promise<string | undefined> {
    const real = process.platform === "win32" ? "pulumi" : pulumiOnPath();
    if (real === undefined) {
        return Promise.reject(new PulumiCliMissingError(MISSING));
    }
    const root = guardedRoot(real);
    const command = root === undefined ? real : path.join(root, "bin", "pulumi");
    return new Promise((resolve, reject) => {
        execFile(
            command,
            ["version"],
            { timeout: timeoutMs, killSignal: "SIGTERM", env: { ...process.env, PULUMI_SKIP_UPDATE_CHECK: "true" } },
            (err) => {
                const e = err as (Error & { code?: unknown; killed?: boolean }) | null;
                if (e === null) {
                    resolve(root);
                } else if (e.code === "ENOENT") {
                    reject(new PulumiCliMissingError(MISSING));
                } else if (e.killed === true) {
                    reject(
                        new PulumiCliError(
                            `\`pulumi version\` did not answer within ${timeoutMs / 1000} s and was stopped: check the Pulumi CLI on PATH`,
                        ),
                    );
                } else {
                    reject(new PulumiCliError(`\`pulumi version\` failed: ${e.message.split("\n")[0]}`));
                }
            },
        );
    });
}

/**
 * The installed Pulumi CLI, run under a watchdog so that none of its processes outlives this one, or
 * `PulumiCliMissingError` saying how to get one (`PulumiCliError` if it hangs or fails).
 */
export async function pulumiCli(timeoutMs: number = VERSION_TIMEOUT_MS): Promise<PulumiCommand> {
    const root = await probeCli(timeoutMs);
    try {
        return await PulumiCommand.get(root === undefined ? undefined : { root });
    } catch (e) {
        if (/ENOENT/.test(String((e as Error).message))) {
            throw new PulumiCliMissingError(MISSING);
        }
        throw e;
    }
}

/**
 * The stack, selected (or created) by a CLI whose every process, `stack select` included, ends by the
 * operation's deadline: the watchdog interrupts it then (automation/pulumiGuard.ts `DEADLINE_ENV`).
 */
async function selectStack(plan: AutomationPlan, timeoutMs: number) {
    const deadline = Date.now() + timeoutMs;
    const opts: LocalWorkspaceOptions = {
        pulumiCommand: await pulumiCli(Math.min(timeoutMs, VERSION_TIMEOUT_MS)),
        envVars: { [DEADLINE_ENV]: String(deadline) },
    };
    try {
        return await LocalWorkspace.createOrSelectStack(plan.program, opts);
    } catch (e) {
        if (Date.now() >= deadline) {
            throw new PulumiCliError(
                `selecting stack ${plan.program.stackName} did not finish within ${timeoutMs / 1000} s (timeoutMs) and the Pulumi CLI was stopped`,
            );
        }
        throw e;
    }
}

/** Options checked, the plan, and a signal that interrupts the CLI after `timeoutMs`. */
function prepare(o: unknown, what: string): { plan: AutomationPlan; timeoutMs: number; signal: AbortSignal } {
    const opts = validated(deployOptionsSchema, o, what);
    const timeoutMs = opts.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    return { plan: automationPlan(opts), timeoutMs, signal: AbortSignal.timeout(timeoutMs) };
}

/** `pulumi preview --policy-pack <pack> --policy-pack-config <config>` for the stack. */
export async function preview(o: DeployOptions): Promise<PreviewResult> {
    const { plan, timeoutMs, signal } = prepare(o, "preview options");
    return (await selectStack(plan, timeoutMs)).preview({ ...plan.preview, signal });
}

/** `pulumi up --yes` with the policy pack enforced: a mandatory violation stops the update. */
export async function up(o: DeployOptions): Promise<UpResult> {
    const { plan, timeoutMs, signal } = prepare(o, "up options");
    return (await selectStack(plan, timeoutMs)).up({ ...plan.up, signal });
}

/** `pulumi destroy --yes`. Protected resources (prod's data buckets) make it fail, on purpose. */
export async function destroy(o: DeployOptions): Promise<DestroyResult> {
    const { plan, timeoutMs, signal } = prepare(o, "destroy options");
    return (await selectStack(plan, timeoutMs)).destroy({ ...plan.destroy, signal });
}

/** `pulumi stack output --json --show-secrets` for the stack: every output with its secret flag. */
export async function stackOutputs(o: Pick<DeployOptions, "stack" | "projectDir">): Promise<OutputMap> {
    return (await selectStack(automationPlan({ ...o, skipPolicy: true }), DEFAULT_TIMEOUT_MS)).outputs();
}

export interface OfflinePlanOptions {
    readonly projectDir?: string;
    readonly stackFile?: string;
    /** `key=value` config overrides. */
    readonly config?: readonly string[];
    /** @default <projectDir>/policy-pack */
    readonly packDir?: string;
    readonly policyConfigFile?: string;
    /** A running pack to reuse (not stopped). */
    readonly pack?: PolicyPackServer;
    /** How long the policies may take on one resource. @default 60000 */
    readonly policyTimeoutMs?: number;
}

/** The offline gate in-process: the full result and the `--json` report. */
export async function offlinePlan(stack: string, options: OfflinePlanOptions = {}): Promise<GateResult & { readonly report: JsonReport }> {
    validated(deployOptionsSchema.shape.stack, stack, "offlinePlan stack");
    const o = validated(offlinePlanOptionsSchema, options, "offlinePlan options") as OfflinePlanOptions;
    const projectDir = path.resolve(o.projectDir ?? PROJECT_DIR);
    const result = await runOfflineGate({
        projectDir,
        stack,
        stackFile: o.stackFile,
        overrides: o.config,
        packDir: packDirOf(projectDir, o.packDir),
        policyConfigFile: o.policyConfigFile,
        pack: o.pack,
        policyTimeoutMs: o.policyTimeoutMs,
    });
    return { ...result, report: toJson(result, projectDir) };
}

export { engineConfig, tenantStack } from "./tenant";
export type {
    EngineRunOptions,
    StorageConfig,
    TenantDestroy,
    TenantOutputs,
    TenantPreview,
    TenantStack,
    TenantStackOptions,
    TenantUp,
} from "./tenant";
export { ConfigError } from "../config";
