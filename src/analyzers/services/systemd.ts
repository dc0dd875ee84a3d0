import { maxRisk, type Effect, type EnvironmentHint, type Risk } from '../../core/types.js';
import { hasOption, optionValue, parseOptions } from '../../shell/options.js';
import type { Word } from '../../shell/words.js';
import type { Invocation } from '../analyzer.js';
import { fx, hostOf, isCriticalService, isGentleSignal, unitBase } from './common.js';

const VALUE_OPTIONS = [
  '-H',
  '--host',
  '-M',
  '--machine',
  '-t',
  '--type',
  '-p',
  '--property',
  '-s',
  '--signal',
  '--state',
  '--kill-whom',
  '--kill-value',
  '--root',
  '--image',
  '--image-policy',
  '--job-mode',
  '-n',
  '--lines',
  '-o',
  '--output',
  '--timestamp',
  '--what',
  '--message',
  '--when',
  '--boot-loader-entry',
  '--boot-loader-menu',
  '--reboot-argument',
  '--preset-mode',
  '--drop-in',
  '--check-inhibitors',
];

const STOPPING = new Set(['stop', 'disable', 'mask', 'kill', 'isolate']);
const HOST_STATE = new Set(['poweroff', 'reboot', 'halt', 'kexec', 'soft-reboot', 'rescue', 'emergency']);
const SLEEP = new Set(['suspend', 'hibernate', 'hybrid-sleep', 'suspend-then-hibernate', 'sleep']);
const LOW = new Set([
  'start',
  'restart',
  'reload',
  'try-restart',
  'reload-or-restart',
  'try-reload-or-restart',
  'condrestart',
  'force-reload',
  'enable',
  'reenable',
  'unmask',
  'daemon-reload',
  'daemon-reexec',
  'reset-failed',
  'preset',
  'preset-all',
  'link',
  'revert',
  'edit',
  'set-property',
  'set-default',
  'set-environment',
  'unset-environment',
  'import-environment',
  'freeze',
  'thaw',
  'clean',
  'add-wants',
  'add-requires',
]);
/**
 * Daemons that keep the machine's record of what is done on it: stopped on a production host, what follows
 * goes unrecorded (the log files themselves are judged as the files they are).
 */
const RECORD_KEEPERS = /^(auditd|systemd-journald|rsyslog|syslog-ng|syslog)$/;

/** Targets that stop (nearly) everything when isolated. */
const DRASTIC_TARGET = /^(rescue|emergency|poweroff|halt|reboot|kexec|shutdown|sysinit|basic)(\.target)?$/;

export function hostTarget(inv: Invocation, remote?: string): string {
  return remote ?? inv.facts.host ?? 'this machine';
}

function stopUnit(
  tool: string,
  verb: string,
  unit: Word,
  extra: { signal?: string; now: boolean; hints: EnvironmentHint[] },
): Effect {
  const critical = unit.dynamic || isCriticalService(unit.value);
  let risk: Risk = critical ? 'high' : 'medium';
  let reason: string;
  switch (verb) {
    case 'disable':
      reason = extra.now
        ? `stops ${unit.value} and keeps it from starting at boot`
        : `keeps ${unit.value} from starting at boot`;
      break;
    case 'mask':
      reason = `masks ${unit.value}: it cannot be started at all`;
      break;
    case 'kill':
      if (isGentleSignal(extra.signal)) risk = 'low';
      reason = `sends ${extra.signal ?? 'SIGTERM'} to the processes of ${unit.value}`;
      break;
    case 'isolate':
      risk = DRASTIC_TARGET.test(unit.value) ? 'high' : 'medium';
      reason = `isolates ${unit.value}: every unit it does not need is stopped`;
      break;
    default:
      reason = `stops ${unit.value}`;
  }
  if (critical && verb !== 'isolate')
    reason += ` (${unitBase(unit.value)} is a service the machine or its data depends on)`;
  const effect = fx(tool, 'modify', risk, unit.value, reason, verb === 'isolate' ? 'host' : 'service', {
    hints: extra.hints,
    reversible: true,
  });
  const unrecorded = !unit.dynamic && risk !== 'low' && RECORD_KEEPERS.test(unitBase(unit.value));
  return unrecorded ? { ...effect, riskInProduction: 'high' } : effect;
}

/**
 * A unit of the user's own service manager (`systemctl --user stop dev-proxy`): on this machine or in staging
 * it is the user's to stop and start again; where the host is production (rootless services run that way
 * too) it keeps the risk a system unit has.
 */
