/** The writer's identity policy (pure): least privilege for the lead-streaming service. */
import { KeyLayout, listPrefixPatterns, objectArnPattern } from "../../storage/layout";
import {
    GET_BUCKET_LOCATION,
    GET_OBJECT,
    KMS_WRITE_ACTIONS,
    LIST_BUCKET,
    PUT_METRIC_DATA,
    PUT_OBJECT,
    WRITER_LOG_ACTIONS,
} from "../../../rules/actions";
import { SseAlgorithm } from "../../../rules/encryption";
import { Conditions, PolicyDocument, policyDocument, Statement } from "../../../rules/document";
import { allowKeyViaS3 } from "./keyStatements";

export interface WriterPolicyInputs {
    readonly bucketArn: string;
    readonly layout: KeyLayout;
    readonly sseAlgorithm: SseAlgorithm;
    /** With SSE-KMS: the bucket's key. */
    readonly kmsKeyArn?: string | undefined;
    /** Require the `x-amz-server-side-encryption` header on uploads (else: if sent, it must be right). */
    readonly requireEncryptionHeader: boolean;
    /** Region of the bucket (for `kms:ViaService`). */
    readonly region: string;
    readonly metricsNamespace: string;
    /** `arn:<partition>:logs:<region>:<account>:log-group:<name>`. */
    readonly logGroupArn: string;
}

/** What uploads must ask for: the bucket's algorithm, its KMS key, and whether the header is required. */
export type UploadEncryption = Pick<WriterPolicyInputs, "sseAlgorithm" | "kmsKeyArn" | "requireEncryptionHeader">;

/**
 * The upload condition. Truth table (header required x algorithm):
 * | required | sse-s3 | sse-kms |
 * | yes | header = AES256 | header = aws:kms, key id if sent = the bucket key |
 * | no  | header if sent = AES256 | header if sent = aws:kms, key id if sent = the bucket key |
 */
export function uploadEncryptionCondition(i: UploadEncryption): Conditions {
    const header = { "s3:x-amz-server-side-encryption": i.sseAlgorithm };
    const condition: Record<string, Record<string, string>> = i.requireEncryptionHeader
        ? { StringEquals: header }
        : { StringEqualsIfExists: { ...header } };
    if (i.sseAlgorithm === "aws:kms" && i.kmsKeyArn !== undefined) {
        condition.StringEqualsIfExists = {
            ...condition.StringEqualsIfExists,
            "s3:x-amz-server-side-encryption-aws-kms-key-id": i.kmsKeyArn,
        };
    }
    return condition;
}

/**
 * PutObject only at layout keys (the resource ARN pattern from the layout helper) with the configured
 * encryption; GetObject at layout keys; ListBucket only for the layout's prefixes; GetBucketLocation;
 * PutMetricData only in its namespace (`"*"` with the `cloudwatch:namespace` condition: metric
 * namespaces have no ARN; AWS now lists an optional `dataset` resource type for PutMetricData, which
 * plain metric publishing does not use); Logs actions on its one log group; with SSE-KMS, the bucket key through S3 only. No `s3:*`, no `"*"` resource for S3.
 */
export function writerIdentityPolicy(i: WriterPolicyInputs): PolicyDocument {
    const objects = objectArnPattern(i.bucketArn, i.layout);
    const statements: Statement[] = [
        { Sid: "PutLayoutObjects", Effect: "Allow", Action: PUT_OBJECT, Resource: objects, Condition: uploadEncryptionCondition(i) },
        { Sid: "GetLayoutObjects", Effect: "Allow", Action: GET_OBJECT, Resource: objects },
        {
            Sid: "ListLayoutPrefixes",
            Effect: "Allow",
            Action: LIST_BUCKET,
            Resource: i.bucketArn,
            Condition: { StringLike: { "s3:prefix": listPrefixPatterns(i.layout) } },
        },
        { Sid: "LocateBucket", Effect: "Allow", Action: GET_BUCKET_LOCATION, Resource: i.bucketArn },
        {
            Sid: "PutMetricsInNamespace",
            Effect: "Allow",
            Action: PUT_METRIC_DATA,
            Resource: "*",
            Condition: { StringEquals: { "cloudwatch:namespace": i.metricsNamespace } },
        },
        {
            Sid: "WriteOwnLogGroup",
            Effect: "Allow",
            Action: [...WRITER_LOG_ACTIONS],
            Resource: [i.logGroupArn, `${i.logGroupArn}:log-stream:*`],
        },
    ];
    if (i.sseAlgorithm === "aws:kms" && i.kmsKeyArn !== undefined) {
        statements.push(allowKeyViaS3("UseBucketKeyViaS3", i.kmsKeyArn, KMS_WRITE_ACTIONS, i.region));
    }
    return policyDocument(...statements);
}
