/**
 * `npm run -s record-urns -- <release>`: adds the URNs the shipped dev and prod stacks register now
 * to tests/fixtures/urns/<stack>.json under `<release>`. Run it when cutting a release and commit
 * the files; tests/upgrade/urns.test.ts then proves every later program still answers to them.
 */
import * as fs from "fs";
import * as path from "path";
import { planStack } from "../gate/plan";
import { PACKAGE_ROOT } from "../gate/packageRoot";
import { URN_DIR } from "../tests/upgrade/urnHistory";

async function main(release: string | undefined): Promise<void> {
    if (release === undefined || !/^[0-9A-Za-z.+-]+$/.test(release)) {
        throw new Error(`usage: record-urns <release>; got ${JSON.stringify(release)}`);
    }
    for (const stack of ["dev", "prod"]) {
        const run = await planStack({ projectDir: PACKAGE_ROOT, stack, preview: false });
        const file = path.join(URN_DIR, `${stack}.json`);
        const history = fs.existsSync(file) ? (JSON.parse(fs.readFileSync(file, "utf8")) as Record<string, string[]>) : {};
        history[release] = run.resources.map((r) => r.urn).sort();
        fs.mkdirSync(URN_DIR, { recursive: true });
        fs.writeFileSync(file, JSON.stringify(history, null, 4) + "\n");
        console.log(`${stack}: ${history[release].length} URNs recorded for ${release}`);
    }
}

main(process.argv[2]).catch((e: unknown) => {
    console.error(e instanceof Error ? e.message : String(e));
    process.exit(1);
});
