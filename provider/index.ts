/**
 * The multi-language component package (PulumiPlugin.yaml beside it). Pulumi's Node.js runtime
 * loads this module, finds the exported components and serves them through ComponentProvider
 * (@pulumi/pulumi/provider/experimental), whose schema is inferred from these sources: every export
 * here must keep to the shapes it reads (named interfaces, string enums, plain arrays, no callbacks).
 */
export { SecureBucket } from "./secureBucket";
export {
    AccessLogs,
    BucketRole,
    EncryptionMode,
    Lifecycle,
    LifecycleTransition,
    NoncurrentVersions,
    SecureBucketArgs,
    StorageClass,
} from "./secureBucketArgs";
