/**
 * Which S3 Block Public Access flags of a resource's inputs are off, and which are still unknown: the
 * one reading the public-access-block policy, the data/log bucket control and the remediation share
 * (the flag list itself is rules/publicAccess.ts). Pure.
 */
import { PUBLIC_ACCESS_BLOCK_FLAGS, PublicAccessBlockFlag } from "../../rules/publicAccess";
import { bool, UNKNOWN } from "./unknown";

/** The flags of one public access block by state; a flag in neither list is on. */
export interface PublicAccessFlags {
    /** Not `true`; an absent flag is as `absentMeans` says. */
    readonly off: readonly PublicAccessBlockFlag[];
    /** Unknown until apply (preview). */
    readonly unknown: readonly PublicAccessBlockFlag[];
}

/**
 * The flags of `props` that are off and those that are unknown, in `PUBLIC_ACCESS_BLOCK_FLAGS` order.
 * An absent (or non-boolean) flag reads as `absentMeans`: off for `aws.s3.BucketPublicAccessBlock`,
 * which leaves each flag false; on for an access point's block, whose omitted flags AWS turns on.
 */
export function publicAccessFlags(props: Readonly<Record<string, unknown>>, absentMeans = false): PublicAccessFlags {
    const values = PUBLIC_ACCESS_BLOCK_FLAGS.map((f) => [f, bool(props[f]) ?? absentMeans] as const);
    return {
        off: values.filter(([, v]) => v !== true && v !== UNKNOWN).map(([f]) => f),
        unknown: values.filter(([, v]) => v === UNKNOWN).map(([f]) => f),
    };
}
