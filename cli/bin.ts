#!/usr/bin/env node
/**
 * The `firehose-storage` bin (package.json "bin": the compiled `dist/cli/bin.js`; no ts-node at run
 * time). A package installed without its dependencies (no or a partial node_modules) is the tool's
 * failure, not a verdict: one line and exit 3, never Node's stack trace and exit 1 (which means "a
 * mandatory violation").
 */
import * as path from "path";
import { PACKAGE_ROOT } from "../gate/packageRoot";
import { isMissingModule, missingModuleMessage } from "./missingModule";

/**
 * A reader that stops reading (`firehose-storage plan ... | head`) is not a failure of ours: no stack
 * trace for EPIPE. The run ends (its pack with it) with a failing code it already has, else 141 as
 * a process killed by SIGPIPE would: a pass nobody could read is not reported as one.
 */
function quietOnClosedPipe(stream: NodeJS.WriteStream): void {
    stream.on("error", (e: NodeJS.ErrnoException) => {
        if (e.code !== "EPIPE") {
            throw e;
        }
        const code = Number(process.exitCode ?? 0);
        process.exit(code !== 0 ? code : 141);
    });
}

function start(): void {
    quietOnClosedPipe(process.stdout);
    quietOnClosedPipe(process.stderr);
    // First: Node's compile cache (22+) and deferred loading of what a plan never uses.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    require(path.join(PACKAGE_ROOT, "gate", "fastStart.js"));
    let main: () => Promise<void>;
    try {
        // Loaded here, not imported at the top, so a missing dependency is caught.
        // eslint-disable-next-line @typescript-eslint/no-require-imports
        main = (require("./main") as typeof import("./main")).main;
    } catch (e) {
        if (!isMissingModule(e)) {
            throw e;
        }
        process.stderr.write(`${missingModuleMessage(e)}\n`);
        process.exitCode = 3;
        return;
    }
    main().catch((e: unknown) => {
        process.stderr.write(`error: ${e instanceof Error ? e.message : String(e)}\n`);
        process.exitCode = 3;
    });
}

start();
