/**
 * Happy-path resources and one-field changes to them (cdk-nag's pattern: one real stack, one rule).
 * Plans of the shipped stacks are run once per test process and shared; every change returns a new
 * list with the one resource replaced, its `wireInputs` (what the analyzer sends) and `inputs` kept
 * in sync.
 */
import * as assert from "node:assert/strict";
import { RecordedResource } from "../../../gate/recorder";
import { runProgram } from "../../../gate/runProgram";
import { once, shippedRun } from "../../helpers/shipped";
import { extrasProgram } from "../fixtures/extras";
import { formsProgram } from "../fixtures/forms";
import { resourcePoliciesProgram } from "../fixtures/resourcePolicies";

type Mode = "preview" | "update";
type Resources = readonly RecordedResource[];

/** The shipped stack (Pulumi.<stack>.yaml) run under mocks. */
export async function shippedStack(stack: "dev" | "prod", mode: Mode): Promise<Resources> {
    return (await shippedRun(stack, mode)).resources;
}

/** A fixture program run under mocks once per process and mode, on its own stack name. */
function fixture(stack: string, program: () => Record<string, unknown>, mode: Mode): Promise<Resources> {
    return once(
        `${stack}/${mode}`,
        async () =>
            (
                await runProgram({
                    project: "firehose-storage",
                    stack,
                    config: { "aws:region": "us-east-1" },
                    preview: mode === "preview",
                    program,
                })
            ).resources,
    );
}

/** Resource types the shipped stacks do not create (see fixtures/extras.ts), as an update. */
export function extras(): Promise<Resources> {
    return fixture("fixtures", extrasProgram, "update");
}

/** Buckets written in every form (fixtures/forms.ts), as a preview (unknown outputs) or an update. */
export function forms(mode: Mode): Promise<Resources> {
    return fixture("forms", formsProgram, mode);
}

/** Resource policies of topics, queues, access points and keys (fixtures/resourcePolicies.ts). */
export function resourcePolicies(mode: Mode): Promise<Resources> {
    return fixture("policies", resourcePoliciesProgram, mode);
}

/** The one resource of `type` named `name`. */
export function find(resources: Resources, type: string, name: string): RecordedResource {
    const found = resources.filter((r) => r.type === type && r.name === name);
    assert.equal(found.length, 1, `expected one ${type} named ${name}, found ${found.length}`);
    return found[0];
}

function replace(resources: Resources, old: RecordedResource, next: RecordedResource): RecordedResource[] {
    return resources.map((r) => (r === old ? next : r));
}

/** A copy of `resources` where `fn` has changed the inputs of one resource. */
export function edit(resources: Resources, type: string, name: string, fn: (inputs: Record<string, unknown>) => void): RecordedResource[] {
    const old = find(resources, type, name);
    const wireInputs = structuredClone(old.wireInputs);
    const inputs = structuredClone(old.inputs);
    fn(wireInputs);
    fn(inputs);
    return replace(resources, old, { ...old, wireInputs, inputs });
}

/** Changes a JSON-encoded input (a policy document, a provider's defaultTags). */
export function editJson<T>(resources: Resources, type: string, name: string, key: string, fn: (value: T) => T | void): RecordedResource[] {
    return edit(resources, type, name, (inputs) => {
        const raw = inputs[key];
        assert.equal(typeof raw, "string", `${name}.${key} must be a known JSON string to edit`);
        const value = JSON.parse(raw as string) as T;
        inputs[key] = JSON.stringify(fn(value) ?? value);
    });
}

export interface PolicyDoc {
    Statement: Record<string, unknown>[];
}

/** Changes a resource's `policy` document. */
export function editPolicy(resources: Resources, type: string, name: string, fn: (doc: PolicyDoc) => void): RecordedResource[] {
    return editJson<PolicyDoc>(resources, type, name, "policy", fn);
}

/** A copy without the one resource of `type` named `name`. */
export function without(resources: Resources, type: string, name: string): RecordedResource[] {
    const old = find(resources, type, name);
    return resources.filter((r) => r !== old);
}

/** Type tokens the tests use. */
export const TYPE = {
    provider: "pulumi:providers:aws",
    bucket: "aws:s3/bucket:Bucket",
    versioning: "aws:s3/bucketVersioning:BucketVersioning",
    encryption: "aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration",
    pab: "aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock",
    ownership: "aws:s3/bucketOwnershipControls:BucketOwnershipControls",
    bucketPolicy: "aws:s3/bucketPolicy:BucketPolicy",
    lifecycle: "aws:s3/bucketLifecycleConfiguration:BucketLifecycleConfiguration",
    logging: "aws:s3/bucketLogging:BucketLogging",
    replication: "aws:s3/bucketReplicationConfig:BucketReplicationConfig",
    acl: "aws:s3/bucketAcl:BucketAcl",
    rolePolicy: "aws:iam/rolePolicy:RolePolicy",
    managedPolicy: "aws:iam/policy:Policy",
    role: "aws:iam/role:Role",
    accessKey: "aws:iam/accessKey:AccessKey",
    trail: "aws:cloudtrail/trail:Trail",
    topic: "aws:sns/topic:Topic",
    alarm: "aws:cloudwatch/metricAlarm:MetricAlarm",
    budget: "aws:budgets/budget:Budget",
    kmsKey: "aws:kms/key:Key",
    bucketV2: "aws:s3/bucketV2:BucketV2",
    versioningV2: "aws:s3/bucketVersioningV2:BucketVersioningV2",
    encryptionV2: "aws:s3/bucketServerSideEncryptionConfigurationV2:BucketServerSideEncryptionConfigurationV2",
    loggingV2: "aws:s3/bucketLoggingV2:BucketLoggingV2",
    lifecycleV2: "aws:s3/bucketLifecycleConfigurationV2:BucketLifecycleConfigurationV2",
    objectLockV2: "aws:s3/bucketObjectLockConfigurationV2:BucketObjectLockConfigurationV2",
} as const;
