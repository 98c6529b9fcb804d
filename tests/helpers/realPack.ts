/**
 * The repository's policy pack for the gate tests: built when stale, started once on first use and
 * shared by every test file that asks for it, stopped when the run ends (a root `after` hook).
 */
import * as assert from "node:assert/strict";
import * as path from "path";
import { runCli } from "../../cli/main";
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

/** The CLI run in-process in the project (`runCli`), its pack the real one. */
export type InProcessCli = (...argv: string[]) => ReturnType<typeof runCli>;

/**
 * For the tests of the calling `describe`: the real pack, started in a `before` hook of that block
 * (building it first may take up to two minutes), and the CLI run in-process against it.
 */
export function realPackCli(): { readonly cli: InProcessCli; readonly pack: () => PolicyPackServer } {
    let server: PolicyPackServer | undefined;
    before(async function () {
        this.timeout(120_000);
        server = await realPack();
    });
    const pack = (): PolicyPackServer => {
        assert.ok(server !== undefined, "the real pack is read inside a test");
        return server;
    };
    return { cli: (...argv) => runCli(argv, { startPack: () => Promise.resolve(pack()) }), pack };
}
