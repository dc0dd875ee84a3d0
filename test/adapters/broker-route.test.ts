import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { literalArgv } from '../../src/adapters/broker/argv.js';
import { brokerKindsText, coveredKinds } from '../../src/adapters/broker/kinds.js';
import { brokerRouteOf, isBrokerInvocation } from '../../src/adapters/hooks/broker-route.js';
import { commandFromArgs } from '../../src/cli/quote.js';
import { loadBashParser } from '../../src/shell/tree-sitter.js';
import { tempTree } from '../support/tmp.js';

const parser = await loadBashParser();

// Which command lines the hook may route to the broker: plain words only (the broker runs them without a
// shell), a program the broker has a runner for, and a kind this machine's broker covers.

describe('literalArgv: a command line that is only words', () => {
  it.each([
    [`psql -h db -c "DROP TABLE t"`, ['psql', '-h', 'db', '-c', 'DROP TABLE t']],
    [`psql -h db -c 'DELETE FROM t WHERE a = $1'`, ['psql', '-h', 'db', '-c', 'DELETE FROM t WHERE a = $1']],
    [`/usr/bin/psql  -d"x"y`, ['/usr/bin/psql', '-dxy']],
    [`psql -c ''`, ['psql', '-c', '']],
    [`psql -c "a;b|c>d"`, ['psql', '-c', 'a;b|c>d']],
    [String.raw`psql -p 5432 -c 'x'\''y'`, ['psql', '-p', '5432', '-c', "x'y"]],
  ])('%s', (line, argv) => expect(literalArgv(line, parser)).toEqual(argv));

  it.each([
    'psql -c "DROP $T"',
    'psql -c "$(cat x)"',
    'psql -h db -c x; rm -rf /',
    'psql -h db -c x | tee out',
    'psql -h db -c x > out',
    'psql -f *.sql',
    'psql -f ~/x.sql',
    'PGPASSWORD=x psql -h db',
    'psql -c \\x',
    "psql -c 'unterminated",
    'psql -c x && echo ok',
    '',
    // Hostile forms: each is more than words to bash, so the broker (which runs words) must not get it.
    'psql -c x$(id)',
    'psql -c "a" > /tmp/x',
    'psql -c x\\; rm',
    'psql -h db -c x\nrm -rf /',
    'PGHOST=x psql -c x',
    'psql -c `id`',
    'psql -c "`id`"',
    'psql -f {a,b}.sql',
    'psql -f ~',
    'psql -f a?.sql',
    'psql -f [ab].sql',
    'psql -c x <<< y',
    'psql -c x # a comment',
    '(psql -c x)',
    'psql -c x &',
  ])('not plain: %s', (line) => expect(literalArgv(line, parser)).toBeUndefined());
});

describe('brokerRouteOf', () => {
  const dir = tempTree({ 'x/README': 'x' });
  const kinds = join(dir, 'broker.kinds.json');
  writeFileSync(kinds, brokerKindsText(['psql']));
  const env = { INTERLOCK_BROKER_KINDS: kinds, PGPASSWORD: 'agent', PGHOST: 'elsewhere', HOME: '/h' };
  // This installation's CLI, as own-cli.ts finds it (a space in the path: the rewrite must quote it).
  const CLI = ['/opt/node 20/bin/node', '/opt/interlock/dist/cli/main.js'];
  const RUN = `'/opt/node 20/bin/node' /opt/interlock/dist/cli/main.js run --`;

  it('rewrites a covered program to interlock run, with the words quoted as interlock run joins them', () => {
    const route = brokerRouteOf(`psql -h db.internal -d billing -c "DROP TABLE t"`, env, parser, CLI)!;
    expect(route.rewritten).toBe(`${RUN} psql -h db.internal -d billing -c 'DROP TABLE t'`);
    const words = literalArgv(route.rewritten, parser)!;
    // The agent's PATH is not asked which `interlock` runs: the words name this installation's CLI.
    expect(words.slice(0, 4)).toEqual([...CLI, 'run', '--']);
    const inner = words.slice(4);
    // What `interlock run` assesses is exactly what the hook assessed: same words, same line.
    expect(commandFromArgs(inner)).toBe(route.command);
    // …and with the same environment: the PG* variables the broker drops are dropped here too.
    expect(route.env).toEqual({ INTERLOCK_BROKER_KINDS: kinds, HOME: '/h' });
  });

  it('routes nothing the broker does not cover', () => {
    expect(brokerRouteOf('mysql -h db -e "DROP TABLE t"', env, parser, CLI)).toBeUndefined();
    expect(brokerRouteOf('psql -h db -c x; rm -rf /', env, parser, CLI)).toBeUndefined();
    expect(
      brokerRouteOf('psql -h db -c x', { INTERLOCK_BROKER_KINDS: join(dir, 'none.json') }, parser, CLI),
    ).toBeUndefined();
  });

  it('a malformed summary covers nothing', () => {
    const bad = join(dir, 'bad.json');
    writeFileSync(bad, '{"kinds":["psql"],"password":"x"}');
    expect(coveredKinds({ INTERLOCK_BROKER_KINDS: bad }).size).toBe(0);
  });

  it('routes a typed `interlock run --` to this installation, whichever interlock the PATH would find', () => {
    const route = brokerRouteOf(`interlock run -- psql -h db -c 'DROP TABLE t'`, env, parser, CLI)!;
    expect(route.rewritten).toBe(`${RUN} psql -h db -c 'DROP TABLE t'`);
    expect(route.command).toBe(`psql -h db -c 'DROP TABLE t'`);
    expect(brokerRouteOf(`/tmp/evil/interlock run -- psql -h db -c x`, env, parser, CLI)!.rewritten).toBe(
      `${RUN} psql -h db -c x`,
    );
  });

  it('knows the route itself, so the hook leaves it to the broker', () => {
    expect(isBrokerInvocation(`${RUN} psql -h db -c 'DROP TABLE t'`, env, parser, CLI)).toBe(true);
    // A bare or other `interlock` is not ours: the hook decides it (and routes it to ours).
    expect(isBrokerInvocation(`interlock run -- psql -h db -c 'DROP TABLE t'`, env, parser, CLI)).toBe(false);
    expect(isBrokerInvocation(`node /tmp/evil/main.js run -- psql -h db -c x`, env, parser, CLI)).toBe(false);
    expect(isBrokerInvocation(`interlock run --broker-config x -- psql -h db -c x`, env, parser, CLI)).toBe(
      false,
    );
    expect(isBrokerInvocation(`${RUN} psql -h db -c x; rm -rf /`, env, parser, CLI)).toBe(false);
    expect(isBrokerInvocation(`${RUN} bash -c x`, env, parser, CLI)).toBe(false);
  });
});
