/** The arrival log's key policy names the account in the region's partition (GovCloud, China), not `arn:aws:`. */
import * as assert from "node:assert/strict";
import { logGroupKeyPolicy } from "../../components/monitoring/policies/arrivalLogStatements";

describe("arrival log key policy: partitions", () => {
    for (const [region, root] of [
        ["us-east-1", "arn:aws:iam::123456789012:root"],
        ["us-gov-west-1", "arn:aws-us-gov:iam::123456789012:root"],
        ["cn-north-1", "arn:aws-cn:iam::123456789012:root"],
    ]) {
        it(`${region}: the account administers the key as ${root}`, () => {
            const doc = logGroupKeyPolicy("123456789012", region, "arn:x:logs:r:1:log-group:g");
            const admin = doc.Statement.find((s) => s.Sid === "EnableAccountAdministration");
            assert.deepEqual(admin?.Principal, { AWS: root });
        });
    }
});
