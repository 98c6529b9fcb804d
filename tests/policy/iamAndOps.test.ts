/**
 * IAM, audit, monitoring, tag and region policies through the analyzer gRPC path, on the shipped
 * stacks (update) and the extras fixture, one changed field per violating case.
 */
import { TYPE, edit, editJson, editPolicy, extras, shippedStack } from "./helpers/cases";
import { COMPLIANT, NON_COMPLIANT, readPackConfig, usePolicyPack, validateStack } from "./helpers/pack";
import { RecordedResource } from "../../gate/recorder";

describe("policy pack: IAM, audit, monitoring, tags, region (gRPC)", function () {
    this.timeout(60_000);
    const pack = usePolicyPack();
    const config = readPackConfig("prod");
    let prod: readonly RecordedResource[];
    let dev: readonly RecordedResource[];
    let extra: readonly RecordedResource[];
    before(async () => {
        prod = await shippedStack("prod", "update");
        dev = await shippedStack("dev", "update");
        extra = await extras();
    });
    const WRITER = "firehose-writer-policy";

    describe("iam-no-wildcard-actions", () => {
        it("passes the least-privilege role policies", () => validateStack(pack(), prod, "iam-no-wildcard-actions", COMPLIANT, { config }));
        it("passes a scoped managed policy and a role's inline policy", () =>
            validateStack(pack(), extra, "iam-no-wildcard-actions", COMPLIANT, { config }));
        it('fires on Action "s3:*"', () =>
            validateStack(
                pack(),
                editPolicy(prod, TYPE.rolePolicy, WRITER, (d) => void (d.Statement[0].Action = "s3:*")),
                "iam-no-wildcard-actions",
                NON_COMPLIANT,
                {
                    config,
                    onResource: WRITER,
                    message: /allows s3:\*/,
                },
            ));
        it('fires on Action "*" in a managed policy', () =>
            validateStack(
                pack(),
                editPolicy(extra, TYPE.managedPolicy, "extras-read", (d) => void (d.Statement[0].Action = "*")),
                "iam-no-wildcard-actions",
                NON_COMPLIANT,
                {
                    config,
                    onResource: "extras-read",
                },
            ));
        it("fires on a wildcard in a role's inlinePolicies", () =>
            validateStack(
                pack(),
                edit(extra, TYPE.role, "extras-role", (i) => {
                    const p = (i.inlinePolicies as { policy: string }[])[0];
                    p.policy = p.policy.replace('"s3:ListAllMyBuckets"', '"s3:*"');
                }),
                "iam-no-wildcard-actions",
                NON_COMPLIANT,
                { config, onResource: "extras-role", message: /inlinePolicies\[0\]/ },
            ));
    });

    describe("iam-no-s3-on-all-resources", () => {
        it("passes bucket-scoped statements (and ListAllMyBuckets on *)", async () => {
            await validateStack(pack(), prod, "iam-no-s3-on-all-resources", COMPLIANT, { config });
            await validateStack(pack(), extra, "iam-no-s3-on-all-resources", COMPLIANT, { config });
        });
        it('fires on S3 actions on Resource "*"', () =>
            validateStack(
                pack(),
                editPolicy(prod, TYPE.rolePolicy, WRITER, (d) => void (d.Statement[0].Resource = "*")),
                "iam-no-s3-on-all-resources",
                NON_COMPLIANT,
                {
                    config,
                    onResource: WRITER,
                    message: /on \*/,
                },
            ));
    });

    describe("iam-no-passrole-on-all", () => {
        it("passes policies without PassRole", () => validateStack(pack(), prod, "iam-no-passrole-on-all", COMPLIANT, { config }));
        it('fires on iam:PassRole on "*"', () =>
            validateStack(
                pack(),
                editPolicy(
                    prod,
                    TYPE.rolePolicy,
                    WRITER,
                    (d) => void d.Statement.push({ Sid: "Pass", Effect: "Allow", Action: "iam:PassRole", Resource: "*" }),
                ),
                "iam-no-passrole-on-all",
                NON_COMPLIANT,
                { config, onResource: WRITER, message: /iam:PassRole/ },
            ));
    });

    describe("iam-user-access-keys", () => {
        it("passes prod (writer is a role)", () => validateStack(pack(), prod, "iam-user-access-keys", COMPLIANT, { config }));
        it("fires on dev's writer access key", () =>
            validateStack(pack(), dev, "iam-user-access-keys", NON_COMPLIANT, {
                config: readPackConfig("dev"),
                onResource: "firehose-writer-access-key",
            }));
    });

    describe("cloudtrail", () => {
        it("cloudtrail-log-file-validation passes the audit trail", () =>
            validateStack(pack(), prod, "cloudtrail-log-file-validation", COMPLIANT, { config }));
        it("cloudtrail-log-file-validation fires when off", () =>
            validateStack(
                pack(),
                edit(prod, TYPE.trail, "firehose-audit", (i) => (i.enableLogFileValidation = false)),
                "cloudtrail-log-file-validation",
                NON_COMPLIANT,
                {
                    config,
                    onResource: "firehose-audit",
                },
            ));
        it("cloudtrail-multi-region passes the audit trail", () =>
            validateStack(pack(), prod, "cloudtrail-multi-region", COMPLIANT, { config }));
        it("cloudtrail-multi-region fires on a single-region trail", () =>
            validateStack(
                pack(),
                edit(prod, TYPE.trail, "firehose-audit", (i) => (i.isMultiRegionTrail = false)),
                "cloudtrail-multi-region",
                NON_COMPLIANT,
                {
                    config,
                    onResource: "firehose-audit",
                },
            ));
    });

    describe("monitoring", () => {
        it("sns-topic-encrypted passes the KMS-encrypted alert topic", () =>
            validateStack(pack(), prod, "sns-topic-encrypted", COMPLIANT, { config }));
        it("sns-topic-encrypted fires without kmsMasterKeyId", () =>
            validateStack(
                pack(),
                edit(prod, TYPE.topic, "firehose-alerts", (i) => delete i.kmsMasterKeyId),
                "sns-topic-encrypted",
                NON_COMPLIANT,
                {
                    config,
                    onResource: "firehose-alerts",
                },
            ));
        it("cloudwatch-alarm-has-actions passes alarms that notify the topic", () =>
            validateStack(pack(), prod, "cloudwatch-alarm-has-actions", COMPLIANT, { config }));
        it("cloudwatch-alarm-has-actions fires on an alarm without actions", () =>
            validateStack(
                pack(),
                edit(prod, TYPE.alarm, "firehose-alarms-5xx-errors", (i) => (i.alarmActions = [])),
                "cloudwatch-alarm-has-actions",
                NON_COMPLIANT,
                {
                    config,
                    onResource: "firehose-alarms-5xx-errors",
                },
            ));
    });

    describe("required-tags", () => {
        it("passes resource tags merged with provider defaultTags", () =>
            validateStack(pack(), prod, "required-tags", COMPLIANT, { config }));
        it("fires on a bucket without its Role tag", () =>
            validateStack(
                pack(),
                edit(prod, TYPE.bucket, "firehose-data", (i) => {
                    delete (i.tags as Record<string, string>).Role;
                }),
                "required-tags",
                NON_COMPLIANT,
                { config, onResource: "firehose-data", message: /missing tags Role/ },
            ));
        it("takes the list from config", () =>
            validateStack(pack(), prod, "required-tags", NON_COMPLIANT, {
                config: { ...config, "required-tags": { requiredTags: ["Name", "Compliance"] } },
                message: /missing tags Compliance/,
            }));
    });

    describe("allowed-regions", () => {
        it("passes us-east-1 and us-west-2", () => validateStack(pack(), prod, "allowed-regions", COMPLIANT, { config }));
        it("fires on a provider in eu-west-1", () =>
            validateStack(
                pack(),
                edit(prod, TYPE.provider, "aws-replica", (i) => (i.region = "eu-west-1")),
                "allowed-regions",
                NON_COMPLIANT,
                {
                    config,
                    onResource: "firehose-data-replica",
                    message: /eu-west-1/,
                },
            ));
        it("fires on a resource's own region input", () =>
            validateStack(
                pack(),
                edit(prod, TYPE.topic, "firehose-alerts", (i) => (i.region = "ap-south-1")),
                "allowed-regions",
                NON_COMPLIANT,
                {
                    config,
                    onResource: "firehose-alerts",
                },
            ));
        it("takes the list from config", () =>
            validateStack(pack(), prod, "allowed-regions", NON_COMPLIANT, {
                config: { ...config, "allowed-regions": { allowedRegions: ["us-east-1"] } },
                onResource: "aws-replica",
                message: /us-west-2/,
            }));
    });

    it("required-tags: provider default tags decide when the resource sets none", () =>
        validateStack(
            pack(),
            editJson<{ tags: Record<string, string> }>(prod, TYPE.provider, "aws-replica", "defaultTags", (d) => {
                delete d.tags.Owner;
            }),
            "required-tags",
            NON_COMPLIANT,
            { config, onResource: "firehose-data-replica", message: /Owner/ },
        ));
});
