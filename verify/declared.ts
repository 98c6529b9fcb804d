/**
 * What the program declares for one bucket (pure): the settings of the bucket's child resources as
 * recorded from an update run under mocks (gate/plan.ts), in the canonical shape of
 * verify/bucketState.ts. Children are found through their `bucket` input's dependency on the bucket,
 * so the component's child names do not matter.
 */
import { RecordedResource } from "../gate/recorder";
import {
    ABSENT,
    BucketState,
    encryptionText,
    LifecycleRuleShape,
    lifecycleText,
    pabText,
    policyText,
    replicationText,
    Transition,
} from "./bucketState";

type Inputs = Record<string, unknown>;

const TYPES = {
    versioning: "aws:s3/bucketVersioning:BucketVersioning",
    encryption: "aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration",
    pab: "aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock",
    ownership: "aws:s3/bucketOwnershipControls:BucketOwnershipControls",
    policy: "aws:s3/bucketPolicy:BucketPolicy",
    lifecycle: "aws:s3/bucketLifecycleConfiguration:BucketLifecycleConfiguration",
    logging: "aws:s3/bucketLogging:BucketLogging",
    replication: "aws:s3/bucketReplicationConfig:BucketReplicationConfig",
} as const;

const asList = (v: unknown): Inputs[] => (Array.isArray(v) ? (v as Inputs[]) : []);
const asObj = (v: unknown): Inputs | undefined => (v !== null && typeof v === "object" ? (v as Inputs) : undefined);
const num = (v: unknown): number | undefined => (typeof v === "number" ? v : undefined);
const str = (v: unknown, absent = ABSENT): string => (typeof v === "string" ? v : v === undefined ? absent : JSON.stringify(v));

function transitionsOf(v: unknown, daysKey: "days" | "noncurrentDays"): Transition[] {
    return asList(v).map((t) => ({ days: num(t[daysKey]) ?? 0, storageClass: String(t.storageClass) }));
}

export function lifecycleRulesFromInputs(rules: unknown): LifecycleRuleShape[] {
    return asList(rules).map((r) => ({
        id: String(r.id),
        status: String(r.status),
        transitions: transitionsOf(r.transitions, "days"),
        expirationDays: num(asList(r.expirations)[0]?.days ?? asObj(r.expiration)?.days),
        noncurrentTransitions: transitionsOf(r.noncurrentVersionTransitions, "noncurrentDays"),
        noncurrentExpirationDays: num(asObj(r.noncurrentVersionExpiration)?.noncurrentDays),
        abortDays: num(asObj(r.abortIncompleteMultipartUpload)?.daysAfterInitiation),
    }));
}

/** The declared state of the bucket resource named `bucketName` (the component's name, e.g. `firehose-data`). */
export function declaredState(resources: readonly RecordedResource[], bucketName: string): BucketState {
    const bucket = resources.find((r) => r.type === "aws:s3/bucket:Bucket" && r.name === bucketName);
    if (bucket === undefined) {
        throw new Error(`the program declares no bucket named ${bucketName}`);
    }
    const child = (type: string): Inputs | undefined =>
        resources.find((r) => r.type === type && (r.propertyDependencies.bucket ?? []).includes(bucket.urn))?.inputs;
    const state: BucketState = {};
    const versioning = child(TYPES.versioning);
    state.versioning = str(asObj(versioning?.versioningConfiguration)?.status);
    const sse = asList(child(TYPES.encryption)?.rules)[0];
    const byDefault = asObj(sse?.applyServerSideEncryptionByDefault);
    state.encryption = byDefault !== undefined ? encryptionText(String(byDefault.sseAlgorithm), sse.bucketKeyEnabled === true) : ABSENT;
    const pab = child(TYPES.pab);
    state["public access block"] = pab !== undefined ? pabText(pab) : ABSENT;
    const ownership = asObj(child(TYPES.ownership)?.rule);
    state.ownership = ownership !== undefined ? String(ownership.objectOwnership) : ABSENT;
    const policy = child(TYPES.policy)?.policy;
    state.policy = typeof policy === "string" ? policyText(policy) : ABSENT;
    const lifecycle = child(TYPES.lifecycle);
    state.lifecycle = lifecycle !== undefined ? lifecycleText(lifecycleRulesFromInputs(lifecycle.rules)) : ABSENT;
    const logging = child(TYPES.logging);
    state.logging = logging !== undefined ? `prefix ${str(logging.targetPrefix, "")}` : ABSENT;
    const replication = child(TYPES.replication);
    state.replication =
        replication !== undefined
            ? replicationText(
                  asList(replication.rules).map((r) => ({
                      id: String(r.id),
                      status: String(r.status),
                      storageClass: asObj(r.destination)?.storageClass as string | undefined,
                  })),
              )
            : ABSENT;
    return state;
}
