/** The CLI in-process against the repository's real policy pack, for the CLI and gate tests. */
import { runCli } from "../../cli/main";
import { PolicyPackServer } from "../../gate/analyzer";
import { loadedBefore } from "./loaded";
import { realPack } from "./realPack";

/** The CLI run in-process in the project (`runCli`), its pack the real one. */
export type InProcessCli = (...argv: string[]) => ReturnType<typeof runCli>;

/**
 * For the tests of the calling `describe`: the real pack, started in a `before` hook of that block
 * (building it first may take up to two minutes), and the CLI run in-process against it.
 */
export function realPackCli(): { readonly cli: InProcessCli; readonly pack: () => PolicyPackServer } {
    const pack = loadedBefore("the real pack", realPack, 120_000);
    return { cli: (...argv) => runCli(argv, { startPack: () => Promise.resolve(pack()) }), pack };
}
