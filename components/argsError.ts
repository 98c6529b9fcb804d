/** The error a component throws for bad args: every problem, each naming the arg, quoting the value, saying what is allowed. */
import * as pulumi from "@pulumi/pulumi";
import { Problem } from "./storage/lifecycle";

/** Throws one `ResourceError` listing `problems` when there are any. */
export function throwOnProblems(component: string, problems: readonly Problem[], resource: pulumi.Resource): void {
    if (problems.length > 0) {
        throw new pulumi.ResourceError(
            `invalid ${component} args:\n${problems.map((p) => `  - ${p.path}: ${p.value === undefined ? "missing" : `got ${JSON.stringify(p.value)}`}; ${p.message}`).join("\n")}`,
            resource,
        );
    }
}
