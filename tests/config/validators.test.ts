/**
 * Components are the single validator: a bad value gives the component's message whether it comes
 * from the stack config (named by its config key) or from the component's args (named by the arg).
 */
import * as assert from "node:assert/strict";
import { ConfigError, resolveSettings } from "../../config";
import { readerArgsProblems } from "../../components/access/readerAccess";
import { replicationArgsProblems } from "../../components/access/replicationArgs";
import { writerArgsProblems } from "../../components/access/writerAccess";
import { intelligentTieringArgsProblems, costControlsProblems } from "../../components/cost/costControls";
import { alertTopicArgsProblems } from "../../components/monitoring/alerts";
import { bucketArgsProblems } from "../../components/storage/secureBucketArgs";
import { Problem } from "../../config";

const base = { owner: "o", costCenter: "c", environment: "dev" };
const IT_LIFECYCLE = { transitions: [{ storageClass: "INTELLIGENT_TIERING", days: 0 }] };

function configProblems(values: Record<string, unknown>): Problem[] {
    try {
        resolveSettings({ project: "firehose-storage", stack: "t", values: { ...base, ...values }, region: "us-east-1" });
    } catch (e) {
        assert.ok(e instanceof ConfigError, String(e));
        return [...e.problems];
    }
    assert.fail("config was accepted");
}

describe("one validator per rule: config key and component arg get the same message", () => {
    const rows: [string, Record<string, unknown>, string, Problem[]][] = [
        ["key prefix", { accessLogs: { prefix: "logs" } }, "accessLogs.prefix", bucketArgsProblems({ accessLogs: { prefix: "logs" } })],
        [
            "analytics export prefix",
            { analytics: { exportPrefix: "/x/" } },
            "analytics.exportPrefix",
            costControlsProblems({ dataBucketName: "b", dataBucketArn: "a", analytics: { exportPrefix: "/x/" } }),
        ],
        [
            "Intelligent-Tiering days",
            { lifecycle: IT_LIFECYCLE, intelligentTiering: { enabled: true, archiveAccessDays: 60 } },
            "intelligentTiering.archiveAccessDays",
            intelligentTieringArgsProblems({ archiveAccessDays: 60 }),
        ],
        [
            "reader session length",
            {
                readers: [
                    { name: "a", partnerAccountId: "123456789012", externalId: "ext-1", prefixes: ["p/"], maxSessionDurationSeconds: 900 },
                ],
            },
            "readers[0].maxSessionDurationSeconds",
            readerArgsProblems({ partnerAccountId: "123456789012", prefixes: ["p/"], maxSessionDurationSeconds: 900 }),
        ],
        [
            "writer fields",
            { writer: { mode: "user", externalId: "ext-1" } },
            "writer.externalId",
            writerArgsProblems("user", { externalId: "ext-1" }),
        ],
        [
            "replica region",
            { replication: { enabled: true, region: "us-east-1" } },
            "replication.region",
            replicationArgsProblems({ sourceRegion: "us-east-1", replicaRegion: "us-east-1" }),
        ],
        [
            "duplicate e-mail addresses",
            { alerts: { emails: ["a@example.com", "A@example.com"] } },
            "alerts.emails[1]",
            alertTopicArgsProblems({ emails: ["a@example.com", "A@example.com"] }),
        ],
    ];
    for (const [name, values, key, fromComponent] of rows) {
        it(name, () => {
            const fromConfig = configProblems(values);
            assert.equal(fromConfig.length, 1, JSON.stringify(fromConfig));
            assert.equal(fromComponent.length, 1, JSON.stringify(fromComponent));
            assert.equal(fromConfig[0].path, key);
            assert.equal(fromConfig[0].message, fromComponent[0].message);
        });
    }
});
