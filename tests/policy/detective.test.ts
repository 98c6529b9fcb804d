/** The pack's detective policies through the analyzer path (gRPC): prod requires the malware plan and the Config rules on its data bucket. */
import { edit, shippedStack, without } from "./helpers/cases";
import { COMPLIANT, NON_COMPLIANT, readPackConfig, usePolicyPack, validateStack } from "./helpers/pack";

const PLAN = "aws:guardduty/malwareProtectionPlan:MalwareProtectionPlan";
const RULE = "aws:cfg/rule:Rule";

describe("policy pack: detective controls (gRPC)", function () {
    this.timeout(120_000);
    const pack = usePolicyPack();
    const prod = readPackConfig("prod");

    for (const mode of ["preview", "update"] as const) {
        it(`prod as ${mode}: the plan and the rules are there`, async () => {
            const resources = await shippedStack("prod", mode);
            await validateStack(pack(), resources, "s3-data-bucket-malware-scan", COMPLIANT, { config: prod });
            await validateStack(pack(), resources, "s3-data-bucket-config-rules", COMPLIANT, { config: prod });
        });
    }

    it("prod without the plan: the data bucket is named; the quarantine and replica are not asked", async () => {
        const resources = without(await shippedStack("prod", "update"), PLAN, "firehose-malware");
        const found = await validateStack(pack(), resources, "s3-data-bucket-malware-scan", NON_COMPLIANT, {
            config: prod,
            onResource: "firehose-data",
            message: /has no GuardDuty Malware Protection plan/,
        });
        if (found.length !== 1) {
            throw new Error(`expected one violation, got ${found.length}`);
        }
    });

    it("prod with tagging off: the plan is named", async () => {
        const resources = edit(await shippedStack("prod", "update"), PLAN, "firehose-malware", (inputs) => {
            inputs.actions = [{ taggings: [{ status: "DISABLED" }] }];
        });
        await validateStack(pack(), resources, "s3-data-bucket-malware-scan", NON_COMPLIANT, {
            config: prod,
            onResource: "firehose-malware",
            message: /does not tag scanned objects/,
        });
    });

    it("prod without the logging rule: the missing rule is named", async () => {
        const resources = without(await shippedStack("prod", "preview"), RULE, "firehose-compliance-data-logging");
        await validateStack(pack(), resources, "s3-data-bucket-config-rules", NON_COMPLIANT, {
            config: prod,
            onResource: "firehose-data",
            message: /not evaluated by AWS Config rule\(s\) S3_BUCKET_LOGGING_ENABLED:/,
        });
    });

    it("dev (not required, none created): silent", async () => {
        const resources = await shippedStack("dev", "update");
        const dev = {
            ...readPackConfig("dev"),
            "s3-data-bucket-malware-scan": "mandatory" as const,
            "s3-data-bucket-config-rules": "mandatory" as const,
        };
        await validateStack(pack(), resources, "s3-data-bucket-malware-scan", COMPLIANT, { config: dev });
        await validateStack(pack(), resources, "s3-data-bucket-config-rules", COMPLIANT, { config: dev });
    });
});
