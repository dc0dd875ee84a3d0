import { describe, expect, it } from 'vitest';
import type { Outcome } from '../../src/core/types.js';
import { check } from '../support/runtime.js';

// `.`, `..` and `~` are directories whatever the facts know (another machine, an edge without file facts):
// a copy onto them lands inside, judged as the file it makes there, never as the directory replaced.
const cases: [string, Outcome][] = [
  ['cp /tmp/x.json .', 'allow'],
  ['cp -r /tmp/templates .', 'allow'],
  ["ssh dev-box 'cp /tmp/x.json .'", 'allow'],
  ['mv /tmp/x.json ..', 'ask'],
  ['cp /tmp/x ~', 'ask'],
  ['cp /tmp/x ~/.bashrc', 'ask'],
];

describe('copies onto . and ..', () => {
  it.each(cases)('%s → %s', async (command, outcome) => {
    expect((await check(command)).decision.outcome).toBe(outcome);
  });
});
