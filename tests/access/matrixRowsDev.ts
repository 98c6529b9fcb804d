/** The dev stack's rows of the access matrix (see matrixRows.ts): what changes when dev relaxes the rules. */
import { StackPlan } from "../../gate/plan";
import { ACCOUNT, Caller, Context, LEAD, OUTSIDE, partnerAssumeRows, row, StackRow, T, tls } from "./matrixRows";
import { policiesOf } from "./simulate";

export function devRows(run: StackPlan): StackRow[] {
    const p = policiesOf(run);
    const D = `arn:aws:s3:::${p.resource(T.bucket, "firehose-data").inputs.bucket as string}`;
    const user = `arn:aws:iam::${ACCOUNT}:user/${p.resource(T.user, "firehose-writer").inputs.name as string}`;
    const w: Caller = {
        who: "writer user",
        principal: user,
        identityPolicies: [{ name: "firehose-writer-policy", policy: p.json(T.userPolicy, "firehose-writer-policy") }],
        resourcePolicy: p.json(T.policy, "firehose-data-policy"),
        resourceAccount: ACCOUNT,
        blockPublicAccess: p.resource(T.pab, "firehose-data-public-access-block").inputs.restrictPublicBuckets === true,
    };
    // Long-term access keys never carry aws:MultiFactorAuthPresent.
    const as = (extra: Context = {}) => tls({ "aws:PrincipalArn": user, "aws:PrincipalAccount": ACCOUNT, ...extra });
    const obj = `${D}/${LEAD}`;
    return [
        row("dev", w, "s3:PutObject", obj, as(), "Allowed", "no encryption header: dev does not require it"),
        row(
            "dev",
            w,
            "s3:PutObject",
            obj,
            as({ "s3:x-amz-server-side-encryption": "aws:kms" }),
            "ExplicitlyDenied",
            "asks for SSE-KMS in an SSE-S3 bucket",
            "DenyWrongEncryption",
        ),
        row(
            "dev",
            w,
            "s3:PutObject",
            obj,
            as({ "s3:x-amz-server-side-encryption": "AES256", "aws:SourceIp": OUTSIDE }),
            "Allowed",
            "from anywhere: no network limit in dev",
        ),
        row("dev", w, "s3:DeleteObject", obj, as(), "ExplicitlyDenied", "delete with an access key (no MFA)", "DenyDestructiveWithoutMfa"),
        ...partnerAssumeRows("dev", p, "acme-analytics-dev-5c2e91"),
    ];
}
