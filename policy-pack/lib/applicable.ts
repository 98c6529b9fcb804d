/**
 * Stack policies about one kind of resource (trails, directory buckets, replications): silent where
 * the stack declares none of that kind, as the coverage report then says "not applicable"
 * (lib/controls.ts `appliesTo`), never "pass" nor "fail".
 */
import { CheckedStackPolicy, Finding, StackResource, stackPolicy } from "./check";
import { PolicySpec } from "./meta";
import { isOf } from "./types";

/**
 * A stack policy without knobs that judges the stack's resources of `types` (`ofKind`, with every
 * resource at hand for joins) and is silent when there are none.
 */
export function applicablePolicy(
    meta: PolicySpec,
    types: readonly string[],
    check: (ofKind: StackResource[], resources: readonly StackResource[]) => Finding[],
): CheckedStackPolicy {
    return stackPolicy(meta, {
        check: (resources) => {
            const ofKind = resources.filter(isOf(types));
            return ofKind.length === 0 ? [] : check(ofKind, resources);
        },
    });
}
