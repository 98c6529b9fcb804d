/**
 * Components called from JavaScript (no type checker): a required arg left out, `null`, or a value of
 * the wrong type is refused with the others, before any child, as a bad value is (components/argRules.ts).
 */
import * as assert from "node:assert/strict";
import { configRecorderProblems, ConfigRecorderArgs } from "../../components/compliance/configRecorder";
import { ArrivalLog, arrivalLogProblems, ArrivalLogArgs } from "../../components/monitoring/arrivalLog";
import { refusedBeforeChildren } from "../helpers/shipped";

/** Args as an untyped caller may pass them. */
const untyped = <T>(args: Record<string, unknown>): T => args as T;

describe("component args from untyped callers", () => {
    it("ArrivalLog: a missing retention, a null policy name and a numeric group name, all at once, before any child", async () => {
        const args = untyped<ArrivalLogArgs>({ logGroupName: 42, region: "us-east-1", policyName: null });
        assert.deepEqual(
            arrivalLogProblems(args).map((p) => `${p.path}=${JSON.stringify(p.value)}`),
            ["logGroupName=42", "retentionDays=undefined", "policyName=null"],
        );
        assert.equal(
            await refusedBeforeChildren(() => new ArrivalLog("a", args), "firehose-storage:monitoring:ArrivalLog"),
            "invalid ArrivalLog args:\n" +
                "  - logGroupName: got 42; must be 1-512 of letters, digits, _-./#\n" +
                "  - retentionDays: missing; must be a whole number of days, at least 1\n" +
                "  - policyName: got null; must be 1-255 letters, digits or _-./#+=,@",
        );
    });

    it("an optional arg left out is not a problem; null is", () => {
        const base = { recorderName: "r", bucketName: "b" };
        assert.deepEqual(configRecorderProblems(untyped<ConfigRecorderArgs>(base)), []);
        assert.deepEqual(
            configRecorderProblems(untyped<ConfigRecorderArgs>({ ...base, historyRetentionDays: null })).map((p) => p.path),
            ["historyRetentionDays"],
        );
    });
});
