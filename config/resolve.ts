/**
 * Raw config -> Settings: schema check, environment defaults, cross-field and prod rules. Pure; every
 * problem is collected and thrown once as a `ConfigError`.
 */
import { lifecycleProblems, LifecyclePlan } from "../components/storage/lifecycle";
import { DEFAULT_DATA_TYPE, PROFILES } from "./profiles";
import { requirementProblems } from "./requirements";
import { REQUIRED_TAGS, isRequiredTag } from "../rules/tags";
import { ConfigError, Problem, zodProblems } from "./problems";
import { configSchema, RawConfig } from "./schema";
import { accessProblems, resolveAccess } from "./sections/access";
import { detectiveProblems, resolveDetective } from "./sections/detective";
import { discoveryProblems, resolveMacie } from "./sections/discovery";
import { monitoringProblems, resolveMonitoring } from "./sections/monitoring";
import { resolveObjectLock, retentionProblems } from "./sections/retention";
import { Settings } from "./settings";

export interface ConfigInput {
    readonly project: string;
    readonly stack: string;
    /** `project:`-namespaced values, keyed without the namespace, already decoded. */
    readonly values: Readonly<Record<string, unknown>>;
    /** `aws:region`. */
    readonly region: string | undefined;
}

function mergeLifecycle(base: LifecyclePlan, raw: RawConfig["lifecycle"]): LifecyclePlan {
    const expiration = raw?.expirationDays ?? base.expirationDays;
    return {
        transitions: raw?.transitions ?? base.transitions,
        expirationDays: expiration === 0 ? undefined : expiration,
        noncurrent: {
            transitions: raw?.noncurrent?.transitions ?? base.noncurrent.transitions,
            expirationDays: raw?.noncurrent?.expirationDays ?? base.noncurrent.expirationDays,
        },
        abortIncompleteMultipartUploadDays: raw?.abortIncompleteMultipartUploadDays ?? base.abortIncompleteMultipartUploadDays,
    };
}

function ruleProblems(s: Settings, raw: RawConfig): Problem[] {
    const problems: Problem[] = [
        ...lifecycleProblems(s.lifecycle, "lifecycle"),
        ...accessProblems(raw, s.access, s.region, s.allowedRegions),
        ...monitoringProblems(raw, s.monitoring, s.lifecycle),
        ...detectiveProblems(raw, s.detective, s.monitoring.notifications.eventBridge),
        ...discoveryProblems(raw, s.macie),
        ...retentionProblems(raw, s.objectLock, {
            allowForceDestroy: s.allowForceDestroy,
            quarantine: s.detective.malwareScan.enabled && s.detective.malwareScan.quarantine,
        }),
    ];
    if (!s.allowedRegions.includes(s.region)) {
        problems.push({ path: "aws:region", value: s.region, message: `must be one of allowedRegions (${s.allowedRegions.join(", ")})` });
    }
    if (raw.encryption?.kmsKeyArn !== undefined && s.encryption.mode !== "sse-kms") {
        problems.push({
            path: "encryption.kmsKeyArn",
            value: raw.encryption.kmsKeyArn,
            message: `only applies with encryption.mode "sse-kms" (mode is "${s.encryption.mode}")`,
        });
    }
    for (const key of Object.keys(raw.tags ?? {}).filter(isRequiredTag)) {
        problems.push({
            path: `tags.${key}`,
            value: raw.tags?.[key],
            message: `is a standard tag set from its own key; remove it from tags (standard: ${REQUIRED_TAGS.join(", ")})`,
        });
    }
    problems.push(...requirementProblems(s.environment, PROFILES[s.environment], s));
    return problems;
}

/**
 * The keys that are valid on their own, when the whole config is not: lets the cross-field rules
 * run on them too, so one run reports every problem. Undefined when no environment can be told.
 */
function validPart(values: Readonly<Record<string, unknown>>): RawConfig | undefined {
    const shape = configSchema.shape as Record<string, { safeParse(v: unknown): { success: boolean; data?: unknown } }>;
    const valid: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(values)) {
        const result = shape[key]?.safeParse(value);
        if (result?.success === true) {
            valid[key] = result.data;
        }
    }
    const placeholders = { owner: "-", costCenter: "-" };
    const parsed = configSchema.safeParse({ ...placeholders, ...valid });
    return parsed.success ? parsed.data : undefined;
}

/** Validates `input` into Settings, or throws a ConfigError listing every problem. */
export function resolveSettings(input: ConfigInput): Settings {
    const parsed = configSchema.safeParse(input.values);
    const problems: Problem[] = parsed.success ? [] : zodProblems(parsed.error, input.values);
    if (input.region === undefined) {
        problems.push({ path: "aws:region", value: undefined, message: "is required (pulumi config set aws:region us-east-1)" });
    }
    const raw = parsed.success ? parsed.data : validPart(input.values);
    if (raw === undefined || input.region === undefined) {
        throw new ConfigError(input.project, problems);
    }
    const settings = buildSettings(input, raw, input.region);
    problems.push(...ruleProblems(settings, raw));
    if (problems.length > 0) {
        throw new ConfigError(input.project, problems);
    }
    return settings;
}

/** Settings from schema-valid raw config: environment defaults fill what the stack leaves out. */
function buildSettings(input: ConfigInput, raw: RawConfig, region: string): Settings {
    const d = PROFILES[raw.environment].defaults;
    const settings: Settings = {
        project: input.project,
        stack: input.stack,
        environment: raw.environment,
        region,
        allowedRegions: raw.allowedRegions ?? d.allowedRegions,
        tags: {
            ...raw.tags,
            Project: input.project,
            Environment: raw.environment,
            Owner: raw.owner,
            CostCenter: raw.costCenter,
            DataType: raw.dataType ?? DEFAULT_DATA_TYPE,
        },
        bucketName: raw.bucketName,
        keyLayout: raw.keyLayout ?? "hybrid",
        protect: raw.protect ?? d.protect,
        allowForceDestroy: raw.allowForceDestroy ?? false,
        encryption: {
            mode: raw.encryption?.mode ?? d.encryption.mode,
            kmsKeyArn: raw.encryption?.kmsKeyArn,
            requireEncryptionHeader: raw.encryption?.requireEncryptionHeader ?? d.encryption.requireEncryptionHeader,
        },
        lifecycle: mergeLifecycle(d.lifecycle, raw.lifecycle),
        accessLogs: {
            prefix: raw.accessLogs?.prefix ?? d.accessLogs.prefix,
            retentionDays: raw.accessLogs?.retentionDays ?? d.accessLogs.retentionDays,
        },
        access: resolveAccess(raw, d.access, region),
        monitoring: resolveMonitoring(raw, d.monitoring),
        detective: resolveDetective(raw, d.detective),
        objectLock: resolveObjectLock(raw),
        macie: resolveMacie(raw),
    };
    return settings;
}
