/**
 * Records every resource registration the program makes, with what the engine would hand a policy
 * pack: type, URN, name, parent, inputs (serialised, unknowns included), dependencies, property
 * dependencies, provider and options. It wraps the mock monitor's `registerResource`.
 */
import type { RegisterResourceRequest, RegisterResourceResponse } from "@pulumi/pulumi/proto/resource_pb";
import { holdsSecret } from "../config/secret";

/** The serialised form of an unknown preview value, as the engine and SDK spell it. */
export const UNKNOWN = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";
const SIG_KEY = "4dabf18193072939515e22adb298388d";
const SECRET_SIG = "1b47061264138c4ac30d75fd1eb44270";
const RESOURCE_SIG = "5cf8f73096256a8f31e491e813e4eb8e";

export interface RecordedResource {
    readonly urn: string;
    readonly type: string;
    readonly name: string;
    readonly custom: boolean;
    /** URN of the parent resource, `""` for the stack root itself. */
    readonly parent: string;
    /** Inputs exactly as sent to the engine (unknown values are `UNKNOWN`, secrets wrapped). */
    readonly wireInputs: Record<string, unknown>;
    /** Inputs decoded for reading: secrets unwrapped, resource references as their URN, unknowns `UNKNOWN`. */
    readonly inputs: Record<string, unknown>;
    readonly dependencies: readonly string[];
    readonly propertyDependencies: Readonly<Record<string, readonly string[]>>;
    /** Provider reference `urn::id`, `""` for the default provider. */
    readonly provider: string;
    readonly protect: boolean;
    readonly retainOnDelete: boolean;
    readonly aliases: readonly unknown[];
}

/** Decodes the wire form for readers: secrets unwrapped, resource references to their URN. */
export function decodeWire(v: unknown): unknown {
    if (Array.isArray(v)) {
        return v.map(decodeWire);
    }
    if (v !== null && typeof v === "object") {
        const o = v as Record<string, unknown>;
        if (o[SIG_KEY] === SECRET_SIG) {
            return decodeWire(o.value);
        }
        if (o[SIG_KEY] === RESOURCE_SIG) {
            return o.urn;
        }
        return Object.fromEntries(Object.entries(o).map(([k, x]) => [k, decodeWire(x)]));
    }
    return v;
}

/**
 * A config secret the gate cannot decrypt reaches the program as a stand-in (config/secret.ts): every
 * input that holds it, whole or inside a document, is unknown to the pack, as its value is to us.
 */
export function hideSecrets(v: unknown): unknown {
    if (holdsSecret(v)) {
        return UNKNOWN;
    }
    if (Array.isArray(v)) {
        return v.map(hideSecrets);
    }
    if (v !== null && typeof v === "object") {
        return Object.fromEntries(Object.entries(v as Record<string, unknown>).map(([k, x]) => [k, hideSecrets(x)]));
    }
    return v;
}

/** Name fields a provider fills in at Check when the program leaves them out (auto-naming). */
const AUTO_NAMED = ["bucket", "name"];

/**
 * The engine hands analyzers the provider-checked inputs, which include auto-names; the mock's answer
 * carries them (see gate/mocks.ts), so copy those fields over when the program did not set them.
 */
function withAutoNames(wire: Record<string, unknown>, checked: Record<string, unknown>): Record<string, unknown> {
    const names: [string, unknown][] = AUTO_NAMED.filter((k) => wire[k] === undefined && typeof checked[k] === "string").map((k) => [
        k,
        checked[k],
    ]);
    return names.length === 0 ? wire : { ...wire, ...(Object.fromEntries(names) as Record<string, unknown>) };
}

type Callback = (err: Error | null, resp?: RegisterResourceResponse) => void;
interface Monitor {
    registerResource(req: RegisterResourceRequest, cb: Callback): Promise<void>;
}

/** Starts recording on the monitor `pulumi.runtime.setMocks` just installed; returns the live list. */
export function recordRegistrations(): RecordedResource[] {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const settings = require("@pulumi/pulumi/runtime/settings") as { getMonitor(): Monitor | undefined };
    const monitor = settings.getMonitor();
    if (monitor === undefined) {
        throw new Error("recordRegistrations: call pulumi.runtime.setMocks first");
    }
    const recorded: RecordedResource[] = [];
    const register = monitor.registerResource.bind(monitor);
    monitor.registerResource = (req, cb) =>
        register(req, (err, resp) => {
            if (err === null && resp !== undefined) {
                const wire = hideSecrets(
                    withAutoNames(req.getObject()?.toJavaScript() ?? {}, resp.getObject()?.toJavaScript() ?? {}),
                ) as Record<string, unknown>;
                const propertyDependencies: Record<string, string[]> = {};
                req.getPropertydependenciesMap().forEach((deps, key) => (propertyDependencies[key] = deps.getUrnsList()));
                recorded.push({
                    urn: resp.getUrn(),
                    type: req.getType(),
                    name: req.getName(),
                    custom: req.getCustom(),
                    parent: req.getParent(),
                    wireInputs: wire,
                    inputs: decodeWire(wire) as Record<string, unknown>,
                    dependencies: req.getDependenciesList(),
                    propertyDependencies,
                    provider: req.getProvider(),
                    protect: req.getProtect() ?? false,
                    retainOnDelete: req.getRetainondelete() ?? false,
                    aliases: req.getAliasesList().map((a) => a.toObject()),
                });
            }
            cb(err, resp);
        });
    return recorded;
}
