/** Renders recorded resources as an indented tree by parent (pure). */
import { RecordedResource } from "./recorder";

/** One line per resource: `type name` plus flags, children indented under their parent. */
export function renderTree(resources: readonly RecordedResource[]): string[] {
    const children = new Map<string, RecordedResource[]>();
    for (const r of resources) {
        const list = children.get(r.parent) ?? [];
        list.push(r);
        children.set(r.parent, list);
    }
    const known = new Set(resources.map((r) => r.urn));
    const roots = resources.filter((r) => r.parent === "" || !known.has(r.parent));
    const lines: string[] = [];
    const walk = (r: RecordedResource, depth: number): void => {
        const flags = [r.protect ? "protected" : "", r.retainOnDelete ? "retained" : ""].filter((f) => f !== "");
        lines.push(`${"  ".repeat(depth)}${r.type}  ${r.name}${flags.length > 0 ? `  [${flags.join(", ")}]` : ""}`);
        for (const c of children.get(r.urn) ?? []) {
            walk(c, depth + 1);
        }
    };
    roots.forEach((r) => walk(r, 0));
    return lines;
}
