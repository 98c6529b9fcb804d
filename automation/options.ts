/**
 * The embedding API's options, checked with zod (the schema library the config uses) before anything
 * runs: a missing or mistyped option is an `OptionsError` naming the function and the option, quoting
 * the value and saying what is allowed, never a raw `TypeError` from deep inside.
 */
import { z } from "zod";
import { describeValue, zodProblems } from "../config/problems";
import { InputError } from "../gate/inputError";

export class OptionsError extends InputError {
    override name = "OptionsError";
}

/** `dev`, `prod`, or `org/project/stack` as the Pulumi CLI names stacks. */
const stackName = z
    .string()
    .regex(/^([A-Za-z0-9_.-]+\/){0,2}[A-Za-z0-9_.-]{1,100}$/, "must be a stack name such as dev (letters, digits, _ . -)");
const fileName = z.string().min(1);
const fn = z.custom<(text: string) => void>((v) => typeof v === "function", "must be a function");
const milliseconds = z
    .int()
    .min(1)
    .max(24 * 3600 * 1000);

export const deployOptionsSchema = z.strictObject({
    stack: stackName,
    projectDir: fileName.optional(),
    packDir: fileName.optional(),
    policyConfigFile: fileName.optional(),
    skipPolicy: z.boolean().optional(),
    onOutput: fn.optional(),
    color: z.enum(["always", "never", "auto"]).optional(),
    timeoutMs: milliseconds.optional(),
});

const runningPack = z.custom<object>(
    (v) =>
        v !== null &&
        typeof v === "object" &&
        typeof (v as { analyze?: unknown }).analyze === "function" &&
        typeof (v as { stop?: unknown }).stop === "function",
    "must be a running policy pack (from startPolicyPack)",
);

export const offlinePlanOptionsSchema = z.strictObject({
    projectDir: fileName.optional(),
    stackFile: fileName.optional(),
    config: z.array(z.string()).optional(),
    packDir: fileName.optional(),
    policyConfigFile: fileName.optional(),
    pack: runningPack.optional(),
    policyTimeoutMs: milliseconds.optional(),
});

/** `value` checked against `schema`, or one `OptionsError` listing every problem. */
export function validated<T>(schema: z.ZodType<T>, value: unknown, what: string): T {
    const parsed = schema.safeParse(value);
    if (parsed.success) {
        return parsed.data;
    }
    const problems = zodProblems(parsed.error, value).map(
        (p) =>
            `${what}${p.path === "" ? "" : p.path.startsWith("[") ? p.path : `.${p.path}`}: ${p.value === undefined ? "missing" : `got ${describeValue(p.value)}`}; ${p.message}`,
    );
    throw new OptionsError(problems.join("\n"));
}
