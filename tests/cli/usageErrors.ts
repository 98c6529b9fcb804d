/** The CLI tests' usage-error table: exit 2, the message on stderr, nothing on stdout. */
import * as assert from "node:assert/strict";

export type UsageCase = [name: string, argv: string[], message: RegExp];

/** One test per case; `after` asserts more once a case has run (e.g. that no pack started). */
export function usageErrorTests(
    cli: (...argv: string[]) => Promise<{ code: number; stdout: string; stderr: string }>,
    cases: readonly UsageCase[],
    after?: () => void,
): void {
    for (const [name, argv, message] of cases) {
        it(name, async () => {
            const r = await cli(...argv);
            assert.equal(r.code, 2, r.stdout + r.stderr);
            assert.match(r.stderr, message);
            assert.equal(r.stdout, "");
            after?.();
        });
    }
}
