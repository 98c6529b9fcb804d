/** `SecureBucket`'s type token, the tokens of earlier releases, and the aliases that keep their URNs. */
import * as pulumi from "@pulumi/pulumi";
import { OLD_TYPE_TOKENS, typeToken, withOldTypes } from "../typeTokens";

/**
 * The type token: module `index`, as Pulumi's multi-language component packages require (the same
 * token as the package's `SecureBucket`, provider/secureBucket.ts, so either registers the same URNs).
 */
export const SECURE_BUCKET_TYPE = typeToken("SecureBucket");

/** Tokens of earlier releases, kept as `aliases`: a stack made with them keeps its buckets (tests/upgrade). */
export const SECURE_BUCKET_OLD_TYPES: readonly string[] = OLD_TYPE_TOKENS.SecureBucket;

/** `opts` with the aliases from the old type tokens (every child inherits them). */
export function withOldBucketTypes(opts: pulumi.ComponentResourceOptions | undefined): pulumi.ComponentResourceOptions {
    return withOldTypes("SecureBucket", opts);
}
