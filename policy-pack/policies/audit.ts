/** Resource policies for the audit trail. */
import { CheckedResourcePolicy, label, resourcePolicy, unverified, violation } from "../lib/check";
import { PolicySpec } from "../lib/meta";
import { T } from "../lib/types";
import { arr, bool, isUnknown, obj, str, UNKNOWN } from "../lib/unknown";
import { applicablePolicy } from "../lib/applicable";

/**
 * A trail policy for a boolean setting that must be true: absent counts as off (the AWS default of
 * both settings judged here), unknown is unverified, off is a violation saying `fix`.
 */
function trailFlagPolicy(meta: PolicySpec, key: string, fix: string): CheckedResourcePolicy {
    return resourcePolicy(meta, {
        types: T.trail,
        check: (r) => {
            const v = bool(r.props[key]);
            if (v === UNKNOWN) {
                return [unverified(`${key} of ${label(r)} is unknown`)];
            }
            return v === true ? [] : [violation(`${label(r)} has ${key} off: ${fix}`)];
        },
    });
}

/**
 * Checks whether a CloudTrail trail validates log files (digest files prove logs were not changed).
 */
export const cloudtrailLogFileValidation = trailFlagPolicy(
    {
        name: "cloudtrail-log-file-validation",
        description: "Checks whether a CloudTrail trail has log file validation enabled.",
        severity: "medium",
        securityHub: ["CloudTrail.4"],
        cis: ["3.2"],
        topics: ["audit", "logging"],
        remediation: "Set enableLogFileValidation: true on the trail.",
    },
    "enableLogFileValidation",
    "set enableLogFileValidation: true.",
);

/**
 * Checks whether a CloudTrail trail is multi-region (and so records activity in every region).
 */
export const cloudtrailMultiRegion = trailFlagPolicy(
    {
        name: "cloudtrail-multi-region",
        description: "Checks whether a CloudTrail trail is multi-region.",
        severity: "high",
        securityHub: ["CloudTrail.1"],
        cis: ["3.1"],
        topics: ["audit", "logging"],
        remediation: "Set isMultiRegionTrail: true and keep includeGlobalServiceEvents on.",
    },
    "isMultiRegionTrail",
    "set isMultiRegionTrail: true (and keep includeGlobalServiceEvents on).",
);

type Access = "write" | "read";

/** Which S3 object data events (`write`/`read`) one selector logs for every bucket, and what narrows it. */
function selectorCoverage(
    sel: Record<string, unknown>,
    advanced: boolean,
): { readonly logs: Access[]; readonly narrowed?: string } | typeof UNKNOWN {
    if (advanced) {
        const fields = arr(sel.fieldSelectors);
        if (fields === UNKNOWN || fields.some(isUnknown)) {
            return UNKNOWN;
        }
        const byField = new Map(fields.map((f) => [String((f as Record<string, unknown>).field), f as Record<string, unknown>]));
        const equals = (name: string): unknown[] | undefined => {
            const v = byField.get(name)?.equals;
            return Array.isArray(v) ? (v as unknown[]) : undefined;
        };
        if (!(equals("eventCategory")?.includes("Data") ?? false) || !(equals("resources.type")?.includes("AWS::S3::Object") ?? false)) {
            return { logs: [] };
        }
        const readOnly = equals("readOnly");
        const logs: Access[] = readOnly === undefined ? ["write", "read"] : readOnly.includes("true") ? ["read"] : ["write"];
        const arn = byField.get("resources.ARN");
        if (arn === undefined) {
            return { logs };
        }
        const how = Object.entries(arn)
            .filter(([k]) => k !== "field")
            .map(([k, v]) => `${k} ${Array.isArray(v) ? v.map(String).join(", ") : String(v)}`);
        return { logs, narrowed: `only for resources.ARN ${how.join(" and ")}` };
    }
    const resources = arr(sel.dataResources);
    const rw = str(sel.readWriteType);
    if (resources === UNKNOWN || rw === UNKNOWN) {
        return UNKNOWN;
    }
    const s3 = resources.map((d) => obj(d)).filter((d) => d !== UNKNOWN && d?.type === "AWS::S3::Object") as Record<string, unknown>[];
    if (s3.length === 0) {
        return { logs: [] };
    }
    const logs: Access[] = rw === "ReadOnly" ? ["read"] : rw === "WriteOnly" ? ["write"] : ["write", "read"];
    const values = s3.flatMap((d) => (Array.isArray(d.values) ? (d.values as unknown[]).map(String) : []));
    // "arn:aws:s3" (or "arn:aws:s3:::") selects every bucket: https://docs.aws.amazon.com/awscloudtrail/latest/userguide/logging-data-events-with-cloudtrail.html
    const all = values.some((v) => /^arn:[^:]+:s3(:::)?$/.test(v));
    return all ? { logs } : { logs, narrowed: `only ${values.join(", ")}` };
}

/**
 * Checks whether a multi-Region trail logs S3 object-level write (Security Hub S3.22, CIS 3.8) and
 * read (S3.23, CIS 3.9) data events for every bucket. A trail limited to some buckets is narrowed:
 * the finding says to which. Silent when the stack declares no trail (the account's trail is then
 * managed elsewhere; the coverage report says "not applicable").
 */
export const cloudtrailS3DataEvents = applicablePolicy(
    {
        name: "cloudtrail-s3-data-events",
        description: "Checks whether a multi-Region trail logs S3 object-level write and read events for every bucket.",
        enforcementLevel: "advisory",
        severity: "medium",
        securityHub: ["S3.22", "S3.23"],
        cis: ["3.8", "3.9"],
        topics: ["audit", "logging", "storage"],
        remediation:
            "Add an advanced event selector with eventCategory Data and resources.type AWS::S3::Object (no resources.ARN) to a multi-Region trail.",
    },
    T.trail,
    (trails) => {
        const covered = new Set<Access>();
        const notes: string[] = [];
        let unknown = false;
        for (const t of trails) {
            const multi = bool(t.props.isMultiRegionTrail);
            const advanced = arr(t.props.advancedEventSelectors);
            const basic = arr(t.props.eventSelectors);
            if (multi === UNKNOWN || advanced === UNKNOWN || basic === UNKNOWN) {
                unknown = true;
                continue;
            }
            const selectors = [...advanced.map((s) => [s, true] as const), ...basic.map((s) => [s, false] as const)];
            for (const [s, isAdvanced] of selectors) {
                const sel = obj(s);
                const c = sel === UNKNOWN ? UNKNOWN : selectorCoverage(sel ?? {}, isAdvanced);
                if (c === UNKNOWN) {
                    unknown = true;
                } else if (c.logs.length > 0 && (c.narrowed !== undefined || multi !== true)) {
                    notes.push(
                        `${label(t)} logs ${c.logs.join("/")} events ${c.narrowed ?? ""}${multi !== true ? " in one Region only" : ""}`.replace(
                            / +/g,
                            " ",
                        ),
                    );
                } else {
                    c.logs.forEach((a) => covered.add(a));
                }
            }
        }
        const missing = (["write", "read"] as const).filter((a) => !covered.has(a));
        if (missing.length === 0) {
            return [];
        }
        if (unknown) {
            return [unverified(`the event selectors of the stack's trails are unknown`)];
        }
        return missing.map((a) =>
            violation(
                `no multi-Region trail logs S3 object-level ${a} events for every bucket${notes.length > 0 ? ` (${notes.join("; ")})` : ""}: add a Data selector for AWS::S3::Object without a resources.ARN filter (${a === "write" ? "S3.22, CIS 3.8" : "S3.23, CIS 3.9"}).`,
            ),
        );
    },
);
