/**
 * The check every enum input of the package gets: Pulumi YAML checks enum values against the schema,
 * other SDKs may pass any string. The allowed values are the library's own lists (one rule, one place).
 */
import * as pulumi from "@pulumi/pulumi";
import type { Problem } from "../components/storage/lifecycle";

/**
 * A problem naming `path` when `value` is not one of `allowed`; none when it is absent, or still an
 * unknown output (the library validates inside `apply` where it reads it).
 */
export function choiceProblems(path: string, value: unknown, allowed: readonly string[]): Problem[] {
    if (value === undefined || pulumi.Output.isInstance(value) || (typeof value === "string" && allowed.includes(value))) {
        return [];
    }
    return [{ path, value, message: `must be one of ${allowed.map((a) => JSON.stringify(a)).join(", ")}` }];
}
