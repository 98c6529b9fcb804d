/**
 * Access-matrix plumbing: policies as the program registered them (resolved JSON from the recorded
 * inputs of an update run), one real `@cloud-copilot/iam-simulate` run per row, and the printed table.
 */
import * as assert from "node:assert/strict";
import { anonymousPrincipal, runSimulation, Simulation } from "@cloud-copilot/iam-simulate";
import { StackPlan } from "../../gate/plan";
import { RecordedResource } from "../../gate/recorder";
import { one } from "../helpers/resources";

export type Verdict = "Allowed" | "ExplicitlyDenied" | "ImplicitlyDenied";

export interface Row {
    /** Who asks, for the table. */
    readonly who: string;
    /** The request's principal ARN (a role session, user or role), or "anonymous". */
    readonly principal: string;
    readonly action: string;
    readonly resource: string;
    /** Request context: exactly the keys this request would carry. */
    readonly context: Record<string, string | string[]>;
    /** Identity policies of the principal (none for anonymous). */
    readonly identityPolicies: readonly { readonly name: string; readonly policy: unknown }[];
    /** Resource policy of the target (bucket policy or role trust policy), if any. */
    readonly resourcePolicy?: unknown;
    /** Account owning the resource. */
    readonly resourceAccount: string;
    /** S3 Block Public Access (RestrictPublicBuckets) of the target bucket, as registered. */
    readonly blockPublicAccess?: boolean;
    readonly expected: Verdict;
    /** For explicit denials: the bucket-policy statement that must be the one denying. */
    readonly deniedBy?: string;
    /** What the row shows, for the table. */
    readonly note: string;
}

export interface Outcome {
    readonly verdict: Verdict;
    /** Sids of the resource-policy statements that denied the request. */
    readonly denySids: string[];
    /** Sids of the statements (identity or resource) that allowed it. */
    readonly allowSids: string[];
    /** Context keys the simulator dropped as not applicable to the action (must be none). */
    readonly ignoredContextKeys: string[];
}

/** Runs one simulation; a simulator validation error fails the test (never a silent verdict). */
export async function simulate(row: Row): Promise<Outcome> {
    const simulation: Simulation = {
        request: {
            principal: row.principal === "anonymous" ? anonymousPrincipal : row.principal,
            action: row.action,
            resource: { resource: row.resource, accountId: row.resourceAccount },
            contextVariables: row.context,
        },
        identityPolicies: row.identityPolicies.map((p) => ({ name: p.name, policy: p.policy })),
        serviceControlPolicies: [],
        resourceControlPolicies: [],
        resourcePolicy: row.resourcePolicy,
        ...(row.blockPublicAccess !== undefined ? { additionalSettings: { s3: { blockPublicAccess: row.blockPublicAccess } } } : {}),
    };
    const result = await runSimulation(simulation, {});
    if (result.resultType === "error") {
        assert.fail(`${row.who} ${row.action}: simulation did not run: ${JSON.stringify(result.errors)}`);
    }
    // cloudwatch:PutMetricData is requested on "*" (its `dataset` resource type is optional): the
    // simulator expands "*" into the matching patterns of the policies, one result when a statement
    // matches, none (and an implicit deny) when none does.
    if (result.resultType === "wildcard" && result.results.length > 1) {
        assert.fail(`${row.who} ${row.action} on ${row.resource}: expected at most one simulation, got ${result.results.length}`);
    }
    const single = result.resultType === "single" ? result.result : result.results[0];
    const analysis = single?.analysis;
    const sids = (list: { statement: { sid(): string | undefined } }[] | undefined) =>
        (list ?? []).map((s) => s.statement.sid() ?? "(no sid)");
    return {
        verdict: result.overallResult,
        denySids: sids(analysis?.resourceAnalysis?.denyStatements),
        allowSids: [...sids(analysis?.identityAnalysis?.allowStatements), ...sids(analysis?.resourceAnalysis?.allowStatements)],
        ignoredContextKeys: single?.ignoredContextKeys ?? [],
    };
}

/** The resolved policy documents and names a matrix needs from an update run. */
export function policiesOf(run: StackPlan): {
    json(type: string, name: string, key?: string): unknown;
    resource(type: string, name: string): RecordedResource;
} {
    return {
        json(type, name, key = "policy") {
            const value = one(run.resources, type, name).inputs[key];
            assert.equal(typeof value, "string", `${name}.${key} must be a resolved JSON string in an update run`);
            return JSON.parse(value as string) as unknown;
        },
        resource: (type, name) => one(run.resources, type, name),
    };
}

/** A fixed-width text table. */
export function renderTable(header: readonly string[], rows: readonly (readonly string[])[]): string {
    const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
    const line = (cells: readonly string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i])).join(" | ")} |`;
    return [line(header), `|${widths.map((w) => "-".repeat(w + 2)).join("|")}|`, ...rows.map(line)].join("\n");
}
