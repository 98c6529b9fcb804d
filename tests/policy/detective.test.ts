/** The pack's detective policies through the analyzer path (gRPC): prod requires the malware plan and the Config rules on its data bucket. */
import { shippedStack, without } from "./helpers/cases";
import { readPackConfig, usePolicyPack } from "./helpers/pack";
import { describePolicies, editing, fires, passes, PolicyCase, useResources } from "./helpers/table";

const PLAN = "aws:guardduty/malwareProtectionPlan:MalwareProtectionPlan";
const RULE = "aws:cfg/rule:Rule";

describe("policy pack: detective controls (gRPC)", function () {
    this.timeout(120_000);
    const pack = usePolicyPack();
    const prodPreview = useResources(() => shippedStack("prod", "preview"));
    const prodUpdate = useResources(() => shippedStack("prod", "update"));
    const dev = useResources(() => shippedStack("dev", "update"));

    /** Rows both policies share: prod (preview and update) has the plan and the rules; dev requires none and creates none. */
    const shared = (policy: string): PolicyCase[] => [
        passes("prod as preview: the plan and the rules are there", prodPreview),
        passes("prod as update: the plan and the rules are there", prodUpdate),
        passes("dev (not required, none created): silent", dev, { config: { ...readPackConfig("dev"), [policy]: "mandatory" } }),
    ];

    describePolicies(pack, readPackConfig("prod"), {
        "s3-data-bucket-malware-scan": [
            ...shared("s3-data-bucket-malware-scan"),
            fires(
                "on prod without the plan: the data bucket is named; the quarantine and replica are not asked",
                () => without(prodUpdate(), PLAN, "firehose-malware"),
                { onResource: "firehose-data", message: /has no GuardDuty Malware Protection plan/, count: 1 },
            ),
            fires(
                "on prod with tagging off: the plan is named",
                editing(prodUpdate, PLAN, "firehose-malware", (inputs) => {
                    inputs.actions = [{ taggings: [{ status: "DISABLED" }] }];
                }),
                { onResource: "firehose-malware", message: /does not tag scanned objects/ },
            ),
        ],
        "s3-data-bucket-config-rules": [
            ...shared("s3-data-bucket-config-rules"),
            fires(
                "on prod without the logging rule: the missing rule is named",
                () => without(prodPreview(), RULE, "firehose-compliance-data-logging"),
                { onResource: "firehose-data", message: /not evaluated by AWS Config rule\(s\) S3_BUCKET_LOGGING_ENABLED:/ },
            ),
        ],
    });
});
