/**
 * IAM, audit, monitoring, tag and region policies through the analyzer gRPC path, on the shipped
 * stacks (update) and the extras fixture, one changed field per violating case.
 */
import { PolicyDoc, TYPE, editJson, editPolicy, extras, shippedStack } from "./helpers/cases";
import { readPackConfig, usePolicyPack } from "./helpers/pack";
import { describePolicies, editing, fires, passes, useResources } from "./helpers/table";

describe("policy pack: IAM, audit, monitoring, tags, region (gRPC)", function () {
    this.timeout(60_000);
    const pack = usePolicyPack();
    const config = readPackConfig("prod");
    const prod = useResources(() => shippedStack("prod", "update"));
    const dev = useResources(() => shippedStack("dev", "update"));
    const extra = useResources(extras);
    const WRITER = "firehose-writer-policy";
    /** prod with the writer role's policy document changed by `fn`. */
    const writer = (fn: (doc: PolicyDoc) => void) => () => editPolicy(prod(), TYPE.rolePolicy, WRITER, fn);

    describePolicies(pack, config, {
        "iam-no-wildcard-actions": [
            passes("the least-privilege role policies", prod),
            passes("a scoped managed policy and a role's inline policy", extra),
            fires(
                'on Action "s3:*"',
                writer((d) => void (d.Statement[0].Action = "s3:*")),
                { onResource: WRITER, message: /allows s3:\*/ },
            ),
            fires(
                'on Action "*" in a managed policy',
                () => editPolicy(extra(), TYPE.managedPolicy, "extras-read", (d) => void (d.Statement[0].Action = "*")),
                { onResource: "extras-read" },
            ),
            fires(
                "on a wildcard in a role's inlinePolicies",
                editing(extra, TYPE.role, "extras-role", (i) => {
                    const p = (i.inlinePolicies as { policy: string }[])[0];
                    p.policy = p.policy.replace('"s3:ListAllMyBuckets"', '"s3:*"');
                }),
                { onResource: "extras-role", message: /inlinePolicies\[0\]/ },
            ),
        ],
        "iam-no-s3-on-all-resources": [
            passes("bucket-scoped statements", prod),
            passes("bucket-scoped statements and ListAllMyBuckets on *", extra),
            fires(
                'on S3 actions on Resource "*"',
                writer((d) => void (d.Statement[0].Resource = "*")),
                {
                    onResource: WRITER,
                    message: /on \*/,
                },
            ),
        ],
        "iam-no-passrole-on-all": [
            passes("policies without PassRole", prod),
            fires(
                'on iam:PassRole on "*"',
                writer((d) => void d.Statement.push({ Sid: "Pass", Effect: "Allow", Action: "iam:PassRole", Resource: "*" })),
                { onResource: WRITER, message: /iam:PassRole/ },
            ),
        ],
        "iam-user-access-keys": [
            passes("prod (writer is a role)", prod),
            fires("on dev's writer access key", dev, { config: readPackConfig("dev"), onResource: "firehose-writer-access-key" }),
        ],
        "cloudtrail-log-file-validation": [
            passes("the audit trail", prod),
            fires(
                "when off",
                editing(prod, TYPE.trail, "firehose-audit", (i) => (i.enableLogFileValidation = false)),
                { onResource: "firehose-audit" },
            ),
        ],
        "cloudtrail-multi-region": [
            passes("the audit trail", prod),
            fires(
                "on a single-region trail",
                editing(prod, TYPE.trail, "firehose-audit", (i) => (i.isMultiRegionTrail = false)),
                { onResource: "firehose-audit" },
            ),
        ],
        "sns-topic-encrypted": [
            passes("the KMS-encrypted alert topic", prod),
            fires(
                "without kmsMasterKeyId",
                editing(prod, TYPE.topic, "firehose-alerts", (i) => delete i.kmsMasterKeyId),
                { onResource: "firehose-alerts" },
            ),
        ],
        "cloudwatch-alarm-has-actions": [
            passes("alarms that notify the topic", prod),
            fires(
                "on an alarm without actions",
                editing(prod, TYPE.alarm, "firehose-alarms-5xx-errors", (i) => (i.alarmActions = [])),
                { onResource: "firehose-alarms-5xx-errors" },
            ),
        ],
        "required-tags": [
            passes("resource tags merged with provider defaultTags", prod),
            fires(
                "on a bucket without its Role tag",
                editing(prod, TYPE.bucket, "firehose-data", (i) => delete (i.tags as Record<string, string>).Role),
                { onResource: "firehose-data", message: /missing tags Role/ },
            ),
            fires("with the list taken from config", prod, {
                config: { ...config, "required-tags": { requiredTags: ["Name", "Compliance"] } },
                message: /missing tags Compliance/,
            }),
            fires(
                "when provider default tags decide (the resource sets none)",
                () =>
                    editJson<{ tags: Record<string, string> }>(prod(), TYPE.provider, "aws-replica", "defaultTags", (d) => {
                        delete d.tags.Owner;
                    }),
                { onResource: "firehose-data-replica", message: /Owner/ },
            ),
        ],
        "allowed-regions": [
            passes("us-east-1 and us-west-2", prod),
            fires(
                "on a provider in eu-west-1",
                editing(prod, TYPE.provider, "aws-replica", (i) => (i.region = "eu-west-1")),
                { onResource: "firehose-data-replica", message: /eu-west-1/ },
            ),
            fires(
                "on a resource's own region input",
                editing(prod, TYPE.topic, "firehose-alerts", (i) => (i.region = "ap-south-1")),
                { onResource: "firehose-alerts" },
            ),
            fires("with the list taken from config", prod, {
                config: { ...config, "allowed-regions": { allowedRegions: ["us-east-1"] } },
                onResource: "aws-replica",
                message: /us-west-2/,
            }),
        ],
    });
});
