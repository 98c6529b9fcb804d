/**
 * The stack profiles: per environment, in one table, what a stack gets when it says nothing (the
 * defaults) and what it must keep (the requirements). Config defaults derive from it
 * (`resolveSettings`), the config layer refuses what breaks a requirement it can see (config/requirements.ts),
 * and each environment's policy-pack config is generated from it (`packConfigOf`; the shipped
 * policy-pack/config/<env>.json files are checked against it by a test). So a default can never fail
 * the gate: the test suite plans prod with each key of Pulumi.prod.yaml removed.
 *
 * prod follows the storage plan (Standard 0-90 days, Standard-IA 90-365, Glacier 365-2555, Deep
 * Archive from 2555, expiry at 7300 days), SSE-KMS, replication, a budget, a year of trail logs, malware
 * scanning and AWS Config rules;
 * dev keeps data a year and logs a month, so experiments do not accumulate cost.
 */
import { LifecyclePlan } from "../components/storage/lifecycle";
import { DEFAULT_ALLOWED_REGIONS } from "../rules/regions";
import { EncryptionMode } from "../rules/encryption";
import type { EnforcementLevel } from "../gate/policyConfig";
import type { Waiver } from "../rules/waivers";
import type { Environment } from "./schema";
import { AccessDefaults } from "./sections/access";
import { ARRIVAL_LOG_GROUP, DetectiveDefaults } from "./sections/detective";
import { MonitoringDefaults } from "./sections/monitoring";

export interface EnvironmentDefaults {
    readonly allowedRegions: readonly string[];
    readonly protect: boolean;
    readonly encryption: { readonly mode: EncryptionMode; readonly requireEncryptionHeader: boolean };
    readonly lifecycle: LifecyclePlan;
    readonly accessLogs: { readonly prefix: string; readonly retentionDays: number };
    readonly access: AccessDefaults;
    readonly monitoring: MonitoringDefaults;
    readonly detective: DetectiveDefaults;
}

/**
 * What a stack of the environment must keep: the config refuses a key's value that breaks one
 * (config/requirements.ts), and the pack judges them all (config/packConfig.ts).
 */
export interface StackRequirements {
    /** Data buckets and key protected and retained (`protect`). */
    readonly protect: boolean;
    /** `allowForceDestroy` refused. */
    readonly noForceDestroy: boolean;
    /** The data bucket's default encryption (`encryption.mode`); undefined: any. */
    readonly encryptionMode: EncryptionMode | undefined;
    /** Cross-region replication on (`replication.enabled`). */
    readonly replication: boolean;
    /** A cost budget (`budget.enabled`). */
    readonly budget: boolean;
    /** A CloudTrail trail kept at least this many days (`audit.*`); undefined: optional. */
    readonly auditMinRetentionDays: number | undefined;
    /** Incomplete multipart uploads aborted within this many days (`lifecycle.abortIncompleteMultipartUploadDays`; the pack's s3-lifecycle-rules). */
    readonly maxAbortDays: number;
    /** SSE-KMS buckets use an S3 Bucket Key (`SecureBucket` always does; the pack's s3-bucket-encryption). */
    readonly bucketKeyForKms: boolean;
    /** A GuardDuty Malware Protection plan on the data bucket (the pack's s3-data-bucket-malware-scan). */
    readonly malwareScan: boolean;
    /** AWS Config managed rules on the data bucket (the pack's s3-data-bucket-config-rules). */
    readonly configRules: boolean;
}

/** How strictly the pack judges the environment: the level of every policy, and the exceptions. */
export interface PackEnforcement {
    readonly all: EnforcementLevel;
    readonly levels: Readonly<Record<string, EnforcementLevel>>;
    /**
     * Per-resource exemptions with evidence (rules/waivers.ts): each names the policy, the resource
     * (URN or logical name), the reason, the owner and the last day it holds. The generated pack config
     * carries each under its policy's entry. @default - none
     */
    readonly waivers?: readonly Waiver[];
}

export interface StackProfile {
    readonly defaults: EnvironmentDefaults;
    readonly requires: StackRequirements;
    readonly pack: PackEnforcement;
}

/** The level at which `profile`'s pack judges `policy`: its own entry, else the pack-wide level. */
export function enforcementOf(profile: StackProfile, policy: string): EnforcementLevel {
    return profile.pack.levels[policy] ?? profile.pack.all;
}

