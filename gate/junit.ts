/**
 * The report as JUnit XML (`plan --junit FILE`), for CI systems that show test results (GitLab's
 * `artifacts:reports:junit`, Jenkins, Azure Pipelines) (pure). One test suite per stack; one test
 * case per policy of the pack: a counted mandatory violation fails it (every resource listed); a policy
 * whose findings are otherwise waived is skipped, the waivers' evidence its message; other findings
 * (advisory, notes, waived, remediated) are listed in its `system-out`.
 */
import { Finding } from "./findings";
import { JsonErrorDocument, JsonReport } from "./reportJson";

/** Escapes text for XML content and attribute values; drops characters XML 1.0 cannot hold. */
export function xmlEscape(s: string): string {
    return s
        .replace(/[^\u0009\u000A\u000D\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, "")
        .replace(/&/g, "&amp;")
        .replace(/</g, "&lt;")
        .replace(/>/g, "&gt;")
        .replace(/"/g, "&quot;")
        .replace(/'/g, "&apos;");
}

function line(f: Finding): string {
    const marks = [f.kind === "note" ? "note" : f.level, f.waived ? "waived" : "", f.remediated ? "remediated" : ""].filter(
        (m) => m !== "",
    );
    const where =
        f.resource !== null ? `${f.resource.name ?? f.resource.urn}${f.resource.type !== null ? ` (${f.resource.type})` : ""}` : "(stack)";
    return `[${marks.join(", ")}] ${where}: ${f.message}`;
}

function counted(f: Finding): boolean {
    return f.kind === "violation" && f.level === "mandatory" && !f.waived && !f.remediated;
}

/** A policy whose only would-be failures are waived: its test case is skipped, the waivers the reason. */
function skipped(findings: readonly Finding[]): boolean {
    return !findings.some(counted) && findings.some((f) => f.waived);
}

function testCase(stack: string, policy: string, findings: readonly Finding[]): string {
    const failing = findings.filter(counted);
    const others = findings.filter((f) => !counted(f));
    const attrs = `classname="firehose-storage.${xmlEscape(stack)}" name="${xmlEscape(policy)}" time="0"`;
    const parts: string[] = [];
    if (failing.length > 0) {
        const message = `${failing.length} mandatory violation${failing.length === 1 ? "" : "s"}: ${failing[0].description}`;
        parts.push(`      <failure type="mandatory" message="${xmlEscape(message)}">${xmlEscape(failing.map(line).join("\n"))}</failure>`);
    } else if (skipped(findings)) {
        const waived = findings.filter((f) => f.waived);
        const message = `${waived.length} waived: ${waived.map((f) => (f.waiver !== null ? `${f.waiver.reason} (owner ${f.waiver.owner}, expires ${f.waiver.expires})` : "waived")).join("; ")}`;
        parts.push(`      <skipped message="${xmlEscape(message)}"/>`);
    }
    if (others.length > 0) {
        parts.push(`      <system-out>${xmlEscape(others.map(line).join("\n"))}</system-out>`);
    }
    return parts.length === 0 ? `    <testcase ${attrs}/>` : [`    <testcase ${attrs}>`, ...parts, "    </testcase>"].join("\n");
}

/**
 * `policies`: every policy of the pack (`GateResult.analysis` carries the findings only), so a passing
 * policy is a passing test case; policies with findings that are not in the list are added.
 */
export function toJunit(r: JsonReport, policies: readonly string[]): string {
    const names = [...new Set([...policies, ...r.findings.map((f) => f.policy)])].sort();
    const cases = names.map((p) =>
        testCase(
            r.stack,
            p,
            r.findings.filter((f) => f.policy === p),
        ),
    );
    const failures = names.filter((p) => r.findings.some((f) => f.policy === p && counted(f))).length;
    const skips = names.filter((p) => skipped(r.findings.filter((f) => f.policy === p))).length;
    const time = ((r.timings.programMs + r.timings.analyzeMs) / 1000).toFixed(3);
    const suite = `name="firehose-storage plan ${xmlEscape(r.stack)}" tests="${names.length}" failures="${failures}" errors="0" skipped="${skips}" time="${time}"`;
    return [
        `<?xml version="1.0" encoding="UTF-8"?>`,
        `<testsuites ${suite}>`,
        `  <testsuite ${suite}>`,
        `    <properties>`,
        `      <property name="project" value="${xmlEscape(r.project)}"/>`,
        `      <property name="pack" value="${xmlEscape(`${r.pack.name}@${r.pack.version}`)}"/>`,
        `      <property name="verdict" value="${r.verdict}"/>`,
        `    </properties>`,
        ...cases,
        `  </testsuite>`,
        `</testsuites>`,
        "",
    ].join("\n");
}

/** When nothing could be judged: one errored test case carrying the error. */
export function junitForError(e: JsonErrorDocument): string {
    const stack = e.stack ?? "(no stack)";
    const suite = `name="firehose-storage plan ${xmlEscape(stack)}" tests="1" failures="0" errors="1" skipped="0" time="0"`;
    return [
        `<?xml version="1.0" encoding="UTF-8"?>`,
        `<testsuites ${suite}>`,
        `  <testsuite ${suite}>`,
        `    <testcase classname="firehose-storage.${xmlEscape(stack)}" name="plan" time="0">`,
        `      <error type="exit ${e.exitCode}" message="${xmlEscape(e.error.split("\n")[0])}">${xmlEscape(e.error)}</error>`,
        `    </testcase>`,
        `  </testsuite>`,
        `</testsuites>`,
        "",
    ].join("\n");
}
