/**
 * The user's input is wrong (a file, a flag, an option): the CLI prints the message as one line and
 * exits 2, since nothing was judged. Subclasses say which input; the message names the file (line,
 * column) or the flag and key, quotes what was written and says what is allowed.
 */
export class InputError extends Error {
    override name = "InputError";
}
