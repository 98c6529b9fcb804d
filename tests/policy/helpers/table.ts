/**
 * Policy tests as tables (cdk-nag's `validateStack(stack, rule, COMPLIANT | NON_COMPLIANT)`, one row
 * each): a happy-path fixture, or one changed field of it, and the verdict one policy must give.
 * One `describe` per policy, one `it` per row, so a file lists only what differs between cases.
 */
import * as assert from "node:assert/strict";
import { PolicyPackConfig, PolicyPackServer } from "../../../gate/analyzer";
import { RecordedResource } from "../../../gate/recorder";
import { loadedBefore } from "../../helpers/loaded";
import { edit } from "./cases";
import { COMPLIANT, NON_COMPLIANT, validateStack, Verdict } from "./pack";

type Resources = readonly RecordedResource[];

/** Registers a `before` hook that loads resources once (a shipped stack, a fixture); returns a getter. */
export function useResources(load: () => Promise<Resources>): () => Resources {
    return loadedBefore("the table's resources", load);
}

/** A row's resources: `resources()` with the inputs of the one resource of `type` named `name` changed by `fn`. */
export function editing(
    resources: () => Resources,
    type: string,
    name: string,
    fn: (inputs: Record<string, unknown>) => void,
): () => Resources {
    return () => edit(resources(), type, name, fn);
}

/** What a row expects besides its verdict. */
export interface Expect {
    /** The pack config to judge with. @default the table's */
    readonly config?: PolicyPackConfig;
    /** The resource a NON_COMPLIANT finding must be on. @default - any */
    readonly onResource?: string;
    /** What a NON_COMPLIANT finding's message must match. @default - any */
    readonly message?: RegExp;
    /** How many findings exactly. @default - not counted */
    readonly count?: number;
}

/** One row of a policy's table: its title, the verdict it expects and the resources it judges. */
export interface PolicyCase extends Expect {
    readonly title: string;
    readonly verdict: Verdict;
    /** The resources to judge, called inside the test (after the `before` hooks). */
    readonly resources: () => Resources;
}

/** A row the policy must pass (`passes <title>`). */
export function passes(title: string, resources: () => Resources, expect: Pick<Expect, "config"> = {}): PolicyCase {
    return { title: `passes ${title}`, verdict: COMPLIANT, resources, ...expect };
}

/** A row the policy must fire on (`fires <title>`). */
export function fires(title: string, resources: () => Resources, expect: Expect = {}): PolicyCase {
    return { title: `fires ${title}`, verdict: NON_COMPLIANT, resources, ...expect };
}

/** One `describe` per policy of `table`, one `it` per row, judged by the pack with `config` unless a row says otherwise. */
export function describePolicies(
    pack: () => PolicyPackServer,
    config: PolicyPackConfig,
    table: Readonly<Record<string, readonly PolicyCase[]>>,
): void {
    for (const [policy, rows] of Object.entries(table)) {
        describe(policy, () => {
            for (const row of rows) {
                it(row.title, async () => {
                    const found = await validateStack(pack(), row.resources(), policy, row.verdict, {
                        config: row.config ?? config,
                        onResource: row.onResource,
                        message: row.message,
                    });
                    if (row.count !== undefined) {
                        assert.equal(found.length, row.count, found.map((v) => v.message).join("\n"));
                    }
                });
            }
        });
    }
}
