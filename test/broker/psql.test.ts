import { describe, expect, it } from 'vitest';
import { brokeredEnv } from '../../src/broker/child-env.js';
import { brokeredPsqlArgs, psqlTarget } from '../../src/broker/psql.js';

// What a psql command connects to, read from its arguments only, and the command the broker runs instead.

describe('psqlTarget', () => {
  it('reads -h, -p and -d in every spelling psql accepts', () => {
    expect(
      psqlTarget(['psql', '-h', 'db.internal', '-p', '6432', '-d', 'billing', '-c', 'select 1']),
    ).toEqual({
      host: 'db.internal',
      port: 6432,
      database: 'billing',
    });
    expect(psqlTarget(['psql', '-hdb', '--port=5433', '--dbname', 'x'])).toEqual({
      host: 'db',
      port: 5433,
      database: 'x',
    });
    // A positional database; -c's value is not mistaken for one.
    expect(psqlTarget(['psql', '-c', 'drop table t', '--host=db', 'orders'])).toEqual({
      host: 'db',
      port: 5432,
      database: 'orders',
    });
  });

  it('refuses what it cannot read plainly', () => {
    expect(() => psqlTarget(['psql', '-d', 'billing'])).toThrow(/needs the host named with -h/);
    expect(() => psqlTarget(['psql', '-d', 'postgresql://u@db/billing'])).toThrow(/connection string/);
    expect(() => psqlTarget(['psql', '-h', 'db', 'host=other dbname=x'])).toThrow(/connection string/);
    expect(() => psqlTarget(['psql', '-h', 'db', '-p', 'x'])).toThrow(/not a port/);
  });
});

describe('brokeredPsqlArgs', () => {
  it("logs in as the broker's role, without ~/.psqlrc or a prompt; the agent's user names are dropped", () => {
    expect(
      brokeredPsqlArgs(
        ['/tmp/evil/psql', '-U', 'agent', '-h', 'db', '-c', 'DROP TABLE t', 'billing', 'agent2'],
        'deployer',
      ),
    ).toEqual([
      '--no-psqlrc',
      '--no-password',
      '--username',
      'deployer',
      '-h',
      'db',
      '-c',
      'DROP TABLE t',
      'billing',
    ]);
    expect(brokeredPsqlArgs(['psql', '--username=agent', '-Uother', '-hdb'], 'r')).toEqual([
      '--no-psqlrc',
      '--no-password',
      '--username',
      'r',
      '-hdb',
    ]);
  });

  it("the child's environment keeps no database variable of the agent's", () => {
    const env = brokeredEnv(
      {
        PATH: '/bin',
        PGUSER: 'a',
        PGPASSWORD: 'x',
        PGSERVICE: 's',
        PGPASSFILE: 'f',
        PSQLRC: 'r',
        PGOPTIONS: '-c role=x',
      },
      'broker',
    );
    expect(env).toEqual({ PATH: '/bin', PGPASSWORD: 'broker' });
  });
});
