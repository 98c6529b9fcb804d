/**
 * A config value stored as a Pulumi secret (`{secure: v1:...}`, top-level or nested by
 * `pulumi config set --secret --path`). Offline there is no key to decrypt it: the gate puts this
 * stand-in where the secret was. It is valid text for the keys a secret usually holds (external ids,
 * names, tag values); the gate turns every resource input that contains it into an unknown value, so
 * a verdict that depends on the secret is "not verified", and messages never print it.
 */
export const SECRET_STANDIN = "offline-secret-4f1c0b9e";

/** Does `v` carry a secret's stand-in (in whole or in part, e.g. inside a policy document)? */
export function holdsSecret(v: unknown): boolean {
    return typeof v === "string" && v.includes(SECRET_STANDIN);
}
