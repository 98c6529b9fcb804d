/**
 * The types `Pulumi.yaml` declares for config keys, enforced as the Pulumi CLI does before it runs a
 * program (`ValidateConfigValue` in pulumi/sdk/go/common/workspace/project.go): the CLI sees a scalar
 * stack value as text (`30`, `true`), a list or mapping as an object; `string` takes any scalar,
 * `integer` a whole number (or text that is one), `boolean` true/false, `array` a list whose items
 * have the declared `items` type. The engine would JSON-encode a list given for a `string` key, and
 * the program would take `["a","b"]` as the owner's name: refused here, as the CLI refuses it.
 */
import { Problem } from "../config";

export interface ProjectConfigType {
    readonly type?: unknown;
    readonly items?: ProjectConfigType;
    readonly default?: unknown;
    readonly secret?: unknown;
}

function describe(v: unknown): string {
    if (Array.isArray(v)) {
        return "a list";
    }
    if (v !== null && typeof v === "object") {
        return "a mapping";
    }
    return typeof v === "string" ? "text" : typeof v;
}

const IN_WORDS: Readonly<Record<string, string>> = {
    string: "one value of text",
    integer: "a whole number",
    boolean: "true or false",
    array: "a list",
};

function fullTypeName(t: ProjectConfigType): string {
    return t.type === "array" && t.items !== undefined ? `array<${fullTypeName(t.items)}>` : JSON.stringify(t.type).replace(/^"|"$/g, "");
}

/** `ValidateConfigValue`: does `value` (as the CLI sees it) have the declared type? */
function conforms(t: ProjectConfigType, value: unknown, topLevel: boolean): boolean {
    const scalar = value !== null && typeof value !== "object";
    // The CLI holds a top-level scalar as text; inside a list, values keep their JSON types.
    const text = typeof value === "string" ? value : topLevel && scalar ? JSON.stringify(value) : undefined;
    switch (t.type) {
        case "string":
            return text !== undefined;
        case "integer":
            return (typeof value === "number" && Number.isInteger(value)) || (text !== undefined && /^[+-]?\d+$/.test(text));
        case "boolean":
            return typeof value === "boolean" || text === "true" || text === "false";
        case "array":
            return Array.isArray(value) && t.items !== undefined && value.every((x) => conforms(t.items!, x, false));
        default:
            return true; // an undeclared or unknown type is not checked (the CLI rejects the project file)
    }
}

/** A problem when `value` does not have the type `Pulumi.yaml` declares for `key`; a secret is not checked. */
export function declaredTypeProblem(key: string, value: unknown, decl: ProjectConfigType, secret: boolean): Problem | undefined {
    if (decl.type === undefined || secret || conforms(decl, value, true)) {
        return undefined;
    }
    const words = IN_WORDS[fullTypeName(decl)] ?? fullTypeName(decl);
    return {
        path: key,
        value,
        message: `Pulumi.yaml declares it ${fullTypeName(decl)}: write ${words}, not ${describe(value)}`,
    };
}
