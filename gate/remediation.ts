/**
 * Remediation in the offline gate, as the engine does it: when a policy of the config is at level
 * `remediate`, each resource is first sent to the pack's `Remediate` RPC; the inputs it returns replace
 * the resource's before `Analyze` and `AnalyzeStack` judge it. Each remediation becomes a record (the
 * policy, the resource, every changed input path with its old and new value, or the diagnostic when it
 * could not run) and a finding marked `remediated` (reported, never counted).
 */
import type * as analyzerPb from "@pulumi/pulumi/proto/analyzer_pb";
import type { Violation } from "./analyzer";
import { controlFields, PolicyControls } from "./policyMetadata";
import { decodeWire, RecordedResource } from "./recorder";

export interface RemediationChange {
    /** The input's path (`rules[0].bucketKeyEnabled`). */
    readonly path: string;
    /** `null` when the input was absent. */
    readonly from: unknown;
    readonly to: unknown;
}

export interface RemediationRecord {
    readonly policy: string;
    readonly description: string;
    readonly resource: { readonly urn: string; readonly name: string; readonly type: string };
    /** What the remediation changed; empty when it only reported a diagnostic. */
    readonly changes: readonly RemediationChange[];
    /** Why it could not run (e.g. a value unknown during preview), else `null`. */
    readonly diagnostic: string | null;
}

const isObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === "object" && !Array.isArray(v);

/** Every leaf that differs between `before` and `after` (pure). */
export function changesOf(before: unknown, after: unknown, path = ""): RemediationChange[] {
    if (isObject(before) && isObject(after)) {
        const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])];
        return keys.flatMap((k) => changesOf(before[k], after[k], path === "" ? k : `${path}.${k}`));
    }
    if (Array.isArray(before) && Array.isArray(after) && before.length === after.length) {
        return before.flatMap((b, i) => changesOf(b, after[i], `${path}[${i}]`));
    }
    return JSON.stringify(before) === JSON.stringify(after) ? [] : [{ path, from: before ?? null, to: after ?? null }];
}

/** `path: from -> to; ...`, for messages. */
export function describeChanges(changes: readonly RemediationChange[]): string {
    return changes.map((c) => `${c.path}: ${JSON.stringify(c.from)} -> ${JSON.stringify(c.to)}`).join("; ");
}

/**
 * Sends every resource to `remediate` (the pack's RPC), in order, and returns the resources as the pack
 * left them with one record per remediation. The pack returns each remediation's full inputs, the
 * later ones built on the earlier ones, so the last one with properties is the resource's new inputs.
 */
export async function remediateResources(
    resources: readonly RecordedResource[],
    remediate: (r: RecordedResource) => Promise<analyzerPb.RemediateResponse>,
    map: <T, R>(items: readonly T[], fn: (t: T) => Promise<R>) => Promise<R[]>,
): Promise<{ readonly resources: RecordedResource[]; readonly records: RemediationRecord[] }> {
    const done = await map(resources, async (r) => {
        const records: RemediationRecord[] = [];
        let wire = r.wireInputs;
        for (const rem of (await remediate(r)).getRemediationsList()) {
            const props = rem.getProperties()?.toJavaScript() as Record<string, unknown> | undefined;
            const diagnostic = rem.getDiagnostic();
            const changes = props !== undefined ? changesOf(wire, props) : [];
            if (props !== undefined) {
                wire = props;
            }
            if (changes.length > 0 || diagnostic !== "") {
                records.push({
                    policy: rem.getPolicyname(),
                    description: rem.getDescription(),
                    resource: { urn: r.urn, name: r.name, type: r.type },
                    changes,
                    diagnostic: diagnostic !== "" ? diagnostic : null,
                });
            }
        }
        const changed = wire !== r.wireInputs ? { ...r, wireInputs: wire, inputs: decodeWire(wire) as Record<string, unknown> } : r;
        return { resource: changed, records };
    });
    return { resources: done.map((d) => d.resource), records: done.flatMap((d) => d.records) };
}

/**
 * The findings of the remediations: a change is `remediated` at level `remediate` (its text lists every
 * change); a remediation that could not run is advisory, with the pack's diagnostic. Each carries its
 * policy's severity and control ids (`controls`, from the pack's metadata) like any violation.
 */
export function remediationFindings(
    records: readonly RemediationRecord[],
    packName: string,
    controls: ReadonlyMap<string, PolicyControls> = new Map(),
): Violation[] {
    return records.map((r) => ({
        ...controlFields(controls.get(r.policy)),
        policyName: r.policy,
        policyPackName: packName,
        description: r.description,
        message: `${r.description}\n${r.changes.length > 0 ? `remediated: ${describeChanges(r.changes)}` : `could not remediate: ${r.diagnostic ?? ""}`}`,
        enforcementLevel: r.changes.length > 0 ? "remediate" : "advisory",
        urn: r.resource.urn,
        resourceName: r.resource.name,
        resourceType: r.resource.type,
        ...(r.changes.length > 0 ? { remediated: true } : {}),
    }));
}
