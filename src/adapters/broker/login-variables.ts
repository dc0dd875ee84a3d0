// Variables that choose a brokered program's login, server, profile or client behaviour. The broker drops
// them from the child (src/broker/child-env.ts) and the hook from the environment it assesses the routed
// command with, from these same patterns, so that both decide the same action and bind the same digest.

export const DATABASE_VARIABLES = /^(PG|PSQL)/;
export const AWS_VARIABLES = /^AWS_/;
export const KUBERNETES_VARIABLES = /^KUBE/;

/** The environment with every variable `dropped` matches removed: what the child runs with and the hook assesses. */
export function withoutVariables(
  env: Readonly<Record<string, string | undefined>>,
  dropped: RegExp,
): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(env))
    if (value !== undefined && !dropped.test(name)) out[name] = value;
  return out;
}
