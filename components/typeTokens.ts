/**
 * The components' type tokens, and the tokens earlier releases registered them under. Pulumi's
 * multi-language component packages require module `index` (`ComponentProvider.validateResourceType`),
 * so every component the package serves (provider/) registers as `firehose-storage:index:<Name>`, in
 * the library too: a TypeScript stack and a YAML or Python one register the same URNs. The old tokens
 * stay as `aliases`, which the children inherit, so a stack made with an earlier release replaces
 * nothing (tests/upgrade/tokens.test.ts, tests/upgrade/urns.test.ts).
 */
import * as pulumi from "@pulumi/pulumi";

/** The Pulumi package name: the first part of every token. */
export const PACKAGE_NAME = "firehose-storage";

/** Component name -> the tokens of earlier releases (0.1.0 had a module per feature). */
export const OLD_TYPE_TOKENS = {
    SecureBucket: ["firehose-storage:storage:SecureBucket"],
    WriterAccess: ["firehose-storage:access:WriterAccess"],
    ReaderAccess: ["firehose-storage:access:ReaderAccess"],
    Replication: ["firehose-storage:replication:Replication"],
    AlertTopic: ["firehose-storage:monitoring:AlertTopic"],
    StorageAlarms: ["firehose-storage:monitoring:StorageAlarms"],
    ObjectNotifications: ["firehose-storage:monitoring:ObjectNotifications"],
    DetectiveAlerts: ["firehose-storage:monitoring:DetectiveAlerts"],
    AuditTrail: ["firehose-storage:audit:AuditTrail"],
    CostControls: ["firehose-storage:cost:CostControls"],
} as const satisfies Record<string, readonly string[]>;

/** A component registered under an `index` token. */
export type IndexedComponent = keyof typeof OLD_TYPE_TOKENS;

/** `firehose-storage:index:<component>`. */
export function typeToken<N extends IndexedComponent>(component: N): `firehose-storage:index:${N}` {
    return `${PACKAGE_NAME}:index:${component}`;
}

/** `opts` with an alias from each old token of `component` (every child inherits them). */
export function withOldTypes(
    component: IndexedComponent,
    opts: pulumi.ComponentResourceOptions | undefined,
): pulumi.ComponentResourceOptions {
    return pulumi.mergeOptions(opts, { aliases: OLD_TYPE_TOKENS[component].map((type) => ({ type })) });
}
