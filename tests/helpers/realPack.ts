/**
 * The repository's policy pack for the gate tests: built when stale, started once on first use and
 * shared by every test file that asks for it, stopped when the run ends (a root `after` hook).
 */
import * as path from "path";
import { PolicyPackServer, startPolicyPack } from "../../gate/analyzer";
import { ensurePackBuilt } from "../../gate/packBuild";

export const PACK_DIR = path.resolve(__dirname, "..", "..", "policy-pack");

let starting: Promise<PolicyPackServer> | undefined;

export function realPack(): Promise<PolicyPackServer> {
    if (starting === undefined) {
        starting = ensurePackBuilt(PACK_DIR).then(() => startPolicyPack(PACK_DIR));
    }
    return starting;
}

after(async () => {
    await (await starting?.catch(() => undefined))?.stop();
});
