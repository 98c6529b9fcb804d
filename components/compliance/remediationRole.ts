/**
 * `RemediationRole`: the role Systems Manager Automation assumes to run the remediation runbooks,
 * trusted by `ssm.amazonaws.com` for this account only, allowed exactly the runbooks' calls on the
 * listed buckets (`remediationRolePolicy`).
 *
 * Children: `${name}` Role (exact `roleName`: the data bucket's policy exempts it from the MFA rule,
 * which would otherwise refuse the TLS runbook's PutBucketPolicy), `${name}-policy` RolePolicy.
 */
import * as aws from "../aws";
import * as pulumi from "@pulumi/pulumi";
import { serviceTrust } from "../malware/policies/serviceTrust";
import { CHECKS, remediationRolePolicy } from "./policies/checks";

export const REMEDIATION_ROLE_TYPE = "firehose-storage:compliance:RemediationRole";

export interface RemediationRoleArgs {
    readonly roleName: string;
    /** ARNs of the buckets the runbooks may change. */
    readonly bucketArns: readonly pulumi.Input<string>[];
    /** Extra tags; `Name` and `Role` are always set. @default {} */
    readonly tags?: Readonly<Record<string, string>>;
}

export class RemediationRole extends pulumi.ComponentResource {
    /** `arn:<partition>:iam::<account>:role/<roleName>`. */
    public readonly roleArn: pulumi.Output<string>;

    constructor(name: string, args: RemediationRoleArgs, opts?: pulumi.ComponentResourceOptions) {
        super(REMEDIATION_ROLE_TYPE, name, {}, opts);
        const parent = { parent: this };
        const accountId = aws.getCallerIdentityOutput({}, parent).accountId;
        const role = new aws.iam.Role(
            name,
            {
                name: args.roleName,
                description: "Assumed by Systems Manager Automation to run the AWS Config remediation runbooks on the stack's buckets",
                assumeRolePolicy: accountId.apply((id) => JSON.stringify(serviceTrust("AllowSsmAutomation", "ssm.amazonaws.com", id))),
                tags: { ...args.tags, Name: name, Role: "compliance" },
            },
            parent,
        );
        new aws.iam.RolePolicy(
            `${name}-policy`,
            {
                role: role.name,
                policy: pulumi.all([...args.bucketArns]).apply((arns) => JSON.stringify(remediationRolePolicy(CHECKS, arns))),
            },
            parent,
        );
        this.roleArn = role.arn;
        this.registerOutputs({ roleArn: this.roleArn });
    }
}
