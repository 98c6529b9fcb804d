/**
 * Security Hub controls on resources other than a bucket's own settings, through the analyzer gRPC
 * path on the extras fixture (compliant as written; one changed field per case): access points and
 * Multi-Region Access Points (S3.19, S3.24), directory buckets' lifecycle (S3.25), KMS key rotation
 * (KMS.4, CIS 3.6) and key policies, and S3 data events in a multi-Region trail (S3.22, S3.23).
 */
import * as assert from "node:assert/strict";
import { edit, extras, without } from "./helpers/cases";
import { COMPLIANT, NON_COMPLIANT, usePolicyPack, validateStack } from "./helpers/pack";
import { RecordedResource } from "../../gate/recorder";

const CONFIG = { all: "mandatory" } as const;
const AP = "aws:s3/accessPoint:AccessPoint";
const MRAP = "aws:s3control/multiRegionAccessPoint:MultiRegionAccessPoint";
const LIFECYCLE = "aws:s3/bucketLifecycleConfiguration:BucketLifecycleConfiguration";
const KEY = "aws:kms/key:Key";
const TRAIL = "aws:cloudtrail/trail:Trail";

type Inputs = Record<string, unknown>;

describe("policy pack: access points, directory buckets, KMS, S3 data events (gRPC)", function () {
    this.timeout(120_000);
    const pack = usePolicyPack();
    let extra: readonly RecordedResource[];
    before(async () => {
        extra = await extras();
    });

    /** The extras trail with one more field selector on its S3 data-event selector (which then logs less). */
    const withSelector = (selector: Inputs) => () =>
        edit(extra, TRAIL, "extras-trail", (i) =>
            (i.advancedEventSelectors as { fieldSelectors: Inputs[] }[])[0].fieldSelectors.push(selector),
        );

    const cases: {
        policy: string;
        title: string;
        change: () => RecordedResource[];
        onResource?: string;
        message: RegExp;
        /** Findings expected. @default 1 */
        count?: number;
    }[] = [
        {
            policy: "s3-access-point-block-public-access",
            title: "an access point with restrictPublicBuckets off",
            change: () => edit(extra, AP, "extras-ap", (i) => (i.publicAccessBlockConfiguration = { restrictPublicBuckets: false })),
            onResource: "extras-ap",
            message: /turns restrictPublicBuckets off/,
        },
        {
            policy: "s3-access-point-block-public-access",
            title: "a Multi-Region Access Point with blockPublicPolicy off",
            change: () => edit(extra, MRAP, "extras-mrap", (i) => ((i.details as Inputs).publicAccessBlock = { blockPublicPolicy: false })),
            onResource: "extras-mrap",
            message: /turns blockPublicPolicy off/,
        },
        {
            policy: "s3-directory-bucket-lifecycle",
            title: "a directory bucket without a lifecycle configuration",
            change: () => without(extra, LIFECYCLE, "extras-dir-lifecycle"),
            onResource: "extras-dir",
            message: /has no lifecycle configuration/,
        },
        {
            policy: "s3-directory-bucket-lifecycle",
            title: "a directory bucket whose only rule is Disabled",
            change: () => edit(extra, LIFECYCLE, "extras-dir-lifecycle", (i) => ((i.rules as Inputs[])[0].status = "Disabled")),
            onResource: "extras-dir",
            message: /rule "abort-uploads" is "Disabled"/,
        },
        {
            policy: "kms-key-rotation",
            title: "a symmetric key without rotation",
            change: () => edit(extra, KEY, "extras-key", (i) => (i.enableKeyRotation = false)),
            onResource: "extras-key",
            message: /does not rotate its key material/,
        },
        {
            policy: "kms-key-policy-no-public-allow",
            title: 'a key policy allowing "*" without a condition',
            change: () =>
                edit(extra, KEY, "extras-key", (i) => {
                    const doc = JSON.parse(i.policy as string) as { Statement: Inputs[] };
                    delete doc.Statement[1].Condition;
                    i.policy = JSON.stringify(doc);
                }),
            onResource: "extras-key",
            message: /statement ViaS3 .* allows Principal "\*" with no restricting condition/,
        },
        {
            policy: "cloudtrail-s3-data-events",
            title: "a trail logging data events of one bucket only",
            change: withSelector({ field: "resources.ARN", startsWiths: ["arn:aws:s3:::extras-bucket/"] }),
            count: 2,
            message:
                /no multi-Region trail logs S3 object-level write events for every bucket \(extras-trail .* only for resources.ARN startsWiths arn:aws:s3:::extras-bucket\/\)/,
        },
        {
            policy: "cloudtrail-s3-data-events",
            title: "a trail logging only reads",
            change: withSelector({ field: "readOnly", equals: ["true"] }),
            message: /object-level write events .*S3\.22, CIS 3\.8/,
        },
    ];

    for (const policy of [...new Set(cases.map((c) => c.policy))]) {
        describe(policy, () => {
            it("passes the fixture as written", () => validateStack(pack(), extra, policy, COMPLIANT, { config: CONFIG }));
            for (const c of cases.filter((x) => x.policy === policy)) {
                it(`fires on ${c.title}`, async () => {
                    const found = await validateStack(pack(), c.change(), policy, NON_COMPLIANT, {
                        config: CONFIG,
                        onResource: c.onResource,
                        message: c.message,
                    });
                    assert.equal(found.length, c.count ?? 1, found.map((v) => v.message).join("\n"));
                });
            }
        });
    }
});
