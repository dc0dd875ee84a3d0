import type { Effect, Risk } from '../../core/types.js';
import { parseOptions } from '../../shell/options.js';
import type { Analyzer, Invocation } from '../analyzer.js';
import { fx, isCriticalService } from './common.js';

// The process managers of application hosts, supervisord's `supervisorctl` and `pm2`: starting, restarting
// or reloading a program is routine (as `systemctl restart` is); stopping or removing one takes it down,
// and `all`, `shutdown` or `kill` takes every program down. `ssh prod-worker-1 'sudo supervisorctl restart
// celery-beat'` was unverifiable on production, denied; `pm2 delete all` was read by its words only.

const ROUTINE = new Set(['start', 'restart', 'reload', 'update', 'reread', 'scale', 'save', 'resurrect', 'flush', 'reloadLogs', 'clear', 'signal', 'gracefulReload', 'startOrRestart', 'startOrReload', 'add', 'avail', 'pid', 'tail', 'maintail', 'fg']); // prettier-ignore
const TAKES_DOWN = new Set(['stop', 'delete', 'del', 'remove']);
const READS = new Set(['status', 'list', 'ls', 'l', 'jlist', 'prettylist', 'show', 'describe', 'info', 'logs', 'monit', 'version', 'help', 'env', 'report', 'ping']); // prettier-ignore

/** What may follow a read verb: a name, a number, or an option that only shapes the output. */
const SHOWN =
  /^([\w.:@][\w.:@-]*|--?(lines|json|raw|nostream|timestamp|err|out|format|f|follow|m|mini-list|sort|highlight)(=[\w.:-]+)?)$/;
/** supervisorctl's options with a value (`-c FILE`, `-s URL`, `-u USER`, `-p PASSWORD`). */
const SUPERVISORCTL_VALUE = ['-c', '--configuration', '-s', '--serverurl', '-u', '--username', '-p', '--password', '-r', '--history-file']; // prettier-ignore
/** pm2's options with a value that may come before the names. */
const PM2_VALUE = ['--name', '-n', '--namespace', '--only', '-i', '--instances', '--env', '--lines', '--signal', '--cwd', '--log', '-l', '-o', '--output', '-e', '--error', '--interpreter', '--max-memory-restart', '--wait-ready', '--listen-timeout', '--kill-timeout']; // prettier-ignore

function manage(inv: Invocation, withValue: readonly string[]): Effect[] {
  const { positionals } = parseOptions(inv.args, { withValue, stopAtFirstPositional: true });
  const [verbWord, ...names] = positionals;
  const verb = verbWord?.value ?? '';
  const tool = inv.name;
  const hints = inv.hints;
  // No verb: an interactive session, unless stdin feeds it commands.
  if (!verbWord && !inv.stdinFrom && !inv.stdinText) return [];
  // A read verb with names and options that only shape what is shown (`pm2 logs api --lines 100`).
  if (
    verbWord &&
    !verbWord.dynamic &&
    READS.has(verb) &&
    names.every((w) => !w.dynamic && SHOWN.test(w.value))
  )
    return [];
  const everything = names.length === 0 || names.some((w) => w.value === 'all');
  // `supervisorctl signal KILL all`, `pm2 scale api 0`: a take-down by another name.
  const killing =
    verb === 'signal' && /^(SIG)?(KILL|TERM|INT|QUIT|STOP|9|15|2|3)$/i.test(names[0]?.value ?? '');
  const toZero = verb === 'scale' && names[1]?.value === '0';
  if (killing || toZero) {
    const which = killing ? names.slice(1) : names.slice(0, 1);
    const all = which.length === 0 || which.some((w) => w.value === 'all');
    const target = all ? 'every program' : which.map((w) => w.value).join(' ');
    return [
      fx(tool, 'modify', all ? 'high' : 'medium', target, `${tool} ${verb} takes ${target} down`, 'service', {
        hints,
        reversible: true,
      }),
    ];
  }
  if (ROUTINE.has(verb)) {
    const target = names.map((w) => w.value).join(' ') || 'every program';
    return [
      fx(tool, 'modify', 'low', target, `${tool} ${verb} ${target}`, 'service', { hints, reversible: true }),
    ];
  }
  // supervisorctl shutdown stops supervisord and every program; pm2 kill stops its daemon and every process.
  if (verb === 'shutdown' || verb === 'kill')
    return [
      fx(
        tool,
        'modify',
        'high',
        'every program',
        `${tool} ${verb} stops the manager and every program it runs`,
        'service',
        { hints, reversible: true },
      ),
    ];
  if (TAKES_DOWN.has(verb)) {
    const removes = verb !== 'stop';
    if (everything)
      return [
        fx(
          tool,
          removes ? 'delete' : 'modify',
          'high',
          'every program',
          `${tool} ${verb} all takes every program it runs down`,
          'service',
          { hints, reversible: !removes },
        ),
      ];
    return names.map((w) => {
      const risk: Risk = w.dynamic || isCriticalService(w.value) ? 'high' : 'medium';
      return fx(
        tool,
        removes ? 'delete' : 'modify',
        risk,
        w.value,
        `${tool} ${verb} takes ${w.value} down`,
        'service',
        { hints, reversible: !removes },
      );
    });
  }
  // pm2 deploy, pm2 install, commands read from stdin, a verb built at run time: not known here.
  const what = verbWord ? `${tool} ${verb}` : `${tool} with commands read from stdin`;
  return [fx(tool, 'modify', 'medium', what, `${what} is not a command known here`, 'service', { hints })];
}

export const processManagersAnalyzer: Analyzer = {
  family: 'process-managers',
  commands: ['supervisorctl', 'pm2'],
  local: true,
  environmentVariables: [],
  analyze(inv) {
    return manage(inv, inv.name === 'pm2' ? PM2_VALUE : SUPERVISORCTL_VALUE);
  },
};
