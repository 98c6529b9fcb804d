/**
 * Prints the pack's coverage table (markdown) from the JSDoc metadata beside each policy
 * (`@severity`, `@frameworks`, `@topics`, `@securityhub`, `@cis`) and the policy's own `name`,
 * `enforcementLevel` and first doc sentence. Reads the sources, so it needs no build:
 *   npx ts-node --transpile-only policy-pack/scripts/coverage.ts > coverage.md
 */
import * as fs from "fs";
import * as path from "path";
import { PACK_POLICIES } from "../policies/all";

export interface PolicyRow {
    readonly name: string;
    readonly kind: "resource" | "stack";
    readonly enforcementLevel: string;
    readonly summary: string;
    readonly tags: Readonly<Record<string, string>>;
    readonly file: string;
}

/** The pack directory: the nearest ancestor holding PulumiPolicy.yaml (works from bin/ too). */
function packDir(): string {
    let dir = __dirname;
    while (!fs.existsSync(path.join(dir, "PulumiPolicy.yaml"))) {
        const up = path.dirname(dir);
        if (up === dir) {
            throw new Error("coverage: no PulumiPolicy.yaml above " + __dirname);
        }
        dir = up;
    }
    return dir;
}

/** A JSDoc block, the exported declaration right after it, and that declaration's name and level. */
const BLOCK =
    /\/\*\*((?:(?!\*\/)[\s\S])*?)\*\/\s*export (?:const|function) \w+(?:(?!\nexport |\/\*\*)[\s\S])*?name: "([^"]+)"(?:(?!\nexport |\/\*\*)[\s\S])*?enforcementLevel: "([^"]+)"/g;

/** Every policy of the pack, in the pack's order; throws when one has no metadata block. */
export function policyRows(dir = packDir()): PolicyRow[] {
    const documented = new Map(documentedPolicies(dir).map((r) => [r.name, r]));
    return PACK_POLICIES.map((p) => {
        const row = documented.get(p.name);
        if (row === undefined) {
            throw new Error(`coverage: policy ${p.name} has no JSDoc metadata block in policies/`);
        }
        return row;
    });
}

/** Every documented policy in policies/*.ts. */
function documentedPolicies(dir: string): PolicyRow[] {
    const policiesDir = path.join(dir, "policies");
    const rows: PolicyRow[] = [];
    for (const file of fs
        .readdirSync(policiesDir)
        .filter((f) => f.endsWith(".ts"))
        .sort()) {
        const text = fs.readFileSync(path.join(policiesDir, file), "utf8");
        for (const m of text.matchAll(BLOCK)) {
            const doc = m[1]
                .split("\n")
                .map((l) => l.replace(/^\s*\* ?/, "").trim())
                .filter((l) => l !== "");
            const tags: Record<string, string> = {};
            for (const l of doc.filter((x) => x.startsWith("@"))) {
                const [, key, value] = /^@(\w+)\s*(.*)$/.exec(l) ?? [];
                if (key !== undefined) {
                    tags[key] = value ?? "";
                }
            }
            const prose = doc.filter((x) => !x.startsWith("@")).join(" ");
            const summary = /^(.*?\.)(\s|$)/.exec(prose)?.[1] ?? prose;
            rows.push({
                name: m[2],
                kind: /stackPolicy|dataBucketPolicy|previewUnverified/.test(m[0]) ? "stack" : "resource",
                enforcementLevel: m[3],
                summary,
                tags,
                file,
            });
        }
    }
    return rows;
}

export function coverageTable(rows: readonly PolicyRow[]): string {
    const cell = (s: string | undefined) => (s === undefined || s === "" ? "-" : s.replace(/\|/g, "\\|"));
    return [
        "| Policy | Kind | Default | Severity | Security Hub | CIS | Topics | What it checks |",
        "| --- | --- | --- | --- | --- | --- | --- | --- |",
        ...rows.map(
            (r) =>
                `| \`${r.name}\` | ${r.kind} | ${r.enforcementLevel} | ${cell(r.tags.severity)} | ${cell(r.tags.securityhub)} | ${cell(r.tags.cis)} | ${cell(r.tags.topics)} | ${cell(r.summary)} |`,
        ),
    ].join("\n");
}

if (require.main === module) {
    console.log(coverageTable(policyRows()));
}
