/**
 * EventBridge rules judged by what they do: a registered event pattern matched against sample events
 * as AWS delivers them, so a test says which events reach the target instead of restating the pattern.
 * The matcher follows EventBridge's content filtering
 * (https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-event-patterns.html) for what the stacks
 * use: exact values, `prefix`, `suffix`, `exists` and nested fields; any other operator fails the test.
 */
import * as assert from "node:assert/strict";
import { RecordedResource } from "../../gate/recorder";

type Json = null | boolean | number | string | Json[] | JsonObject;
/** An event, or an object inside one. */
export type JsonObject = { [key: string]: Json };

/** Whether `event` matches `pattern` (every field of the pattern, recursively). */
export function matchesPattern(pattern: Json, event: Json): boolean {
    assert.ok(isObject(pattern), `an event pattern is an object, got ${JSON.stringify(pattern)}`);
    return Object.entries(pattern).every(([field, want]) => {
        const got = isObject(event) ? event[field] : undefined;
        if (Array.isArray(want)) {
            return want.some((w) => matchesValue(w, got));
        }
        return got !== undefined && matchesPattern(want, got);
    });
}

function isObject(v: unknown): v is JsonObject {
    return typeof v === "object" && v !== null && !Array.isArray(v);
}

/** One element of a pattern's array against the event's value (an array matches when one element does). */
function matchesValue(want: Json, got: Json | undefined): boolean {
    if (isObject(want) && "exists" in want) {
        return (got !== undefined) === want.exists;
    }
    if (got === undefined) {
        return false;
    }
    if (Array.isArray(got)) {
        return got.some((g) => matchesValue(want, g));
    }
    if (!isObject(want)) {
        return want === got;
    }
    const [operator, operand] = Object.entries(want)[0] ?? [];
    switch (operator) {
        case "prefix":
            return typeof got === "string" && typeof operand === "string" && got.startsWith(operand);
        case "suffix":
            return typeof got === "string" && typeof operand === "string" && got.endsWith(operand);
        default:
            assert.fail(`event pattern operator ${JSON.stringify(want)} is not modelled by tests/helpers/events.ts`);
    }
}

/** The events of `samples` a rule's pattern lets through, by name, in order. */
export function routed(rule: RecordedResource, samples: Readonly<Record<string, Json>>): string[] {
    const pattern = JSON.parse(rule.inputs.eventPattern as string) as Json;
    return Object.entries(samples)
        .filter(([, event]) => matchesPattern(pattern, event))
        .map(([name]) => name);
}

/** A management API call on a bucket, as EventBridge receives it from CloudTrail. */
export function apiCallEvent(eventName: string, bucketName: string): JsonObject {
    return {
        version: "0",
        source: "aws.s3",
        "detail-type": "AWS API Call via CloudTrail",
        detail: { eventSource: "s3.amazonaws.com", eventName, requestParameters: { bucketName, Host: `${bucketName}.s3.amazonaws.com` } },
    };
}

/** S3's "Object Created" event for `key` in `bucketName` (sent once the bucket notifies EventBridge). */
export function objectCreatedEvent(bucketName: string, key: string): JsonObject {
    return {
        version: "0",
        source: "aws.s3",
        "detail-type": "Object Created",
        detail: { version: "0", bucket: { name: bucketName }, object: { key, size: 1024 }, reason: "PutObject" },
    };
}

/**
 * Object events around a new `.json` lead in `bucketName`, by name: only "new .json object" is a data
 * arrival; the others (another suffix, another bucket, a deletion, another source) are not.
 */
export function arrivalSamples(bucketName: string): Record<string, JsonObject> {
    const key = "flow_id=acme-leads/year=2026/month=11/day=24/hour=07/lead-0001.json";
    return {
        "new .json object": objectCreatedEvent(bucketName, key),
        "new .csv object": objectCreatedEvent(bucketName, key.replace(/\.json$/, ".csv")),
        "new .json object in another bucket": objectCreatedEvent("someone-elses-bucket", key),
        ".json object deleted": { ...objectCreatedEvent(bucketName, key), "detail-type": "Object Deleted" },
        "new .json object from another source": { ...objectCreatedEvent(bucketName, key), source: "acme.uploader" },
    };
}
