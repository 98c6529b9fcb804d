/**
 * A one-line progress indicator for the long phases of a command (pack build, program, analysis),
 * rewritten in place on stderr. Only on a terminal: off a TTY, with `--json` or `--quiet`, it prints
 * nothing. The line is erased before the report is printed.
 */
import type { CliIo } from "./main";

const FRAMES = ["⠋", "⠙", "⠹", "⠸", "⠼", "⠴", "⠦", "⠧", "⠇", "⠏"];
const CLEAR = "\r\u001b[2K";

export interface Progress {
    /** Shows `phase…` with the seconds spent in it, until the next phase or `done`. */
    phase(name: string): void;
    /** Erases the line; safe to call twice. */
    done(): void;
}

const SILENT: Progress = { phase: () => undefined, done: () => undefined };

export function progress(io: Pick<CliIo, "err" | "isTTY">, enabled: boolean, tickMs = 100): Progress {
    if (!enabled || io.isTTY !== true) {
        return SILENT;
    }
    let timer: NodeJS.Timeout | undefined;
    let shown = false;
    const stop = (): void => {
        if (timer !== undefined) {
            clearInterval(timer);
            timer = undefined;
        }
    };
    return {
        phase(name) {
            stop();
            const started = performance.now();
            let frame = 0;
            const draw = (): void => {
                const secs = ((performance.now() - started) / 1000).toFixed(1);
                io.err(`${CLEAR}${FRAMES[frame++ % FRAMES.length]} ${name}… ${secs} s`);
                shown = true;
            };
            draw();
            timer = setInterval(draw, tickMs);
            timer.unref();
        },
        done() {
            stop();
            if (shown) {
                io.err(CLEAR);
                shown = false;
            }
        },
    };
}
