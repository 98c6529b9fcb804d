/**
 * The requirements of the stack profiles (config/profiles.ts) that only the config can see (the
 * `protect` and `allowForceDestroy` switches, the trail's presence and retention): a value that breaks
 * one is refused, naming the key. The others (KMS, replication, budget, multipart abort) are judged by
 * the policy pack, whose config is generated from the same profile; the profile's defaults meet them
 * all, so only an explicit value can fail the gate. Pure.
 */
import { Problem } from "./problems";
import { StackRequirements } from "./profiles";
import { Settings } from "./settings";

/** Every requirement of `environment` the resolved settings break, each naming the key that sets it. */
export function requirementProblems(environment: string, r: StackRequirements, s: Settings): Problem[] {
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
