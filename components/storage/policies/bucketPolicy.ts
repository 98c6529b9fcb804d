/** The whole bucket policy of a `SecureBucket`, by role (pure). */
import { allowS3LogDelivery } from "./bucketStatements";
import { BucketRole, MFA_GUARDED_BY_COMPONENT_ROLES } from "../../../rules/buckets";
import {
    denyDestructiveWithoutMfa,
    denyInsecureTransport,
    denyMissingEncryptionHeader,
    denyOutdatedTls,
    denyWrongEncryption,
    denyWrongKmsKey,
} from "../../../rules/denies";
import { SseAlgorithm } from "../../../rules/encryption";
import { PolicyDocument, policyDocument, Statement } from "../../../rules/document";

export interface BucketPolicyInputs {
    readonly role: BucketRole;
    readonly bucketArn: string;
    readonly sseAlgorithm: SseAlgorithm;
    readonly kmsKeyArn?: string | undefined;
    readonly requireEncryptionHeader: boolean;
    readonly mfaExemptPrincipalArns: readonly string[];
    /** For access-log buckets: who may deliver logs here. */
    readonly logDelivery?: { readonly sourceBucketArn: string; readonly accountId: string; readonly prefix: string } | undefined;
    /** Statements other features add (writer access, MFA on bucket changes, trail delivery, ...). */
    readonly extraStatements?: readonly Statement[] | undefined;
}

/**
 * Every bucket: TLS only, TLS >= 1.2, no upload asking for another encryption (and, when required,
 * none without the header). Log buckets also admit their delivery service; they and the quarantine,
 * like data buckets (whose guard comes with the access statements), refuse deletes and policy changes
 * without MFA.
 */
export function secureBucketPolicy(i: BucketPolicyInputs): PolicyDocument {
    const statements: Statement[] = [
        denyInsecureTransport(i.bucketArn),
        denyOutdatedTls(i.bucketArn),
        denyWrongEncryption(i.bucketArn, i.sseAlgorithm),
    ];
    if (i.sseAlgorithm === "aws:kms" && i.kmsKeyArn !== undefined) {
        statements.push(denyWrongKmsKey(i.bucketArn, i.kmsKeyArn));
    }
    if (i.requireEncryptionHeader) {
        statements.push(denyMissingEncryptionHeader(i.bucketArn));
    }
    if (i.logDelivery !== undefined) {
        statements.push(allowS3LogDelivery(i.bucketArn, i.logDelivery.sourceBucketArn, i.logDelivery.accountId, i.logDelivery.prefix));
    }
    if ((MFA_GUARDED_BY_COMPONENT_ROLES as readonly string[]).includes(i.role)) {
        statements.push(denyDestructiveWithoutMfa(i.bucketArn, i.mfaExemptPrincipalArns));
    }
    return policyDocument(...statements, ...(i.extraStatements ?? []));
}
