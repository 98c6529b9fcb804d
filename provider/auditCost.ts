/**
 * `AuditTrail` and `CostControls` for every Pulumi language: the library's components
 * (components/audit/auditTrail.ts, components/cost/costControls.ts) behind args Pulumi's schema
 * inference reads; the same children, names and type tokens as in TypeScript. Their export and log
 * buckets are `SecureBucket`s; the package gives their names (no component-typed outputs).
 */
import * as pulumi from "@pulumi/pulumi";
import { throwOnProblems } from "../components/argsError";
import { AUDIT_TRAIL_TYPE, auditTrailArgsProblems, auditTrailResources } from "../components/audit/auditTrail";
import { COST_CONTROLS_TYPE, costControlsProblems, costControlsResources } from "../components/cost/costControls";
import { withOldTypes } from "../components/typeTokens";
import { AuditTrailArgs, CostControlsArgs } from "./auditCostArgs";

/** A multi-region CloudTrail trail (management events, optionally S3 data events) into its own secured log bucket. */
export class AuditTrail extends pulumi.ComponentResource {
    /** `arn:aws:cloudtrail:<region>:<account>:trail/<trailName>`. */
    public readonly trailArn: pulumi.Output<string>;
    /** Name of the bucket receiving the trail's log files. */
    public readonly logBucketName: pulumi.Output<string>;

    constructor(name: string, args: AuditTrailArgs, opts?: pulumi.ComponentResourceOptions) {
        super(AUDIT_TRAIL_TYPE, name, {}, withOldTypes("AuditTrail", opts));
        throwOnProblems("AuditTrail", auditTrailArgsProblems(args), this);
        const parts = auditTrailResources(this, name, args);
        this.trailArn = parts.trailArn;
        this.logBucketName = parts.logBucket.bucketName;
        this.registerOutputs({ trailArn: this.trailArn, logBucketName: this.logBucketName });
    }
}

/** A monthly budget on S3 cost, storage-class analysis exported as CSV, and Intelligent-Tiering archive tiers. */
export class CostControls extends pulumi.ComponentResource {
    /** Name of the bucket receiving the analysis exports; empty without analytics. */
    public readonly analyticsBucketName: pulumi.Output<string | undefined>;

    constructor(name: string, args: CostControlsArgs, opts?: pulumi.ComponentResourceOptions) {
        super(COST_CONTROLS_TYPE, name, {}, withOldTypes("CostControls", opts));
        throwOnProblems("CostControls", costControlsProblems(args), this);
        this.analyticsBucketName = costControlsResources(this, name, args).analyticsBucket?.bucketName ?? pulumi.output(undefined);
        this.registerOutputs({ analyticsBucketName: this.analyticsBucketName });
    }
}
