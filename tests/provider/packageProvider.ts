/**
 * One `ComponentProvider` for provider/, built as the plugin host builds it (components found by
 * `getPulumiComponents` over the module's exports), shared by the tests: inferring its schema
 * type-checks the sources, which takes seconds.
 */
import * as path from "path";
import { ComponentProvider, getPulumiComponents } from "@pulumi/pulumi/provider/experimental";
import * as pkg from "../../provider";

export const PROVIDER_DIR = path.resolve(__dirname, "..", "..", "provider");
export const components = getPulumiComponents(pkg);
export const provider = new ComponentProvider({ components, dirname: PROVIDER_DIR, name: "firehose-storage" });
