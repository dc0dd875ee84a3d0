import type { Effect, Risk } from '../../core/types.js';
import { hasOption, optionValue, optionValues, parseOptions } from '../../shell/options.js';
import type { Invocation } from '../analyzer.js';
import type { Word } from '../../shell/words.js';
import { fx } from './common.js';
import { controlPort, firewalldOpens, ufwOpens } from './firewall-openings.js';

const IPTABLES_VALUE = [
  '-t',
  '--table',
  '-A',
  '--append',
  '-I',
  '--insert',
  '-D',
  '--delete',
  '-R',
  '--replace',
  '-N',
  '--new-chain',
  '-P',
  '--policy',
  '-E',
  '--rename-chain',
  '-j',
  '--jump',
  '-g',
  '--goto',
  '-s',
  '--source',
  '-d',
  '--destination',
  '-p',
  '--protocol',
  '-i',
  '--in-interface',
  '-o',
  '--out-interface',
  '-m',
  '--match',
  '-c',
  '--set-counters',
  '--dport',
  '--destination-port',
  '--destination-ports',
  '--sport',
  '--dports',
  '--sports',
  '--state',
  '--ctstate',
  '--comment',
  '--to-destination',
  '--to-source',
  '--to-ports',
  '--set-mark',
  '--log-prefix',
  '--icmp-type',
  '--uid-owner',
  '--limit',
  '--limit-burst',
  '--modprobe',
];

const MATCHERS = [
  '-s',
  '--source',
  '-d',
  '--destination',
  '-p',
  '--protocol',
  '-i',
  '--in-interface',
  '-o',
  '--out-interface',
  '-m',
  '--match',
];

/** iptables and friends: flushing or deleting chains drops every rule; a DROP policy can lock everyone out. */
export function iptables(inv: Invocation): Effect[] {
  const tool = inv.name;
  if (tool.endsWith('-restore')) {
    const parsed = parseOptions(inv.args, {
      withValue: ['-M', '--modprobe', '-w', '--wait', '-W', '-T', '--table'],
    });
    if (hasOption(parsed, '-t', '--test', '-h', '--help')) return [];
    if (hasOption(parsed, '-n', '--noflush'))
      return [
        fx(tool, 'modify', 'low', 'firewall rules', `${tool} --noflush adds rules`, 'firewall', {
          reversible: true,
        }),
      ];
    return [
      fx(
        tool,
        'replace',
        'medium',
        'firewall rules',
        `${tool} replaces every firewall rule with the file's`,
        'firewall',
      ),
    ];
  }
  const parsed = parseOptions(inv.args, { withValue: IPTABLES_VALUE });
  const table = optionValue(parsed, '-t', '--table') ?? 'filter';
  const chain = parsed.positionals.find((w) => !/^\d+$/.test(w.value))?.value;
  const where = `${table} table${chain ? ` chain ${chain}` : ''}`;
  const effects: Effect[] = [];
  const add = (risk: Risk, target: string, reason: string) =>
    effects.push(fx(tool, 'modify', risk, target, reason, 'firewall', { reversible: false }));
  if (hasOption(parsed, '-F', '--flush')) add('high', where, `${tool} -F flushes every rule of the ${where}`);
  if (hasOption(parsed, '-X', '--delete-chain'))
    add('high', where, `${tool} -X deletes user-defined chains of the ${where}`);
  for (const c of optionValues(parsed, '-P', '--policy')) {
    const target = parsed.positionals[0]?.value ?? '';
    if (/^(DROP|REJECT)$/i.test(target))
      add(
        'high',
        `${table} chain ${c}`,
        `sets the default policy of ${c} to ${target}: traffic not explicitly allowed, SSH included, is dropped`,
      );
    else
      add('medium', `${table} chain ${c}`, `sets the default policy of ${c} to ${target || 'a new value'}`);
  }
  for (const c of optionValues(parsed, '-D', '--delete'))
    add('medium', `${table} chain ${c}`, `deletes a rule from ${c}`);
  const jump = optionValue(parsed, '-j', '--jump');
  for (const c of optionValues(parsed, '-A', '--append', '-I', '--insert')) {
    const blanket = jump && /^(DROP|REJECT)$/i.test(jump) && !hasOption(parsed, ...MATCHERS);
    // `--dport`, `--destination-port`, multiport's `--dports` (lists, ranges, names); no port at all is every port.
    const ports = optionValue(parsed, '--dport', '--dports', '--destination-port', '--destination-ports');
    const source = optionValue(parsed, '-s', '--source');
    // No port and no other match (protocol, state, interface) is every port: `-A INPUT -j ACCEPT`.
    const bare = !hasOption(
      parsed,
      '-p',
      '--protocol',
      '-m',
      '--match',
      '-i',
      '--in-interface',
      '-d',
      '--destination',
    );
    const port =
      ports === undefined ? (bare ? 'every port' : undefined) : controlPort(ports.replace(/^ssh$/, '22'));
    const opens =
      jump === 'ACCEPT' &&
      /^(INPUT|DOCKER-USER)$/.test(c) &&
      port !== undefined &&
      (source === undefined || /^(0\.0\.0\.0\/0|0\/0|::\/0)$/.test(source)) &&
      !optionValue(parsed, '-i', '--in-interface')?.startsWith('lo');
    if (blanket) add('high', `${table} chain ${c}`, `adds a rule dropping all traffic on ${c}`);
    else if (opens)
      add('medium', `${table} chain ${c}`, `lets any address reach port ${port} (${c} … ACCEPT)`);
    else add('low', `${table} chain ${c}`, `adds a rule to ${c}`);
  }
  return effects;
}

