/** Resource policies for KMS keys: rotation and who the key policy admits. */
import { Finding, label, resourcePolicy, unverified, violation } from "../lib/check";
import { isAnyPrincipal, parsePolicyDocument } from "../lib/iam";
import { enableKeyRotation } from "../lib/remediate";
import { T } from "../lib/types";
import { bool, str, UNKNOWN } from "../lib/unknown";

/**
 * Checks whether a customer managed symmetric KMS key rotates its key material (Security Hub KMS.4,
 * CIS 3.6). Asymmetric and HMAC keys cannot rotate automatically and are not judged
 * (https://docs.aws.amazon.com/kms/latest/developerguide/rotate-keys.html).
 */
export const kmsKeyRotation = resourcePolicy(
    {
        name: "kms-key-rotation",
        description: "Checks whether a customer managed symmetric KMS key has automatic rotation enabled.",
        enforcementLevel: "mandatory",
        severity: "medium",
        securityHub: ["KMS.4"],
        cis: ["3.6"],
        topics: ["encryption", "key-management"],
        remediation: "Set enableKeyRotation: true on the aws.kms.Key.",
        docUrl: "https://docs.aws.amazon.com/securityhub/latest/userguide/kms-controls.html#kms-4",
    },
    {
        types: T.kmsKey,
        defaults: {},
        remediate: (r) => enableKeyRotation(r.props),
        check: (r) => {
            const spec = str(r.props.customerMasterKeySpec ?? r.props.keySpec);
            const rotation = bool(r.props.enableKeyRotation);
            if (spec === UNKNOWN || rotation === UNKNOWN) {
                return [unverified(`the key spec or enableKeyRotation of ${label(r)} is unknown`)];
            }
            if (spec !== undefined && spec !== "SYMMETRIC_DEFAULT") {
                return [];
            }
            return rotation === true
                ? []
                : [violation(`${label(r)} does not rotate its key material: set enableKeyRotation: true (AWS rotates yearly by default).`)];
        },
    },
);

/**
 * Checks whether a KMS key policy (the key's `policy` input or an aws.kms.KeyPolicy) allows
 * Principal "*" without any condition, which lets every AWS account use or manage the key
 * (https://docs.aws.amazon.com/kms/latest/developerguide/key-policy-overview.html).
 */
export const kmsKeyPolicyNoPublicAllow = resourcePolicy(
    {
        name: "kms-key-policy-no-public-allow",
        description: 'Checks whether a KMS key policy allows Principal "*" without a condition.',
        enforcementLevel: "mandatory",
        severity: "critical",
        securityHub: [],
        cis: [],
        topics: ["encryption", "key-management", "access-control"],
        remediation: 'Name the principals, or condition the "*" statement on kms:CallerAccount / aws:PrincipalOrgID / kms:ViaService.',
        docUrl: "https://docs.aws.amazon.com/kms/latest/developerguide/key-policy-overview.html",
    },
    {
        types: [...T.kmsKey, ...T.kmsKeyPolicy],
        defaults: {},
        check: (r) => {
            if (r.props.policy === undefined) {
                return [];
            }
            const doc = parsePolicyDocument(r.props.policy);
            if (doc === UNKNOWN) {
                return [unverified(`the key policy of ${label(r)} is unknown`)];
            }
            if ("error" in doc) {
                return [violation(`the key policy of ${label(r)} ${doc.error}: give a valid policy document.`)];
            }
            const findings: Finding[] = [];
            for (const [i, s] of doc.statements.entries()) {
                const anyone = isAnyPrincipal(s.principal);
                if (s.effect === UNKNOWN || anyone === UNKNOWN || s.condition === UNKNOWN) {
                    findings.push(unverified(`statement ${s.sid ?? `#${i}`} of ${label(r)} has an unknown effect, principal or condition`));
                } else if (s.effect === "Allow" && anyone && Object.keys(s.condition ?? {}).length === 0) {
                    findings.push(
                        violation(
                            `statement ${s.sid ?? `#${i}`} of ${label(r)} allows Principal "*" with no condition: name the principals or add a condition.`,
                        ),
                    );
                }
            }
            return findings;
        },
    },
);
