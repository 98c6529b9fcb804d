/** lib/bucketIndex.ts: joining children to buckets in preview (unknown names) and update (known names). */
import * as assert from "node:assert/strict";
import { buildBucketIndex } from "../../../policy-pack/lib/bucketIndex";
import { StackResource } from "../../../policy-pack/lib/check";
import { UNKNOWN } from "../../../policy-pack/lib/unknown";

const U = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";
const BUCKET = "aws:s3/bucket:Bucket";
const VERSIONING = "aws:s3/bucketVersioning:BucketVersioning";

function res(
    type: string,
    name: string,
    props: Record<string, unknown>,
    rel: { deps?: string[]; pd?: Record<string, string[]>; provider?: Record<string, unknown> } = {},
): StackResource {
    return {
        type,
        name,
        urn: `urn:${name}`,
        props,
        provider: rel.provider === undefined ? undefined : { type: "pulumi:providers:aws", name: "p", urn: "urn:p", props: rel.provider },
        dependencies: rel.deps ?? [],
        propertyDependencies: rel.pd ?? {},
    };
}

describe("policy-pack lib/bucketIndex", () => {
    it("joins through propertyDependencies.bucket when the name is unknown (preview)", () => {
        const idx = buildBucketIndex([
            res(BUCKET, "data", { tags: { Role: "data" } }),
            res(BUCKET, "logs", { tags: { Role: "access-logs" } }),
            res(VERSIONING, "v", { bucket: U }, { deps: ["urn:data", "urn:logs"], pd: { bucket: ["urn:data"] } }),
        ]);
        assert.deepEqual(
            idx.children("urn:data", "versioning").map((r) => r.name),
            ["v"],
        );
        assert.deepEqual(idx.children("urn:logs", "versioning"), []);
    });
    it("joins by known name (update), including an ARN reference", () => {
        const idx = buildBucketIndex([
            res(BUCKET, "data", { bucket: "data-123" }),
            res(VERSIONING, "v", { bucket: "data-123" }),
            res("aws:s3/bucketPolicy:BucketPolicy", "p", { bucket: "arn:aws:s3:::data-123" }),
        ]);
        assert.equal(idx.children("urn:data", "versioning").length, 1);
        assert.equal(idx.children("urn:data", "policy").length, 1);
    });
    it("falls back to the only bucket among dependencies when bucket is unknown without property dependencies", () => {
        const idx = buildBucketIndex([res(BUCKET, "data", {}), res(VERSIONING, "v", { bucket: U }, { deps: ["urn:data"] })]);
        assert.equal(idx.children("urn:data", "versioning").length, 1);
    });
    it("leaves unresolvable children unjoined instead of guessing", () => {
        const idx = buildBucketIndex([
            res(BUCKET, "a", {}),
            res(BUCKET, "b", {}),
            res(VERSIONING, "ambiguous", { bucket: U }, { deps: ["urn:a", "urn:b"] }),
            res(VERSIONING, "external", { bucket: "someone-elses-bucket" }),
        ]);
        assert.deepEqual(
            idx.unjoined("versioning").map((r) => r.name),
            ["ambiguous", "external"],
        );
        assert.equal(idx.children("urn:a", "versioning").length + idx.children("urn:b", "versioning").length, 0);
    });
    it("classifies buckets by merged Role tag; untagged and unknown roles count as data", () => {
        const idx = buildBucketIndex([
            res(BUCKET, "data", {}, { provider: { defaultTags: JSON.stringify({ tags: { Role: "data" } }) } }),
            res(BUCKET, "replica", { tags: { Role: "replica" } }),
            res(BUCKET, "logs", { tags: { Role: "access-logs" } }),
            res(BUCKET, "trail", { tags: { Role: "audit-logs" } }),
            res(BUCKET, "untagged", {}),
            res(BUCKET, "unknown", { tags: U }),
        ]);
        assert.deepEqual(
            idx.dataBuckets.map((b) => b.bucket.name),
            ["data", "replica", "untagged", "unknown"],
        );
        assert.equal(idx.buckets.find((b) => b.bucket.name === "unknown")?.role, UNKNOWN);
    });
});
