/**
 * Access and disaster recovery composed around the data bucket: the writer, partner readers, MFA and
 * network limits on the bucket policies, and cross-region replication. `program.ts` calls
 * `planAccess` before creating the data bucket (its policy names the writer) and `build` after.
 */
import * as aws from "../components/aws";
import * as pulumi from "@pulumi/pulumi";
import { logGroupArn } from "../rules/arn";
import { accessBucketStatements } from "../components/access/policies/accessStatements";
import { Replication } from "../components/access/replication";
import { SecureBucket } from "../components/storage/secureBucket";
import { SecureBucketArgs, UploadRequirement } from "../components/storage/secureBucketArgs";
import { WriterAccess } from "../components/access/writerAccess";
import { Settings } from "../config";
import { sharedBucketArgs } from "./dataBucket";

/** Stack outputs of this feature. */
export interface AccessOutputs {
    /** ARN of the writer role (`arn:<partition>:iam::<account>:role/<name>`) or user; undefined without a writer. */
    readonly writerPrincipalArn: pulumi.Output<string> | undefined;
    /** Writer user mode: its access key id. */
    readonly writerAccessKeyId: pulumi.Output<string> | undefined;
    /** Writer user mode: its secret access key (a Pulumi secret). */
    readonly writerSecretAccessKey: pulumi.Output<string> | undefined;
    /** Partner name -> ARN of its read role. */
    readonly readerRoleArns: pulumi.Output<Record<string, string>>;
    /** Name of the replica bucket, when replication is on. */
    readonly replicaBucketName: pulumi.Output<string> | undefined;
    /** `arn:<partition>:s3:::<replicaBucketName>`, when replication is on. */
    readonly replicaBucketArn: pulumi.Output<string> | undefined;
    /** Region of the replica, when replication is on. */
    readonly replicaRegion: string | undefined;
}

export interface AccessPlan {
    /** Spread into the data bucket's args: the access statements of its policy and the MFA exemptions. */
    readonly dataBucketArgs: Pick<SecureBucketArgs, "additionalPolicyStatements" | "mfaExemptPrincipalArns">;
    /** Creates the writer, readers and replication for `data`. Call exactly once: the data policy waits for it. */
    build(data: SecureBucket, opts: { readonly provider: aws.Provider; readonly protect: boolean }): AccessOutputs;
}

/**
 * The data bucket's policy names the writer, whose policy names the bucket: the writer's ARN is a
 * deferred output, resolved by `build` once the writer exists (the bucket policy then depends on it,
 * which AWS needs anyway: a policy naming a principal that does not exist yet is rejected).
 */
export function planAccess(s: Settings, dataServiceRoleArns: pulumi.Input<string[]> = []): AccessPlan {
    const a = s.access;
    const [writerArn, resolveWriterArn] = pulumi.deferredOutput<string>();
    /** The data bucket's statements name the writer and the service roles (stack/detective.ts); the replica's neither. */
    const statementsFor =
        (forData: boolean) =>
        (bucketArn: string, upload: UploadRequirement): pulumi.Input<ReturnType<typeof accessBucketStatements>> => {
            const build = (writer: string | undefined, serviceRoleArns: string[]) =>
                accessBucketStatements({
                    bucketArn,
                    layout: s.keyLayout,
                    writerArn: writer,
                    // The bucket's own encryption; the key itself is enforced by the bucket policy's
                    // DenyWrongKmsKey (the key may not exist yet here).
                    upload,
                    mfaExemptPrincipalArns: a.mfa.exemptPrincipalArns,
                    network: a.network,
                    serviceRoleArns,
                });
            if (!forData) {
                return build(undefined, []);
            }
            const writer = a.writer !== undefined ? writerArn : pulumi.output(undefined);
            return pulumi.all([writer, dataServiceRoleArns]).apply(([w, roles]) => build(w, roles));
        };
    const bucketArgs = (forData: boolean) => ({
        additionalPolicyStatements: statementsFor(forData),
        mfaExemptPrincipalArns: a.mfa.exemptPrincipalArns,
    });
    return {
        dataBucketArgs: bucketArgs(true),
        build(data, opts) {
            let writer: WriterAccess | undefined;
            const w = a.writer;
            if (w !== undefined) {
                const account = aws.getCallerIdentityOutput({}, { provider: opts.provider }).accountId;
                writer = data.grantWrite(
                    "firehose-writer",
                    {
                        mode: w.mode,
                        trustedPrincipalArn: w.principalArn,
                        externalId: w.externalId,
                        keyLayout: s.keyLayout,
                        region: s.region,
                        metricsNamespace: w.metricsNamespace,
                        logGroupArn: account.apply((id) => logGroupArn(s.region, id, w.logGroupName)),
                    },
                    { provider: opts.provider },
                );
                resolveWriterArn(writer.principalArn);
            }
            const readers = a.readers.map(
                (r) =>
                    [
                        r.name,
                        data.grantRead(
                            `firehose-reader-${r.name}`,
                            {
                                partnerAccountId: r.partnerAccountId,
                                externalId: r.externalId,
                                prefixes: r.prefixes,
                                classification: r.classification,
                                region: s.region,
                                maxSessionDurationSeconds: r.maxSessionDurationSeconds,
                            },
                            { provider: opts.provider },
                        ).roleArn,
                    ] as const,
            );
            const replication = a.replication.enabled ? buildReplication(s, data, bucketArgs(false), opts) : undefined;
            return {
                writerPrincipalArn: writer?.principalArn,
                writerAccessKeyId: writer?.accessKeyId,
                writerSecretAccessKey: writer?.secretAccessKey,
                readerRoleArns: pulumi
                    .all(readers.map(([, arn]) => arn))
                    .apply((arns) => Object.fromEntries(readers.map(([n], i) => [n, arns[i]]))),
                replicaBucketName: replication?.replicaBucketName,
                replicaBucketArn: replication?.replicaBucketArn,
                replicaRegion: replication !== undefined ? a.replication.region : undefined,
            };
        },
    };
}

/** A second provider for the replica region (same default tags) and the replication of `data` into it. */
function buildReplication(
    s: Settings,
    data: SecureBucket,
    policyArgs: Pick<SecureBucketArgs, "additionalPolicyStatements" | "mfaExemptPrincipalArns">,
    opts: { readonly provider: aws.Provider; readonly protect: boolean },
): Replication {
    const r = s.access.replication;
    // The region was validated against allowedRegions and aws:region by config/sections/access.ts.
    const replicaProvider = new aws.Provider("aws-replica", { region: r.region as aws.Region, defaultTags: { tags: { ...s.tags } } });
    return new Replication(
        "firehose-replication",
        {
            source: data,
            sourceRegion: s.region,
            replicaRegion: r.region,
            replicaProvider,
            replicaName: "firehose-data-replica",
            replica: {
                // A replica of an SSE-KMS bucket is SSE-KMS with its own key in its region.
                encryption: s.encryption.mode === "sse-kms" ? { mode: "sse-kms" } : { mode: "sse-s3" },
                // Stored, kept and locked like the data bucket (S3 requires a locked source's replica locked).
                ...sharedBucketArgs(s),
                ...policyArgs,
            },
            storageClass: r.storageClass,
            deleteMarkerReplication: r.deleteMarkerReplication,
        },
        { provider: opts.provider, protect: opts.protect },
    );
}
