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

/** A tag value (0-256 characters AWS allows); `required` also refuses an empty (or blank) one. */
export function tagValue(required: boolean) {
    return z
        .string()
        .trim()
        .superRefine((s, ctx) => {
            const problem = required && s === "" ? "must not be empty" : tagValueProblem(s);
            if (problem !== undefined) {
                ctx.addIssue({ code: "custom", message: problem });
            }
        });
}
