/** zod schemas for AWS tag keys and values, from the one tag rule in rules/tags.ts. */
import { z } from "zod";
import { tagKeyProblem, tagValueProblem } from "../rules/tags";

/** A tag key (1-128 characters AWS allows, not `aws:`). */
export const tagKey = z.string().superRefine((s, ctx) => {
    const problem = tagKeyProblem(s);
    if (problem !== undefined) {
        ctx.addIssue({ code: "custom", message: problem });
    }
});

/**
 * A tag value (0-256 characters AWS allows); `required` also refuses an empty (or blank) one. The value
 * is checked as written: a newline, tab or NUL at either end is refused like one in the middle (AWS
 * allows none of them anywhere). Only then are surrounding spaces trimmed: AWS allows spaces, so a
 * value with them is valid, and the tag carries it without them.
 */
export function tagValue(required: boolean) {
    return z
        .string()
        .superRefine((s, ctx) => {
            const problem = tagValueProblem(s) ?? (required && s.trim() === "" ? "must not be empty" : undefined);
            if (problem !== undefined) {
                ctx.addIssue({ code: "custom", message: problem });
            }
        })
        .overwrite((s) => s.trim());
}