export const PROFILES: Readonly<Record<Environment, StackProfile>> = {
    dev: {
        defaults: {
            allowedRegions: DEFAULT_ALLOWED_REGIONS,
            protect: false,
            encryption: { mode: "sse-s3", requireEncryptionHeader: false },
            lifecycle: {
                transitions: [{ storageClass: "STANDARD_IA", days: 90 }],
                expirationDays: 365,
                noncurrent: { transitions: [], expirationDays: 30 },
                abortIncompleteMultipartUploadDays: 7,
            },
            accessLogs: { prefix: "access-logs/", retentionDays: 30 },
            access: { replication: { enabled: false, region: "us-west-2" } },
            monitoring: { audit: { enabled: true, logRetentionDays: 90, dataEvents: false }, analytics: { enabled: false } },
            detective: {
                dataArrival: { enabled: true, logGroupName: `${ARRIVAL_LOG_GROUP}-dev`, retentionDays: 30 },
                malwareScan: { enabled: false, quarantine: true, quarantineGlacierDays: 30 },
                configRules: {
                    enabled: false,
                    remediation: true,
                    maximumAutomaticAttempts: 5,
                    retryAttemptSeconds: 600,
                    createRecorder: false,
                    historyRetentionDays: 30,
                },
            },
        },
        requires: {
            protect: false,
            noForceDestroy: false,
            encryptionMode: undefined,
            replication: false,
            budget: false,
            auditMinRetentionDays: undefined,
            maxAbortDays: 7,
            bucketKeyForKms: false,
            malwareScan: false,
            configRules: false,
        },
        // Advisory, except what would expose data or grant everything, and where data may live.
        pack: {
            all: "advisory",
            levels: {
                "s3-public-access-block": "mandatory",
                "s3-no-public-acl": "mandatory",
                "s3-bucket-policy-no-public-allow": "mandatory",
                "s3-data-bucket-public-access-block": "mandatory",
                "s3-data-bucket-tls-only": "mandatory",
                "iam-no-wildcard-actions": "mandatory",
                "iam-no-passrole-on-all": "mandatory",
                "allowed-regions": "mandatory",
                "preview-unverified": "advisory",
            },
        },
    },
    prod: {
        defaults: {
            allowedRegions: DEFAULT_ALLOWED_REGIONS,
            protect: true,
            encryption: { mode: "sse-kms", requireEncryptionHeader: true },
            lifecycle: {
                transitions: [
                    { storageClass: "STANDARD_IA", days: 90 },
                    { storageClass: "GLACIER", days: 365 },
                    { storageClass: "DEEP_ARCHIVE", days: 2555 },
                ],
                expirationDays: 7300,
                noncurrent: { transitions: [{ storageClass: "GLACIER", days: 30 }], expirationDays: 365 },
                abortIncompleteMultipartUploadDays: 7,
            },
            accessLogs: { prefix: "access-logs/", retentionDays: 365 },
            access: { replication: { enabled: true, region: "us-west-2" } },
            monitoring: { audit: { enabled: true, logRetentionDays: 2555, dataEvents: true }, analytics: { enabled: true } },
            detective: {
                dataArrival: { enabled: true, logGroupName: ARRIVAL_LOG_GROUP, retentionDays: 365 },
                malwareScan: { enabled: true, quarantine: true, quarantineGlacierDays: 30 },
                configRules: {
                    enabled: true,
                    remediation: true,
                    maximumAutomaticAttempts: 5,
                    retryAttemptSeconds: 600,
                    createRecorder: false,
                    historyRetentionDays: 2555,
                },
            },
        },
        requires: {
            protect: true,
            noForceDestroy: true,
            encryptionMode: "sse-kms",
            replication: true,
            budget: true,
            // CIS AWS Foundations keeps audit logs a year.
            auditMinRetentionDays: 365,
            maxAbortDays: 7,
            bucketKeyForKms: true,
            malwareScan: true,
            configRules: true,
        },
        // Everything mandatory; access keys are a finding to review, unknowns in a preview a note, waivers a record.
        pack: {
            all: "mandatory",
            levels: {
                "iam-user-access-keys": "advisory",
                "preview-unverified": "advisory",
                // Waived findings must not block; an expired waiver blocks through its own finding.
                "policy-waivers": "advisory",
                "cloudtrail-s3-data-events": "disabled",
                "s3-data-bucket-event-notifications": "disabled",
            },
        },
    },
};

/** `DataType` tag when the stack sets none. */
export const DEFAULT_DATA_TYPE = "lead-data";
