import type { Effect } from '../../core/types.js';
import { optionValue, parseOptions } from '../../shell/options.js';
import { START_STOP_ABBREVIATIONS, START_STOP_VALUE } from '../../shell/cli-options/start-stop-daemon.js';
import type { Invocation } from '../analyzer.js';
import { fx, isCriticalProcess, isGentleSignal } from './common.js';
import { hostTarget } from './systemd.js';

// Debian's daemon tools, used where systemctl is not: `start-stop-daemon --stop --pidfile
// /run/postgresql/16-main.pid --retry=KILL/5` kills PostgreSQL; `pg_ctlcluster 16 main stop` stops a
// cluster, and `pg_dropcluster --stop 16 main` deletes one with its data.

/** `start-stop-daemon --stop` (`-K`): the matched processes get a signal (TERM; `--retry` escalates to KILL). */
export function startStopDaemon(inv: Invocation): Effect[] {
  const parsed = parseOptions(inv.args, {
    withValue: START_STOP_VALUE,
    abbreviations: START_STOP_ABBREVIATIONS,
  });
  const has = (...names: string[]) => names.some((n) => parsed.options.has(n));
  if (!has('-K', '--stop') || has('-t', '--test')) return [];
  const value = (...names: string[]) => optionValue(parsed, ...names);
  const matched = value('-n', '--name') ?? value('-x', '--exec') ?? value('-p', '--pidfile');
  const what = matched ?? 'the processes it matches';
  const signal = value('-s', '--signal');
  const retry = value('-R', '--retry');
  const killing = /KILL|9/.test(retry ?? '') || !isGentleSignal(signal);
  if (!killing) return [];
  const critical = isCriticalProcess(matched ?? '');
  const reason = `start-stop-daemon --stop ${signal ? `sends ${signal} to` : 'stops'} ${what}${
    critical ? ': a process the machine or its data depends on' : ''
  }`;
  return [
    fx(
      'start-stop-daemon',
      'modify',
      critical ? 'high' : 'medium',
      `${what} on ${hostTarget(inv)}`,
      reason,
      'process',
      {
        reversible: true,
      },
    ),
  ];
}

/** `pg_ctlcluster VERSION CLUSTER ACTION`, `pg_dropcluster [--stop] VERSION CLUSTER`, and their kin. */
export function postgresCluster(inv: Invocation): Effect[] {
  const parsed = parseOptions(inv.args, {
    withValue: ['-m', '--mode', '-o', '--options', '-v', '--version'],
  });
  // `16 main stop`, or the cluster written as one word: `16/main stop`.
  const words = parsed.positionals.flatMap((w) => (w.dynamic ? ['*'] : w.value.split('/')));
  const [version, name, action] = words;
  if (!version || !name) return [];
  const cluster = `PostgreSQL cluster ${version}/${name}`;
  const where = hostTarget(inv);
  switch (inv.name) {
    case 'pg_dropcluster':
      return [
        fx(
          'pg_dropcluster',
          'delete',
          'critical',
          `${cluster} on ${where}`,
          `pg_dropcluster deletes the ${cluster}: its data directory, configuration and logs`,
          'database',
        ),
      ];
    case 'pg_ctlcluster':
      if (action === 'stop')
        return [
          fx(
            'pg_ctlcluster',
            'modify',
            'high',
            `${cluster} on ${where}`,
            `pg_ctlcluster stops the ${cluster}`,
            'service',
            {
              reversible: true,
            },
          ),
        ];
      if (action === 'promote')
        return [
          fx(
            'pg_ctlcluster',
            'modify',
            'medium',
            `${cluster} on ${where}`,
            `pg_ctlcluster promotes the standby ${cluster} to a primary (replication from the old primary ends)`,
            'database',
          ),
        ];
      if (action === 'restart')
        return [
          fx(
            'pg_ctlcluster',
            'modify',
            'low',
            `${cluster} on ${where}`,
            `pg_ctlcluster restarts the ${cluster}`,
            'service',
            {
              reversible: true,
            },
          ),
        ];
      return [];
    case 'pg_upgradecluster':
      return [
        fx(
          'pg_upgradecluster',
          'modify',
          'medium',
          `${cluster} on ${where}`,
          `pg_upgradecluster upgrades the ${cluster} to a new major version`,
          'database',
        ),
      ];
  }
  return [];
}