/**
 * The login or database port an nft rule accepts from any source, if it does (`tcp dport 22 accept`,
 * `tcp dport { 22, 5432 } accept`, `tcp dport ssh accept`); a rule of nothing but `accept` takes every port.
 */
function nftOpens(words: readonly string[]): string | undefined {
  if (!words.includes('accept') || words.some((w) => /^saddr$/.test(w))) return undefined;
  const at = words.indexOf('dport');
  // [FAMILY] TABLE CHAIN accept, with no match at all.
  if (at < 0) return words.indexOf('accept') <= 3 && words.length <= 4 ? 'every port' : undefined;
  const set =
    words[at + 1] === '{'
      ? words.slice(at + 2, words.indexOf('}', at))
      : [(words[at + 1] ?? '').replace(/[{}]/g, '')];
  return controlPort(
    set
      .join(',')
      .replace(/,+/g, ',')
      .replace(/(^|,)ssh(?=,|$)/, '$122'),
  );
}

/** pfctl (BSD and macOS): `-d` turns the packet filter off, `-F all|rules` flushes its rules. */
export function pfctl(inv: Invocation): Effect[] {
  const words = inv.args.map((w) => w.value);
  const effects: Effect[] = [];
  if (words.includes('-d'))
    effects.push(
      fx('pfctl', 'modify', 'high', 'firewall', 'pfctl -d turns the packet filter off', 'firewall', {
        reversible: true,
      }),
    );
  const flush = words.findIndex((w) => /^-F([ar]|all|rules)?$/.test(w));
  const what = words[flush]?.slice(2) || words[flush + 1] || '';
  if (flush >= 0 && /^(all|rules|a|r)$/i.test(what))
    effects.push(
      fx(
        'pfctl',
        'modify',
        'high',
        'firewall',
        `pfctl -F ${what} flushes the packet filter's rules`,
        'firewall',
      ),
    );
  return effects;
}