function ownSessionUnit(effect: Effect): Effect {
  return { ...effect, risk: 'low', riskInProduction: maxRisk(effect.risk, effect.riskInProduction ?? 'low') };
}

/** systemctl: stopping, disabling or masking units; taking the host down; everything else is routine. */
export function systemctl(inv: Invocation): Effect[] {
  const parsed = parseOptions(inv.args, { withValue: VALUE_OPTIONS });
  const [verbWord, ...units] = parsed.positionals;
  if (!verbWord || hasOption(parsed, '--dry-run', '-h', '--help', '--version')) return [];
  const hints: EnvironmentHint[] = [];
  const host = optionValue(parsed, '-H', '--host');
  if (host) hints.push({ source: 'flag --host', value: hostOf(host) });
  const machine = optionValue(parsed, '-M', '--machine');
  if (machine) hints.push({ source: 'flag --machine', value: machine });
  const remote = host ? hostOf(host) : machine;
  if (verbWord.dynamic)
    return [
      fx(
        'systemctl',
        'execute-unverifiable',
        'high',
        inv.text,
        'the systemctl command is computed at run time',
        'service',
        {
          hints,
        },
      ),
    ];
  const verb = verbWord.value;
  if (STOPPING.has(verb)) {
    const now = hasOption(parsed, '--now');
    const signal = optionValue(parsed, '-s', '--signal', '--kill-value');
    const stopped = units.map((u) =>
      stopUnit('systemctl', verb, u, { now, hints, ...(signal ? { signal } : {}) }),
    );
    return hasOption(parsed, '--user') && verb !== 'isolate' ? stopped.map(ownSessionUnit) : stopped;
  }
  if (HOST_STATE.has(verb) || SLEEP.has(verb)) {
    const target = hostTarget(inv, remote);
    const risk: Risk = SLEEP.has(verb) ? 'medium' : 'high';
    return [
      fx('systemctl', 'modify', risk, target, `systemctl ${verb} takes ${target} down`, 'host', {
        hints,
        reversible: true,
      }),
    ];
  }
  if (LOW.has(verb))
    return (units.length ? units : [verbWord]).map((u) =>
      fx(
        'systemctl',
        'modify',
        'low',
        u.value,
        `systemctl ${verb} ${u.value === verb ? '' : u.value}`.trim(),
        'service',
        {
          hints,
          reversible: true,
        },
      ),
    );
  return [];
}

/** SysV `service NAME ACTION`. */
export function service(inv: Invocation): Effect[] {
  const words = inv.args.filter((w) => w.dynamic || !w.value.startsWith('-'));
  const [unit, action] = words;
  if (!unit || !action) return [];
  if (action.value === 'stop') return [stopUnit('service', 'stop', unit, { now: true, hints: [] })];
  if (['restart', 'reload', 'force-reload', 'start', 'try-restart', 'condrestart'].includes(action.value))
    return [
      fx('service', 'modify', 'low', unit.value, `service ${unit.value} ${action.value}`, 'service', {
        reversible: true,
      }),
    ];
  return [];
}

/** launchctl's verbs that stop a job, or keep it from starting again (macOS's systemctl stop/disable). */
const LAUNCHD_STOPPING: Record<string, string> = {
  unload: 'stop',
  bootout: 'stop',
  remove: 'stop',
  stop: 'stop',
  kill: 'kill',
  disable: 'disable',
};

/** launchctl: `unload -w` (stopped and disabled), `bootout`, `remove`, `disable`, `kill`; the rest reads or starts. */
export function launchctl(inv: Invocation): Effect[] {
  const [verbWord, ...rest] = inv.args.filter((w) => w.dynamic || !w.value.startsWith('-'));
  if (!verbWord) return [];
  const verb = LAUNCHD_STOPPING[verbWord.value];
  if (!verb) return [];
  const disables = verbWord.value === 'unload' && inv.args.some((w) => w.value === '-w');
  // `kill SIGNAL TARGET`: the signal comes first.
  const units = verb === 'kill' ? rest.slice(1) : rest;
  const signal = verb === 'kill' ? rest[0]?.value : undefined;
  return units.map((unit) =>
    stopUnit('launchctl', disables ? 'disable' : verb, unit, {
      now: true,
      hints: [],
      ...(signal ? { signal } : {}),
    }),
  );
}
