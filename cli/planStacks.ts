/**
 * `firehose-storage plan --stack dev --stack prod` / `--all-stacks`: many stacks judged by one pack
 * process (gate/multiGate.ts). Each stack's report is the one a run of its own prints; the exit code
 * is the worst of the stacks' (0 pass < 1 fail < 2 config/usage < 3 tool failure).
 */
import { runStacks, StackOutcome } from "../gate/multiGate";
import { renderHuman, seconds, styleFor } from "../gate/report";
import { errorDocument, REPORT_SCHEMA_VERSION, toJson } from "../gate/reportJson";
import { widthFor } from "../gate/wrap";
import { EXIT, exitCodeFor } from "./errors";
import type { CliIo } from "./main";
import type { PlanFlags } from "./plan";
import { gateOptionsOf, PlanTarget } from "./planTarget";

/** The exit code of one stack's outcome; its error (if any) goes to stderr, naming the stack. */
function codeOf(x: StackOutcome, io: CliIo): number {
    if (x.result !== undefined) {
        return x.result.verdict === "fail" ? EXIT.violations : EXIT.ok;
    }
    return exitCodeFor(x.error, { err: (t) => io.err(t.replace(/^error: /, `error: stack ${x.stack}: `)) });
}

function verdictOf(code: number): "pass" | "fail" | "error" {
    return code === EXIT.ok ? "pass" : code === EXIT.violations ? "fail" : "error";
}

export async function planStacks(stacks: readonly string[], f: PlanFlags, io: CliIo, target: PlanTarget): Promise<number> {
    const { projectDir } = target;
    const multi = await runStacks(stacks, await gateOptionsOf(f, io, target));
    const codes = multi.outcomes.map((x) => codeOf(x, io));
    const worst = Math.max(...codes);
    const t = multi.timings;
    if (f.json) {
        const doc = {
            schemaVersion: REPORT_SCHEMA_VERSION,
            verdict: verdictOf(worst),
            exitCode: worst,
            stacks: multi.outcomes.map((x, i) =>
                x.result !== undefined
                    ? toJson(x.result, projectDir)
                    : errorDocument(x.stack, codes[i], x.error instanceof Error ? x.error.message : String(x.error)),
            ),
            timings: { packBuildMs: Math.round(t.packBuildMs), packStartMs: Math.round(t.packStartMs), totalMs: Math.round(t.totalMs) },
        };
        io.out(`${JSON.stringify(doc, null, 2)}\n`);
        return worst;
    }
    const s = styleFor(io.isTTY, io.env);
    const lines: string[] = [];
    if (multi.rebuilt !== undefined) {
        lines.push(s.yellow(`warning: rebuilt the policy pack first: ${multi.rebuilt.replace(/: run .*$/, "")}`), "");
    }
    for (const x of multi.outcomes) {
        if (x.result !== undefined) {
            lines.push(
                ...renderHuman(x.result, { style: s, cwd: io.cwd, tree: f.tree, quiet: f.quiet, width: widthFor(io.isTTY, io.columns) }),
                "",
            );
        }
    }
    const mark = (x: StackOutcome, code: number): string =>
        code === EXIT.ok ? s.green(`${x.stack} ✔ pass`) : code === EXIT.violations ? s.red(`${x.stack} ✖ fail`) : s.red(`${x.stack} error`);
    lines.push(
        s.bold(`${stacks.length} stacks, one policy pack: ${multi.outcomes.map((x, i) => mark(x, codes[i])).join(" · ")} (exit ${worst})`),
        s.dim(
            [
                ...(t.packBuildMs >= 50 ? [`pack build ${seconds(t.packBuildMs)}`] : []),
                ...(t.packStartMs > 0 ? [`pack start ${seconds(t.packStartMs)} once (alongside the first program)`] : []),
                `all stacks ${seconds(t.totalMs)}`,
            ].join(" · "),
        ),
    );
    io.out(`${lines.join("\n")}\n`);
    return worst;
}