/** nft: `flush ruleset`, `flush table`, `delete table|chain` remove rules; lists and adds are routine. */
export function nft(inv: Invocation): Effect[] {
  const parsed = parseOptions(inv.args, {
    withValue: ['-f', '--file', '-I', '--includepath', '-D', '--define'],
  });
  if (hasOption(parsed, '-c', '--check', '-h', '--help', '-v', '--version')) return [];
  const file = optionValue(parsed, '-f', '--file');
  const effects: Effect[] = [];
  if (file !== undefined)
    effects.push(
      fx(
        'nft',
        'replace',
        'medium',
        file || 'stdin',
        `nft -f loads ${file || 'a ruleset'}, which may flush every rule first`,
        'firewall',
      ),
    );
  // The nft language: statements separated by ';' or newlines, words by blanks.
  const text = parsed.positionals.map((w) => w.value).join(' ');
  for (const statement of text.split(/[;\n]/)) {
    const [verb, object, ...rest] = statement.trim().split(/\s+/);
    if (!verb || !object) continue;
    const target = [object, ...rest].join(' ');
    if (verb === 'flush' && ['ruleset', 'table', 'chain'].includes(object))
      effects.push(
        fx('nft', 'modify', 'high', target, `nft flush ${target} removes every rule in it`, 'firewall'),
      );
    else if (verb === 'delete' || verb === 'destroy') {
      const risk: Risk = ['table', 'chain'].includes(object) ? 'high' : object === 'rule' ? 'medium' : 'low';
      effects.push(fx('nft', 'modify', risk, target, `nft ${verb} ${target}`, 'firewall'));
    } else if ((verb === 'add' || verb === 'insert') && object === 'rule' && nftOpens(rest))
      effects.push(
        fx(
          'nft',
          'modify',
          'medium',
          target,
          `nft ${verb} ${target}: lets any address reach port ${nftOpens(rest)}`,
          'firewall',
          {
            reversible: true,
          },
        ),
      );
    else if (['add', 'insert', 'create', 'replace', 'rename', 'flush'].includes(verb))
      effects.push(
        fx('nft', 'modify', 'low', target, `nft ${verb} ${target}`, 'firewall', { reversible: true }),
      );
  }
  return effects;
}

/** ufw: disable and reset leave the machine without a firewall. */
export function ufw(inv: Invocation): Effect[] {
  const parsed = parseOptions(inv.args, {});
  if (hasOption(parsed, '--dry-run', '--help', '--version')) return [];
  const [verb, ...rest] = parsed.positionals.map((w) => w.value);
  const adds = verb === 'allow' || verb === 'insert' || verb === 'route';
  const opened = adds ? ufwOpens(parsed.positionals.map((w) => w.value)) : undefined;
  if (opened)
    return [
      fx(
        'ufw',
        'modify',
        'medium',
        `port ${opened}`,
        `ufw ${[verb, ...rest].join(' ')} lets any address reach ${opened}`,
        'firewall',
        {
          reversible: true,
        },
      ),
    ];
  switch (verb) {
    case 'disable':
      return [
        fx('ufw', 'modify', 'high', 'firewall', 'ufw disable turns the firewall off', 'firewall', {
          reversible: true,
        }),
      ];
    case 'reset':
      return [
        fx(
          'ufw',
          'modify',
          'high',
          'firewall',
          'ufw reset disables the firewall and deletes every rule',
          'firewall',
        ),
      ];
    case 'default':
      if (rest[0] === 'allow' && (rest[1] === undefined || rest[1] === 'incoming'))
        return [
          fx(
            'ufw',
            'modify',
            'high',
            'firewall',
            'ufw default allow incoming lets every address reach every port',
            'firewall',
            {
              reversible: true,
            },
          ),
        ];
      if (/^(deny|reject)$/.test(rest[0] ?? '') && rest[1] !== 'outgoing' && rest[1] !== 'routed')
        return [
          fx(
            'ufw',
            'modify',
            'medium',
            'firewall',
            `ufw default ${rest.join(' ')}: incoming traffic not allowed explicitly, SSH included, is refused`,
            'firewall',
            { reversible: true },
          ),
        ];
      return [
        fx('ufw', 'modify', 'low', 'firewall', `ufw default ${rest.join(' ')}`, 'firewall', {
          reversible: true,
        }),
      ];
    case 'delete':
      return [
        fx('ufw', 'modify', 'medium', rest.join(' '), `ufw deletes the rule ${rest.join(' ')}`, 'firewall', {
          reversible: true,
        }),
      ];
    case 'allow':
    case 'insert':
    case 'route':
    case 'enable':
    case 'deny':
    case 'reject':
    case 'limit':
    case 'reload':
      return [
        fx('ufw', 'modify', 'low', 'firewall', `ufw ${[verb, ...rest].join(' ')}`, 'firewall', {
          reversible: true,
        }),
      ];
    case undefined: // `ufw` alone prints its usage
      break;
  }
  return [];
}

