/**
 * `firehose-storage verify --stack <name>`: after `up`, the deployed data bucket's settings read
 * through the S3 API and compared with what the program declares (drift), then the data-path smoke
 * test. The bucket comes from `--bucket`, else from the stack output `dataBucketName` (Automation API:
 * needs the Pulumi CLI).
 */
import { Command } from "commander";
import * as path from "path";
import { styleFor } from "../gate/report";
import { ABSENT, SETTINGS } from "../verify/bucketState";
import type { VerifyResult } from "../verify/verify";
import { EXIT, UsageError } from "./errors";
import type { CliIo } from "./main";
import { PACKAGE_ROOT } from "../gate/packageRoot";

interface VerifyFlags {
    readonly stack: string;
    readonly bucket?: string;
    readonly stackFile?: string;
    readonly config: string[];
    readonly region?: string;
    readonly endpoint?: string;
    readonly drift: boolean;
    readonly smoke: boolean;
    readonly projectDir: string;
}

export const VERIFY_HELP_AFTER = `
Drift: versioning, encryption, public access block, ownership, policy (statement ids, effects,
actions), lifecycle, logging and replication of the data bucket, as the S3 API returns them,
against the program run as an update from the stack's config. Smoke test: put, head, get and list
one record where the key layout says (smoke/smokeTest.ts). AWS credentials: the SDK's usual chain.

Exit codes:
  0  no drift, smoke test passed
  1  drift (each setting named with both values) or a failed smoke step
  2  usage or config error, or the Pulumi CLI is needed (no --bucket) and not installed
  3  the S3 API refused a read (e.g. AccessDenied, NoSuchBucket) or the tool failed`;

function collect(value: string, previous: string[]): string[] {
    return [...previous, value];
}

/** The report of a verify run (pure). */
export function renderVerify(r: VerifyResult, bucket: string, s = styleFor(false, {})): string[] {
    const lines = [s.bold(`verify · stack ${r.settings.stack} · bucket ${bucket}`)];
    if (r.declared !== undefined) {
        const drifted = new Map(r.drifts.map((d) => [d.setting, d]));
        for (const setting of SETTINGS) {
            const d = drifted.get(setting);
            lines.push(
                d === undefined
                    ? `  ${s.green("✔")} ${setting}: ${r.declared[setting] ?? ABSENT}`
                    : `  ${s.red("✖")} ${setting}: declared ${d.declared}; deployed ${d.deployed}`,
            );
        }
    }
    if (r.smoke !== undefined) {
        const failed = r.smoke.steps.find((st) => !st.ok);
        lines.push(
            failed === undefined
                ? `  ${s.green("✔")} smoke test: ${r.smoke.steps.map((st) => st.step).join(", ")} of ${r.smoke.key}`
                : `  ${s.red("✖")} smoke test: ${failed.step} failed: ${failed.detail}`,
        );
    }
    const problems = [...r.drifts.map((d) => d.setting), ...(r.smoke?.ok === false ? ["smoke test"] : [])];
    lines.push(problems.length === 0 ? s.green(s.bold("✔ VERIFIED")) : s.red(s.bold(`✖ DRIFT OR FAILURE: ${problems.join(", ")}`)));
    return lines;
}

export function addVerifyCommand(root: Command, io: CliIo, setCode: (code: number) => void): void {
    root.command("verify")
        .description("after up: compare the deployed data bucket with the program (drift) and run the data-path smoke test")
        .requiredOption("-s, --stack <name>", "stack name: reads Pulumi.<name>.yaml")
        .option("--bucket <name>", "the deployed data bucket (default: the stack output dataBucketName, needs the Pulumi CLI)")
        .option("--stack-file <file>", "read the stack config from this file instead of Pulumi.<stack>.yaml")
        .option("-c, --config <key=value>", "set one config value like `pulumi config set [--path]` (repeatable)", collect, [])
        .option("--region <region>", "AWS region of the bucket (default: the stack's aws:region)")
        .option("--endpoint <url>", "an S3-compatible endpoint (path-style requests), e.g. for a local test server")
        .option("--no-drift", "skip the drift check")
        .option("--no-smoke", "skip the data-path smoke test")
        .option("--project-dir <dir>", "directory holding Pulumi.yaml", PACKAGE_ROOT)
        .addHelpText("after", VERIFY_HELP_AFTER)
        .action(async (f: VerifyFlags) => {
            const projectDir = path.resolve(io.cwd, f.projectDir);
            if (!f.drift && !f.smoke) {
                throw new UsageError("--no-drift and --no-smoke leave nothing to verify");
            }
            const bucket: unknown =
                f.bucket ?? (await (await import("../automation")).stackOutputs({ stack: f.stack, projectDir })).dataBucketName?.value;
            if (typeof bucket !== "string") {
                throw new UsageError(`stack ${f.stack} has no dataBucketName output: pass --bucket`);
            }
            // Loaded here, not at start: the AWS SDK is only needed by this command.
            const { S3Client, S3ServiceException } = await import("@aws-sdk/client-s3");
            const { verifyStack } = await import("../verify/verify");
            const client = new S3Client({
                ...(f.region !== undefined ? { region: f.region } : {}),
                ...(f.endpoint !== undefined ? { endpoint: f.endpoint, forcePathStyle: true } : {}),
            });
            try {
                const stackFile = f.stackFile !== undefined ? path.resolve(io.cwd, f.stackFile) : undefined;
                const r = await verifyStack({
                    projectDir,
                    stack: f.stack,
                    stackFile,
                    overrides: f.config,
                    client,
                    bucket,
                    drift: f.drift,
                    smoke: f.smoke,
                });
                io.out(`${renderVerify(r, bucket, styleFor(io.isTTY, io.env)).join("\n")}\n`);
                setCode(r.ok ? EXIT.ok : EXIT.violations);
            } catch (e) {
                if (!(e instanceof S3ServiceException)) {
                    throw e;
                }
                io.err(`error: the S3 API refused a read of ${bucket}: ${e.name}: ${e.message}\n`);
                setCode(EXIT.internal);
            } finally {
                client.destroy();
            }
        });
}
