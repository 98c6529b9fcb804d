/**
 * Where `plan` puts its machine-readable reports: JSON on stdout (`--json`), SARIF (`--sarif FILE`)
 * and JUnit XML (`--junit FILE`) in files. Every outcome produces them: a judged stack gives the
 * report, anything else (a config or usage error, a failed tool, an interruption) an error document,
 * so a CI step that parses them never reads an empty or half-written file.
 */
import * as fs from "fs";
import * as path from "path";
import { pathToFileURL } from "url";
import { junitForError, toJunit } from "../gate/junit";
import { GateResult } from "../gate/offlineGate";
import { display, errorDocument, toJson } from "../gate/reportJson";
import { sarifForError, toSarif } from "../gate/sarif";
import { UsageError } from "./errors";
import type { CliIo } from "./main";
import { packageVersion } from "../gate/packageRoot";

export interface ReportFlags {
    readonly json: boolean;
    readonly sarif?: string;
    readonly junit?: string;
    /** Directory holding Pulumi.yaml: report paths are relative to it. */
    readonly projectDir: string;
}

export type Outcome =
    | { readonly result: GateResult; readonly stackFile: string }
    | { readonly stack: string | undefined; readonly code: number; readonly error: string };

/** Writes `text` whole: to a temporary file first, then renamed over `file`. */
function writeWhole(file: string, text: string): void {
    const tmp = `${file}.${process.pid}.tmp`;
    try {
        fs.writeFileSync(tmp, text);
        fs.renameSync(tmp, file);
    } catch (e) {
        fs.rmSync(tmp, { force: true });
        throw new UsageError(`cannot write ${file}: ${(e as Error).message}`);
    }
}

/** The stack file as a SARIF artifact URI: relative to the project (repository) root when inside it. */
function artifactUri(stackFile: string, projectDir: string): string {
    const shown = display(stackFile, projectDir);
    return path.isAbsolute(shown) ? pathToFileURL(shown).href : shown.split(path.sep).join("/");
}

/**
 * Writes the reports the flags ask for. For a judged stack a file that cannot be written throws
 * `UsageError` (and the caller reports that as an error); for an error outcome it is said on stderr.
 */
export function writeReports(io: CliIo, f: ReportFlags, o: Outcome): void {
    const file = (p: string): string => path.resolve(io.cwd, p);
    if ("result" in o) {
        const report = toJson(o.result, f.projectDir);
        if (f.sarif !== undefined) {
            const sarif = toSarif(report, { toolVersion: packageVersion(), artifact: artifactUri(o.stackFile, f.projectDir) });
            writeWhole(file(f.sarif), `${JSON.stringify(sarif, null, 2)}\n`);
        }
        if (f.junit !== undefined) {
            writeWhole(file(f.junit), toJunit(report, o.result.policies));
        }
        if (f.json) {
            io.out(`${JSON.stringify(report, null, 2)}\n`);
        }
        return;
    }
    const doc = errorDocument(o.stack, o.code, o.error);
    const attempt = (p: string, text: string): void => {
        try {
            writeWhole(file(p), text);
        } catch (e) {
            io.err(`error: ${(e as Error).message}\n`);
        }
    };
    if (f.sarif !== undefined) {
        attempt(f.sarif, `${JSON.stringify(sarifForError(doc, { toolVersion: packageVersion() }), null, 2)}\n`);
    }
    if (f.junit !== undefined) {
        attempt(f.junit, junitForError(doc));
    }
    if (f.json) {
        io.out(`${JSON.stringify(doc, null, 2)}\n`);
    }
}

/** The value of `--name <v>` or `--name=<v>` (or a short alias) in raw argv, for errors found before parsing finished. */
function flagValue(argv: readonly string[], names: readonly string[]): string | undefined {
    for (let i = 0; i < argv.length; i++) {
        for (const n of names) {
            if (argv[i] === n && i + 1 < argv.length && !argv[i + 1].startsWith("-")) {
                return argv[i + 1];
            }
            if (argv[i].startsWith(`${n}=`)) {
                return argv[i].slice(n.length + 1);
            }
        }
    }
    return undefined;
}

/**
 * A `plan` command line the parser rejected (missing `--stack`, an unknown flag): when it asked for
 * machine-readable reports, they still get an error document.
 */
export function reportUsageError(io: CliIo, argv: readonly string[], message: string, code: number): void {
    if (argv[0] !== "plan") {
        return;
    }
    const flags: ReportFlags = {
        json: argv.includes("--json"),
        sarif: flagValue(argv, ["--sarif"]),
        junit: flagValue(argv, ["--junit"]),
        projectDir: path.resolve(io.cwd, flagValue(argv, ["--project-dir"]) ?? "."),
    };
    writeReports(io, flags, { stack: flagValue(argv, ["-s", "--stack"]), code, error: message.replace(/^error: /, "") });
}

const INTERRUPTS = { SIGINT: 130, SIGTERM: 143, SIGHUP: 129 } as const;

/**
 * While a `plan` asking for machine-readable reports runs in this process: on SIGINT, SIGTERM or SIGHUP
 * (also sent when the parent is gone, cli/parentWatch.ts), write the error documents and exit 130, 143
 * or 129 (the pack is killed by its own exit hook). Returns the function that removes the handlers.
 */
export function reportOnInterrupt(io: CliIo, argv: readonly string[]): () => void {
    const wanted = argv[0] === "plan" && (argv.includes("--json") || flagValue(argv, ["--sarif", "--junit"]) !== undefined);
    if (!wanted) {
        return () => undefined;
    }
    const handlers = Object.entries(INTERRUPTS).map(([signal, code]) => {
        const handler = (): void => {
            reportUsageError(io, argv, `interrupted by ${signal}`, code);
            process.exit(code);
        };
        process.once(signal, handler);
        return () => process.removeListener(signal, handler);
    });
    return () => handlers.forEach((remove) => remove());
}