/** firewall-cmd's `--name=value` and `--name value` options, by name. */
function firewalldOptions(args: readonly Word[]): Map<string, string[]> {
  const options = new Map<string, string[]>();
  args.forEach((w, i) => {
    if (!w.value.startsWith('--')) return;
    const eq = w.value.indexOf('=');
    const next = args[i + 1];
    const [name, value] =
      eq >= 0
        ? [w.value.slice(0, eq), w.value.slice(eq + 1)]
        : [w.value, next && !next.value.startsWith('-') ? next.value : undefined];
    if (value !== undefined) options.set(name, [...(options.get(name) ?? []), value]);
  });
  return options;
}

/** The zone a firewall-cmd call changes: `--zone=NAME`, else the default zone. */
function zoneOf(args: readonly Word[]): string {
  return args.find((w) => w.value.startsWith('--zone='))?.value.slice(7) ?? 'the default zone';
}

/** firewall-cmd: panic mode drops all traffic; removing services or ports can cut access. */
export function firewallCmd(inv: Invocation): Effect[] {
  const effects: Effect[] = [];
  const opened = firewalldOpens(firewalldOptions(inv.args));
  if (opened)
    effects.push(
      fx(
        'firewall-cmd',
        'modify',
        'medium',
        `port ${opened}`,
        `firewall-cmd lets any address reach ${opened}`,
        'firewall',
        {
          reversible: true,
        },
      ),
    );
  for (const [i, w] of inv.args.entries()) {
    const [name, joined] = w.value.split(/=(.*)/s);
    // `--set-default-zone trusted` as well as `=trusted`.
    const value = joined ?? (name === '--set-default-zone' ? (inv.args[i + 1]?.value ?? '') : '');
    if (name === '--panic-on')
      effects.push(
        fx(
          'firewall-cmd',
          'modify',
          'high',
          'firewall',
          'firewall-cmd --panic-on drops all network traffic',
          'firewall',
          { reversible: true },
        ),
      );
    else if (name === '--set-default-zone' && value === 'trusted')
      effects.push(
        fx(
          'firewall-cmd',
          'modify',
          'high',
          'zone trusted',
          'makes trusted the default zone: every address reaches every port',
          'firewall',
          {
            reversible: true,
          },
        ),
      );
    else if (name === '--add-source' && /^(0\.0\.0\.0\/[01]|::\/[01]|128\.0\.0\.0\/1)$/.test(value))
      effects.push(
        fx(
          'firewall-cmd',
          'modify',
          'high',
          `zone ${zoneOf(inv.args)}`,
          `puts every address in zone ${zoneOf(inv.args)}: each reaches what that zone lets in`,
          'firewall',
          { reversible: true },
        ),
      );
    else if (name === '--set-target' && /^accept$/i.test(value))
      effects.push(
        fx(
          'firewall-cmd',
          'modify',
          'high',
          `zone ${zoneOf(inv.args)}`,
          `makes zone ${zoneOf(inv.args)} accept every connection, on every port`,
          'firewall',
          { reversible: true },
        ),
      );
    else if (name === '--set-default-zone' && /^(drop|block)$/.test(value))
      effects.push(
        fx(
          'firewall-cmd',
          'modify',
          'high',
          `zone ${value}`,
          `makes ${value} the default zone: incoming traffic is refused`,
          'firewall',
          { reversible: true },
        ),
      );
    else if (name && /^--(remove|delete)-/.test(name)) {
      const risk: Risk = /(^|[^a-z])ssh([^a-z]|$)|(^|[^0-9])22(\/tcp)?$/.test(value) ? 'high' : 'medium';
      effects.push(
        fx('firewall-cmd', 'modify', risk, value || name, `firewall-cmd ${w.value}`, 'firewall', {
          reversible: true,
        }),
      );
    }
  }
  return effects;
}
