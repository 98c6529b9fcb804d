/** The offline plan's mocks answer in the stack region's partition, as AWS would: ARNs, getPartition, domain names. */
import * as assert from "node:assert/strict";
import { AwsMocks, MOCK_ACCOUNT_ID } from "../../gate/mocks";

function created(region: string, type: string, name: string, inputs: Record<string, unknown> = {}): Record<string, unknown> {
    const mocks = new AwsMocks(false, region);
    return mocks.newResource({ type, name, inputs, custom: true }).state;
}

describe("offline mocks: partitions", () => {
    for (const [region, partition, dns] of [
        ["us-east-1", "aws", "amazonaws.com"],
        ["us-gov-west-1", "aws-us-gov", "amazonaws.com"],
        ["cn-north-1", "aws-cn", "amazonaws.com.cn"],
    ]) {
        it(`${region}: ARNs in ${partition}, endpoints under ${dns}`, () => {
            const bucket = created(region, "aws:s3/bucket:Bucket", "data", { bucket: "leads" });
            assert.equal(bucket.arn, `arn:${partition}:s3:::leads`);
            assert.equal(bucket.bucketRegionalDomainName, `leads.s3.${region}.${dns}`);
            assert.equal(
                created(region, "aws:iam/role:Role", "r", { name: "writer" }).arn,
                `arn:${partition}:iam::${MOCK_ACCOUNT_ID}:role/writer`,
            );
            assert.match(
                String(created(region, "aws:kms/key:Key", "k").arn),
                new RegExp(`^arn:${partition}:kms:${region}:${MOCK_ACCOUNT_ID}:key/`),
            );
            const mocks = new AwsMocks(false, region);
            assert.deepEqual(mocks.call({ token: "aws:index/getPartition:getPartition", inputs: {} }), {
                partition,
                dnsSuffix: dns,
                id: partition,
            });
            const identity = mocks.call({ token: "aws:index/getCallerIdentity:getCallerIdentity", inputs: {} });
            assert.equal(identity.arn, `arn:${partition}:iam::${MOCK_ACCOUNT_ID}:user/deployer`);
        });
    }
});
