// The environment the brokered command runs with: the agent's, without anything that chooses a PostgreSQL
// login, server or client behaviour (PGPASSWORD, PGUSER, PGSERVICE, PGPASSFILE, PGOPTIONS, PSQLRC…), plus
// the broker's password, which exists only here and never in the agent's process.

const DATABASE_VARIABLE = /^(PG|PSQL)/;

/** The agent's environment with every PG* and PSQL* variable dropped. */
export function withoutDatabaseVariables(env: NodeJS.ProcessEnv): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(env))
    if (value !== undefined && !DATABASE_VARIABLE.test(name)) out[name] = value;
  return out;
}

/** The child's environment: the agent's without database variables, and the broker's password. */
export function brokeredEnv(env: NodeJS.ProcessEnv, password: string): Record<string, string> {
  return { ...withoutDatabaseVariables(env), PGPASSWORD: password };
}
