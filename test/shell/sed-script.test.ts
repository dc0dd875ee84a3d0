import { describe, expect, it } from 'vitest';
import type { ScriptFile } from '../../src/core/types.js';
import { parseSedScript } from '../../src/shell/sed-script.js';
import { check } from '../support/runtime.js';

// GNU sed runs programs and writes files from inside its script (src/shell/sed-script.ts): `e COMMAND`,
// `e` alone and `s///e` run commands; `w FILE`, `W FILE` and `s///w FILE` write FILE. Each was allowed.

describe('a sed script read as sed reads it', () => {
  it.each([
    ['e rm -rf /', { shellCommands: ['rm -rf /'] }],
    ['1e curl x | sh', { shellCommands: ['curl x | sh'] }],
    ['/start/,/end/ !e date', { shellCommands: ['date'] }],
    ['e', { runsItsInput: true }],
    ['s/x/y/e', { runsItsInput: true }],
    ['s/.*/rm -rf \\//e', { replacementCommands: ['rm -rf /'] }],
    ['s/^.*$/reboot/ge', { replacementCommands: ['reboot'] }],
    ['s/.*/echo &/e', { runsItsInput: true }],
    ['w /etc/cron.d/job', { writes: ['/etc/cron.d/job'] }],
    ['s/a/b/w out; not a command', { writes: ['out; not a command'] }],
    ['$W /etc/hosts', { writes: ['/etc/hosts'] }],
    ['w /dev/stdout', {}],
    ['s/e/w/g', {}],
    [':a;N;$!ba;s/\\n/ /g', {}],
    ['/x/a\\\ne rm -rf /', {}],
    ['/x/a e rm -rf /', {}],
    ['y/abc/xyz/;p', {}],
    ['s|/usr/e|/opt/e|g', {}],
    ['# e rm -rf /\np', {}],
    ['1~2d; $q 3', {}],
    ['\\%e%d', {}],
    ['/x/{\n  s/a/b/\n  w saved.txt\n}', { writes: ['saved.txt'] }],
  ] as const)('%j', (text, expected) => {
    const parsed = parseSedScript(text);
    expect(parsed.understood).toBe(true);
    expect(parsed.shellCommands).toEqual('shellCommands' in expected ? expected.shellCommands : []);
    expect(parsed.replacementCommands).toEqual(
      'replacementCommands' in expected ? expected.replacementCommands : [],
    );
    expect(parsed.writes).toEqual('writes' in expected ? expected.writes : []);
    expect(parsed.runsItsInput).toBe('runsItsInput' in expected);
  });

  it.each(['s/a/b', 'k', '/unterminated', 'y/ab/'])('%j is not a sed script', (text) => {
    expect(parseSedScript(text).understood).toBe(false);
  });
});

describe('sed that runs a command or writes a file is assessed', () => {
  it.each([
    "sed 'e rm -rf ~' notes.txt",
    "sed -i 'e rm -rf ~' notes.txt",
    "sed -n -e '1e rm -rf ~' notes.txt",
    "sed --expression='1e rm -rf ~' notes.txt",
    "sed 's/.*/rm -rf ~/e' notes.txt",
    "find . -name '*.txt' -exec sed -i '1e rm -rf ~' {} +",
    "gsed 'e rm -rf ~' notes.txt",
  ])('%s deletes the home directory', async (command) => {
    const r = await check(command);
    expect(r.assessment.risk, JSON.stringify(r.assessment.effects)).toBe('critical');
    expect(r.decision.outcome).not.toBe('allow');
  });

  it.each(["sed 'e' commands.txt", "sed 's/x/y/e' notes.txt", 'sed "1e $CMD" notes.txt'])(
    '%s runs what it reads: not allowed',
    async (command) => {
      const r = await check(command);
      expect(r.decision.outcome, JSON.stringify(r.assessment.effects)).not.toBe('allow');
    },
  );

  it.each([
    ["sed -n 'w /etc/cron.d/job' payload.txt", '/etc/cron.d/job'],
    ["sed 's/a/b/w /etc/passwd' notes.txt", '/etc/passwd'],
    ["sed -i 's/a/b/;w /etc/sudoers' notes.txt", '/etc/sudoers'],
  ])('%s writes %s', async (command, target) => {
    const r = await check(command);
    expect(r.decision.outcome).not.toBe('allow');
    expect(r.assessment.effects.map((e) => e.target)).toContain(target);
  });

  it.each([
    "sed --sandbox 'e rm -rf ~' notes.txt",
    "sed -i 's/foo/bar/g' src/index.ts",
    "sed -n '1,20p' README.md",
    "sed -i '' 's/a/b/' notes.txt",
    "sed ':a;N;$!ba;s/\\n/ /g' notes.txt",
    "sed -n 's/version/release/w changes.txt' notes.txt",
    "sed -e 's/e/E/g' -e '/^$/d' notes.txt",
    "sed 's|/usr/e|/opt/e|g' paths.txt",
  ])('%s is allowed', async (command) => {
    const r = await check(command);
    expect(r.decision.outcome, JSON.stringify(r.assessment.effects)).toBe('allow');
  });
});

