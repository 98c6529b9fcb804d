/**
 * A pack config stricter than any stack's: prod's shipped one with a lower multipart-abort limit for
 * s3-lifecycle-rules. The config layer refuses every value the shipped pack configs would fail, so a
 * test that needs a failing gate judges a stack by this file (`--policy-config`) instead.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";

const PROD_CONFIG = path.resolve(__dirname, "..", "..", "policy-pack", "config", "prod.json");

/** Writes prod's pack config with `s3-lifecycle-rules.maxAbortDays` set to `maxAbortDays`; returns the file. */
export function stricterPackConfig(maxAbortDays: number): string {
    const config = JSON.parse(fs.readFileSync(PROD_CONFIG, "utf8")) as Record<string, unknown>;
    config["s3-lifecycle-rules"] = { enforcementLevel: "mandatory", maxAbortDays };
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "firehose-storage-strict-"));
    const file = path.join(dir, `prod-max-abort-${maxAbortDays}.json`);
    fs.writeFileSync(file, `${JSON.stringify(config, undefined, 4)}\n`);
    return file;
}
