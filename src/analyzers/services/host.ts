import type { Effect, Risk } from '../../core/types.js';
import { hasOption, optionValue, parseOptions } from '../../shell/options.js';
import { word, type Word } from '../../shell/words.js';
import type { Invocation } from '../analyzer.js';
import { fx, isCriticalProcess, isGentleSignal, outageInProduction } from './common.js';
import { hostTarget } from './systemd.js';

/**
 * shutdown, reboot, halt, poweroff: the machine goes down (shutdown -c / -k do not). Windows' shutdown takes
 * `/s`, `/r` (`/g` restarts too), and `/a` aborts one under way.
 */
export function power(inv: Invocation): Effect[] {
  const parsed = parseOptions(inv.args, {});
  const windows = inv.args.map((w) => w.value.toLowerCase()).filter((w) => /^\/[a-z?]+$/.test(w));
  if (hasOption(parsed, '--help', '--version', '-w', '--wtmp-only')) return [];
  if (inv.name === 'shutdown' && hasOption(parsed, '-c', '-k', '--show')) return [];
  if (inv.name === 'shutdown' && windows.some((w) => w === '/a' || w === '/?')) return [];
  const reboot =
    inv.name === 'reboot' ||
    hasOption(parsed, '-r', '--reboot') ||
    (inv.name === 'shutdown' && windows.some((w) => w === '/r' || w === '/g'));
  const target = hostTarget(inv);
  return [
    fx(
      inv.name,
      'modify',
      'high',
      target,
      `${inv.name} ${reboot ? 'reboots' : 'shuts down'} ${target}`,
      'host',
      {
        reversible: true,
      },
    ),
  ];
}

/** init/telinit with a runlevel: 0 halts, 6 reboots, 1/S drops to single-user mode. */
export function runlevel(inv: Invocation): Effect[] {
  const level = inv.args.find((w) => !w.value.startsWith('-'));
  if (!level) return [];
  const target = hostTarget(inv);
  const v = level.value;
  if (level.dynamic || ['0', '6', '1', 's', 'S', 'single'].includes(v)) {
    const what = v === '0' ? 'halts' : v === '6' ? 'reboots' : 'changes the runlevel of';
    return [
      fx(inv.name, 'modify', 'high', target, `${inv.name} ${v} ${what} ${target}`, 'host', {
        reversible: true,
      }),
    ];
  }
  if (/^[2-5]$/.test(v))
    return [
      fx(
        inv.name,
        'modify',
        'medium',
        target,
        `${inv.name} ${v} switches ${target} to runlevel ${v}`,
        'host',
        { reversible: true },
      ),
    ];
  return [];
}

const KILLS_EVERYTHING = /^(\.|\.\*|\^|\$|\^\.\*\$?|\.\+|)$/;

/**
 * Interpreters and runtimes: their name alone matches every program run on them, the system's own daemons
 * among them (`pkill -f python`). Not node: on a developer's machine `killall node` stops their own dev
 * servers, and the services corpus labels it harmless.
 */
const INTERPRETER =
  /^(python[\d.]*|pypy3?|perl[\d.]*|ruby[\d.]*|java|php[\d.]*|bash|sh|zsh|dash|deno|bun|dotnet|mono|lua[\d.]*)$/;

/** Processes without which the machine cannot be reached (sshd) or does not run. */
const MACHINE_PROCESSES = new Set(['sshd', 'systemd', 'init']);

/** The name a kill pattern is when it is one word: without `^`/`$` anchors or a directory (`/usr/bin/python3`). */
function bareName(pattern: string): string {
  const unanchored = pattern.replace(/^\^|\$$/g, '');
  return /\s/.test(unanchored) ? unanchored : (unanchored.split('/').pop() ?? '');
}

/** The signal of kill/killall/pkill written as `-9`, `-KILL`, `-SIGKILL`, `-s KILL`, `-n 9`, `--signal KILL`. */
function leadingSignal(args: readonly Word[]): { signal?: string; rest: Word[] } {
  const first = args[0]?.value;
  if (first && /^-(\d+|[A-Z][A-Z0-9+-]*)$/.test(first) && !args[0]!.dynamic)
    return { signal: first.slice(1), rest: args.slice(1) };
  return { rest: [...args] };
}

