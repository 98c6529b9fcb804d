/**
 * Wrapping text to a terminal's width (pure). Widths count what the terminal shows: ANSI SGR
 * sequences take no column. A line breaks at spaces; its continuation lines keep the line's own
 * indent plus two columns; a word longer than the room left is cut.
 */

const SGR = /\u001b\[[0-9;]*m/g;

/** Columns used when the output is not a terminal (a file, a pipe, CI logs). */
export const DEFAULT_WIDTH = 80;
/** Below this the text would be unreadable anyway; wrap as if this wide. */
const MIN_WIDTH = 40;

export function visibleLength(s: string): number {
    return [...s.replace(SGR, "")].length;
}

/** The terminal's width when stdout is one, else 80. */
export function widthFor(isTTY: boolean | undefined, columns: number | undefined): number {
    return isTTY === true && columns !== undefined && columns > 0 ? Math.max(columns, MIN_WIDTH) : DEFAULT_WIDTH;
}

/** Cuts `word` into pieces of `first` then `rest` visible characters, keeping SGR sequences whole. */
function cut(word: string, first: number, rest: number): string[] {
    const pieces: string[] = [];
    let piece = "";
    let n = 0;
    for (let i = 0; i < word.length;) {
        SGR.lastIndex = i;
        const m = word.startsWith("\u001b[", i) ? SGR.exec(word) : null;
        if (m !== null && m.index === i) {
            piece += m[0];
            i += m[0].length;
            continue;
        }
        const ch = String.fromCodePoint(word.codePointAt(i) ?? 0);
        if (n === (pieces.length === 0 ? first : rest)) {
            pieces.push(piece);
            piece = "";
            n = 0;
        }
        piece += ch;
        n += 1;
        i += ch.length;
    }
    pieces.push(piece);
    return pieces;
}

/** One line wrapped to `width` columns; runs of spaces between words are kept within a line. */
export function wrapLine(line: string, width: number): string[] {
    if (visibleLength(line) <= width) {
        return [line];
    }
    const indent = /^ */.exec(line)?.[0] ?? "";
    const hanging = " ".repeat(Math.min(indent.length + 2, Math.floor(width / 2)));
    // Alternating words and the spaces after them.
    const tokens = line.slice(indent.length).split(/( +)/);
    const out: string[] = [];
    let cur = indent;
    let curLen = indent.length;
    let fresh = true;
    for (let t = 0; t < tokens.length; t += 2) {
        const word = tokens[t];
        const gap = t > 0 ? tokens[t - 1] : "";
        const len = visibleLength(word);
        if (!fresh && curLen + gap.length + len <= width) {
            cur += gap + word;
            curLen += gap.length + len;
            continue;
        }
        if (!fresh) {
            out.push(cur);
            cur = hanging;
            curLen = hanging.length;
        }
        const pieces = len <= width - curLen ? [word] : cut(word, width - curLen, width - hanging.length);
        for (const [i, piece] of pieces.entries()) {
            if (i > 0) {
                out.push(cur);
                cur = hanging;
                curLen = hanging.length;
            }
            cur += piece;
            curLen += visibleLength(piece);
        }
        fresh = false;
    }
    out.push(cur);
    return out;
}

export function wrapLines(lines: readonly string[], width: number): string[] {
    return lines.flatMap((l) => wrapLine(l, width));
}