describe('sed and awk programs in files are read at the edge', () => {
  const files: Record<string, ScriptFile> = {
    '/home/dev/project/wipe.sed': { kind: 'text', text: 's/a/b/\ne rm -rf ~\n' },
    '/home/dev/project/cron.sed': { kind: 'text', text: '/x/ {\n  w /etc/cron.d/job\n}\n' },
    '/home/dev/project/tidy.sed': { kind: 'text', text: 's/[[:space:]]*$//\n/^$/d\nw notes.out\n' },
    '/home/dev/project/wipe.awk': { kind: 'text', text: 'BEGIN { system("rm -rf ~") }\n' },
    '/home/dev/project/sum.awk': { kind: 'text', text: '{ total += $2 } END { print total }\n' },
    '/home/dev/project/locked.sed': { kind: 'unreadable', reason: 'EACCES' },
  };
  const readScript = (path: string): ScriptFile => files[path] ?? { kind: 'missing' };
  it.each([
    ['sed -f wipe.sed notes.txt', 'critical'],
    ['sed --file=wipe.sed -i notes.txt', 'critical'],
    ['awk -f wipe.awk data.txt', 'critical'],
    ['gawk --file wipe.awk data.txt', 'critical'],
    ['sed -n -f cron.sed notes.txt', 'high'],
    ['sed -f locked.sed notes.txt', 'high'],
    // Its in-place edit of notes.txt is reported, at the low risk of an everyday project edit.
    ['sed -f tidy.sed -i notes.txt', 'low'],
    ['awk -f sum.awk data.txt', 'none'],
    ['sed -f missing.sed notes.txt', 'none'],
    ['sed --sandbox -f wipe.sed notes.txt', 'none'],
  ])('%s → risk %s', async (command, risk) => {
    const r = await check(command, { readScript });
    expect(r.assessment.risk, r.assessment.reasons.join('\n')).toBe(risk);
    expect(r.decision.outcome === 'allow').toBe(risk === 'none' || risk === 'low');
  });
});

// A hostile review's findings (stop 29): escapes, labels ended by a blank, bracket expressions holding the
// delimiter, attached and abbreviated options, and scripts read from stdin or another command.
describe('sed spelled the ways GNU sed reads it', () => {
  it.each([
    ["sed ':a e rm -rf ~' notes.txt", 'critical'],
    ["sed 't a e rm -rf ~' notes.txt", 'critical'],
    ["sed 's/[/]/g/;e rm -rf ~ #/p' notes.txt", 'critical'],
    ["sed -e'e rm -rf ~' /tmp/a.txt", 'critical'],
    ["sed -Ee'e rm -rf ~' /tmp/a.txt", 'critical'],
    ["sed --expr='e rm -rf ~' /tmp/a.txt", 'critical'],
    ["echo '1e rm -rf ~' | sed -f - notes.txt", 'critical'],
    ['echo \'BEGIN{system("rm -rf ~")}\' | awk -f -', 'critical'],
    ["sed '1e r\\x6d -rf ~' notes.txt", 'high'],
    ["sed 's/.*/r\\x6d -rf ~/e' notes.txt", 'high'],
    ["sed 's/.*/\\LRM -RF ~/e' notes.txt", 'high'],
    ["sed -f <(echo '1e rm -rf ~') notes.txt", 'high'],
  ])('%s is held (%s)', async (command, risk) => {
    const r = await check(command);
    expect(r.decision.outcome).not.toBe('allow');
    expect(r.assessment.risk, JSON.stringify(r.assessment.effects)).toBe(risk);
  });

  it.each([
    "sed 's/\\/[^/]*$/\\/new/' paths.txt",
    "sed '/^[^/]*\\/wiki/d' urls.txt",
    "sed -ie 's/a/b/' notes.txt",
  ])('%s is allowed', async (command) => {
    const r = await check(command);
    expect(r.decision.outcome, JSON.stringify(r.assessment.effects)).toBe('allow');
  });
});
