/**
 * Hive-style partition layout of the Firehose archive's object keys (pure helpers).
 *
 * One layout yields both the keys writers produce and the IAM resource patterns that match them,
 * so identity policies and the data can never drift apart.
 *
 * Note on IAM matching: in an S3 resource ARN, `*` matches any run of characters *including* `/`,
 * so `year=*\/month=*\/...` constrains the order of the partition names, not their depth. That is
 * the tightest an ARN pattern can be; the layout itself is enforced by the writer code.
 */

/** The supported key layouts. `hybrid` is the recommended default. */
export const KEY_LAYOUTS = ["hybrid", "time", "flow-first"] as const;
export type KeyLayout = (typeof KEY_LAYOUTS)[number];

/** A flow id as LeadConduit issues them: letters, digits, `_` and `-`. */
export const FLOW_ID_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;

type Segment = "time" | "flow";

const SEGMENTS: Record<KeyLayout, readonly Segment[]> = {
    hybrid: ["time", "flow"],
    time: ["time"],
    "flow-first": ["flow", "time"],
};

/** Where one object sits: the moment it was streamed (UTC) and, where the layout has one, its flow. */
export interface PartitionRef {
    readonly timestamp: Date;
    readonly flowId: string;
}

function pad(n: number, width = 2): string {
    return String(n).padStart(width, "0");
}

function timeSegment(t: Date): string {
    if (Number.isNaN(t.getTime())) {
        throw new RangeError(`timestamp ${JSON.stringify(String(t))} is not a valid date`);
    }
    return `year=${pad(t.getUTCFullYear(), 4)}/month=${pad(t.getUTCMonth() + 1)}/day=${pad(t.getUTCDate())}/hour=${pad(t.getUTCHours())}`;
}

function flowSegment(flowId: string): string {
    if (!FLOW_ID_PATTERN.test(flowId)) {
        throw new RangeError(`flowId ${JSON.stringify(flowId)} must match ${FLOW_ID_PATTERN}`);
    }
    return `flow_id=${flowId}`;
}

/** The partition prefix, ending in `/`: e.g. `year=2026/month=11/day=24/hour=07/flow_id=abc/`. */
export function partitionPrefix(layout: KeyLayout, ref: PartitionRef): string {
    const parts = SEGMENTS[layout].map((s) => (s === "time" ? timeSegment(ref.timestamp) : flowSegment(ref.flowId)));
    return `${parts.join("/")}/`;
}

/** A full object key: the partition prefix followed by `fileName` (which must not contain `/`). */
export function objectKey(layout: KeyLayout, ref: PartitionRef, fileName: string): string {
    if (fileName.length === 0 || fileName.includes("/")) {
        throw new RangeError(`fileName ${JSON.stringify(fileName)} must be non-empty and contain no "/"`);
    }
    return partitionPrefix(layout, ref) + fileName;
}

/** The key pattern matching every object of the layout whose file name matches `fileGlob`. */
export function keyPattern(layout: KeyLayout, fileGlob = "*.json"): string {
    const parts = SEGMENTS[layout].map((s) => (s === "time" ? "year=*/month=*/day=*/hour=*" : "flow_id=*"));
    return `${parts.join("/")}/${fileGlob}`;
}

/** IAM resource ARN pattern for the layout's objects in one bucket, e.g. `arn:aws:s3:::b/year=*\/.../*.json`. */
export function objectArnPattern(bucketArn: string, layout: KeyLayout, fileGlob = "*.json"): string {
    return `${bucketArn}/${keyPattern(layout, fileGlob)}`;
}

/** `s3:prefix` values (for `StringLike`) that let a lister browse the layout and nothing else. */
export function listPrefixPatterns(layout: KeyLayout): string[] {
    const first = SEGMENTS[layout][0] === "time" ? "year=" : "flow_id=";
    return ["", `${first}*`];
}
