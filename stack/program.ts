/**
 * The stack program as a function: config -> settings -> components -> outputs. `index.ts` runs it
 * under the engine; the offline gate, benchmark and tests run it under mocks.
 */
import * as aws from "../components/aws";
import * as pulumi from "@pulumi/pulumi";
import { SecureBucket } from "../components/storage/secureBucket";
import { ConfigError, configInputFrom, resolveSettings, Settings } from "../config";
import { AccessOutputs, planAccess } from "./access";
import { sharedBucketArgs } from "./dataBucket";
import { planDetective } from "./detective";
import { buildMonitoring, MonitoringOutputs, replicationAlarmInput } from "./monitoring";

/** The stack's outputs: what other stacks and tools compose with. */
export interface StackOutputs extends AccessOutputs, MonitoringOutputs {
    /** Name of the data bucket. */
    readonly dataBucketName: pulumi.Output<string>;
    /** `arn:<partition>:s3:::<dataBucketName>`. */
    readonly dataBucketArn: pulumi.Output<string>;
    /** Name of the bucket receiving the data bucket's server access logs. */
    readonly accessLogBucketName: pulumi.Output<string> | undefined;
    /** Default encryption: `{ mode: "sse-s3" }` or `{ mode: "sse-kms", kmsKeyArn }`. */
    readonly encryption: pulumi.Output<{ mode: string; kmsKeyArn?: string }>;
    /** The object key layout writers must follow (`hybrid`, `time` or `flow-first`). */
    readonly keyLayout: string;
}

/** Builds every resource of the stack from validated settings. */
export function buildStack(s: Settings): StackOutputs {
    // One explicit provider per region; its default tags carry the standard tags to every resource.
    const provider = new aws.Provider("aws-primary", { region: s.region as aws.Region, defaultTags: { tags: { ...s.tags } } });
    const opts = { provider, protect: s.protect };
    const detective = planDetective(s, opts);
    const access = planAccess(s, detective.serviceRoleArns);
    const data = new SecureBucket(
        "firehose-data",
        {
            role: "data",
            bucketName: s.bucketName,
            encryption: s.encryption.mode === "sse-kms" ? { mode: "sse-kms", kmsKeyArn: s.encryption.kmsKeyArn } : { mode: "sse-s3" },
            ...sharedBucketArgs(s),
            ...access.dataBucketArgs,
            additionalPolicyStatements: (arn, upload) =>
                pulumi
                    .all([access.dataBucketArgs.additionalPolicyStatements?.(arn, upload) ?? [], detective.dataBucketStatements(arn)])
                    .apply(([own, detect]) => [...own, ...detect]),
        },
        { provider, protect: s.protect },
    );
    const accessOutputs = access.build(data, { provider, protect: s.protect });
    const monitoringOutputs = buildMonitoring(s, data, opts, replicationAlarmInput(accessOutputs), {
        eventRuleNames: detective.eventRuleNames,
        build: (alerts) => detective.build(data, alerts),
    });
    return {
        dataBucketName: data.bucketName,
        dataBucketArn: data.bucketArn,
        accessLogBucketName: data.accessLogBucket?.bucketName,
        encryption: data.kmsKeyArn.apply((kmsKeyArn) => (kmsKeyArn === undefined ? { mode: "sse-s3" } : { mode: "sse-kms", kmsKeyArn })),
        keyLayout: s.keyLayout,
        ...accessOutputs,
        ...monitoringOutputs,
    };
}

/** Reads the engine's config for the current project and stack and validates it. */
export function loadSettings(): Settings {
    return resolveSettings(configInputFrom(pulumi.runtime.allConfig(), pulumi.getProject(), pulumi.getStack()));
}

/** The whole program. A config problem surfaces as a `RunError`: the message, without a stack trace. */
export function program(): StackOutputs {
    let settings: Settings;
    try {
        settings = loadSettings();
    } catch (e) {
        throw e instanceof ConfigError ? new pulumi.RunError(e.message) : e;
    }
    return buildStack(settings);
}
