/** A tool that provisions firehose storage for two tenants (README "Embedding"; run by tests/automation). */
import { StorageConfig, tenantStack } from "../automation";
import type { PolicyPackServer } from "../gate/analyzer";

/** A prod tenant's storage: its owner, bucket and `Tenant` tag follow its name; `extra` sets more keys (a key it repeats replaces the one here). */
function tenant(name: string, costCenter: string, extra: Partial<StorageConfig> = {}): StorageConfig {
    return {
        environment: "prod",
        owner: `${name}-data`,
        costCenter,
        bucketName: `${name}-leads-archive`,
        encryption: { mode: "sse-kms" },
        tags: { Tenant: name },
        ...extra,
    };
}

const TENANTS: Readonly<Record<string, StorageConfig>> = {
    acme: tenant("acme", "CC-2001"),
    globex: tenant("globex", "CC-2002", {
        writer: { principal: "arn:aws:iam::210987654321:role/globex-firehose", externalId: "globex-7f3e9a" },
    }),
};

/** Plans every tenant offline first (no cloud, no CLI), then deploys them one by one. */
export async function provisionTenants(log: (line: string) => void, pack?: PolicyPackServer): Promise<void> {
    // tenantStack validates each config as a stack file is validated: every problem in one ConfigError.
    const stacks = Object.entries(TENANTS).map(([name, config]) => ({
        name,
        stack: tenantStack({ stack: `tenant-${name}`, region: "us-east-1", config, secretKeys: ["writer"] }),
    }));
    for (const { name, stack } of stacks) {
        const gate = await stack.offlinePlan({ pack });
        log(`${name}: offline plan ${gate.verdict}, ${gate.report.counts.resources} resources, ${gate.report.counts.mandatory} mandatory`);
        if (gate.verdict !== "pass") {
            throw new Error(`${name} does not pass the policy pack`);
        }
    }
    for (const { name, stack } of stacks) {
        // Needs the Pulumi CLI and a backend; without the CLI this throws PulumiCliMissingError first.
        const up = await stack.up({
            onEvent: (e) =>
                e.resOutputsEvent !== undefined && log(`${name}: ${e.resOutputsEvent.metadata.op} ${e.resOutputsEvent.metadata.urn}`),
        });
        log(`${name}: ${up.result}, data bucket ${up.outputs.dataBucketName?.value ?? "?"}`);
    }
}
