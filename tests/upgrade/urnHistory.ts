/**
 * Upgrade safety: the URNs every release of the shipped stacks registered, and the URNs a resource
 * answers to now (its own, its `aliases`, and the aliases it inherits from its parents, as the
 * engine computes them). A URN recorded by an earlier release that nothing answers to would be a
 * delete and a create in `pulumi up`: for a data bucket, lost data.
 */
import * as fs from "fs";
import * as path from "path";
import type { RecordedResource } from "../../gate/recorder";

export const URN_DIR = path.resolve(__dirname, "../fixtures/urns");

/** `urn:pulumi:<stack>::<project>::<qualified type>::<name>` split into its parts. */
function parts(urn: string): { prefix: string; qualifiedType: string; name: string } {
    const [head, project, qualifiedType, ...name] = urn.split("::");
    return { prefix: `${head}::${project}`, qualifiedType, name: name.join("::") };
}

/**
 * The parent's part of a child's qualified type, as the mock monitor writes URNs (the recorded URNs
 * come from it): the parent's own type, not its whole `a$b` chain.
 */
function lastType(qualifiedType: string): string {
    return qualifiedType.split("$").pop() ?? qualifiedType;
}

interface AliasObject {
    readonly urn?: string;
    readonly spec?: { name?: string; type?: string; stack?: string; project?: string; parenturn?: string; noparent?: boolean };
}

/** The URN an alias names, resolved against the resource it is declared on. */
function aliasUrn(a: AliasObject, r: RecordedResource): string | undefined {
    if (a.urn !== undefined && a.urn !== "") {
        return a.urn;
    }
    if (a.spec === undefined) {
        return undefined;
    }
    const own = parts(r.urn);
    const parentUrn = a.spec.noparent ? "" : a.spec.parenturn || r.parent;
    const type = a.spec.type || r.type;
    const parentType = parentUrn === "" || parentUrn.endsWith("::") ? "" : lastType(parts(parentUrn).qualifiedType);
    // A child of the stack carries the stack's type in its URN when its own URN does (the mock monitor's way).
    const stackChild = parentType === "pulumi:pulumi:Stack" && !own.qualifiedType.startsWith("pulumi:pulumi:Stack$");
    const qualified = parentType === "" || stackChild ? type : `${parentType}$${type}`;
    const prefix = a.spec.stack || a.spec.project ? `urn:pulumi:${a.spec.stack}::${a.spec.project}` : own.prefix;
    return `${prefix}::${qualified}::${a.spec.name || r.name}`;
}

/** Every URN each resource answers to, keyed by its current URN. */
export function answeringUrns(resources: readonly RecordedResource[]): Map<string, Set<string>> {
    const byUrn = new Map(resources.map((r) => [r.urn, r]));
    const memo = new Map<string, Set<string>>();
    const of = (r: RecordedResource): Set<string> => {
        const known = memo.get(r.urn);
        if (known !== undefined) {
            return known;
        }
        const set = new Set<string>([r.urn]);
        for (const a of r.aliases as AliasObject[]) {
            const u = aliasUrn(a, r);
            if (u !== undefined) {
                set.add(u);
            }
        }
        const parent = byUrn.get(r.parent);
        if (parent !== undefined) {
            // The engine gives a child an alias under each of its parent's old URNs, for its own type
            // and name and for each of its own aliases (@pulumi/pulumi resource.ts `allAliases`), and
            // renames a child whose name starts with the parent's name.
            const identities = [...set].map((u) => {
                const p = parts(u);
                return { type: p.qualifiedType.split("$").pop() ?? r.type, name: p.name };
            });
            for (const old of of(parent)) {
                if (old === parent.urn) {
                    continue;
                }
                const p = parts(old);
                for (const id of identities) {
                    const name = id.name.startsWith(parent.name) ? p.name + id.name.slice(parent.name.length) : id.name;
                    set.add(`${p.prefix}::${lastType(p.qualifiedType)}$${id.type}::${name}`);
                }
            }
        }
        memo.set(r.urn, set);
        return set;
    };
    return new Map(resources.map((r) => [r.urn, of(r)]));
}

/** The recorded URNs of `stack`, oldest release first: `{ release: urns[] }`. */
export function recordedUrns(stack: string): Record<string, string[]> {
    const file = path.join(URN_DIR, `${stack}.json`);
    return JSON.parse(fs.readFileSync(file, "utf8")) as Record<string, string[]>;
}
