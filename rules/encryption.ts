/** Default-encryption modes and the S3 algorithm each one is requested with. */

export const ENCRYPTION_MODES = ["sse-s3", "sse-kms"] as const;
export type EncryptionMode = (typeof ENCRYPTION_MODES)[number];

/** The `x-amz-server-side-encryption` value (and `sseAlgorithm` of the bucket default) of a mode. */
export type SseAlgorithm = "AES256" | "aws:kms";

const ALGORITHM: Readonly<Record<EncryptionMode, SseAlgorithm>> = { "sse-s3": "AES256", "sse-kms": "aws:kms" };

/** `sse-s3` -> `AES256`, `sse-kms` -> `aws:kms`: the one place the mapping is written. */
export function sseAlgorithmOf(mode: EncryptionMode): SseAlgorithm {
    return ALGORITHM[mode];
}
