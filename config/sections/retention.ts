/**
 * Config section for Object Lock (legal-hold retention) on the data bucket and its replica: schema
 * (strict zod), the settings it resolves to, and its cross-field rules. Off in every environment
 * unless asked. Wired into `configSchema`, `Settings` and `resolveSettings` by one line each.
 *
 * Object Lock can never be turned off on a bucket. The program cannot read what a previous update
 * did, so the config must say it: `objectLock.irreversible: true` is required to turn it on and stays
 * in the stack file as the record that the buckets are locked; with it, `enabled` false is refused.
 * A stack file that drops the whole section is caught by the engine instead: the lock configuration
 * is a `protect`ed resource, so removing it fails `pulumi up` (`SecureBucket`'s `-object-lock` child).
 */
import { z } from "zod";
import {
    DefaultRetention,
    defaultRetentionProblems,
    MAX_RETENTION_DAYS,
    MAX_RETENTION_YEARS,
    OBJECT_LOCK_MODES,
} from "../../rules/objectLock";
import { keysNotApplying, Problem } from "../problems";

export const objectLockSchema = z.strictObject({
    /** S3 Object Lock on the data bucket (and its replica): versions kept for the default retention. */
    enabled: z.boolean().optional(),
    /** GOVERNANCE (bypass with s3:BypassGovernanceRetention) or COMPLIANCE (nobody can shorten it). */
    mode: z.enum(OBJECT_LOCK_MODES).optional(),
    /** Default retention of new object versions in days ... */
    days: z.int().min(1).max(MAX_RETENTION_DAYS).optional(),
    /** ... or in years (one of the two). */
    years: z.int().min(1).max(MAX_RETENTION_YEARS).optional(),
    /** `true`: the owner knows Object Lock can never be turned off; keep it once set. */
    irreversible: z.boolean().optional(),
});

/** The section's keys, spread into `configSchema`. */
export const retentionConfigShape = { objectLock: objectLockSchema.optional() };
export type RawRetentionConfig = z.infer<z.ZodObject<typeof retentionConfigShape>>;

/** Object Lock as resolved: undefined when off. */
export type ObjectLockSettings = DefaultRetention;

export const DEFAULT_OBJECT_LOCK_MODE = "GOVERNANCE";

export function resolveObjectLock(raw: RawRetentionConfig): ObjectLockSettings | undefined {
    const o = raw.objectLock;
    return o?.enabled === true ? { mode: o.mode ?? DEFAULT_OBJECT_LOCK_MODE, days: o.days, years: o.years } : undefined;
}

/** What the rules of this section need from the rest of the settings. */
export interface RetentionContext {
    readonly allowForceDestroy: boolean;
    readonly quarantine: boolean;
}

export function retentionProblems(raw: RawRetentionConfig, lock: ObjectLockSettings | undefined, ctx: RetentionContext): Problem[] {
    const o = raw.objectLock;
    const problems: Problem[] = [];
    if (o?.irreversible === true && o.enabled !== true) {
        problems.push({
            path: "objectLock.enabled",
            value: o.enabled,
            message:
                "Object Lock can never be turned off: objectLock.irreversible true records that the buckets have it; set enabled true (mode and period may change)",
        });
    }
    if (lock === undefined) {
        return [...problems, ...keysNotApplying("objectLock", o, ["mode", "days", "years"], "enabled")];
    }
    if (o?.irreversible !== true) {
        problems.push({
            path: "objectLock.irreversible",
            value: o?.irreversible,
            message:
                "Object Lock can never be turned off once a bucket has it (nor versioning suspended); confirm with objectLock.irreversible true and keep the key",
        });
    }
    // Mode and bounds are the schema's; what is left is "days or years, exactly one".
    problems.push(...defaultRetentionProblems(lock, "objectLock."));
    if (lock.mode === "COMPLIANCE" && ctx.allowForceDestroy) {
        problems.push({
            path: "allowForceDestroy",
            value: true,
            message: "is refused with objectLock.mode COMPLIANCE: locked versions can never be deleted before their retention ends",
        });
    }
    if (ctx.quarantine) {
        problems.push({
            path: "objectLock.enabled",
            value: true,
            message:
                "the quarantine function deletes infected versions from the data bucket, which Object Lock forbids until their retention ends; set malwareScan.quarantine false (the bucket policy still withholds infected objects)",
        });
    }
    return problems;
}
