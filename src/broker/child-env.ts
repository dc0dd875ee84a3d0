// The environment a brokered command runs with: the agent's, without anything that chooses a login,
// server, profile or client behaviour of the brokered program (PG*/PSQL*, AWS_*, KUBE*), plus the broker's
// credentials, which exist only in that child and never in the agent's process.

import { DATABASE_VARIABLES, withoutVariables } from '../adapters/broker/login-variables.js';

// The hook assesses a routed command without the same variables: one list, so both bind the same digest.
export {
  AWS_VARIABLES,
  DATABASE_VARIABLES,
  KUBERNETES_VARIABLES,
  withoutVariables,
} from '../adapters/broker/login-variables.js';

/** psql's environment: the agent's without database variables, and the broker's password. */
export function brokeredEnv(env: NodeJS.ProcessEnv, password: string): Record<string, string> {
  return { ...withoutVariables(env, DATABASE_VARIABLES), PGPASSWORD: password };
}
