/** gate/wrap.ts and cli/progress.ts (pure): wrapping to a width, and the progress line's rules. */
import * as assert from "node:assert/strict";
import { progress } from "../../cli/progress";
import { visibleLength, widthFor, wrapLine } from "../../gate/wrap";

describe("gate/wrap", () => {
    it("80 columns off a terminal; the terminal's width on one (at least 40)", () => {
        assert.equal(widthFor(false, 200), 80);
        assert.equal(widthFor(undefined, undefined), 80);
        assert.equal(widthFor(true, 120), 120);
        assert.equal(widthFor(true, 20), 40);
        assert.equal(widthFor(true, undefined), 80);
    });

    it("a short line is left alone, spaces included", () => {
        assert.deepEqual(wrapLine("  a  b", 10), ["  a  b"]);
    });

    it("breaks at spaces; continuation lines keep the indent plus two", () => {
        assert.deepEqual(wrapLine("    aaa bbb ccc ddd", 12), ["    aaa bbb", "      ccc", "      ddd"]);
    });

    it("cuts a word longer than the room", () => {
        assert.deepEqual(wrapLine("  abcdefghijklmnop", 8), ["  abcdef", "    ghij", "    klmn", "    op"]);
    });

    it("ANSI colour takes no column and is never cut", () => {
        const red = (s: string) => `\u001b[31m${s}\u001b[39m`;
        assert.equal(visibleLength(red("abc")), 3);
        assert.deepEqual(wrapLine(`${red("aaaa")} bbbb`, 9), [red("aaaa") + " bbbb"]);
        assert.deepEqual(wrapLine(`${red("aaaa")} bbbb`, 8), [red("aaaa"), "  bbbb"]);
        assert.deepEqual(wrapLine(red("abcdef"), 4), ["\u001b[31mabcd", "  ef\u001b[39m"]);
    });
});

describe("cli/progress", () => {
    it("silent off a terminal or when disabled (--json, --quiet)", () => {
        let err = "";
        for (const [isTTY, enabled] of [
            [false, true],
            [undefined, true],
            [true, false],
        ] as const) {
            const p = progress({ err: (t) => (err += t), isTTY }, enabled);
            p.phase("program");
            p.done();
        }
        assert.equal(err, "");
    });

    it("on a terminal: one line per phase, rewritten in place, erased when done", () => {
        let err = "";
        const p = progress({ err: (t) => (err += t), isTTY: true }, true, 60_000);
        p.phase("building the policy pack");
        p.phase("running the program under mocks");
        p.done();
        p.done();
        assert.equal(err, "\r\u001b[2K⠋ building the policy pack… 0.0 s\r\u001b[2K⠋ running the program under mocks… 0.0 s\r\u001b[2K");
    });
});
