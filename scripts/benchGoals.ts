/**
 * The goals of `npm run bench` (issue 17), each with its measured figure and whether it is met. The
 * peer is CDK synth + cdk-nag AwsSolutions on an equivalent, smaller stack, measured on the same kind
 * of machine (2 cores): 6.29 s CPU, 3.82 s wall, 466 MiB peak. Nothing here is asserted: it prints.
 */
const PEER = { cpuS: 6.29, peakMiB: 466 };

/** One whole-process row: CPU (when GNU time measured it), wall, and peak memory of the largest process. */
export interface ProcessFigures {
    readonly cpuS?: number;
    readonly wallS: number;
    readonly peakMiB?: number;
}

export interface WholeProcess {
    readonly prodCold: ProcessFigures;
    readonly prodWarm: ProcessFigures;
    readonly watchWallS: number;
    /** What dev adds to a run of prod alone, as a share of prod alone. */
    readonly extraStackShare: number;
}

export interface ScaleFigures {
    /** Resources of the 100-instance row, and its plan + judge wall time. */
    readonly resources: number;
    readonly planJudgeS: number;
    /** Per-resource analysis cost of the largest row over that of the next smaller one (1.0 = linear). */
    readonly linearity?: { readonly from: number; readonly to: number; readonly ratio: number };
}

interface Goal {
    readonly goal: string;
    readonly figure: string;
    readonly met: boolean | undefined;
}

export function printGoals(whole: WholeProcess | undefined, scale: ScaleFigures | undefined): void {
    const goals: Goal[] = [];
    const s = (v: number | undefined, unit: string, digits = 2): string => (v === undefined ? "-" : `${v.toFixed(digits)} ${unit}`);
    if (whole !== undefined) {
        const cpu = whole.prodWarm.cpuS;
        goals.push(
            {
                goal: `plan of prod: CPU at most a third of the peer's (${(PEER.cpuS / 3).toFixed(2)} s)`,
                figure: s(cpu, "s"),
                met: cpu === undefined ? undefined : cpu <= PEER.cpuS / 3,
            },
            { goal: "plan of prod: wall under 2 s", figure: s(whole.prodWarm.wallS, "s"), met: whole.prodWarm.wallS < 2 },
            { goal: "warm re-plan (plan --watch): wall under 1 s", figure: s(whole.watchWallS, "s"), met: whole.watchWallS < 1 },
            {
                goal: "an extra stack in one run: at most 30% of the first",
                figure: `${(whole.extraStackShare * 100).toFixed(0)}%`,
                met: whole.extraStackShare <= 0.3,
            },
            {
                goal: `peak memory under half the peer's (${PEER.peakMiB / 2} MiB)`,
                figure: s(whole.prodWarm.peakMiB, "MiB", 0),
                met: whole.prodWarm.peakMiB === undefined ? undefined : whole.prodWarm.peakMiB < PEER.peakMiB / 2,
            },
        );
    }
    if (scale !== undefined) {
        goals.push({
            goal: `100 SecureBuckets (${scale.resources} resources) planned and judged under 10 s`,
            figure: s(scale.planJudgeS, "s", 1),
            met: scale.planJudgeS < 10,
        });
        if (scale.linearity !== undefined) {
            const l = scale.linearity;
            goals.push({
                goal: `analysis linear (per-resource cost, ${l.to} vs ${l.from} instances, at most 1.2x)`,
                figure: `${l.ratio.toFixed(2)}x`,
                met: l.ratio <= 1.2,
            });
        }
    }
    if (goals.length === 0) {
        return;
    }
    const width = Math.max(...goals.map((g) => g.goal.length));
    console.log(`\ngoals (peer: CDK synth + cdk-nag, ${PEER.cpuS} s CPU, ${PEER.peakMiB} MiB; CPU and wall of the warm run)`);
    for (const g of goals) {
        console.log(
            `  ${g.goal.padEnd(width)}  ${g.figure.padStart(9)}  ${g.met === undefined ? "not measured" : g.met ? "met" : "NOT met"}`,
        );
    }
}
