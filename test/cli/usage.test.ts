import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { EXIT_CODES } from '../../src/core/exit-codes.js';
import { spawnCli } from '../support/cli.js';
import { tempTree } from '../support/tmp.js';

// Bad input and usage exit 2 (README, "Exit codes") with a message that says what was wrong and how to fix
// it, whoever finds it: commander (unknown command or flag, missing argument, bad choice) or a command.

const home = tempTree({ 'README.md': 'x', 'notes.txt': 'Not a database.\n'.repeat(100) });
const env = {
  HOME: home,
  XDG_CONFIG_HOME: `${home}/xdg`,
  XDG_DATA_HOME: `${home}/data`,
  INTERLOCK_DAEMON_AUTOSTART: '0',
};
const run = (args: string[]) => spawnCli(args, { cwd: home, env });

describe('usage errors exit 2 with a message naming the command and the fix', () => {
  it.each<[string, string[], RegExp]>([
    [
      'an unknown command',
      ['nope'],
      /^interlock: unknown command 'nope'\n\(`interlock --help` shows its usage\)/,
    ],
    ['a misspelt command', ['chek', '--', 'ls'], /unknown command 'chek'\n\(Did you mean check\?\)/],
    ['an unknown subcommand', ['audit', 'nope'], /^interlock audit: unknown command 'nope'/],
    ['no command at all', [], /^Usage: interlock \[options\] \[command\]/],
    ['a group without its subcommand', ['policy'], /^Usage: interlock policy/],
    ['help for an unknown command', ['help', 'nope'], /^Usage: interlock/],
    ['an unknown flag', ['--nope'], /^interlock: unknown option '--nope'/],
    [
      'an unknown flag on check',
      ['check', '--nope', '--', 'ls'],
      /^interlock check: unknown option '--nope'/,
    ],
    [
      'an unknown flag on plan check',
      ['plan', 'check', '--nope', 'x.json'],
      /^interlock plan check: unknown option/,
    ],
    [
      'an unknown flag on audit log',
      ['audit', 'log', '--nope'],
      /^interlock audit log: unknown option '--nope'/,
    ],
    [
      'an unknown flag on policy list',
      ['policy', 'list', '--nope'],
      /^interlock policy list: unknown option/,
    ],
    [
      'an unknown flag on token create',
      ['token', 'create', '--nope'],
      /^interlock token create: unknown option/,
    ],
    ['an unknown flag on doctor', ['doctor', '--nope'], /^interlock doctor: unknown option '--nope'/],
    [
      'a missing argument',
      ['plan', 'check'],
      /^interlock plan check: missing required argument 'file'\n\(`interlock plan check --help` shows its usage\)/,
    ],
    [
      'a missing argument to audit show',
      ['audit', 'show'],
      /^interlock audit show: missing required argument 'id'/,
    ],
    ['a missing argument to hook', ['hook'], /^interlock hook: missing required argument 'agent'/],
    ['a missing required option', ['uninstall'], /^interlock uninstall: required option '--agent <agent>'/],
    [
      'a missing --since',
      ['report', 'incident'],
      /^interlock report incident: required option '--since <time>'/,
    ],
    [
      'a bad --format',
      ['plan', 'check', 'x.json', '--format', 'nope'],
      /^interlock plan check: option '--format <format>' argument 'nope' is invalid\. Allowed choices are text, markdown, json\./,
    ],
    ['a bad --port', ['serve', '--port', 'nope'], /^interlock serve: --port nope is not a port number/],
    [
      'a bad --since',
      ['audit', 'log', '--since', 'nope'],
      /^interlock audit log: --since "nope" is not a time: use/,
    ],
    [
      'a bad --from',
      ['audit', 'verify', '--from', '0'],
      /^interlock audit verify: --from 0 is not an entry number/,
    ],
    [
      'an unknown agent',
      ['init', '--agent', 'nope'],
      /^interlock init: unknown agent "nope"; expected one of/,
    ],
    [
      'a missing plan file',
      ['plan', 'check', 'nope.json'],
      /^interlock plan check: nope\.json: no such file/,
    ],
    [
      'a missing audit log',
      ['audit', 'verify', '--database', 'nope.db'],
      /^interlock audit verify: there is no audit log at nope\.db/,
    ],
    [
      'a missing log to query',
      ['audit', 'log', '--database', 'nope.db'],
      /^interlock audit log: there is no audit log/,
    ],
    [
      'a missing log to report on',
      ['report', 'incident', '--since', '1h', '--database', 'nope.db'],
      /^interlock report incident: there is no audit log at nope\.db/,
    ],
    [
      'a --cwd that does not exist',
      ['check', '--cwd', `${home}/nope`, '--', 'ls'],
      /^interlock check: option '--cwd <dir>' argument '.*nope' is invalid\. There is no directory .*nope: pass an existing directory\./,
    ],
    [
      'a --cwd that is a file',
      ['plan', 'check', '--cwd', `${home}/README.md`, 'x.json'],
      /^interlock plan check: .*README\.md is a file, not a directory: pass its directory\./,
    ],
    [
      'a --dir that does not exist',
      ['policy', 'test', '--dir', `${home}/nope`],
      /There is no directory .*nope/,
    ],
    [
      'a --database that is not one',
      ['audit', 'verify', '--database', `${home}/notes.txt`],
      /^interlock audit verify: .*notes\.txt is not an SQLite database \(it does not start like one\): pass the audit log's file/,
    ],
    [
      'a report written into a directory that does not exist',
      ['report', 'incident', '--since', '1h', '--out', `${home}/nope/incident.md`],
      /^interlock report incident: cannot write .*nope\/incident\.md: its directory does not exist; pass --out/,
    ],
    [
      'a missing keyring',
      ['keys', 'show', '--keyring', 'nope.json'],
      /^interlock keys show: no audit keyring at .*nope\.json: run `interlock keys init`/,
    ],
  ])('%s', (_what, args, message) => {
    if (args[0] === 'report' && args.includes('--out')) expect(run(['check', '--', 'ls']).status).toBe(0); // a log to report on
    const r = run(args);
    expect(r.stderr).toMatch(message);
    expect(r.status, r.stderr).toBe(EXIT_CODES.usage);
    expect(r.stderr).not.toMatch(/internal error|\n\s+at /);
  });
});

