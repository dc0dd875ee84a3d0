import { describe, expect, it } from 'vitest';
import type { ScriptFile } from '../../src/core/types.js';
import { check } from '../support/runtime.js';

// Issue 17: a line of many commands must stay cheap, but no shortcut may reuse what one command was found
// to do for a later command that reads the same yet runs in another state: a `cd`, a variable, an alias,
// a function or a file written in between. Each line below repeats a command across such a change; a
// memo of commands by their text or their words (without the state) fails it.

const PROJECT = '/home/dev/project';

/** ops.sh in the project reads as harmless; no other file exists. */
const readScript = (path: string): ScriptFile =>
  path === `${PROJECT}/ops.sh` ? { kind: 'text', text: 'ls -la\n' } : { kind: 'missing' };

const cases: { line: string; effects: [operation: string, target: string, risk: string][] }[] = [
  {
    line: 'cd /tmp; rm -rf x; cd /var/lib; rm -rf x',
    effects: [
      ['delete', '/tmp/x', 'low'],
      ['delete', '/var/lib/x', 'medium'],
    ],
  },
  {
    line: 'X=cache; rm -rf $X; X=/; rm -rf $X',
    effects: [
      ['delete', `${PROJECT}/cache`, 'medium'],
      ['delete', '/', 'critical'],
    ],
  },
  {
    line: 'export D=cache; rm -rf $D; export D=/; rm -rf $D',
    effects: [
      ['delete', `${PROJECT}/cache`, 'medium'],
      ['delete', '/', 'critical'],
    ],
  },
  { line: "alias x='ls'; x; alias x='rm -rf /'; x", effects: [['delete', '/', 'critical']] },
  {
    line: 'f() { rm -rf /tmp/a; }; f; f() { rm -rf /srv/data; }; f',
    effects: [
      ['delete', '/tmp/a', 'low'],
      ['delete', '/srv/data', 'high'],
    ],
  },
  {
    line: 'bash ops.sh; echo "rm -rf /" > ops.sh; bash ops.sh',
    effects: [
      ['modify', `${PROJECT}/ops.sh`, 'low'],
      ['execute-unverifiable', `${PROJECT}/ops.sh`, 'high'],
      ['execute-unverifiable', `${PROJECT}/ops.sh`, 'high'],
    ],
  },
];

describe('a command repeated after a change of state is assessed in the new state', () => {
  it.each(cases)('$line', async ({ line, effects }) => {
    const c = await check(line, { readScript });
    expect(c.assessment.effects.map((e) => [e.operation, e.target, e.risk])).toEqual(effects);
  });

  it('kubectl: the same delete in another namespace lands in another environment', async () => {
    const c = await check('kubectl delete ns a -n dev; kubectl delete ns a -n prod');
    expect(c.assessment.effects.map((e) => e.environment)).toEqual(['non-production', 'production']);
  });
});
