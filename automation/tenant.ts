/**
 * The embedding API for tools that provision storage per tenant: typed config in, an inline program
 * (no Pulumi.<stack>.yaml, no checkout of this repository's project needed), typed results out.
 *
 * `tenantStack(options)` validates the config exactly as a stack file is validated
 * (`config/resolveSettings`: schema, environment defaults, cross-field and prod rules, every problem
 * in one `ConfigError`) and returns the resolved `Settings` with the operations on them:
 * `offlinePlan` (the offline gate on the same settings: no cloud, no CLI), and `preview`, `up`,
 * `destroy`, `outputs` through the Pulumi Automation API (inline program; engine events streamed to
 * `onEvent`). The engine-backed ones throw `PulumiCliMissingError` before doing anything when the
 * Pulumi CLI is not installed.
 *
 * Secrets: the keys named in `secretKeys` are stored in the stack's config as secrets (encrypted by
 * the backend's secrets provider, shown as `[secret]`); stack outputs the engine marks secret come
 * back with `secret: true`.
 */
import * as pulumi from "@pulumi/pulumi";
import { EngineEvent, InlineProgramArgs, LocalWorkspace, OpMap, Stack } from "@pulumi/pulumi/automation";
import { z } from "zod";
import { resolveSettings, Settings } from "../config";
import { configSchema } from "../config/schema";
import { PolicyPackServer } from "../gate/analyzer";
import { GateResult, runOfflineGate } from "../gate/offlineGate";
import { settingsPolicyConfig } from "../gate/stackPolicy";
import { planSettings } from "../gate/plan";
import { JsonReport, toJson } from "../gate/reportJson";
import { definedOutputs } from "../stack/outputs";
import { buildStack, StackOutputs } from "../stack/program";
import { packDirOf, PROJECT_DIR, pulumiCli } from "./index";

/** The `firehose-storage:*` keys of a stack file, typed (README "Configuration"). */
export type StorageConfig = z.input<typeof configSchema>;

export interface TenantStackOptions {
    /** Pulumi project name (the namespace of the config keys). @default "firehose-storage" */
    readonly project?: string;
    /** Stack name, e.g. `tenant-acme`. */
    readonly stack: string;
    /** `aws:region`. */
    readonly region: string;
    readonly config: StorageConfig;
    /** Top-level keys stored as secrets in the stack's config. @default - none */
    readonly secretKeys?: readonly (keyof StorageConfig)[];
    /** Policy pack enforced on preview and up, and used by `offlinePlan`. @default <repo>/policy-pack */
    readonly packDir?: string;
    /**
     * Its config. @default - generated from the tenant's settings (its environment's profile, its
     * `allowedRegions`): `<packDir>/config/<environment>.json` when that holds exactly it
     */
    readonly policyConfigFile?: string;
}

export interface EngineRunOptions {
    /** Every engine event as it happens (resource steps, diagnostics, policy events, summary). */
    readonly onEvent?: (event: EngineEvent) => void;
    /** The engine's text output, as the CLI prints it. */
    readonly onOutput?: (out: string) => void;
    /** Run without the policy pack. @default false */
    readonly skipPolicy?: boolean;
}

/** A stack output as the engine returns it; `value` is typed by the program's `StackOutputs`. */
export type TenantOutputs = {
    readonly [K in keyof StackOutputs]?: { readonly value: pulumi.Unwrap<NonNullable<StackOutputs[K]>>; readonly secret: boolean };
};

export interface TenantPreview {
    /** Planned steps by operation (`create`, `update`, `same`, ...). */
    readonly changes: OpMap;
    readonly stdout: string;
}

export interface TenantUp {
    readonly result: "succeeded" | "failed" | "in-progress" | "not-started";
    readonly changes: OpMap;
    readonly outputs: TenantOutputs;
    readonly stdout: string;
}

export interface TenantDestroy {
    readonly result: "succeeded" | "failed" | "in-progress" | "not-started";
    readonly changes: OpMap;
    readonly stdout: string;
}

