/**
 * One deserialization per resource, not one per policy. @pulumi/policy turns a request's properties
 * (a protobuf Struct) into plain values inside its policy loop: `deserializeProperties(
 * req.getProperties(), false)` once per resource policy for every resource, and for every resource
 * once per stack policy. With about thirty resource and a dozen stack policies, that repeated work
 * was the largest part of an analysis. A request's Struct is the same object for every policy (the
 * protobuf message caches it), so the plain value is kept per Struct and handed to each policy.
 *
 * Sound because no policy writes to the properties it is given (checks are pure and remediations
 * build new objects: tests/policy/remediation.test.ts); the variant that proxies secrets (used by
 * remediation) is not shared. Imported first by index.ts, before the SDK serves anything.
 */
import * as deserialize from "@pulumi/policy/deserialize";

type Deserialize = (struct: object, proxySecrets: boolean) => Record<string, unknown>;

const sdk = deserialize as unknown as { deserializeProperties: Deserialize };
const original = sdk.deserializeProperties;
const plain = new WeakMap<object, Record<string, unknown>>();

sdk.deserializeProperties = (struct, proxySecrets) => {
    if (proxySecrets || struct === null || typeof struct !== "object") {
        return original(struct, proxySecrets);
    }
    const known = plain.get(struct);
    if (known !== undefined) {
        return known;
    }
    const props = original(struct, proxySecrets);
    plain.set(struct, props);
    return props;
};
