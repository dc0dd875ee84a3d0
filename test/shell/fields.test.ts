import { describe, expect, it } from 'vitest';
import { DEFAULT_IFS, splitFields } from '../../src/shell/fields.js';
import { check } from '../support/runtime.js';

// An unquoted `$cmd` is split into words at IFS before it runs: `cmd="rm -rf /opt/app"; $cmd` runs rm, and
// was allowed as a program named "rm -rf /opt/app" (src/shell/fields.ts, extract.ts). Expected fields are
// what bash 5.2 printed for `IFS=$1; v=$2; set -- $v; printf "[%s]" "$@"`.

describe('splitFields', () => {
  it.each([
    [DEFAULT_IFS, 'rm -rf /opt/app', ['rm', '-rf', '/opt/app']],
    [',', 'rm,-rf,/opt/app', ['rm', '-rf', '/opt/app']],
    [',', 'a,,b', ['a', '', 'b']],
    [',', 'a,b,', ['a', 'b']],
    [',', ',a', ['', 'a']],
    [', ', 'a , b', ['a', 'b']],
    [', ', '  a ,, b  ', ['a', '', 'b']],
    [':', '/usr/bin:/bin:', ['/usr/bin', '/bin']],
    [' ', '  lead  trail  ', ['lead', 'trail']],
    [',', '', []],
    [' ', '   ', []],
    ['', 'a b', ['a b']],
  ])('IFS %j splits %j into %j', (ifs, value, fields) => {
    expect(splitFields(value, ifs)).toEqual(fields);
  });
});

describe('a command written in a variable', () => {
  it.each([
    ['cmd="rm -rf /opt/app"; $cmd', '/opt/app'],
    ['IFS=,; cmd=rm,-rf,/opt/app; $cmd', '/opt/app'],
    ['args="-rf /srv/data"; rm $args', '/srv/data'],
    ['X="rm -rf /var/lib/app"; sudo ${X}', '/var/lib/app'],
    // A substitution of echo or printf of static words is that text (words.ts).
    ['"$(echo rm)" -rf /opt/app', '/opt/app'],
    ['$(echo rm -rf /opt/app)', '/opt/app'],
    ['bash -c "$(printf \'rm -rf %s\' /opt/app)"', '/opt/app'],
    ['X=$(echo /srv/data); rm -rf $X', '/srv/data'],
  ])('%s runs what the variable says', async (command, target) => {
    const r = await check(command);
    expect(r.decision.outcome).not.toBe('allow');
    expect(r.assessment.effects.map((e) => [e.operation, e.target])).toContainEqual(['delete', target]);
  });

  it.each([
    'f="a file.txt"; cat "$f"',
    'opts="-la"; ls $opts',
    'bash -c "$(printf \'%s \' git log --oneline -5)"',
    'git commit -m "$(printf \'fix: %s\' thing)"',
    'IFS=: read -ra dirs <<< "$PATH"; printf \'%s\\n\' "${dirs[@]}"',
  ])('%s is allowed', async (command) => {
    const r = await check(command);
    expect(r.decision.outcome, JSON.stringify(r.assessment.effects)).toBe('allow');
  });

  it('an IFS set to a value not known leaves the command unknown', async () => {
    const r = await check('IFS=$SEP; cmd=rm,-rf,/opt/app; $cmd');
    expect(r.decision.outcome).not.toBe('allow');
  });
});
