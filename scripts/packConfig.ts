/**
 * `npm run pack-config`: writes policy-pack/config/<env>.json, the pack config of each environment's
 * profile with its default regions (config/packConfig.ts), for `pulumi preview --policy-pack-config`.
 * tests/config/profiles.test.ts fails when a file differs from what this would write.
 */
import * as fs from "fs";
import * as path from "path";
import * as prettier from "prettier";
import { packConfigOf } from "../config/packConfig";
import { PACKAGE_ROOT } from "../gate/packageRoot";
import { PolicyPackConfig } from "../gate/policyConfig";
import { PROFILES } from "../config/profiles";

export const PACK_CONFIG_DIR = path.join(PACKAGE_ROOT, "policy-pack", "config");

/** Environment -> the config its shipped file holds. */
export function shippedPackConfigs(): Record<string, PolicyPackConfig> {
    return Object.fromEntries(
        Object.entries(PROFILES).map(([env, profile]) => [env, packConfigOf(profile, { allowedRegions: profile.defaults.allowedRegions })]),
    );
}

async function main(): Promise<void> {
    for (const [env, config] of Object.entries(shippedPackConfigs())) {
        const file = path.join(PACK_CONFIG_DIR, `${env}.json`);
        const options = (await prettier.resolveConfig(file)) ?? {};
        fs.writeFileSync(file, await prettier.format(JSON.stringify(config), { ...options, filepath: file }));
        console.log(`wrote policy-pack/config/${env}.json`);
    }
}

if (require.main === module) {
    main().catch((e: unknown) => {
        console.error(e);
        process.exit(1);
    });
}
