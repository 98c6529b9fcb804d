/**
 * Mocks that behave like the AWS provider as far as the program can tell: realistic ids, names and
 * ARNs on update; on preview, only what the engine knows before creating (inputs and auto-names),
 * so ids, ARNs and other computed outputs are unknown, as in a real `pulumi preview` of a new stack.
 */
import * as pulumi from "@pulumi/pulumi";
import { createHash } from "crypto";
import { arn as arnOf, s3BucketArn } from "../rules/arn";
import { dnsSuffixOfPartition, partitionOfRegion } from "../rules/regions";

export const MOCK_ACCOUNT_ID = "123456789012";

function suffix(name: string, length = 7): string {
    return createHash("sha256").update(name).digest("hex").slice(0, length);
}

/** The provider's auto-name: the logical name plus a (here deterministic) 7-character suffix. */
export function autoName(name: string): string {
    return `${name}-${suffix(name)}`;
}

type State = Record<string, unknown>;

/** Type token `aws:sns/topic:Topic` -> `sns`. */
function service(type: string): string {
    return type.split(":")[1]?.split("/")[0] ?? "unknown";
}

/** Outputs the engine knows at preview: inputs plus the auto-name the provider's Check assigns. */
function checkedInputs(type: string, name: string, inputs: State): State {
    switch (type) {
        case "aws:s3/bucket:Bucket":
        case "aws:s3/bucketV2:BucketV2":
            return { ...inputs, bucket: inputs.bucket ?? autoName(name) };
        case "aws:iam/role:Role":
        case "aws:iam/policy:Policy":
        case "aws:iam/user:User":
        case "aws:sns/topic:Topic":
        case "aws:cloudwatch/eventRule:EventRule":
        case "aws:cloudwatch/metricAlarm:MetricAlarm":
        case "aws:cloudtrail/trail:Trail":
        case "aws:budgets/budget:Budget":
            return { ...inputs, name: inputs.name ?? autoName(name) };
        default:
            return inputs;
    }
}

/** Computed outputs after create, keyed by type; everything else gets a generic id and ARN. */
function created(type: string, name: string, state: State, region: string): { id: string; state: State } {
    const acct = MOCK_ACCOUNT_ID;
    const partition = partitionOfRegion(region);
    /** `arn:<partition of region>:<service>:<region or "">:<account or "">:<resource>`, as AWS would return it. */
    const arn = (service: string, inRegion: boolean, inAccount: boolean, resource: string) =>
        arnOf(partition, service, inRegion ? region : "", inAccount ? acct : "", resource);
    switch (type) {
        case "aws:s3/bucket:Bucket":
        case "aws:s3/bucketV2:BucketV2": {
            const b = String(state.bucket);
            return {
                id: b,
                state: {
                    ...state,
                    arn: s3BucketArn(partition, b),
                    bucketDomainName: `${b}.s3.${dnsSuffixOfPartition(partition)}`,
                    bucketRegionalDomainName: `${b}.s3.${region}.${dnsSuffixOfPartition(partition)}`,
                    region,
                },
            };
        }
        case "aws:kms/key:Key": {
            const id = `${suffix(name, 8)}-${suffix(`${name}1`, 4)}-${suffix(`${name}2`, 4)}-${suffix(`${name}3`, 4)}-${suffix(`${name}4`, 12)}`;
            return { id, state: { ...state, arn: arn("kms", true, true, `key/${id}`), keyId: id } };
        }
        case "aws:iam/role:Role":
        case "aws:iam/user:User":
        case "aws:iam/policy:Policy": {
            const kind = type.split(":")[2]?.toLowerCase() ?? "role";
            const n = String(state.name);
            return {
                id: n,
                state: { ...state, arn: arn("iam", false, true, `${kind}/${n}`), uniqueId: `AROA${suffix(n, 16).toUpperCase()}` },
            };
        }
        case "aws:iam/accessKey:AccessKey": {
            // Not a credential: a deterministic stand-in so the program's secret wiring can be checked.
            const id = `AKIA${suffix(name, 16).toUpperCase()}`;
            return { id, state: { ...state, secret: `mock-secret-${suffix(`${name}secret`, 32)}`, status: "Active" } };
        }
        case "aws:sns/topic:Topic": {
            const topicArn = arn("sns", true, true, String(state.name));
            return { id: topicArn, state: { ...state, arn: topicArn } };
        }
        case "aws:cloudwatch/metricAlarm:MetricAlarm": {
            const n = String(state.name);
            return { id: n, state: { ...state, arn: arn("cloudwatch", true, true, `alarm:${n}`) } };
        }
        case "aws:cloudwatch/eventRule:EventRule": {
            const n = String(state.name);
            return { id: n, state: { ...state, arn: arn("events", true, true, `rule/${n}`) } };
        }
        case "aws:cloudtrail/trail:Trail": {
            const trailArn = arn("cloudtrail", true, true, `trail/${String(state.name)}`);
            return { id: trailArn, state: { ...state, arn: trailArn, homeRegion: region } };
        }
        case "aws:budgets/budget:Budget": {
            const n = String(state.name);
            return { id: `${acct}:${n}`, state: { ...state, accountId: acct, arn: arn("budgets", false, true, `budget/${n}`) } };
        }
        case "aws:sns/topicSubscription:TopicSubscription": {
            const arn = `${String(state.topic)}:${suffix(name, 8)}-${suffix(`${name}1`, 4)}`;
            return { id: arn, state: { ...state, arn } };
        }
        default: {
            const id = `${name}-${suffix(type + name)}`;
            return { id, state: { ...state, arn: arn(service(type), true, true, id) } };
        }
    }
}

