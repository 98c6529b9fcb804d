/**
 * The shared rules of firehose-storage: pure tables and builders (no Pulumi, no Node imports) that the
 * components, the config layer and the policy pack all compile from, so each rule is written once.
 * The pack compiles this folder into its own output (policy-pack/tsconfig.json includes ../rules).
 */
export * from "./actions";
export * from "./arn";
export * from "./buckets";
export * from "./denies";
export * from "./document";
export * from "./encryption";
export * from "./keys";
export * from "./publicAccess";
export * from "./regions";
export * from "./storageClasses";
export * from "./tags";
export * from "./waivers";
