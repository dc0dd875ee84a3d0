import type { Effect, EnvironmentHint, Operation, Risk } from '../../core/types.js';
import { hasOption, parseOptions } from '../../shell/options.js';
import type { Invocation } from '../analyzer.js';
import { sqlFile, stdinSource } from '../databases/common.js';

// nsupdate (BIND) and knsupdate (Knot) send dynamic updates to a zone's primary server: commands read from
// a file or stdin (`server ns1`, `zone acme.io`, `update delete acme.io MX`, `send`). A deleted MX record
// is mail that stops arriving; a deleted A record a site nobody can reach. Records only added are
// everyday work. -l updates the local server's own zone.

const VALUE_OPTIONS = ['-k', '-y', '-t', '-u', '-r', '-p', '-L', '-q'];

/** Classes that may stand between a name (and its TTL) and the record type: `del NAME 300 IN A`. */
const CLASSES = new Set(['IN', 'CH', 'HS', 'ANY', 'NONE']);

interface Change {
  op: 'add' | 'delete';
  name: string;
  /** The record type, when the line names one (`MX`); a delete without one removes every type. */
  type: string | undefined;
}

/** `[update] add|del[ete] NAME [TTL] [CLASS] [TYPE [DATA…]]` → the change; undefined for other lines. */
function change(line: string): Change | undefined {
  const words = line.trim().split(/\s+/);
  if (words[0]?.toLowerCase() === 'update') words.shift();
  const op = words.shift()?.toLowerCase();
  if (op !== 'add' && op !== 'del' && op !== 'delete') return undefined;
  const name = words.shift();
  if (!name) return undefined;
  while (words.length && (/^\d+$/.test(words[0]!) || CLASSES.has(words[0]!.toUpperCase()))) words.shift();
  return { op: op === 'add' ? 'add' : 'delete', name, type: words[0]?.toUpperCase() };
}

/** Where the update goes: `server HOST`, and the zones it names (names only). */
function scriptHints(lines: readonly string[]): EnvironmentHint[] {
  const hints: EnvironmentHint[] = [];
  for (const line of lines) {
    const [keyword, value] = line.trim().split(/\s+/);
    if (keyword === 'server' && value) hints.push({ source: 'nsupdate server', value });
    if (keyword === 'zone' && value) hints.push({ source: 'nsupdate zone', value, weak: true });
  }
  return hints;
}

const sameName = (a: Change, b: Change) => a.name.replace(/\.$/, '') === b.name.replace(/\.$/, '');
/** The deletion takes away the records the addition puts back (every type of the name, or the same type). */
const covers = (deleted: Change, added: Change) =>
  sameName(deleted, added) && (deleted.type === undefined || deleted.type === added.type);

export function nsupdate(inv: Invocation): Effect[] {
  const o = parseOptions(inv.args, { withValue: VALUE_OPTIONS });
  if (hasOption(o, '-h', '--help', '-V')) return [];
  const file = o.positionals[0];
  const source = file ? sqlFile(inv, file) : stdinSource(inv);
  if (!source) return [];
  const local = hasOption(o, '-l');
  const make = (
    operation: Operation,
    risk: Risk,
    target: string,
    what: string,
    hints: EnvironmentHint[],
  ): Effect => ({
    operation,
    tool: inv.name,
    target,
    reversible: operation !== 'delete',
    risk,
    reason: `${inv.name} ${what}`,
    category: 'dns',
    ...(hints.length ? { hints } : {}),
    ...(local ? {} : { local: false }),
  });
  if ('unknown' in source)
    return [
      make(
        'modify',
        'medium',
        source.unknown,
        `changes DNS records as ${source.unknown} says, not read here`,
        [],
      ),
    ];
  const lines = source.text.split('\n').filter((l) => !/^\s*;/.test(l));
  const hints = scriptHints(lines);
  const changes = lines.map(change).filter((c): c is Change => c !== undefined);
  return changes.map((c, i) => {
    const what = c.type ? `the ${c.type} records of ${c.name}` : `every record of ${c.name}`;
    if (c.op === 'add') {
      const replaced = changes.slice(0, i).some((d) => d.op === 'delete' && covers(d, c));
      return replaced
        ? make('modify', 'medium', c.name, `replaces ${what} with a new value`, hints)
        : make(
            'create',
            'low',
            c.name,
            `adds ${c.type ? `${c.type} records` : 'records'} for ${c.name}`,
            hints,
          );
    }
    // A delete of one type followed by an add of it is a change of value, told by the add.
    const readded =
      c.type !== undefined &&
      changes.slice(i + 1).some((a) => a.op === 'add' && sameName(c, a) && a.type === c.type);
    return readded
      ? make('modify', 'low', c.name, `removes ${what} before adding them again`, hints)
      : make('delete', 'high', c.name, `deletes ${what}`, hints);
  });
}
