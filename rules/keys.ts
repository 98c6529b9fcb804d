/**
 * Names and key prefixes: one check and one message each, used by the components and the config schema,
 * so a bad value reads the same whichever way it enters. Safe characters of object keys:
 * https://docs.aws.amazon.com/AmazonS3/latest/userguide/object-keys.html
 */

/** A key prefix of safe characters (and `*`, `=` for IAM patterns and Hive partitions) ending in `/`. */
export const KEY_PREFIX_REGEX = /^[A-Za-z0-9!_.*'()=-]+(\/[A-Za-z0-9!_.*'()=-]+)*\/$/;
export const KEY_PREFIX_RULE = "must be a key prefix ending in / (letters, digits and !_.*'()=- between slashes, e.g. access-logs/)";

/** A 12-digit AWS account id. */
export const ACCOUNT_ID_REGEX = /^\d{12}$/;
export const ACCOUNT_ID_RULE = "must be a 12-digit AWS account id";
