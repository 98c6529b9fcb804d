/** Resource policies for KMS keys: rotation and who the key policy admits. */
import { label, resourcePolicy, unverified, violation } from "../lib/check";
import { publicPrincipalPolicy } from "../lib/publicPrincipal";
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
        severity: "medium",
        securityHub: ["KMS.4"],
        cis: ["3.6"],
        topics: ["encryption", "key-management"],
        remediation: "Set enableKeyRotation: true on the aws.kms.Key.",
    },
    {
        types: T.kmsKey,
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
 * Checks whether a KMS key policy (the key's `policy` input or an aws.kms.KeyPolicy) allows anyone
 * (Principal "*" or NotPrincipal) without a condition restricting it to fixed callers
 * (kms:CallerAccount, aws:PrincipalOrgID, aws:SourceAccount, ...: lib/publicPrincipal.ts). Security
 * Hub KMS.5, AWS Config kms-key-policy-no-public-access
 * (https://docs.aws.amazon.com/config/latest/developerguide/kms-key-policy-no-public-access.html).
 * A condition on kms:ViaService alone does not restrict: any account's principals can call through S3.
 */
export const kmsKeyPolicyNoPublicAllow = publicPrincipalPolicy("kmsKey", {
    name: "kms-key-policy-no-public-allow",
    description: 'Checks whether a KMS key policy allows Principal "*" without a restricting condition.',
    severity: "critical",
    securityHub: ["KMS.5"],
    cis: [],
    topics: ["encryption", "key-management", "access-control"],
});
