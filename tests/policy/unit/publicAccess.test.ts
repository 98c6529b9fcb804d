/**
 * policy-pack/lib/publicAccess.ts: the one reading of a public access block's flags that the
 * s3-public-access-block policy, the data/log bucket control and the remediation share.
 */
import * as assert from "node:assert/strict";
import { publicAccessFlags } from "../../../policy-pack/lib/publicAccess";

const U = "1c4a061d-8072-4f0a-a4cb-0ff528b18fe7"; // the engine's unknown boolean

describe("publicAccessFlags (pure)", () => {
    const cases: [string, Record<string, unknown>, string[], string[]][] = [
        ["all four on", { blockPublicAcls: true, blockPublicPolicy: true, ignorePublicAcls: true, restrictPublicBuckets: true }, [], []],
        [
            "the provider's string form counts",
            { blockPublicAcls: "true", blockPublicPolicy: "true", ignorePublicAcls: true, restrictPublicBuckets: true },
            [],
            [],
        ],
        ["absent is off", { bucket: "b" }, ["blockPublicAcls", "blockPublicPolicy", "ignorePublicAcls", "restrictPublicBuckets"], []],
        [
            'false and "false" are off, unknown is neither',
            { blockPublicAcls: false, blockPublicPolicy: U, ignorePublicAcls: "false", restrictPublicBuckets: true },
            ["blockPublicAcls", "ignorePublicAcls"],
            ["blockPublicPolicy"],
        ],
        [
            "a value that is not a boolean is off",
            { blockPublicAcls: 1, blockPublicPolicy: true, ignorePublicAcls: true, restrictPublicBuckets: "yes" },
            ["blockPublicAcls", "restrictPublicBuckets"],
            [],
        ],
    ];
    for (const [name, props, off, unknown] of cases) {
        it(name, () => assert.deepEqual(publicAccessFlags(props), { off, unknown }));
    }
});
