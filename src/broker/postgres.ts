import { brokeredEnv, DATABASE_VARIABLES, withoutVariables } from './child-env.js';
import { passwordOf } from './config.js';
import { noEntry, type BrokerKind } from './kind.js';
import { describeTarget, matchPostgres } from './match.js';
import { brokeredPsqlArgs, psqlTarget } from './psql.js';

// psql as the broker's privileged role: the target from -h/-p/-d, the role's password only in the child.

export const postgresKind: BrokerKind = {
  program: 'psql',
  prepare(argv, config, configPath, env) {
    const target = psqlTarget(argv);
    const entry = matchPostgres(config, target);
    if (!entry) throw noEntry('broker', configPath, describeTarget(target));
    const password = passwordOf(entry);
    // Assessed as it will run: the agent's PG* variables are gone from the child, so they are gone here too.
    const assessEnv = withoutVariables(env, DATABASE_VARIABLES);
    return {
      credentials: `broker:${entry.name}`,
      assessEnv,
      launch: () =>
        Promise.resolve({
          program: config.psql,
          args: brokeredPsqlArgs(argv, entry.role),
          env: brokeredEnv(env, password),
        }),
    };
  },
};
