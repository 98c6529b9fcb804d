/**
 * Recorded registrations as the policy checks see them (plain views, providers attached), for unit
 * tests that call checks directly. The gRPC tests go through gate/analyzer.ts instead.
 */
import { ProviderView, StackResource } from "../../../policy-pack/lib/check";
import { RecordedResource } from "../../../gate/recorder";

/** `urn::id` provider reference -> the provider's URN. */
function providerUrn(ref: string): string {
    const i = ref.lastIndexOf("::");
    return i < 0 ? ref : ref.slice(0, i);
}

export function stackViews(resources: readonly RecordedResource[]): StackResource[] {
    const providers = new Map<string, ProviderView>();
    for (const r of resources) {
        if (r.type.startsWith("pulumi:providers:")) {
            providers.set(r.urn, { type: r.type, name: r.name, urn: r.urn, props: r.inputs });
        }
    }
    return resources.map((r) => ({
        type: r.type,
        name: r.name,
        urn: r.urn,
        props: r.inputs,
        provider: r.provider === "" ? undefined : providers.get(providerUrn(r.provider)),
        parent: r.parent === "" ? undefined : r.parent,
        dependencies: r.dependencies,
        propertyDependencies: r.propertyDependencies,
    }));
}
