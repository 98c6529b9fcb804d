/**
 * Security Hub controls on resources other than a bucket's own settings, through the analyzer gRPC
 * path on the extras fixture (compliant as written; one changed field per case): access points and
 * Multi-Region Access Points (S3.19, S3.24), directory buckets' lifecycle (S3.25), KMS key rotation
 * (KMS.4, CIS 3.6) and key policies, and S3 data events in a multi-Region trail (S3.22, S3.23).
 */
import { extras, without } from "./helpers/cases";
import { usePolicyPack } from "./helpers/pack";
import { describePolicies, editing, fires, passes, PolicyCase, useResources } from "./helpers/table";

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
    const extra = useResources(extras);

    /** The extras trail with one more field selector on its S3 data-event selector (which then logs less). */
    const withSelector = (selector: Inputs) =>
        editing(extra, TRAIL, "extras-trail", (i) =>
            (i.advancedEventSelectors as { fieldSelectors: Inputs[] }[])[0].fieldSelectors.push(selector),
        );
    /** The fixture passes as written; each change makes exactly one finding (unless `count` says otherwise). */
    const rows = (...changes: PolicyCase[]): PolicyCase[] => [
        passes("the fixture as written", extra),
        ...changes.map((c) => ({ ...c, count: c.count ?? 1 })),
    ];

    describePolicies(pack, CONFIG, {
        "s3-access-point-block-public-access": rows(
            fires(
                "on an access point with restrictPublicBuckets off",
                editing(extra, AP, "extras-ap", (i) => (i.publicAccessBlockConfiguration = { restrictPublicBuckets: false })),
                { onResource: "extras-ap", message: /turns restrictPublicBuckets off/ },
            ),
            fires(
                "on a Multi-Region Access Point with blockPublicPolicy off",
                editing(extra, MRAP, "extras-mrap", (i) => ((i.details as Inputs).publicAccessBlock = { blockPublicPolicy: false })),
                { onResource: "extras-mrap", message: /turns blockPublicPolicy off/ },
            ),
        ),
        "s3-directory-bucket-lifecycle": rows(
            fires("on a directory bucket without a lifecycle configuration", () => without(extra(), LIFECYCLE, "extras-dir-lifecycle"), {
                onResource: "extras-dir",
                message: /has no lifecycle configuration/,
            }),
            fires(
                "on a directory bucket whose only rule is Disabled",
                editing(extra, LIFECYCLE, "extras-dir-lifecycle", (i) => ((i.rules as Inputs[])[0].status = "Disabled")),
                { onResource: "extras-dir", message: /rule "abort-uploads" is "Disabled"/ },
            ),
        ),
        "kms-key-rotation": rows(
            fires(
                "on a symmetric key without rotation",
                editing(extra, KEY, "extras-key", (i) => (i.enableKeyRotation = false)),
                { onResource: "extras-key", message: /does not rotate its key material/ },
            ),
        ),
        "kms-key-policy-no-public-allow": rows(
            fires(
                'on a key policy allowing "*" without a condition',
                editing(extra, KEY, "extras-key", (i) => {
                    const doc = JSON.parse(i.policy as string) as { Statement: Inputs[] };
                    delete doc.Statement[1].Condition;
                    i.policy = JSON.stringify(doc);
                }),
                { onResource: "extras-key", message: /statement ViaS3 .* allows Principal "\*" with no restricting condition/ },
            ),
        ),
        "cloudtrail-s3-data-events": rows(
            fires(
                "on a trail logging data events of one bucket only",
                withSelector({ field: "resources.ARN", startsWiths: ["arn:aws:s3:::extras-bucket/"] }),
                {
                    count: 2,
                    message:
                        /no multi-Region trail logs S3 object-level write events for every bucket \(extras-trail .* only for resources.ARN startsWiths arn:aws:s3:::extras-bucket\/\)/,
                },
            ),
            fires("on a trail logging only reads", withSelector({ field: "readOnly", equals: ["true"] }), {
                message: /object-level write events .*S3\.22, CIS 3\.8/,
            }),
        ),
    });
});