/** kill PID: killing PID 1 or every process (-1) takes the machine down; a PID is routine. */
/**
 * The process a kill's substituted argument names: `$(pidof mongod)`, `` `pgrep -f postgres` ``, or its pid
 * file (`$(cat /run/mysqld/mysqld.pid)`, `$(< /var/run/postgresql/14-main.pid)`: the file or its directory).
 */
function substitutedProcess(text: string): string | undefined {
  // (`<output of …>` is what xargs appends: `pidof mongod | xargs kill`.)
  const inner = /^(?:\$\((.*)\)|`(.*)`|<output of (.*)>)$/s.exec(text.trim());
  const command = (inner?.[1] ?? inner?.[2] ?? inner?.[3])?.trim();
  if (!command) return undefined;
  const named = /^(?:pidof|pgrep)\s+(?:-\S+\s+)*([\w.@-]+)$/.exec(command)?.[1];
  if (named) return named;
  const pidFile = /^(?:cat\s+|<\s*)(\/\S+)\.pid$/.exec(command)?.[1];
  if (!pidFile) return undefined;
  const [directory, file] = pidFile.split('/').slice(-2);
  return [file, directory].find((name) => name && isCriticalProcess(name));
}

export function kill(inv: Invocation): Effect[] {
  let { signal, rest } = leadingSignal(inv.args);
  if (!signal && rest[0] && ['-s', '-n', '--signal'].includes(rest[0].value)) {
    signal = rest[1]?.value;
    rest = rest.slice(2);
  } else if (!signal && rest[0]?.value.startsWith('--signal=')) {
    signal = rest[0].value.slice('--signal='.length);
    rest = rest.slice(1);
  }
  if (rest[0]?.value === '--') rest = rest.slice(1);
  if (rest.some((w) => ['-l', '-L', '--list', '--table'].includes(w.value))) return [];
  if (signal === '0' || signal?.toUpperCase() === 'SIG0') return [];
  const gentle = isGentleSignal(signal);
  const target = hostTarget(inv);
  return rest.map((w) => {
    if (!w.dynamic && (w.value === '1' || w.value === '-1') && !gentle) {
      const what = w.value === '1' ? 'init (PID 1)' : 'every process it may signal (-1)';
      return fx(
        'kill',
        'modify',
        'high',
        `${what} on ${target}`,
        `kill ${signal ? `-${signal} ` : ''}${w.value} kills ${what}`,
        'host',
        {
          reversible: true,
        },
      );
    }
    // `kill -9 $(pidof mongod)`, `kill $(pgrep -f postgres)`: the processes the substitution names.
    const named = substitutedProcess(w.value);
    if (named && isCriticalProcess(named) && !gentle)
      return fx(
        'kill',
        'modify',
        'high',
        named,
        `kills ${named} (${w.value}): a process the machine or its data depends on`,
        'process',
        { reversible: true },
      );
    // `kill $(pgrep python)`: the name matches what pkill's pattern would (a runtime: every program on it).
    const byName = named && !gentle ? matched('kill', word(named)).risk : 'low';
    if (named && byName !== 'low')
      return outageInProduction(
        fx('kill', 'modify', byName, named, `kills every ${named} process (${w.value})`, 'process', {
          reversible: true,
        }),
      );
    const group = /^-\d+$/.test(w.value);
    return fx(
      'kill',
      'modify',
      'low',
      w.value,
      `${gentle ? `signals` : 'kills'} ${group ? 'process group' : 'process'} ${w.value}`,
      'process',
      {
        reversible: true,
      },
    );
  });
}

