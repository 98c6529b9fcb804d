/**
 * `AuditTrail` and `CostControls` for every Pulumi language: the library's components
 * (components/audit/auditTrail.ts, components/cost/costControls.ts) behind args Pulumi's schema
 * inference reads; the same children, names and type tokens as in TypeScript. Their export and log
 * buckets are `SecureBucket`s; the package gives their names (no component-typed outputs).
 */
import * as pulumi from "@pulumi/pulumi";
import { AUDIT_TRAIL_TYPE, buildAuditTrail } from "../components/audit/auditTrail";
import { buildCostControls, COST_CONTROLS_TYPE } from "../components/cost/costControls";
import { published } from "../components/published";
import { withOldTypes } from "../components/typeTokens";
import { AuditTrailArgs, CostControlsArgs } from "./auditCostArgs";

/** A multi-region CloudTrail trail (management events, optionally S3 data events) into its own secured log bucket. */
export class AuditTrail extends pulumi.ComponentResource {
    /** `arn:<partition>:cloudtrail:<region>:<account>:trail/<trailName>`. */
    declare public readonly trailArn: pulumi.Output<string>;
    /** Name of the bucket receiving the trail's log files. */
    declare public readonly logBucketName: pulumi.Output<string>;

    constructor(name: string, args: AuditTrailArgs, opts?: pulumi.ComponentResourceOptions) {
        super(AUDIT_TRAIL_TYPE, name, {}, withOldTypes("AuditTrail", opts));
        const { trailArn, logBucketName } = buildAuditTrail(this, name, args);
        this.registerOutputs(published<AuditTrail>(this, { trailArn, logBucketName }));
    }
}

/** A monthly budget on S3 cost, storage-class analysis exported as CSV, and Intelligent-Tiering archive tiers. */
export class CostControls extends pulumi.ComponentResource {
    /** Name of the bucket receiving the analysis exports; empty without analytics. */
    declare public readonly analyticsBucketName: pulumi.Output<string | undefined>;

    constructor(name: string, args: CostControlsArgs, opts?: pulumi.ComponentResourceOptions) {
        super(COST_CONTROLS_TYPE, name, {}, withOldTypes("CostControls", opts));
        const { analyticsBucketName } = buildCostControls(this, name, args);
        this.registerOutputs(published<CostControls>(this, { analyticsBucketName: analyticsBucketName ?? pulumi.output(undefined) }));
    }
}
