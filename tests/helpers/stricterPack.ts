/**
 * A pack config stricter than any stack's: prod's shipped one with a lower multipart-abort limit for
 * s3-lifecycle-rules. The config layer refuses every value the shipped pack configs would fail, so a
 * test that needs a failing gate judges a stack by this file (`--policy-config`) instead.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { PACKAGE_ROOT } from "../../gate/packageRoot";

const PROD_CONFIG = path.join(PACKAGE_ROOT, "policy-pack", "config", "prod.json");

/**
 * Writes prod's pack config with `s3-lifecycle-rules.maxAbortDays` set to `maxAbortDays` under the OS
 * temp dir (one file per limit, replaced whole, so runs share it and leave nothing else); returns it.
 */
export function stricterPackConfig(maxAbortDays: number): string {
    const config = JSON.parse(fs.readFileSync(PROD_CONFIG, "utf8")) as Record<string, unknown>;
    config["s3-lifecycle-rules"] = { enforcementLevel: "mandatory", maxAbortDays };
    const file = path.join(os.tmpdir(), "firehose-storage-tests", `prod-max-abort-${maxAbortDays}.json`);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    const partial = `${file}.${process.pid}`;
    fs.writeFileSync(partial, `${JSON.stringify(config, undefined, 4)}\n`);
    fs.renameSync(partial, file);
    return file;
}
