/**
 * The firehose-storage CrossGuard policy pack: one PolicyPack, an explicit list of policies, one
 * file per area under policies/. Served by `pulumi preview --policy-pack policy-pack` and by the
 * offline gate; per-stack enforcement and knobs live in config/<stack>.json.
 *
 * `main` in package.json is the compiled bin/policy-pack/index.js (see its description): run
 * `npm run build` here after editing it or the shared ../rules it compiles in.
 */
import "./lib/sharedProperties";
import { PolicyPack } from "@pulumi/policy";
import { PACK_POLICIES } from "./policies/all";

new PolicyPack("firehose-storage", {
    description: "Security, tagging, region and cost guardrails for the firehose-storage S3 stacks.",
    provider: "aws",
    policies: PACK_POLICIES,
});
