/** rules/: the shared pure module (no imports from outside it) and its partition-aware builders. */
import * as assert from "node:assert/strict";
import * as fs from "fs";
import * as path from "path";
import {
    accountRootArn,
    alarmArnPattern,
    arnRegex,
    bucketNameFromRef,
    budgetArnPattern,
    eventRuleArn,
    IAM_NAME_PATTERN,
    isLogTarget,
    logGroupArn,
    partitionOfRegion,
    REGION_REGEX,
    s3BucketArn,
    sseAlgorithmOf,
    trailArn,
    transitionIssues,
} from "../../rules";

const RULES_DIR = path.resolve(__dirname, "../../rules");

describe("rules/", () => {
    it("imports nothing from outside rules/ (no Pulumi, no Node): the program, config and pack all compile it", () => {
        for (const file of fs.readdirSync(RULES_DIR).filter((f) => f.endsWith(".ts"))) {
            const text = fs.readFileSync(path.join(RULES_DIR, file), "utf8");
            const specifiers = [...text.matchAll(/from\s+"([^"]+)"/g)].map((m) => m[1]);
            assert.deepEqual(
                specifiers.filter((s) => !/^\.\/[A-Za-z]+$/.test(s)),
                [],
                `${file} imports from outside rules/`,
            );
        }
    });

    it("ARNs follow the partition of the region", () => {
        const rows: [string, string][] = [
            ["us-east-1", "aws"],
            ["us-gov-west-1", "aws-us-gov"],
            ["cn-north-1", "aws-cn"],
            ["us-iso-east-1", "aws-iso"],
            ["us-isob-east-1", "aws-iso-b"],
            ["eu-west-1", "aws"],
        ];
        for (const [region, partition] of rows) {
            assert.equal(partitionOfRegion(region), partition, region);
            assert.ok(REGION_REGEX.test(region), region);
        }
        assert.equal(trailArn("us-gov-west-1", "123456789012", "t"), "arn:aws-us-gov:cloudtrail:us-gov-west-1:123456789012:trail/t");
        assert.equal(eventRuleArn("cn-north-1", "123456789012", "r"), "arn:aws-cn:events:cn-north-1:123456789012:rule/r");
        assert.equal(logGroupArn("us-east-1", "123456789012", "/g"), "arn:aws:logs:us-east-1:123456789012:log-group:/g");
        assert.equal(alarmArnPattern("us-gov-east-1", "123456789012"), "arn:aws-us-gov:cloudwatch:us-gov-east-1:123456789012:alarm:*");
        assert.equal(budgetArnPattern("aws-cn", "123456789012"), "arn:aws-cn:budgets::123456789012:*");
        assert.equal(accountRootArn("aws-us-gov", "123456789012"), "arn:aws-us-gov:iam::123456789012:root");
        assert.equal(s3BucketArn("aws-cn", "b"), "arn:aws-cn:s3:::b");
    });

    it("arnRegex: an ARN of every partition, nothing else", () => {
        const role = arnRegex(`iam::\\d{12}:role/${IAM_NAME_PATTERN}`);
        for (const partition of ["aws", "aws-cn", "aws-us-gov", "aws-iso", "aws-iso-b"]) {
            assert.ok(role.test(`arn:${partition}:iam::123456789012:role/path/r`), partition);
        }
        for (const bad of [
            "arn:awsx:iam::123456789012:role/r",
            "arn:aws-:iam::123456789012:role/r",
            "arn:aws:iam::123456789012:role/r x",
        ]) {
            assert.ok(!role.test(bad), bad);
        }
    });

    it("bucket references: a bucket ARN of any partition or a bare name", () => {
        assert.equal(bucketNameFromRef("arn:aws:s3:::b1"), "b1");
        assert.equal(bucketNameFromRef("arn:aws-us-gov:s3:::b2"), "b2");
        assert.equal(bucketNameFromRef("b3"), "b3");
        assert.equal(bucketNameFromRef("arn:aws:s3:::b4/key"), "arn:aws:s3:::b4/key");
    });

    it("encryption mode -> algorithm; log-target roles", () => {
        assert.equal(sseAlgorithmOf("sse-s3"), "AES256");
        assert.equal(sseAlgorithmOf("sse-kms"), "aws:kms");
        assert.deepEqual(["data", "replica", "access-logs", "audit-logs", "other"].filter(isLogTarget), ["access-logs", "audit-logs"]);
    });

    it("transition issues: IA minimum age, 30 days in IA, strictly increasing, down the waterfall", () => {
        assert.deepEqual(
            transitionIssues([
                { storageClass: "STANDARD_IA", days: 30 },
                { storageClass: "GLACIER", days: 60 },
            ]),
            [],
        );
        assert.deepEqual(
            transitionIssues([
                { storageClass: "ONEZONE_IA", days: 10 },
                { storageClass: "GLACIER", days: 20 },
                { storageClass: "STANDARD_IA", days: 20 },
                { storageClass: "UNLISTED", days: 40 },
            ]).map((i) => [i.index, i.field, i.value]),
            [
                [0, "days", 10],
                [1, "days", 20],
                [2, "days", 20],
                [2, "days", 20],
                [2, "storageClass", "STANDARD_IA"],
                [3, "days", 40],
            ],
        );
    });
});
