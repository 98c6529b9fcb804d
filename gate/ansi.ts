/** Terminal colour and cursor codes (a pack's or tsc's output may carry them): never in our error output. */
export function stripAnsi(text: string): string {
    return text.replace(/\u001b\[[0-9;?]*[A-Za-z]/g, "");
}
