/**
 * Builds analyzer gRPC requests from recorded resources and reads the pack's answers, as the engine
 * does: properties are the wire-form inputs (unknowns and secrets as the engine spells them), the
 * provider is the explicit provider's own recorded inputs, dependencies are URNs.
 */
import * as analyzerPb from "@pulumi/pulumi/proto/analyzer_pb";
import * as structPb from "google-protobuf/google/protobuf/struct_pb";
import { EnforcementLevel, PolicyMeta, ResolvedPolicyConfig } from "./policyConfig";
import { RecordedResource } from "./recorder";

const LEVEL_TO_PB: Record<EnforcementLevel, analyzerPb.EnforcementLevel> = {
    advisory: analyzerPb.EnforcementLevel.ADVISORY,
    mandatory: analyzerPb.EnforcementLevel.MANDATORY,
    disabled: analyzerPb.EnforcementLevel.DISABLED,
    remediate: analyzerPb.EnforcementLevel.REMEDIATE,
};

export function levelFromPb(l: analyzerPb.EnforcementLevel): EnforcementLevel {
    const found = (Object.entries(LEVEL_TO_PB) as [EnforcementLevel, analyzerPb.EnforcementLevel][]).find(([, v]) => v === l);
    if (found === undefined) {
        throw new Error(`unknown enforcement level ${l} from the policy pack`);
    }
    return found[0];
}

export function configureRequest(config: ReadonlyMap<string, ResolvedPolicyConfig>): analyzerPb.ConfigureAnalyzerRequest {
    const req = new analyzerPb.ConfigureAnalyzerRequest();
    const map = req.getPolicyconfigMap();
    for (const [name, c] of config) {
        const pc = new analyzerPb.PolicyConfig();
        pc.setEnforcementlevel(LEVEL_TO_PB[c.enforcementLevel]);
        pc.setProperties(structPb.Struct.fromJavaScript(c.properties as Record<string, structPb.JavaScriptValue>));
        map.set(name, pc);
    }
    return req;
}

/** `urn::id` -> the provider's URN. */
function providerUrn(ref: string): string {
    const i = ref.lastIndexOf("::");
    return i < 0 ? ref : ref.slice(0, i);
}

function struct(v: Record<string, unknown>): structPb.Struct {
    return structPb.Struct.fromJavaScript(v as Record<string, structPb.JavaScriptValue>);
}

function options(r: RecordedResource): analyzerPb.AnalyzerResourceOptions {
    const o = new analyzerPb.AnalyzerResourceOptions();
    o.setProtect(r.protect);
    o.setParent(r.parent);
    o.setAliasesList(r.aliases.flatMap((a) => (typeof (a as { urn?: unknown }).urn === "string" ? [(a as { urn: string }).urn] : [])));
    return o;
}

/** Fields shared by `AnalyzeRequest` and `AnalyzerResource`. */
interface ResourceFields {
    setType(v: string): unknown;
    setProperties(v: structPb.Struct): unknown;
    setUrn(v: string): unknown;
    setName(v: string): unknown;
    setOptions(v: analyzerPb.AnalyzerResourceOptions): unknown;
    setProvider(v: analyzerPb.AnalyzerProviderResource): unknown;
}

/** Indexes providers once so each request finds its provider in O(1). */
export class RequestBuilder {
    private readonly byUrn: ReadonlyMap<string, RecordedResource>;

    constructor(resources: readonly RecordedResource[]) {
        this.byUrn = new Map(resources.map((r) => [r.urn, r]));
    }

    private fill<T extends ResourceFields>(msg: T, r: RecordedResource): T {
        msg.setType(r.type);
        msg.setProperties(struct(r.wireInputs));
        msg.setUrn(r.urn);
        msg.setName(r.name);
        msg.setOptions(options(r));
        const provider = r.provider === "" ? undefined : this.byUrn.get(providerUrn(r.provider));
        if (provider !== undefined) {
            const p = new analyzerPb.AnalyzerProviderResource();
            p.setType(provider.type);
            p.setProperties(struct(provider.wireInputs));
            p.setUrn(provider.urn);
            p.setName(provider.name);
            msg.setProvider(p);
        }
        return msg;
    }

    analyzeRequest(r: RecordedResource): analyzerPb.AnalyzeRequest {
        return this.fill(new analyzerPb.AnalyzeRequest(), r);
    }

    stackRequest(resources: readonly RecordedResource[]): analyzerPb.AnalyzeStackRequest {
        const req = new analyzerPb.AnalyzeStackRequest();
        req.setResourcesList(
            resources.map((r) => {
                const ar = this.fill(new analyzerPb.AnalyzerResource(), r);
                ar.setParent(r.parent);
                ar.setDependenciesList([...r.dependencies]);
                const deps = ar.getPropertydependenciesMap();
                for (const [k, urns] of Object.entries(r.propertyDependencies)) {
                    const pd = new analyzerPb.AnalyzerPropertyDependencies();
                    pd.setUrnsList([...urns]);
                    deps.set(k, pd);
                }
                return ar;
            }),
        );
        return req;
    }
}

/** The pack's metadata as reconciliation and reports need it. */
export function policiesFromInfo(info: analyzerPb.AnalyzerInfo): PolicyMeta[] {
    return info.getPoliciesList().map((p) => {
        const schema = p.getConfigschema();
        return {
            name: p.getName(),
            enforcementLevel: levelFromPb(p.getEnforcementlevel()),
            configSchema:
                schema === undefined
                    ? undefined
                    : {
                          properties: schema.getProperties()?.toJavaScript() ?? {},
                          required: schema.getRequiredList(),
                      },
        };
    });
}

/** The pack's own initial config (`new PolicyPack(name, args, initialConfig)`), in parsed form. */
export function initialConfigFromInfo(
    info: analyzerPb.AnalyzerInfo,
): Map<string, { enforcementLevel?: EnforcementLevel; properties: Record<string, unknown> }> {
    const out = new Map<string, { enforcementLevel?: EnforcementLevel; properties: Record<string, unknown> }>();
    info.getInitialconfigMap().forEach((c, name) => {
        const props = (c.getProperties()?.toJavaScript() ?? {}) as Record<string, unknown>;
        // proto3 cannot tell an unset level from ADVISORY (0); only a non-zero level is an explicit choice.
        const level = c.getEnforcementlevel();
        out.set(name, {
            enforcementLevel: level === analyzerPb.EnforcementLevel.ADVISORY ? undefined : levelFromPb(level),
            properties: props,
        });
    });
    return out;
}
