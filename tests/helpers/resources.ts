/** Lookups over recorded registrations that fail loudly, so assertions stay exact. */
import * as assert from "node:assert/strict";
import { RecordedResource } from "../../gate/recorder";

export function ofType(resources: readonly RecordedResource[], type: string): RecordedResource[] {
    return resources.filter((r) => r.type === type);
}

/** The name of the stack's data bucket (`firehose-data`) in a run's resources. */
export function dataBucketName(plan: { readonly resources: readonly RecordedResource[] }): string {
    return one(plan.resources, "aws:s3/bucket:Bucket", "firehose-data").inputs.bucket as string;
}

/** `resources` hold nothing of `types` and nothing named `<namePrefix>...`: a feature switched off leaves no trace. */
export function assertNoneOf(resources: readonly RecordedResource[], types: readonly string[], namePrefix: string, what?: string): void {
    assert.deepEqual(
        resources.filter((r) => types.includes(r.type) || r.name.startsWith(namePrefix)).map((r) => `${r.type} ${r.name}`),
        [],
        what,
    );
}

/** The one resource of `type` named `name`. */
export function one(resources: readonly RecordedResource[], type: string, name: string): RecordedResource {
    const found = resources.filter((r) => r.type === type && r.name === name);
    assert.equal(found.length, 1, `expected exactly one ${type} named ${name}, found ${found.length}`);
    return found[0];
}

/** Direct children of `parent`, as `type name` strings, sorted. */
export function childrenOf(resources: readonly RecordedResource[], parent: RecordedResource): string[] {
    return resources
        .filter((r) => r.parent === parent.urn)
        .map((r) => `${r.type} ${r.name}`)
        .sort();
}

/** Everything below `root` (children, grandchildren, ...). */
export function descendantsOf(resources: readonly RecordedResource[], root: RecordedResource): RecordedResource[] {
    const below = new Set([root.urn]);
    const out: RecordedResource[] = [];
    for (const r of resources) {
        if (below.has(r.parent)) {
            below.add(r.urn);
            out.push(r);
        }
    }
    return out;
}
