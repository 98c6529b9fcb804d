/** The standard tags every resource of a stack carries (cost allocation and ownership). */

/**
 * Required on every taggable resource: `Name` and `Role` are set per resource by the components, the
 * rest once through the aws provider's `defaultTags`.
 */
export const REQUIRED_TAGS = ["Name", "Role", "Environment", "Owner", "Project", "CostCenter", "DataType"] as const;
export type RequiredTag = (typeof REQUIRED_TAGS)[number];

/** Whether `key` is a standard tag (set from its own config key, never from free-form `tags`). */
export function isRequiredTag(key: string): key is RequiredTag {
    return (REQUIRED_TAGS as readonly string[]).includes(key);
}

/**
 * AWS tag naming limits and requirements
 * (https://docs.aws.amazon.com/tag-editor/latest/userguide/tagging.html#tag-conventions): a key is
 * 1-128 Unicode characters, a value 0-256; both may hold letters, numbers and spaces representable in
 * UTF-8 and `_ . : / = + - @`; the `aws:` prefix (any case) is reserved for AWS. Keys and values are
 * case-sensitive. S3 and the tagging API apply the same set (`^([\p{L}\p{Z}\p{N}_.:/=+\-@]*)$`).
 */
export const TAG_KEY_MAX_LENGTH = 128;
export const TAG_VALUE_MAX_LENGTH = 256;
const TAG_CHARACTERS = /^[\p{L}\p{Z}\p{N}_.:/=+\-@]*$/u;
const ALLOWED_IN_WORDS = "letters, numbers, spaces and _ . : / = + - @";

/** The limits AWS sets a tag's key and its value. */
const TAG_PARTS = {
    key: { maxLength: TAG_KEY_MAX_LENGTH, mayBeEmpty: false },
    value: { maxLength: TAG_VALUE_MAX_LENGTH, mayBeEmpty: true },
} as const;

/** Why `s` cannot be a tag `part` (its length, the reserved `aws:` prefix, its characters), or `undefined` when it can. */
function tagPartProblem(part: keyof typeof TAG_PARTS, s: string): string | undefined {
    const { maxLength, mayBeEmpty } = TAG_PARTS[part];
    const length = [...s].length;
    if (length === 0 && !mayBeEmpty) {
        return `a tag ${part} must not be empty`;
    }
    if (length > maxLength) {
        return `a tag ${part} is at most ${maxLength} characters (this one has ${length})`;
    }
    if (/^aws:/i.test(s)) {
        return `a tag ${part} must not start with aws: (reserved for AWS)`;
    }
    if (TAG_CHARACTERS.test(s)) {
        return undefined;
    }
    const bad = [...s].find((c) => !TAG_CHARACTERS.test(c)) ?? "";
    return `a tag ${part} holds ${JSON.stringify(bad)}; AWS allows only ${ALLOWED_IN_WORDS}`;
}

/** Why `key` cannot be an AWS tag key, or `undefined` when it can. */
export function tagKeyProblem(key: string): string | undefined {
    return tagPartProblem("key", key);
}

/** Why `value` cannot be an AWS tag value, or `undefined` when it can. */
export function tagValueProblem(value: string): string | undefined {
    return tagPartProblem("value", value);
}
