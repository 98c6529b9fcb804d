/**
 * Defaults per environment. prod follows the storage plan (Standard 0-90 days, Standard-IA 90-365,
 * Glacier 365-2555, Deep Archive from 2555, expiry at 7300 days) and keeps logs a year; dev keeps
 * data a year and logs a month, so experiments do not accumulate cost.
 */
import { LifecyclePlan } from "../components/storage/lifecycle";
import { DEFAULT_ALLOWED_REGIONS } from "../rules/regions";
import { EncryptionMode, Environment } from "./schema";
import { AccessDefaults } from "./sections/access";
import { MonitoringDefaults } from "./sections/monitoring";

export interface EnvironmentDefaults {
    readonly allowedRegions: readonly string[];
    readonly protect: boolean;
    readonly encryption: { readonly mode: EncryptionMode; readonly requireEncryptionHeader: boolean };
    readonly lifecycle: LifecyclePlan;
    readonly accessLogs: { readonly prefix: string; readonly retentionDays: number };
    readonly access: AccessDefaults;
    readonly monitoring: MonitoringDefaults;
}

const US_REGIONS = DEFAULT_ALLOWED_REGIONS;

export const DEFAULTS: Readonly<Record<Environment, EnvironmentDefaults>> = {
    dev: {
        allowedRegions: US_REGIONS,
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
    },
    prod: {
        allowedRegions: US_REGIONS,
        protect: true,
        encryption: { mode: "sse-s3", requireEncryptionHeader: true },
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
    },
};

export const DEFAULT_DATA_TYPE = "lead-data";