export class AwsMocks implements pulumi.runtime.Mocks {
    /** Region of each explicit aws provider, by provider URN, so each resource gets its provider's region. */
    private readonly providerRegions = new Map<string, string>();

    constructor(
        private readonly preview: boolean,
        private readonly defaultRegion: string,
    ) {}

    newResource(args: pulumi.runtime.MockResourceArgs): { id: string | undefined; state: State } {
        const inputs = checkedInputs(args.type, args.name, args.inputs as State);
        if (args.type.startsWith("pulumi:providers:")) {
            if (typeof inputs.region === "string") {
                this.providerRegions.set(args.name, inputs.region);
            }
            return { id: this.preview ? "" : `provider-${suffix(args.name)}`, state: inputs };
        }
        if (this.preview) {
            return { id: "", state: inputs };
        }
        const region = typeof inputs.region === "string" ? inputs.region : this.regionOf(args.provider);
        return created(args.type, args.name, inputs, region);
    }

    /** `aws.getPartition()` for the default region: its partition and DNS suffix. */
    private partition(): { partition: string; dnsSuffix: string; id: string } {
        const partition = partitionOfRegion(this.defaultRegion);
        return { partition, dnsSuffix: dnsSuffixOfPartition(partition), id: partition };
    }

    /** `urn:...::aws-replica::<id>` -> the region that provider was configured with. */
    private regionOf(providerRef: string | undefined): string {
        const providerName = providerRef?.split("::")[3];
        return (providerName !== undefined ? this.providerRegions.get(providerName) : undefined) ?? this.defaultRegion;
    }

    call(args: pulumi.runtime.MockCallArgs): Record<string, unknown> {
        switch (args.token) {
            case "aws:index/getCallerIdentity:getCallerIdentity":
                return {
                    accountId: MOCK_ACCOUNT_ID,
                    arn: arnOf(this.partition().partition, "iam", "", MOCK_ACCOUNT_ID, "user/deployer"),
                    userId: "AIDAEXAMPLE",
                    id: MOCK_ACCOUNT_ID,
                };
            case "aws:index/getPartition:getPartition":
                return this.partition();
            case "aws:index/getRegion:getRegion":
                return { name: this.defaultRegion, region: this.defaultRegion, id: this.defaultRegion };
            default:
                throw new Error(`no mock for invoke ${args.token}; add one to gate/mocks.ts`);
        }
    }
}
