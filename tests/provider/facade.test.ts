/**
 * The multi-language SecureBucket, constructed as the plugin host constructs it for a YAML or
 * Python program (`ComponentProvider.construct` with the engine's plain inputs), under mocks: the
 * same resources, URNs and security inputs as the TypeScript component, and bad inputs refused
 * before anything is created.
 */
import * as assert from "node:assert/strict";
import { SecureBucket as LibrarySecureBucket, SECURE_BUCKET_TYPE } from "../../components/storage/secureBucket";
import { RecordedResource } from "../../gate/recorder";
import { runProgram } from "../../gate/runProgram";
import { EncryptionMode, parseStatements } from "../../provider/secureBucketArgs";
import { attempt } from "../helpers/shipped";
import { one } from "../helpers/resources";
import { components, provider } from "./packageProvider";

const TAGS = { Project: "p", Owner: "o" };
const EXTRA = JSON.stringify([
    {
        Sid: "AllowPartnerRead",
        Effect: "Allow",
        Principal: { AWS: "arn:aws:iam::111122223333:root" },
        Action: "s3:GetObject",
        Resource: "{{bucketArn}}/*",
    },
]);

function run(program: () => unknown): Promise<RecordedResource[]> {
    return runProgram({ project: "p", stack: "t", config: { "aws:region": "us-east-1" }, preview: false, program }).then(
        (r) => r.resources,
    );
}

/** URN and inputs of every resource, keyed by URN, for comparison. */
function byUrn(resources: readonly RecordedResource[]): Map<string, unknown> {
    return new Map(resources.filter((r) => r.type !== "pulumi:pulumi:Stack").map((r) => [r.urn, r.inputs]));
}

describe("multi-language package: SecureBucket through ComponentProvider.construct", function () {
    this.timeout(240_000);
    it("registers exactly what the TypeScript component registers for the same settings", async () => {
        const viaPackage = await run(async () => {
            const r = await provider.construct(
                "b",
                SECURE_BUCKET_TYPE,
                { encryption: "sse-kms", tags: TAGS, additionalPolicyStatementsJson: EXTRA },
                {},
            );
            return { urn: r.urn };
        });
        const viaLibrary = await run(() => {
            new LibrarySecureBucket("b", {
                encryption: { mode: "sse-kms" },
                tags: TAGS,
                additionalPolicyStatements: (arn) => parseStatements(EXTRA, arn).statements,
            });
            return {};
        });
        assert.equal(viaPackage.length, 19, "component, key, 7 children, logging, log bucket and its 7, stack");
        assert.deepEqual(byUrn(viaPackage), byUrn(viaLibrary));
        const policy = JSON.parse(one(viaPackage, "aws:s3/bucketPolicy:BucketPolicy", "b-policy").inputs.policy as string) as {
            Statement: { Sid: string; Resource: string }[];
        };
        const resource = policy.Statement.find((st) => st.Sid === "AllowPartnerRead")?.Resource;
        assert.match(resource ?? "", /^arn:aws:s3:::[a-z0-9.-]+\/\*$/, "the placeholder became the bucket ARN");
    });

    it("bad inputs: every problem at once, naming the input, nothing created", async () => {
        const Facade = components[0];
        const { error, types } = await attempt(() => {
            new Facade("b", {
                kmsKeyArn: "arn:aws:kms:us-east-1:123456789012:key/k",
                accessLogs: { prefix: "/x" },
                disableAccessLogs: true,
                additionalPolicyStatementsJson: '[{"Sid":"X","Effect":"Maybe","Action":"s3:GetObject"}]',
            });
        });
        assert.equal(
            error?.message,
            [
                "invalid SecureBucket args:",
                '  - kmsKeyArn: got "arn:aws:kms:us-east-1:123456789012:key/k"; needs encryption "sse-kms" (got "sse-s3")',
                '  - accessLogs: got {"prefix":"/x"}; conflicts with disableAccessLogs: true; set one of them',
                '  - additionalPolicyStatementsJson[0].Effect: got "Maybe"; must be "Allow" or "Deny"',
                "  - additionalPolicyStatementsJson[0].Resource: missing; must be a resource ARN or a list of them",
            ].join("\n"),
        );
        assert.deepEqual(types, ["pulumi:pulumi:Stack", SECURE_BUCKET_TYPE]);
        assert.equal(EncryptionMode.SseKms, "sse-kms");
    });
});
