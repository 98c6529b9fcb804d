/**
 * `verify` after `up`: the deployed data bucket compared with what the program declares (drift),
 * and the data-path smoke test (smoke/smokeTest.ts). The declared side is the program run as an
 * update under mocks from the stack's config; the deployed side is read through the S3 API.
 */
import { S3Client } from "@aws-sdk/client-s3";
import { Settings } from "../config";
import { planStack } from "../gate/plan";
import { LoadOptions, loadStackConfig } from "../gate/stackConfig";
import { validatedSettings } from "../gate/stackSettings";
import { sseAlgorithmOf } from "../rules/encryption";
import { runSmokeTest, SmokeResult } from "../smoke/smokeTest";
import { BucketState, compareStates, Drift } from "./bucketState";
import { declaredState } from "./declared";
import { observedState } from "./observed";

/** The data bucket's component name in the program (stack/program.ts). */
export const DATA_BUCKET = "firehose-data";

export interface VerifyOptions extends LoadOptions {
    readonly client: S3Client;
    /** The deployed data bucket's name (the stack output `dataBucketName`). */
    readonly bucket: string;
    /** @default true */
    readonly drift?: boolean;
    /** @default true */
    readonly smoke?: boolean;
}

export interface VerifyResult {
    readonly settings: Settings;
    readonly declared?: BucketState;
    readonly deployed?: BucketState;
    readonly drifts: readonly Drift[];
    readonly smoke?: SmokeResult;
    readonly ok: boolean;
}

export async function verifyStack(o: VerifyOptions): Promise<VerifyResult> {
    const sc = loadStackConfig(o);
    const settings = validatedSettings(sc);
    let declared: BucketState | undefined;
    let deployed: BucketState | undefined;
    let drifts: Drift[] = [];
    if (o.drift ?? true) {
        const plan = await planStack({ ...o, preview: false });
        declared = declaredState(plan.resources, DATA_BUCKET);
        deployed = await observedState(o.client, o.bucket);
        drifts = compareStates(declared, deployed);
    }
    const smoke =
        (o.smoke ?? true)
            ? await runSmokeTest({
                  client: o.client,
                  bucket: o.bucket,
                  layout: settings.keyLayout,
                  sse: sseAlgorithmOf(settings.encryption.mode),
                  kmsKeyId: settings.encryption.kmsKeyArn,
              })
            : undefined;
    return { settings, declared, deployed, drifts, smoke, ok: drifts.length === 0 && (smoke?.ok ?? true) };
}
