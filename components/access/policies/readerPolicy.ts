/** A partner's read-role identity policy (pure). */
import { GET_OBJECT, KMS_READ_ACTIONS } from "../../../rules/actions";
import { PolicyDocument, policyDocument, Statement } from "../../../rules/document";
import { allowKeyViaS3 } from "./keyStatements";

export interface ReaderPolicyInputs {
    readonly bucketArn: string;
    /** Key prefixes ending in `/`; the reader gets `<prefix>*` of each. */
    readonly prefixes: readonly string[];
    /** When set, only objects tagged `Classification=<value>` (`s3:ExistingObjectTag/Classification`). */
    readonly classification?: string | undefined;
    /** With SSE-KMS: the bucket's key. */
    readonly kmsKeyArn?: string | undefined;
    /** Region of the bucket (for `kms:ViaService`). */
    readonly region: string;
}

/** `s3:GetObject` on the configured prefixes only, optionally only on objects with the tag; KMS decrypt through S3. */
export function readerIdentityPolicy(i: ReaderPolicyInputs): PolicyDocument {
    if (i.prefixes.length === 0) {
        throw new RangeError("readerIdentityPolicy: at least one prefix is required");
    }
    const statements: Statement[] = [
        {
            Sid: "ReadPrefixes",
            Effect: "Allow",
            Action: GET_OBJECT,
            Resource: i.prefixes.map((p) => `${i.bucketArn}/${p}*`),
            ...(i.classification !== undefined
                ? { Condition: { StringEquals: { "s3:ExistingObjectTag/Classification": i.classification } } }
                : {}),
        },
    ];
    if (i.kmsKeyArn !== undefined) {
        statements.push(allowKeyViaS3("DecryptViaS3", i.kmsKeyArn, KMS_READ_ACTIONS, i.region));
    }
    return policyDocument(...statements);
}
