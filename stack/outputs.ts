/**
 * The stack outputs a program exports (pure): only those that exist. An output is `undefined` when
 * its feature is off (no writer user, no replication, ...); exported as is, the engine warns
 * `Undefined value (<name>) will not show as a stack output` for each. Leaving them out says the same
 * without the warning.
 */
export function definedOutputs<T extends object>(outputs: T): Partial<T> {
    return Object.fromEntries(Object.entries(outputs).filter(([, v]) => v !== undefined)) as Partial<T>;
}
