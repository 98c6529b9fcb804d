/**
 * The rules components check their args against (pure), each once: AWS's naming rules and whole-number
 * bounds, with the message that says what is allowed, and the table-driven check every component's
 * `...Problems` function maps over its args.
 */
import { Problem } from "./storage/lifecycle";

/** A rule an arg's value must follow, and the whole message saying what is allowed ("must be ..."). */
export interface ArgRule<T> {
    readonly holds: (value: T) => boolean;
    readonly message: string;
}

/** A string matching `pattern`. */
export function matching(pattern: RegExp, message: string): ArgRule<string> {
    return { holds: (s) => typeof s === "string" && pattern.test(s), message };
}

/** The rule of an arg the args type requires: its absence is a problem too (callers in JavaScript can leave it out). */
export interface RequiredArgRule<T> extends ArgRule<T> {
    readonly required: true;
}

/** `rule`, for an arg that must be given. */
export function required<T>(rule: ArgRule<T>): RequiredArgRule<T> {
    return { ...rule, required: true };
}

/** IAM role names (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_iam-quotas.html). */
export const IAM_ROLE_NAME = matching(/^[\w+=,.@-]{1,64}$/, "must be 1-64 letters, digits or +=,.@-_ (an IAM role name)");

/** EventBridge rule names. */
export const EVENT_RULE_NAME = matching(/^[\w.-]{1,64}$/, "must be 1-64 letters, digits or .-_ (an EventBridge rule name)");

/** Lambda function names. */
export const LAMBDA_FUNCTION_NAME = matching(/^[\w-]{1,64}$/, "must be 1-64 letters, digits, - or _ (a Lambda function name)");

/**
 * A whole number from `min` (to `max` when given); `unit` and `why` go into the message:
 * "must be a whole number of days, at least 1", "must be a whole number 1-25 (AWS Config's limit)".
 */
export function wholeNumber(min: number, max?: number, unit?: string, why?: string): ArgRule<number> {
    const of = unit === undefined ? "" : ` of ${unit}`;
    const range = max === undefined ? `, at least ${min}` : ` ${min}-${max}`;
    return {
        holds: (n) => Number.isInteger(n) && n >= min && (max === undefined || n <= max),
        message: `must be a whole number${of}${range}${why === undefined ? "" : ` (${why})`}`,
    };
}

/** Rules for some of the fields of `A`; a field `A` requires takes a `required(...)` rule. */
export type ArgRules<A> = {
    readonly [K in keyof A]?: undefined extends A[K] ? ArgRule<NonNullable<A[K]>> : RequiredArgRule<NonNullable<A[K]>>;
};

/**
 * A problem for each field of `args` that breaks its rule, in the rules' order, its path prefixed
 * with `prefix` (e.g. `remediation.`). An absent optional field breaks none; an absent required one
 * does, and `null` is never a value.
 */
export function ruleProblems<A extends object>(args: A, rules: ArgRules<A>, prefix = ""): Problem[] {
    return (Object.keys(rules) as (keyof A & string)[]).flatMap((key) => {
        const rule = rules[key] as (ArgRule<unknown> & { readonly required?: true }) | undefined;
        const value: unknown = args[key];
        const absent = value === undefined;
        const ok = rule === undefined || (absent ? rule.required !== true : value !== null && rule.holds(value));
        return ok ? [] : [{ path: `${prefix}${key}`, value, message: rule.message }];
    });
}
