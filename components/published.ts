/**
 * The last step of a component's constructor, shared by the library's components and their twins in
 * the multi-language package (provider/): both call one builder per component (`buildWriterAccess`,
 * `buildAuditTrail`, ...) that checks the args, creates the children and returns the outputs, and
 * publish what it returns with `this.registerOutputs(published<Class>(this, outputs))`.
 */
import * as pulumi from "@pulumi/pulumi";

/** The public fields a component class adds to `ComponentResource`, each optional (what a component may publish). */
export type ComponentFields<C extends pulumi.ComponentResource> = {
    readonly [K in Exclude<keyof C, keyof pulumi.ComponentResource>]?: C[K];
};

/**
 * Sets each of `outputs` as a field of `owner` (declared there `declare public readonly`, so the
 * class emits no field of its own; each value must fit the field's type) and returns them for
 * `registerOutputs`: the public fields and the registered outputs are the same by construction.
 */
export function published<C extends pulumi.ComponentResource>(owner: C, outputs: ComponentFields<C>): pulumi.Inputs {
    Object.assign(owner, outputs);
    return { ...outputs };
}
