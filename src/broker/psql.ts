import { InputError } from '../core/errors.js';

// What a psql command line connects to, read from its arguments alone (the broker drops the agent's PG*
// variables, so they cannot choose the target), and the same command rewritten to log in as the broker's
// role. Everything else the agent wrote is passed on unchanged: what runs is what was approved.

export interface PsqlTarget {
  host: string;
  port: number;
  database?: string;
}

/** psql's options that take a value (short letter and long name), from `psql --help`. */
const WITH_VALUE: Readonly<Record<string, string>> = {
  c: 'command',
  d: 'dbname',
  f: 'file',
  F: 'field-separator',
  h: 'host',
  L: 'log-file',
  o: 'output',
  p: 'port',
  P: 'pset',
  R: 'record-separator',
  T: 'table-attr',
  U: 'username',
  v: 'set',
};
const LONG_WITH_VALUE = new Set([...Object.values(WITH_VALUE), 'variable']);

interface Word {
  /** The option's long name, or undefined for a positional argument. */
  option?: string;
  value?: string;
  /** How many argv words it spans (an option and its separate value are two). */
  span: number;
}

/** One option or positional at argv[i]. */
function wordAt(args: readonly string[], i: number): Word {
  const arg = args[i]!;
  const long = /^--([a-z-]+)(?:=(.*))?$/s.exec(arg);
  if (long) {
    const name = long[1]!;
    if (!LONG_WITH_VALUE.has(name)) return { option: name, span: 1 };
    return long[2] !== undefined
      ? { option: name, value: long[2], span: 1 }
      : { option: name, value: args[i + 1], span: 2 };
  }
  const short = /^-([A-Za-z])(.*)$/s.exec(arg);
  if (short) {
    const name = WITH_VALUE[short[1]!];
    if (!name) return { option: short[1]!, span: 1 };
    return short[2]
      ? { option: name, value: short[2], span: 1 }
      : { option: name, value: args[i + 1], span: 2 };
  }
  return { value: arg, span: 1 };
}

function words(args: readonly string[]): Word[] {
  const out: Word[] = [];
  for (let i = 0; i < args.length;) {
    const word = wordAt(args, i);
    out.push(word);
    i += word.span;
  }
  return out;
}

/** Where the command connects. Throws InputError when its arguments do not say plainly. */
export function psqlTarget(argv: readonly string[]): PsqlTarget {
  const ws = words(argv.slice(1));
  const named = (option: string) => ws.findLast((w) => w.option === option)?.value;
  const database = named('dbname') ?? ws.find((w) => w.option === undefined)?.value;
  if (database !== undefined && /[=/]/.test(database))
    throw new InputError(
      `the broker reads the target from -h, -p and -d; a connection string ("${database}") is not supported: give -h HOST -p PORT -d DATABASE`,
    );
  const host = named('host');
  if (!host) throw new InputError('the broker needs the host named with -h HOST (PGHOST is not used)');
  const port = Number(named('port') ?? '5432');
  if (!Number.isInteger(port) || port < 1 || port > 65535)
    throw new InputError(`-p ${named('port')} is not a port number`);
  return { host, port, ...(database !== undefined ? { database } : {}) };
}

/**
 * The command to run: the broker's psql binary, logging in as `role` without a password prompt and
 * without the agent's ~/.psqlrc (it could run anything as that role); the agent's own -U and positional
 * user name are dropped, everything else kept in order.
 */
export function brokeredPsqlArgs(argv: readonly string[], role: string): string[] {
  const rest = argv.slice(1);
  const kept: string[] = [];
  let positionals = 0;
  for (let i = 0; i < rest.length;) {
    const word = wordAt(rest, i);
    const isPositional = word.option === undefined;
    if (isPositional) positionals++;
    const dropped = word.option === 'username' || (isPositional && positionals === 2);
    if (!dropped) kept.push(...rest.slice(i, i + word.span));
    i += word.span;
  }
  return ['--no-psqlrc', '--no-password', '--username', role, ...kept];
}
