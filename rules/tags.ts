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
