/**
 * Where a resource lives: its own `region` input (every @pulumi/aws v7 resource takes one), else
 * its provider's `region`.
 */
import { ResourceView } from "./check";
import { providerRegion } from "./provider";
import { str, UNKNOWN } from "./unknown";

/** The region, `UNKNOWN`, or `undefined` when neither the resource nor its provider names one. */
export function regionOf(r: ResourceView): string | typeof UNKNOWN | undefined {
    const own = str(r.props.region);
    return own !== undefined ? own : providerRegion(r.provider);
}
