/**
 * `npm run smoke -- --bucket <name> [--region us-east-1] [--endpoint URL] [--layout hybrid] [--sse AES256|aws:kms]`
 * Post-deploy smoke test of the data path with the caller's AWS credentials. Exit 0 on success, 1 on failure.
 */
import { S3Client } from "@aws-sdk/client-s3";
import { Command, Option } from "commander";
import { KEY_LAYOUTS, KeyLayout } from "../components/storage/layout";
import { ENCRYPTION_MODES, SseAlgorithm, sseAlgorithmOf } from "../rules/encryption";
import { runSmokeTest } from "../smoke/smokeTest";

interface Flags {
    bucket: string;
    region: string;
    endpoint?: string;
    layout: KeyLayout;
    sse: SseAlgorithm;
    kmsKeyId?: string;
}

async function main(flags: Flags): Promise<number> {
    const client = new S3Client({ region: flags.region, endpoint: flags.endpoint, forcePathStyle: flags.endpoint !== undefined });
    try {
        const result = await runSmokeTest({ client, bucket: flags.bucket, layout: flags.layout, sse: flags.sse, kmsKeyId: flags.kmsKeyId });
        for (const s of result.steps) {
            console.log(`${s.ok ? "ok  " : "FAIL"} ${s.step.padEnd(4)} ${s.ms.toFixed(0).padStart(5)} ms  ${s.detail}`);
        }
        console.log(result.ok ? `smoke test passed: ${result.key}` : "smoke test FAILED");
        return result.ok ? 0 : 1;
    } finally {
        client.destroy();
    }
}

new Command("smoke")
    .requiredOption("--bucket <name>", "data bucket (the dataBucketName stack output)")
    .option("--region <region>", "bucket region", "us-east-1")
    .option("--endpoint <url>", "S3-compatible endpoint instead of AWS")
    .addOption(new Option("--layout <layout>", "object key layout").choices([...KEY_LAYOUTS]).default("hybrid"))
    .addOption(
        new Option("--sse <algorithm>", "encryption to request")
            .choices(ENCRYPTION_MODES.map(sseAlgorithmOf))
            .default(sseAlgorithmOf("sse-s3")),
    )
    .option("--kms-key-id <arn>", "KMS key for aws:kms")
    .action(async (flags: Flags) => {
        process.exitCode = await main(flags);
    })
    .parseAsync(process.argv)
    .catch((e: unknown) => {
        console.error(e);
        process.exitCode = 2;
    });
