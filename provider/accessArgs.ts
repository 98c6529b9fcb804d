/**
 * Args of the multi-language `WriterAccess` and `ReaderAccess` in the shapes Pulumi's schema
 * inference reads (string enums, plain arrays, string maps), and the writer's translation to the
 * library's args (components/access/), whose checks still apply; the reader's are the library's args
 * as they are.
 */
import * as pulumi from "@pulumi/pulumi";
import { WRITER_MODES, type WriterAccessArgs as LibraryWriterArgs } from "../components/access/writerAccess";
import type { Problem } from "../components/storage/lifecycle";
import { KEY_LAYOUTS, type KeyLayout as LibraryKeyLayout } from "../components/storage/layout";
import { ENCRYPTION_MODES, sseAlgorithmOf, type SseAlgorithm as LibrarySseAlgorithm } from "../rules/encryption";
import { choiceProblems } from "./choices";
import { SseAlgorithm } from "./secureBucketArgs";

/** How the writer authenticates. */
export enum WriterMode {
    /** A role the writer principal assumes with an external id. */
    Role = "role",
    /** A dedicated IAM user with an access key (the secret is a Pulumi secret output). */
    User = "user",
}

/** Partition layout of object keys (components/storage/layout.ts `KEY_LAYOUTS`). */
export enum KeyLayout {
    /** `year=/month=/day=/hour=/flow_id=<id>/` (recommended). */
    Hybrid = "hybrid",
    /** `year=/month=/day=/hour=/`. */
    Time = "time",
    /** `flow_id=<id>/year=/month=/day=/hour=/`. */
    FlowFirst = "flow-first",
}

export interface WriterAccessArgs {
    /** `role`: a role the writer principal assumes; `user`: a dedicated IAM user with an access key. @default role */
    mode?: WriterMode;
    /**
     * Role mode: who may assume the role (account root, role or user ARN).
     * https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_common-scenarios_third-party.html
     * @default - none: required with mode role, refused with mode user
     */
    trustedPrincipalArn?: pulumi.Input<string>;
    /** Role mode: the external id the principal must pass. @default - none: required with mode role, refused with mode user */
    externalId?: pulumi.Input<string>;
    /** The data bucket's ARN (`SecureBucket.bucketArn`). */
    bucketArn: pulumi.Input<string>;
    /** Key layout the writer writes under. */
    keyLayout: KeyLayout;
    /** The bucket's upload encryption (`SecureBucket.sseAlgorithm`). */
    sseAlgorithm: pulumi.Input<SseAlgorithm>;
    /** With SSE-KMS: the bucket's key (`SecureBucket.kmsKeyArn`). @default - none (SSE-S3) */
    kmsKeyArn?: pulumi.Input<string>;
    /** Uploads must carry the encryption header (`SecureBucket.requireEncryptionHeader`). @default true */
    requireEncryptionHeader?: pulumi.Input<boolean>;
    /** Region of the bucket. */
    region: string;
    /** CloudWatch namespace the writer may put metrics in. */
    metricsNamespace: string;
    /** `arn:<partition>:logs:<region>:<account>:log-group:<name>` of the writer's one log group. */
    logGroupArn: pulumi.Input<string>;
    /** Extra tags; `Name` and `Role` are set by the component. @default {} */
    tags?: { [key: string]: string };
}

export interface ReaderAccessArgs {
    /** The partner's 12-digit account id; its root (principals it delegates to) may assume the role. */
    partnerAccountId: string;
    /** The external id the partner must pass (https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_common-scenarios_third-party.html). */
    externalId: pulumi.Input<string>;
    /** The data bucket's ARN (`SecureBucket.bucketArn`). */
    bucketArn: pulumi.Input<string>;
    /** Key prefixes (ending in `/`) the partner may read. */
    prefixes: string[];
    /** Only objects tagged `Classification=<value>`. @default - any object under the prefixes */
    classification?: string;
    /** With SSE-KMS: the bucket's key (`SecureBucket.kmsKeyArn`). @default - none (SSE-S3) */
    kmsKeyArn?: pulumi.Input<string>;
    /** Region of the bucket. */
    region: string;
    /** Maximum session length in seconds (3600-43200). @default 3600 */
    maxSessionDurationSeconds?: number;
    /** Extra tags; `Name` and `Role` are set by the component. @default {} */
    tags?: { [key: string]: string };
}

/** Problems only this shape can have: enum inputs other SDKs may pass any string for (the library checks the rest). */
export function writerShapeProblems(args: WriterAccessArgs): Problem[] {
    return [
        ...choiceProblems("mode", args.mode, WRITER_MODES),
        ...choiceProblems("keyLayout", args.keyLayout, KEY_LAYOUTS),
        ...choiceProblems("sseAlgorithm", args.sseAlgorithm, ENCRYPTION_MODES.map(sseAlgorithmOf)),
    ];
}

/** The library args the writer shape stands for (enum values are the library's literals). */
export function toLibraryWriterArgs(args: WriterAccessArgs): LibraryWriterArgs {
    return {
        mode: args.mode,
        trustedPrincipalArn: args.trustedPrincipalArn,
        externalId: args.externalId,
        bucketArn: args.bucketArn,
        keyLayout: args.keyLayout as string as LibraryKeyLayout,
        sseAlgorithm: pulumi.output(args.sseAlgorithm).apply((a) => a as string as LibrarySseAlgorithm),
        kmsKeyArn: args.kmsKeyArn,
        requireEncryptionHeader: args.requireEncryptionHeader,
        region: args.region,
        metricsNamespace: args.metricsNamespace,
        logGroupArn: args.logGroupArn,
        tags: args.tags,
    };
}