it('leaves a short file that is not a database as it is (SQLite would make it one)', () => {
  for (const args of [
    ['audit', 'verify', '--database', `${home}/README.md`],
    ['audit', 'log', '--database', `${home}/README.md`],
  ]) {
    const r = run(args);
    expect(r.stderr).toMatch(/README\.md is not an SQLite database \(it does not start like one\)/);
    expect(r.status).toBe(EXIT_CODES.usage);
    expect(readFileSync(`${home}/README.md`, 'utf8')).toBe('x');
  }
  expect(run(['audit', 'verify', '--database', home]).stderr).toMatch(
    /is not an SQLite database \(it is a directory\)/,
  );
});

describe('help and version exit 0 on stdout', () => {
  it.each<[string[], RegExp]>([
    [['--help'], /^Usage: interlock \[options\] \[command\]/],
    [['-h'], /^Usage: interlock/],
    [['help'], /^Usage: interlock/],
    [['help', 'check'], /^Usage: interlock check/],
    [
      ['check', '--help'],
      /Exit codes: allow 0, ask 3, require-approval 4, deny 5, bad input 2, internal error 1\./,
    ],
    [['audit', 'verify', '--help'], /^Usage: interlock audit verify/],
    [['--version'], /^0\.1\.0\n$/],
    [['-V'], /^0\.1\.0\n$/],
  ])('interlock %j', (args, stdout) => {
    const r = run(args);
    expect(r.stdout).toMatch(stdout);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(EXIT_CODES.ok);
  });
});
