/** The one typed settings object the program is built from: validated config with defaults applied. */
import { KeyLayout } from "../components/storage/layout";
import { LifecyclePlan } from "../components/storage/lifecycle";
import { RequiredTag } from "../rules/tags";
import { EncryptionMode, Environment } from "./schema";
import { AccessSettings } from "./sections/access";
import { DetectiveSettings } from "./sections/detective";
import { MacieSettings } from "./sections/discovery";
import { MonitoringSettings } from "./sections/monitoring";
import { ObjectLockSettings } from "./sections/retention";

/**
 * The required tags (rules/tags.ts `REQUIRED_TAGS`) a stack sets once, through the provider's
 * `defaultTags`: all but `Name` and `Role`, which the components set per resource. A tag added to
 * `REQUIRED_TAGS` is a type error here until the config sets it.
 */
export interface StandardTags extends Readonly<Record<Exclude<RequiredTag, "Name" | "Role">, string>> {
    readonly Environment: Environment;
}

export interface Settings {
    readonly project: string;
    readonly stack: string;
    readonly environment: Environment;
    /** The provider region (`aws:region`), checked against `allowedRegions`. */
    readonly region: string;
    readonly allowedRegions: readonly string[];
    /** Standard tags plus the user's extra `tags`, applied to every resource. */
    readonly tags: StandardTags & Readonly<Record<string, string>>;
    readonly bucketName?: string;
    readonly keyLayout: KeyLayout;
    readonly protect: boolean;
    readonly allowForceDestroy: boolean;
    readonly encryption: {
        readonly mode: EncryptionMode;
        readonly kmsKeyArn?: string;
        readonly requireEncryptionHeader: boolean;
    };
    readonly lifecycle: LifecyclePlan;
    readonly accessLogs: { readonly prefix: string; readonly retentionDays: number };
    /** Writers, readers, network and MFA limits, replication (config/sections/access.ts). */
    readonly access: AccessSettings;
    /** Alerts, audit trail, notifications, budget, analytics, Intelligent-Tiering (config/sections/monitoring.ts). */
    readonly monitoring: MonitoringSettings;
    /** Data-arrival log, ... (config/sections/detective.ts). */
    readonly detective: DetectiveSettings;
    /** Object Lock default retention of the data bucket and its replica; undefined: off (config/sections/retention.ts). */
    readonly objectLock: ObjectLockSettings | undefined;
    /** Macie sensitive-data discovery on the data bucket (config/sections/discovery.ts). */
    readonly macie: MacieSettings;
}
