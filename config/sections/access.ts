/**
 * Config section for access and disaster recovery (issue 4): `writer`, `readers`, `network`, `mfa`
 * and `replication`. Schemas (strict zod), the settings they resolve to, and the cross-field rules.
 * Wired into `configSchema`, `Settings`, `resolveSettings` and the environment defaults by one line each.
 */
import { z } from "zod";
import { isSessionDuration, READER_DEFAULTS, readerArgsProblems, SESSION_RULE } from "../../components/access/readerAccess";
import {
    REPLICA_STORAGE_CLASSES,
    ReplicaStorageClass,
    REPLICATION_DEFAULTS,
    replicationArgsProblems,
} from "../../components/access/replicationArgs";
import { WRITER_DEFAULTS, writerArgsProblems } from "../../components/access/writerAccess";
import { ACCOUNT_ID_REGEX, ACCOUNT_ID_RULE, KEY_PREFIX_REGEX, KEY_PREFIX_RULE } from "../../rules/keys";
import { accountRootArn, arnRegex, IAM_NAME_PATTERN } from "../../rules/arn";
import { partitionOfRegion } from "../../rules/regions";
import { fromArgs, Problem } from "../problems";
import { tagValue } from "../tagSchemas";
import { regionCode } from "../schema";

/** How the writer authenticates: assume a role (default) or a dedicated IAM user with an access key. */
export const WRITER_MODES = ["role", "user"] as const;
export type WriterMode = (typeof WRITER_MODES)[number];

const accountId = z.string().regex(ACCOUNT_ID_REGEX, ACCOUNT_ID_RULE);
const iamPrincipalArn = z
    .string()
    .regex(
        arnRegex(`iam::\\d{12}:(root|role/${IAM_NAME_PATTERN}|user/${IAM_NAME_PATTERN})`),
        "must be an IAM role, user or account root ARN",
    );
