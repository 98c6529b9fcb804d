/**
 * Which `--policy-pack-config` a stack is judged with: the one rule the offline gate and the
 * Automation API (`pulumi preview`/`up` with the pack) both follow.
 * 1. An explicit file, as given (it must exist).
 * 2. Else the stack's own config, generated from its environment's profile with its `allowedRegions`
 *    and the required tags (config/packConfig.ts): the shipped `<packDir>/config/<env>.json` when it
 *    holds exactly that (the shipped stacks), else the same written to a file under the OS temp dir
 *    (a stack with its own regions), so the real CLI gets a file too.
 * 3. Else, when the stack has no stack file to read its environment from, every policy advisory.
 */
import { createHash } from "crypto";
import { isDeepStrictEqual } from "util";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { stackPackConfig } from "../config/packConfig";
import type { Settings } from "../config/settings";
import { PolicyConfigError, PolicyPackConfig } from "./policyConfig";
import { loadStackConfig, LoadOptions } from "./stackConfig";
import { validatedSettings } from "./stackSettings";

/** Every policy advisory: for a stack whose environment cannot be read. */
export const DEFAULT_POLICY_CONFIG: PolicyPackConfig = { all: "advisory" };

export interface PolicyChoiceOptions extends LoadOptions {
    readonly packDir: string;
    /** An explicit `--policy-pack-config` file. */
    readonly policyConfigFile?: string;
}

export interface PolicyChoice {
    /** The config; undefined for an explicit file, which only the reader of the config parses (`policyConfigOf`). */
    readonly config: PolicyPackConfig | undefined;
    /** The file holding it (for the CLI and the report); undefined only for `DEFAULT_POLICY_CONFIG`. */
    readonly file: string | undefined;
}

/** The config a choice stands for, reading an explicit file. */
export function policyConfigOf(choice: PolicyChoice): PolicyPackConfig {
    return choice.config ?? (choice.file !== undefined ? (readJson(choice.file) as PolicyPackConfig) : DEFAULT_POLICY_CONFIG);
}

function readJson(file: string): unknown {
    try {
        return JSON.parse(fs.readFileSync(file, "utf8")) as unknown;
    } catch (e) {
        throw new PolicyConfigError(`${file} is not valid JSON: ${(e as Error).message}`);
    }
}

/** The stack's pack config and its file (see the module comment). Config problems throw `ConfigError`. */
export function choosePolicyConfig(o: PolicyChoiceOptions, exists: (file: string) => boolean = fs.existsSync): PolicyChoice {
    if (o.policyConfigFile !== undefined) {
        if (!exists(o.policyConfigFile)) {
            throw new PolicyConfigError(`--policy-config ${o.policyConfigFile} does not exist`);
        }
        return { config: undefined, file: o.policyConfigFile };
    }
    if (!exists(o.stackFile ?? path.join(o.projectDir, `Pulumi.${o.stack}.yaml`))) {
        return { config: DEFAULT_POLICY_CONFIG, file: undefined };
    }
    return settingsPolicyConfig(validatedSettings(loadStackConfig(o)), o.packDir, exists);
}

/**
 * Rule 2 alone, for settings already resolved (a stack file's, or an embedding tool's tenant): the
 * pack config generated from them, in the shipped file when it holds exactly that, else in a file
 * under the OS temp dir.
 */
export function settingsPolicyConfig(
    settings: Pick<Settings, "environment" | "allowedRegions">,
    packDir: string,
    exists: (file: string) => boolean = fs.existsSync,
): PolicyChoice & { readonly file: string } {
    const config = stackPackConfig(settings);
    const shipped = path.join(packDir, "config", `${settings.environment}.json`);
    if (exists(shipped) && isDeepStrictEqual(readJson(shipped), config)) {
        return { config, file: shipped };
    }
    const text = `${JSON.stringify(config, undefined, 4)}\n`;
    const hash = createHash("sha256").update(text).digest("hex").slice(0, 16);
    const file = path.join(os.tmpdir(), "firehose-storage-policy-config", `${settings.environment}-${hash}.json`);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, text);
    return { config, file };
}
