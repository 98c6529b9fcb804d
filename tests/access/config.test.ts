/** Config section `writer`/`readers`/`network`/`mfa`/`replication`: defaults per environment and every bad input. */
import * as assert from "node:assert/strict";
import { ConfigError, resolveSettings, Settings } from "../../config";

const PROJECT = "firehose-storage";
const base = { owner: "data-platform", costCenter: "CC-1" };
const dev = { ...base, environment: "dev" };
const prod = { ...base, environment: "prod" };
const writer = { principal: "arn:aws:iam::210987654321:role/leadconduit-firehose", externalId: "lc-firehose-1" };
const reader = { name: "acme", partnerAccountId: "345678901234", externalId: "acme-ext-1", prefixes: ["flow_id=acme/"] };

function resolve(values: Record<string, unknown>, region = "us-east-1"): Settings {
    return resolveSettings({ project: PROJECT, stack: "test", values, region });
}

function problems(values: Record<string, unknown>, region = "us-east-1"): string[] {
    try {
        resolve(values, region);
    } catch (e) {
        assert.ok(e instanceof ConfigError, `expected ConfigError, got ${String(e)}`);
        return e.message
            .split("\n")
            .slice(1)
            .map((line) => line.replace(/^ {2}- /, ""));
    }
    assert.fail("config was accepted");
}

describe("access config: defaults", () => {
    it("dev: no writer, readers or network limit; replication off; nobody exempt from MFA", () => {
        assert.deepEqual(resolve(dev).access, {
            writer: undefined,
            readers: [],
            network: undefined,
            mfa: { exemptPrincipalArns: [] },
            replication: { enabled: false, region: "us-west-2", storageClass: "STANDARD_IA", deleteMarkerReplication: false },
        });
    });

    it("prod: replication on to us-west-2, STANDARD_IA, delete markers not replicated", () => {
        assert.deepEqual(resolve(prod).access.replication, {
            enabled: true,
            region: "us-west-2",
            storageClass: "STANDARD_IA",
            deleteMarkerReplication: false,
        });
    });

    it("writer: role mode by default, an account id becomes its root ARN, namespace and log group defaulted", () => {
        assert.deepEqual(resolve({ ...dev, writer: { ...writer, principal: "210987654321" } }).access.writer, {
            mode: "role",
            principalArn: "arn:aws:iam::210987654321:root",
            externalId: "lc-firehose-1",
            metricsNamespace: "Firehose/Storage",
            logGroupName: "/leadconduit/firehose-writer",
        });
        assert.equal(resolve({ ...dev, writer: { mode: "user" } }).access.writer?.principalArn, undefined);
    });

    it("readers: session one hour by default; network lists default to empty", () => {
        const s = resolve({ ...dev, readers: [reader], network: { vpcEndpointIds: ["vpce-0a1b2c3d4e5f67890"] } });
        assert.deepEqual(s.access.readers, [{ ...reader, maxSessionDurationSeconds: 3600 }]);
        assert.deepEqual(s.access.network, { allowedCidrs: [], vpcEndpointIds: ["vpce-0a1b2c3d4e5f67890"] });
    });

    it("replication may be turned on in dev (prod refuses turning it off: tests/config/requirements.test.ts)", () => {
        assert.equal(resolve({ ...dev, replication: { enabled: true, region: "us-east-2" } }).access.replication.region, "us-east-2");
    });
});

