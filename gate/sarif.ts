/**
 * The report as SARIF 2.1.0 (`plan --sarif FILE`), for GitHub code scanning and other SARIF readers
 * (pure). One run; a rule per policy that has a finding; a result per finding, located in the stack
 * file (line 1: the finding is about the stack's configuration) and logically at the resource's URN.
 *
 * Levels: mandatory -> `error`, advisory -> `warning`, notes (values unknown at preview) -> `note`.
 * A waived finding carries a suppression; a remediated one is `kind: "pass"` (SARIF 2.1.0 §3.27.9:
 * a result whose kind is not `fail` has level `none`). GitHub reads `security-severity` from a
 * rule's properties. Spec: https://docs.oasis-open.org/sarif/sarif/v2.1.0/sarif-v2.1.0.html
 */
import { createHash } from "crypto";
import { Finding } from "./findings";
import { JsonErrorDocument, JsonReport } from "./reportJson";

export const SARIF_SCHEMA_URI = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json";

export interface SarifOptions {
    /** The tool's version (package.json). */
    readonly toolVersion: string;
    /** The stack file the findings are located in, relative to the repository root (`Pulumi.prod.yaml`). */
    readonly artifact: string;
}

/** GitHub's scale for `security-severity` (critical >= 9.0, high >= 7.0, medium >= 4.0, low > 0). */
const SECURITY_SEVERITY: Readonly<Record<string, string>> = { critical: "9.5", high: "8.0", medium: "5.5", low: "2.0" };

type SarifLevel = "error" | "warning" | "note" | "none";

function levelOf(f: Finding): SarifLevel {
    if (f.remediated) {
        return "none";
    }
    if (f.kind === "note") {
        return "note";
    }
    return f.level === "mandatory" ? "error" : f.level === "advisory" ? "warning" : "note";
}

function driver(o: SarifOptions, rules: readonly Record<string, unknown>[]): Record<string, unknown> {
    return {
        name: "firehose-storage",
        version: o.toolVersion,
        informationUri: "https://github.com/firehose-storage/firehose-storage#offline-policy-gate",
        rules,
    };
}

function rule(f: Finding): Record<string, unknown> {
    const severity = f.severity !== null ? SECURITY_SEVERITY[f.severity] : undefined;
    return {
        id: f.policy,
        name: f.policy,
        shortDescription: { text: f.description !== "" ? f.description : f.policy },
        defaultConfiguration: { level: levelOf({ ...f, remediated: false }) },
        properties: {
            tags: ["security", ...f.controlIds],
            ...(severity !== undefined ? { "security-severity": severity } : {}),
        },
    };
}

/**
 * A waived finding's suppression (SARIF 2.1.0 §3.35): `external` (the waiver lives in the stack's pack
 * config, not in the analysed file), accepted, the waiver's evidence as the justification.
 */
function suppression(f: Finding): Record<string, unknown> {
    const w = f.waiver;
    return {
        kind: "external",
        status: "accepted",
        justification: w !== null ? `${w.reason} (owner ${w.owner}, expires ${w.expires})` : "waived by the stack's waiver list",
        ...(w !== null ? { properties: { owner: w.owner, expires: w.expires, resource: w.resource } } : {}),
    };
}

function result(f: Finding, ruleIndex: number, o: SarifOptions): Record<string, unknown> {
    const level = levelOf(f);
    const where =
        f.resource !== null
            ? `${f.resource.name ?? f.resource.urn}${f.resource.type !== null ? ` (${f.resource.type})` : ""}`
            : "the stack";
    return {
        ruleId: f.policy,
        ruleIndex,
        ...(f.remediated ? { kind: "pass" } : {}),
        level,
        message: { text: `${where}: ${f.message}` },
        locations: [
            {
                physicalLocation: { artifactLocation: { uri: o.artifact }, region: { startLine: 1 } },
                ...(f.resource !== null
                    ? {
                          logicalLocations: [
                              { fullyQualifiedName: f.resource.urn, name: f.resource.name ?? f.resource.urn, kind: "resource" },
                          ],
                      }
                    : {}),
            },
        ],
        partialFingerprints: {
            "firehoseFinding/v1": createHash("sha256")
                .update(`${f.policy}\u0000${f.resource?.urn ?? ""}\u0000${f.message}`)
                .digest("hex"),
        },
        ...(f.waived ? { suppressions: [suppression(f)] } : {}),
        properties: { enforcementLevel: f.level, findingKind: f.kind, ...(f.severity !== null ? { severity: f.severity } : {}) },
    };
}

/** The SARIF log of a report. */
export function toSarif(r: JsonReport, o: SarifOptions): Record<string, unknown> {
    const rules: Record<string, unknown>[] = [];
    const index = new Map<string, number>();
    for (const f of r.findings) {
        if (!index.has(f.policy)) {
            index.set(f.policy, rules.length);
            rules.push(rule(f));
        }
    }
    return {
        $schema: SARIF_SCHEMA_URI,
        version: "2.1.0",
        runs: [
            {
                tool: { driver: driver(o, rules) },
                automationDetails: { id: `firehose-storage/plan/${r.stack}/` },
                invocations: [{ executionSuccessful: true, exitCode: r.exitCode }],
                results: r.findings.map((f) => result(f, index.get(f.policy) ?? 0, o)),
                properties: { project: r.project, stack: r.stack, verdict: r.verdict, pack: `${r.pack.name}@${r.pack.version}` },
            },
        ],
    };
}

/** The SARIF log when nothing could be judged: no results, a failed invocation saying why. */
export function sarifForError(e: JsonErrorDocument, o: Pick<SarifOptions, "toolVersion">): Record<string, unknown> {
    return {
        $schema: SARIF_SCHEMA_URI,
        version: "2.1.0",
        runs: [
            {
                tool: { driver: driver({ ...o, artifact: "" }, []) },
                invocations: [
                    {
                        executionSuccessful: false,
                        exitCode: e.exitCode,
                        toolExecutionNotifications: [{ level: "error", message: { text: e.error } }],
                    },
                ],
                results: [],
            },
        ],
    };
}
