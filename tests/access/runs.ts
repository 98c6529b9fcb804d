/** One mocked program run per stack and mode, shared by every access test file that reads it. */
import * as path from "path";
import { planStack, StackPlan } from "../../gate/plan";

const projectDir = path.resolve(__dirname, "../..");
const cache = new Map<string, StackPlan>();

/** The shipped stack `stack` run under mocks as preview or update (memoised: run once per test process). */
export async function stackRun(stack: "dev" | "prod", mode: "preview" | "update"): Promise<StackPlan> {
    const key = `${stack}/${mode}`;
    let run = cache.get(key);
    if (run === undefined) {
        run = await planStack({ projectDir, stack, preview: mode === "preview" });
        cache.set(key, run);
    }
    return run;
}