describe("access config: bad inputs name the key, quote the value, say what is allowed", () => {
    const ns = `${PROJECT}:`;
    const cases: [string, Record<string, unknown>, string, string[]][] = [
        [
            "replica region equal to the source region",
            { ...prod, replication: { region: "us-east-1" } },
            "us-east-1",
            [
                `${ns}replication.region: got "us-east-1"; must differ from the source region (us-east-1): a replica in the same region does not survive a regional outage`,
            ],
        ],
        [
            "the environment's default replica region equal to the source region",
            prod,
            "us-west-2",
            [
                `${ns}replication.region: got "us-west-2"; must differ from the source region (us-west-2): a replica in the same region does not survive a regional outage`,
            ],
        ],
        [
            "replica region outside allowedRegions",
            { ...prod, replication: { region: "eu-west-1" } },
            "us-east-1",
            [
                `${ns}replication.region: got "eu-west-1"; must be one of allowedRegions (us-east-1, us-east-2, us-west-1, us-west-2): replicas are data too`,
            ],
        ],
        [
            "replica region that is not a region code",
            { ...prod, replication: { region: "west" } },
            "us-east-1",
            [`${ns}replication.region: got "west"; must be an AWS region code such as us-east-1`],
        ],
        [
            "unsupported replica storage class",
            { ...prod, replication: { storageClass: "REDUCED_REDUNDANCY" } },
            "us-east-1",
            [
                `${ns}replication.storageClass: got "REDUCED_REDUNDANCY"; must be one of "STANDARD", "STANDARD_IA", "ONEZONE_IA", "INTELLIGENT_TIERING", "GLACIER_IR", "GLACIER", "DEEP_ARCHIVE"`,
            ],
        ],
        [
            "role-mode writer without principal and external id",
            { ...dev, writer: {} },
            "us-east-1",
            [
                `${ns}writer.principal: missing; is required with mode "role" (the default)`,
                `${ns}writer.externalId: missing; is required with mode "role" (the default)`,
            ],
        ],
        [
            "user-mode writer with a principal",
            { ...dev, writer: { mode: "user", principal: "210987654321" } },
            "us-east-1",
            [
                `${ns}writer.principal: got "210987654321"; only applies with mode "role" (mode "user" makes the writer a dedicated IAM user); remove it`,
            ],
        ],
        [
            "writer principal that is neither an account nor an IAM ARN",
            { ...dev, writer: { ...writer, principal: "leadconduit" } },
            "us-east-1",
            [`${ns}writer.principal: got "leadconduit"; must be a 12-digit account id or an IAM role, user or root ARN`],
        ],
        [
            "writer metrics namespace reserved for AWS",
            { ...dev, writer: { ...writer, metricsNamespace: "AWS/S3" } },
            "us-east-1",
            [`${ns}writer.metricsNamespace: got "AWS/S3"; must not start with AWS/ (reserved for AWS services)`],
        ],
        [
            "external id too short",
            { ...dev, writer: { ...writer, externalId: "x" } },
            "us-east-1",
            [`${ns}writer.externalId: got "x"; must be 2-1224 characters of letters, digits and +=,.@:/-`],
        ],
        [
            "partner account given as a number (unquoted in YAML) and a too-short session",
            { ...dev, readers: [{ ...reader, partnerAccountId: 345678901234, maxSessionDurationSeconds: 900 }] },
            "us-east-1",
            [
                `${ns}readers[0].partnerAccountId: got 345678901234; must be text`,
                `${ns}readers[0].maxSessionDurationSeconds: got 900; must be a whole number of seconds, 3600-43200 (IAM's bounds)`,
            ],
        ],
        [
            "reader prefix without a trailing slash",
            { ...dev, readers: [reader, { ...reader, name: "beta", prefixes: ["flow_id=acme"] }] },
            "us-east-1",
            [
                `${ns}readers[1].prefixes[0]: got "flow_id=acme"; must be a key prefix ending in / (letters, digits and !_.*'()=- between slashes, e.g. access-logs/)`,
            ],
        ],
        [
            "duplicate reader names",
            { ...dev, readers: [reader, reader] },
            "us-east-1",
            [`${ns}readers[1].name: got "acme"; must be unique among readers (it names the role)`],
        ],
        [
            "a network limit that lists nothing",
            { ...dev, network: {} },
            "us-east-1",
            [`${ns}network: got {}; limits nothing: list allowedCidrs and/or vpcEndpointIds, or remove the key`],
        ],
        [
            "bad CIDRs and VPC endpoint id",
            { ...dev, network: { allowedCidrs: ["10.0.0.0/33", "300.1.1.1/8"], vpcEndpointIds: ["vpc-123"] } },
            "us-east-1",
            [
                `${ns}network.allowedCidrs[0]: got "10.0.0.0/33"; must be an IPv4 CIDR such as 203.0.113.0/24`,
                `${ns}network.allowedCidrs[1]: got "300.1.1.1/8"; must have octets 0-255`,
                `${ns}network.vpcEndpointIds[0]: got "vpc-123"; must be a VPC endpoint id such as vpce-0a1b2c3d4e5f67890`,
            ],
        ],
        [
            "MFA exemption that is not an ARN, and a misspelt key",
            { ...dev, mfa: { exemptPrincipalArns: ["deployer"], exempt: [] } },
            "us-east-1",
            [
                `${ns}mfa.exemptPrincipalArns[0]: got "deployer"; must be an IAM role, user or account root ARN`,
                `${ns}mfa.exempt: got []; unknown key in mfa; check its spelling against README.md#configuration`,
            ],
        ],
    ];
    for (const [what, values, region, expected] of cases) {
        it(what, () => {
            assert.deepEqual(problems(values, region), expected);
        });
    }

    it("reports problems of several keys at once", () => {
        const found = problems({ ...prod, replication: { region: "us-east-1" }, writer: {}, network: {} });
        assert.equal(found.length, 4, found.join("\n"));
        assert.deepEqual(
            found.map((p) => p.split(":").slice(0, 2).join(":")),
            [`${ns}writer.principal`, `${ns}writer.externalId`, `${ns}network`, `${ns}replication.region`],
        );
    });
});