export interface TenantStack {
    /** The validated settings the program is built from. */
    readonly settings: Settings;
    /** The offline gate on these settings: no cloud, no CLI. */
    offlinePlan(o?: { readonly pack?: PolicyPackServer; readonly update?: boolean }): Promise<GateResult & { readonly report: JsonReport }>;
    preview(o?: EngineRunOptions): Promise<TenantPreview>;
    up(o?: EngineRunOptions): Promise<TenantUp>;
    destroy(o?: EngineRunOptions): Promise<TenantDestroy>;
    outputs(): Promise<TenantOutputs>;
}

/** The engine's config for the stack: `aws:region` and every key, the chosen ones as secrets (pure). */
export function engineConfig(o: TenantStackOptions, project: string): Record<string, { value: string; secret: boolean }> {
    const secret = new Set<string>(o.secretKeys ?? []);
    const config: Record<string, { value: string; secret: boolean }> = { "aws:region": { value: o.region, secret: false } };
    for (const [key, value] of Object.entries(o.config)) {
        if (value !== undefined) {
            config[`${project}:${key}`] = { value: typeof value === "string" ? value : JSON.stringify(value), secret: secret.has(key) };
        }
    }
    return config;
}

/** Validates the config and returns the tenant's stack operations. Throws `ConfigError` with every problem. */
export function tenantStack(o: TenantStackOptions): TenantStack {
    const project = o.project ?? "firehose-storage";
    const settings = resolveSettings({ project, stack: o.stack, values: o.config, region: o.region });
    const packDir = packDirOf(PROJECT_DIR, o.packDir);
    // The one rule of gate/stackPolicy.ts: the tenant's own regions reach the pack, as a stack file's do.
    // Chosen on first use (it may write the generated config to a file), not while validating.
    let chosen: string | undefined = o.policyConfigFile;
    const policyConfigFile = (): string => (chosen ??= settingsPolicyConfig(settings, packDir).file);

    const select = async (): Promise<Stack> => {
        const pulumiCommand = await pulumiCli(); // first: without the CLI nothing else happens
        const args: InlineProgramArgs = {
            projectName: project,
            stackName: o.stack,
            program: () => Promise.resolve(definedOutputs(buildStack(settings))),
        };
        const stack = await LocalWorkspace.createOrSelectStack(args, { pulumiCommand });
        await stack.setAllConfig(engineConfig(o, project));
        return stack;
    };
    const common = (r: EngineRunOptions = {}) => ({
        ...(r.onEvent !== undefined ? { onEvent: r.onEvent } : {}),
        ...(r.onOutput !== undefined ? { onOutput: r.onOutput } : {}),
    });
    const policy = (r: EngineRunOptions = {}) =>
        r.skipPolicy === true ? {} : { policyPacks: [packDir], policyPackConfigs: [policyConfigFile()] };

    return {
        settings,
        offlinePlan: async (p = {}) => {
            const result = await runOfflineGate({
                projectDir: PROJECT_DIR,
                stack: o.stack,
                packDir,
                policyConfigFile: policyConfigFile(),
                pack: p.pack,
                planner: () => planSettings(settings, p.update !== true),
            });
            return { ...result, report: toJson(result, PROJECT_DIR) };
        },
        preview: async (r) => {
            const res = await (await select()).preview({ ...common(r), ...policy(r) });
            return { changes: res.changeSummary, stdout: res.stdout };
        },
        up: async (r) => {
            const res = await (await select()).up({ ...common(r), ...policy(r) });
            return {
                result: res.summary.result,
                changes: res.summary.resourceChanges ?? {},
                outputs: res.outputs,
                stdout: res.stdout,
            };
        },
        destroy: async (r) => {
            const res = await (await select()).destroy(common(r));
            return { result: res.summary.result, changes: res.summary.resourceChanges ?? {}, stdout: res.stdout };
        },
        outputs: async () => await (await select()).outputs(),
    };
}