/** killall/pkill NAME: killing a daemon the machine depends on is medium; anything else routine. */
export function killByName(inv: Invocation): Effect[] {
  const { signal: lead, rest } = leadingSignal(inv.args);
  const parsed = parseOptions(rest, {
    withValue:
      inv.name === 'killall'
        ? [
            '-s',
            '--signal',
            '-u',
            '--user',
            '-o',
            '--older-than',
            '-y',
            '--younger-than',
            '-n',
            '--ns',
            '-Z',
            '--context',
          ]
        : [
            '--signal',
            '-u',
            '--euid',
            '-U',
            '--uid',
            '-G',
            '--group',
            '-g',
            '--pgroup',
            '-P',
            '--parent',
            '-t',
            '--terminal',
            '-s',
            '--session',
            '-F',
            '--pidfile',
            '--ns',
            '--nslist',
          ],
  });
  if (hasOption(parsed, '-l', '--list', '-V', '--version', '-h', '--help')) return [];
  const signal = lead ?? optionValue(parsed, '--signal', ...(inv.name === 'killall' ? ['-s'] : []));
  if (signal === '0') return [];
  const gentle = isGentleSignal(signal);
  const user = optionValue(parsed, '-u', '--user', '--euid', '-U', '--uid');
  const patterns = parsed.positionals;
  if (patterns.length === 0 && user) {
    const risk: Risk = gentle ? 'low' : user === 'root' || user === '0' ? 'high' : 'medium';
    const effect = fx(
      inv.name,
      'modify',
      risk,
      `processes of ${user}`,
      `${inv.name} kills every process of user ${user}`,
      'process',
      { reversible: true },
    );
    return [gentle ? effect : outageInProduction(effect)];
  }
  return patterns.map((p) => {
    const { risk, why } = gentle
      ? { risk: 'low' as const, why: `signals processes named ${p.value}` }
      : matched(inv.name, p);
    const effect = fx(inv.name, 'modify', risk, p.value, why, 'process', { reversible: true });
    // What matches a whole class of processes takes a production host's service down with it.
    return risk !== 'low' && !p.dynamic ? outageInProduction(effect) : effect;
  });
}

/** How bad killing what a killall/pkill pattern matches is: everything, the machine's own, a runtime's. */
function matched(tool: string, p: Word): { risk: Risk; why: string } {
  const name = bareName(p.value);
  if (p.dynamic) return { risk: 'medium', why: `kills processes named at run time (${p.value})` };
  if (KILLS_EVERYTHING.test(p.value) && tool === 'pkill')
    return { risk: 'high', why: `pattern "${p.value}" matches every process` };
  if (MACHINE_PROCESSES.has(name))
    return { risk: 'high', why: `kills ${name}: without it the machine cannot be reached or does not run` };
  if (isCriticalProcess(p.value))
    return { risk: 'medium', why: `kills ${p.value}, a daemon the machine or its data depends on` };
  if (INTERPRETER.test(name))
    return { risk: 'medium', why: `kills every ${name} process, whatever runs on it (system daemons too)` };
  return { risk: 'low', why: `kills processes named ${p.value}` };
}

/** crontab -r removes every job; `crontab FILE` replaces them all; -l reads. */
export function crontab(inv: Invocation): Effect[] {
  const parsed = parseOptions(inv.args, { withValue: ['-u', '-T', '-n', '-s'] });
  if (hasOption(parsed, '-l', '-T', '-c', '-V', '--help', '--version')) return [];
  const user = optionValue(parsed, '-u') ?? (inv.elevated ? 'root' : undefined);
  const target = `crontab of ${user ?? 'the current user'}`;
  if (hasOption(parsed, '-r'))
    return [
      fx('crontab', 'delete', 'high', target, `crontab -r deletes every cron job in the ${target}`, 'cron'),
    ];
  if (hasOption(parsed, '-e'))
    return [fx('crontab', 'modify', 'low', target, `edits the ${target}`, 'cron', { reversible: true })];
  const file = parsed.positionals[0]?.value ?? '-';
  const from = file === '-' ? 'standard input' : file;
  return [
    fx('crontab', 'replace', 'medium', target, `replaces every job in the ${target} with ${from}`, 'cron'),
  ];
}
