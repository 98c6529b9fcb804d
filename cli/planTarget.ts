/**
 * What `plan` judges: our program in `--project-dir` (with the pack beside it), or another program
 * given by `--program <dir>` (judged by our packaged pack, not a pack in its directory). One rule for
 * one stack (cli/plan.ts) and many (cli/planStacks.ts).
 */
import * as path from "path";
import { DEFAULT_PACK_DIR } from "../gate/analyzer";
import { readForeignProject } from "../gate/foreignProgram";
import type { ProgramSource } from "../gate/programPlan";
import type { CliIo } from "./main";
import type { MultiGateOptions } from "../gate/multiGate";

export interface PlanTarget {
    /** The project directory: the program's with `--program`, else `--project-dir`. */
    readonly projectDir: string;
    readonly packDir: string;
    /** Another program to judge. @default - ours */
    readonly program: ProgramSource | undefined;
}

export function planTarget(
    f: { readonly program?: string; readonly projectDir: string; readonly pack?: string },
    io: Pick<CliIo, "cwd">,
): PlanTarget {
    const projectDir = path.resolve(io.cwd, f.program ?? f.projectDir);
    const packDir =
        f.pack !== undefined
            ? path.resolve(io.cwd, f.pack)
            : f.program !== undefined
              ? DEFAULT_PACK_DIR
              : path.join(projectDir, "policy-pack");
    return { projectDir, packDir, program: f.program !== undefined ? { dir: projectDir, shown: f.program } : undefined };
}

/** Checks a `--program` directory before its stacks are listed (a bad one is exit 2 naming the path). */
export function checkProgramDir(t: PlanTarget): void {
    if (t.program !== undefined && "dir" in t.program) {
        readForeignProject(t.program.dir, t.program.shown);
    }
}

/** The gate options `plan` takes from its flags, the same for one stack and many. */
export async function gateOptionsOf(
    f: {
        readonly config: string[];
        readonly update: boolean;
        readonly policyConfig?: string | undefined;
        readonly build: boolean;
        readonly policyTimeout: number;
    },
    io: CliIo,
    target: PlanTarget,
): Promise<MultiGateOptions & { readonly projectDir: string }> {
    const { projectDir, packDir, program } = target;
    return {
        projectDir,
        program,
        overrides: f.config,
        preview: !f.update,
        packDir,
        policyConfigFile: f.policyConfig === undefined ? undefined : path.resolve(io.cwd, f.policyConfig),
        build: f.build,
        policyTimeoutMs: f.policyTimeout * 1000,
        pack: io.startPack !== undefined ? await io.startPack(packDir) : undefined,
    };
}