/** STS external id rules: 2-1224 characters of `[\w+=,.@:/-]`. */
const externalId = z.string().regex(/^[\w+=,.@:/-]{2,1224}$/, "must be 2-1224 characters of letters, digits and +=,.@:/-");
/** CloudWatch namespaces: no `AWS/` prefix (reserved for AWS), 1-255 printable characters. */
const metricsNamespace = z
    .string()
    .regex(/^[A-Za-z0-9._/#:-]{1,255}$/, "must be 1-255 letters, digits or ._/#:-")
    .refine((s) => !s.startsWith("AWS/"), "must not start with AWS/ (reserved for AWS services)");
const logGroupName = z.string().regex(/^[\w.\-/#]{1,512}$/, "must be a CloudWatch Logs group name (1-512 of letters, digits, _-./#)");
/** A key prefix a reader may read under; `*` matches within a segment pattern as in IAM ARNs. */
const readPrefix = z.string().regex(KEY_PREFIX_REGEX, KEY_PREFIX_RULE);
const cidr = z
    .string()
    .regex(/^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})\/(\d|[12]\d|3[0-2])$/, "must be an IPv4 CIDR such as 203.0.113.0/24")
    .refine(
        (s) =>
            s
                .split("/")[0]
                .split(".")
                .every((o) => Number(o) <= 255),
        "must have octets 0-255",
    );
const vpcEndpointId = z.string().regex(/^vpce-[0-9a-f]{8,17}$/, "must be a VPC endpoint id such as vpce-0a1b2c3d4e5f67890");

export const writerSchema = z.strictObject({
    /** `role` (default): a role `principal` may assume with `externalId`. `user`: an IAM user with an access key. */
    mode: z.enum(WRITER_MODES).optional(),
    /** Who may assume the writer role: an account id or an IAM role/user/root ARN (role mode only). */
    principal: z
        .union([accountId, iamPrincipalArn], { error: "must be a 12-digit account id or an IAM role, user or root ARN" })
        .optional(),
    /** The external id the principal must pass to `sts:AssumeRole` (role mode only). */
    externalId: externalId.optional(),
    /** The only CloudWatch namespace the writer may put metrics into. */
    metricsNamespace: metricsNamespace.optional(),
    /** The one CloudWatch Logs group the writer may write to. */
    logGroupName: logGroupName.optional(),
});

export const readerSchema = z.strictObject({
    /** Short name of the partner; names the role (`firehose-reader-<name>`). */
    name: z.string().regex(/^[a-z0-9][a-z0-9-]{0,31}$/, "must be 1-32 lowercase letters, digits or hyphens"),
    /** The partner account trusted to assume the read role. */
    partnerAccountId: accountId,
    externalId,
    /** Key prefixes the partner may read (`s3:GetObject` on `<prefix>*` only). */
    prefixes: z.array(readPrefix).max(20),
    /** When set, only objects tagged `Classification=<value>` may be read. */
    classification: tagValue(true).optional(),
    /** Maximum session duration of the role, in seconds (IAM allows 3600-43200; checked by ReaderAccess). */
    maxSessionDurationSeconds: z.int().refine(isSessionDuration, SESSION_RULE).optional(),
});

export const networkSchema = z.strictObject({
    /** Source ranges requests must come from (unless through a listed VPC endpoint). */
    allowedCidrs: z.array(cidr).max(50).optional(),
    /** VPC endpoints requests may come through instead. */
    vpcEndpointIds: z.array(vpcEndpointId).max(20).optional(),
});

export const mfaSchema = z.strictObject({
    /** Principals (e.g. the deployer role) not asked for MFA on deletes and bucket-policy changes. */
    exemptPrincipalArns: z.array(iamPrincipalArn).max(20).optional(),
});

export const replicationSchema = z.strictObject({
    enabled: z.boolean().optional(),
    /**
     * Replica region: must differ from `aws:region` and be listed in `allowedRegions`. Lazy because
     * schema.ts imports this file while it is still being evaluated (a circular import).
     */
    region: z.lazy(() => regionCode).optional(),
    storageClass: z.enum(REPLICA_STORAGE_CLASSES).optional(),
    /** Replicate delete markers (a delete on the source then hides the replica's copy too). */
    deleteMarkerReplication: z.boolean().optional(),
});

/** The section's keys, spread into `configSchema`. */
export const accessConfigShape = {
    writer: writerSchema.optional(),
    readers: z.array(readerSchema).max(10).optional(),
    network: networkSchema.optional(),
    mfa: mfaSchema.optional(),
    replication: replicationSchema.optional(),
};
export type RawAccessConfig = z.infer<z.ZodObject<typeof accessConfigShape>>;

export interface WriterSettings {
    readonly mode: WriterMode;
    /** Role mode: the ARN allowed to assume the role (an account id becomes `arn:aws:iam::<id>:root`). */
    readonly principalArn?: string;
    readonly externalId?: string;
    readonly metricsNamespace: string;
    readonly logGroupName: string;
}

export interface ReaderSettings {
    readonly name: string;
    readonly partnerAccountId: string;
    readonly externalId: string;
    readonly prefixes: readonly string[];
    readonly classification?: string;
    readonly maxSessionDurationSeconds: number;
}

export interface AccessSettings {
    /** The writer, or undefined when no writer is configured. */
    readonly writer?: WriterSettings;
    readonly readers: readonly ReaderSettings[];
    /** The network limit, or undefined when requests may come from anywhere. */
    readonly network?: { readonly allowedCidrs: readonly string[]; readonly vpcEndpointIds: readonly string[] };
    readonly mfa: { readonly exemptPrincipalArns: readonly string[] };
    readonly replication: {
        readonly enabled: boolean;
        readonly region: string;
        readonly storageClass: ReplicaStorageClass;
        readonly deleteMarkerReplication: boolean;
    };
}

/** Per-environment defaults of the section (the rest is the same everywhere). */
export interface AccessDefaults {
    readonly replication: { readonly enabled: boolean; readonly region: string };
}

export const ACCESS_FIXED_DEFAULTS = {
    writerMode: WRITER_DEFAULTS.mode,
    metricsNamespace: "Firehose/Storage",
    logGroupName: "/leadconduit/firehose-writer",
    maxSessionDurationSeconds: READER_DEFAULTS.maxSessionDurationSeconds,
    storageClass: REPLICATION_DEFAULTS.storageClass,
    deleteMarkerReplication: REPLICATION_DEFAULTS.deleteMarkerReplication,
} as const;

/** Raw section -> settings, defaults applied. Validation is `accessProblems`. */
export function resolveAccess(raw: RawAccessConfig, d: AccessDefaults, region: string): AccessSettings {
    const w = raw.writer;
    const network = raw.network;
    return {
        writer:
            w === undefined
                ? undefined
                : {
                      mode: w.mode ?? ACCESS_FIXED_DEFAULTS.writerMode,
                      principalArn:
                          w.principal === undefined || w.principal.startsWith("arn:")
                              ? w.principal
                              : accountRootArn(partitionOfRegion(region), w.principal),
                      externalId: w.externalId,
                      metricsNamespace: w.metricsNamespace ?? ACCESS_FIXED_DEFAULTS.metricsNamespace,
                      logGroupName: w.logGroupName ?? ACCESS_FIXED_DEFAULTS.logGroupName,
                  },
        readers: (raw.readers ?? []).map((r) => ({
            ...r,
            maxSessionDurationSeconds: r.maxSessionDurationSeconds ?? ACCESS_FIXED_DEFAULTS.maxSessionDurationSeconds,
        })),
        network:
            network === undefined ? undefined : { allowedCidrs: network.allowedCidrs ?? [], vpcEndpointIds: network.vpcEndpointIds ?? [] },
        mfa: { exemptPrincipalArns: raw.mfa?.exemptPrincipalArns ?? [] },
        replication: {
            enabled: raw.replication?.enabled ?? d.replication.enabled,
            region: raw.replication?.region ?? d.replication.region,
            storageClass: raw.replication?.storageClass ?? ACCESS_FIXED_DEFAULTS.storageClass,
            deleteMarkerReplication: raw.replication?.deleteMarkerReplication ?? ACCESS_FIXED_DEFAULTS.deleteMarkerReplication,
        },
    };
}

/** The writer's fields, checked by WriterAccess's own validator (its args named as config keys). */
function writerProblems(raw: RawAccessConfig["writer"]): Problem[] {
    if (raw === undefined) {
        return [];
    }
    const args = { trustedPrincipalArn: raw.principal, externalId: raw.externalId };
    return fromArgs(writerArgsProblems(raw.mode ?? ACCESS_FIXED_DEFAULTS.writerMode, args), "writer.", {
        trustedPrincipalArn: "principal",
    });
}

/** Cross-field rules of the section. `source` is `aws:region`; `allowedRegions` the resolved allow-list. */
export function accessProblems(raw: RawAccessConfig, s: AccessSettings, source: string, allowedRegions: readonly string[]): Problem[] {
    const problems: Problem[] = [...writerProblems(raw.writer)];
    const seen = new Set<string>();
    (raw.readers ?? []).forEach((r, i) => {
        problems.push(...fromArgs(readerArgsProblems(r), `readers[${i}].`));
        if (seen.has(r.name)) {
            problems.push({ path: `readers[${i}].name`, value: r.name, message: "must be unique among readers (it names the role)" });
        }
        seen.add(r.name);
    });
    if (s.network !== undefined && s.network.allowedCidrs.length === 0 && s.network.vpcEndpointIds.length === 0) {
        problems.push({
            path: "network",
            value: raw.network,
            message: "limits nothing: list allowedCidrs and/or vpcEndpointIds, or remove the key",
        });
    }
    const rep = s.replication;
    // Replication also needs versioning on both buckets: every SecureBucket is versioned and no key
    // turns that off, so there is nothing to check here (Replication depends on both versionings).
    if (rep.enabled) {
        const from = raw.replication?.region === undefined ? " (the environment default)" : "";
        const args = { sourceRegion: source, replicaRegion: rep.region, storageClass: rep.storageClass };
        problems.push(...fromArgs(replicationArgsProblems(args), "replication.", { replicaRegion: "region" }));
        if (!allowedRegions.includes(rep.region)) {
            problems.push({
                path: "replication.region",
                value: rep.region,
                message: `must be one of allowedRegions (${allowedRegions.join(", ")})${from}: replicas are data too`,
            });
        }
    }
    return problems;
}
