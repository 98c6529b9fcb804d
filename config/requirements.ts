/**
 * The requirements of the stack profiles (config/profiles.ts) that a config key sets: `protect`,
 * `allowForceDestroy`, the trail's presence and retention, the data bucket's encryption mode,
 * replication, the budget, malware scanning, the AWS Config rules and the multipart-upload abort. A
 * value that breaks one is refused here, naming the key and saying what the environment requires,
 * rather than accepted and then failed by the policy pack (whose config is generated from the same
 * profile and still judges them, with what no key sets: bucket keys). A limit the environment's pack
 * only advises on (dev's multipart abort) is left to the pack's advice. Pure.
 */
import { Problem } from "./problems";
import { enforcementOf, StackProfile } from "./profiles";
import { Settings } from "./settings";

/** Every requirement of `environment` the resolved settings break, each naming the key that sets it. */
export function requirementProblems(environment: string, profile: StackProfile, s: Settings): Problem[] {
    const r = profile.requires;
    const problems: Problem[] = [];
    const refuse = (ok: boolean, path: string, value: unknown, why: string) => {
        if (!ok) {
            problems.push({ path, value, message: `${environment} ${why}` });
        }
    };
    refuse(!r.protect || s.protect, "protect", s.protect, "data buckets are always protected; remove the key or set true");
    refuse(
        !r.noForceDestroy || !s.allowForceDestroy,
        "allowForceDestroy",
        s.allowForceDestroy,
        "never force-destroys buckets holding data; remove the key or set false",
    );
    if (r.encryptionMode !== undefined) {
        refuse(
            s.encryption.mode === r.encryptionMode,
            "encryption.mode",
            s.encryption.mode,
            `encrypts data buckets with "${r.encryptionMode}" (the pack's s3-data-bucket-encryption); remove the key or set "${r.encryptionMode}"`,
        );
    }
    refuse(
        enforcementOf(profile, "s3-lifecycle-rules") !== "mandatory" || s.lifecycle.abortIncompleteMultipartUploadDays <= r.maxAbortDays,
        "lifecycle.abortIncompleteMultipartUploadDays",
        s.lifecycle.abortIncompleteMultipartUploadDays,
        `aborts incomplete multipart uploads within ${r.maxAbortDays} days (the pack's s3-lifecycle-rules); remove the key or set at most ${r.maxAbortDays}`,
    );
    // Switches the environment requires on: [required, the key, its value, what the environment does].
    const switches: [boolean, string, boolean, string][] = [
        [
            r.replication,
            "replication.enabled",
            s.access.replication.enabled,
            "replicates the data bucket to a second region (the pack's s3-data-bucket-replication)",
        ],
        [r.budget, "budget.enabled", s.monitoring.budget.enabled, "keeps a cost budget (the pack's budget-required)"],
        [
            r.malwareScan,
            "malwareScan.enabled",
            s.detective.malwareScan.enabled,
            "scans new objects for malware (the pack's s3-data-bucket-malware-scan)",
        ],
        [
            r.configRules,
            "configRules.enabled",
            s.detective.configRules.enabled,
            "evaluates the data bucket with AWS Config rules (the pack's s3-data-bucket-config-rules)",
        ],
    ];
    for (const [required, path, on, does] of switches) {
        refuse(!required || on, path, on, `${does}; remove the key or set true`);
    }
    if (r.auditMinRetentionDays !== undefined) {
        refuse(
            s.monitoring.audit.enabled,
            "audit.enabled",
            s.monitoring.audit.enabled,
            "always keeps a CloudTrail trail (Security Hub CloudTrail.1); remove the key or set true",
        );
        refuse(
            s.monitoring.audit.logRetentionDays >= r.auditMinRetentionDays,
            "audit.logRetentionDays",
            s.monitoring.audit.logRetentionDays,
            `keeps trail logs at least ${r.auditMinRetentionDays} days`,
        );
    }
    return problems;
}
