import type { Effect, EnvironmentHint, Operation, Risk } from '../core/types.js';
import type { Analyzer, Invocation } from './analyzer.js';
import { nameHintsFrom } from './cloud/common.js';

// Silencing the alerts that would tell a team something broke: `amtool silence add 'alertname=~".+"'`
// mutes every alert of an Alertmanager, `dog monitor mute_all` every Datadog monitor. Both were allowed
// (unknown programs, nothing deleted). A silence of one named alert for a few hours is routine maintenance;
// one that matches everything, or lasts for weeks, is not. Queries and expiring silences stay allowed.

const effect = (
  inv: Invocation,
  operation: Operation,
  risk: Risk,
  target: string,
  reason: string,
  hints: EnvironmentHint[],
): Effect => ({
  operation,
  tool: inv.name,
  target,
  reversible: true,
  risk,
  reason: `${inv.name}: ${reason}`,
  category: 'monitoring',
  ...(hints.length ? { hints } : {}),
});

/** amtool's options that take a value (global and `silence add`'s), written apart from it. */
const AMTOOL_VALUE = new Set([
  '--alertmanager.url',
  '-o',
  '--output',
  '--config.file',
  '--timeout',
  '-a',
  '--author',
  '-d',
  '--duration',
  '--start',
  '--end',
  '-c',
  '--comment',
  '-q',
  '--http.config.file',
  '--version-check',
  '--matcher-groups',
]);

/** `720h`, `3d`, `1w2d` in hours; undefined when unreadable. */
function hours(text: string | undefined): number | undefined {
  if (!text) return undefined;
  const units: Record<string, number> = { s: 1 / 3600, m: 1 / 60, h: 1, d: 24, w: 168, y: 8760 };
  let total = 0;
  for (const [, n, unit] of text.matchAll(/(\d+)(ms|[smhdwy])/g))
    total += unit === 'ms' ? 0 : Number(n) * units[unit!]!;
  return total || undefined;
}

/** A matcher that selects (nearly) every alert: a regex that matches anything, or a label that all alerts share. */
const MATCHES_ALL = /^[\w.]+=~"?(\.\*|\.\+)"?$/;
const NAMES_ONE_ALERT = /^alertname="?[^~"]+"?$/;

function amtool(inv: Invocation): Effect[] {
  const positionals: string[] = [];
  const options = new Map<string, string>();
  for (let i = 0; i < inv.args.length; i++) {
    const w = inv.args[i]!.value;
    const eq = w.indexOf('=');
    if (w.startsWith('-') && eq > 0) options.set(w.slice(0, eq), w.slice(eq + 1));
    else if (AMTOOL_VALUE.has(w)) options.set(w, inv.args[++i]?.value ?? '');
    else if (w.startsWith('-')) options.set(w, '');
    else positionals.push(w);
  }
  const url = options.get('--alertmanager.url') ?? inv.env('ALERTMANAGER_URL');
  const hints = nameHintsFrom('--alertmanager.url', url);
  const [group, verb, ...matchers] = positionals;
  if (group !== 'silence' || !(verb === 'add' || verb === 'import')) return [];
  if (verb === 'import')
    return [
      effect(inv, 'modify', 'medium', 'alerts', 'silence import adds every silence in its input', hints),
    ];
  // `--end=2030-01-01T00:00:00Z`: a silence until a date is as long as it says (here: years).
  const end = options.get('--end');
  const length = end ? 24 * 365 : (hours(options.get('--duration') ?? options.get('-d')) ?? 1);
  const broad =
    matchers.length === 0 ||
    matchers.some((m) => MATCHES_ALL.test(m)) ||
    !matchers.some((m) => NAMES_ONE_ALERT.test(m));
  const what = matchers.join(' ') || 'every alert';
  if (broad)
    return [
      effect(inv, 'modify', 'high', what, `silences every alert matching ${what} for ${length} h`, hints),
    ];
  return [
    effect(inv, 'modify', length > 24 ? 'medium' : 'low', what, `silences ${what} for ${length} h`, hints),
  ];
}

/** Datadog's dogshell: `dog monitor mute_all|mute|delete`, `dog downtime post SCOPE`. */
function dog(inv: Invocation): Effect[] {
  // dogshell's own options take values (`--api-key K`, `--application-key A`, `--config F`, `--timeout N`).
  const words: string[] = [];
  for (let i = 0; i < inv.args.length; i++) {
    const w = inv.args[i]!.value;
    if (/^--(api-key|application-key|config|timeout|api_host)$/.test(w)) i++;
    else if (!w.startsWith('-')) words.push(w);
  }
  const [group, verb, subject] = words;
  const target = subject ?? 'every monitor';
  if (group === 'monitor') {
    if (verb === 'mute_all')
      return [effect(inv, 'modify', 'high', 'every monitor', 'mutes every monitor', [])];
    if (verb === 'mute') return [effect(inv, 'modify', 'medium', target, `mutes monitor ${target}`, [])];
    if (verb === 'delete')
      return [
        { ...effect(inv, 'delete', 'high', target, `deletes monitor ${target}`, []), reversible: false },
      ];
  }
  if (group === 'downtime' && verb === 'post')
    return [
      effect(
        inv,
        'modify',
        subject === '*' ? 'high' : 'medium',
        target,
        `schedules a downtime (no alerts) for ${target}`,
        [],
      ),
    ];
  return [];
}

export const monitoringAnalyzer: Analyzer = {
  family: 'monitoring',
  commands: ['amtool', 'dog'],
  local: false,
  environmentVariables: ['ALERTMANAGER_URL'],
  partial: true,
  analyze(inv) {
    return inv.name === 'amtool' ? amtool(inv) : dog(inv);
  },
};
