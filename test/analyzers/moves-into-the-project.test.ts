import { describe, expect, it } from 'vitest';
import type { Outcome } from '../../src/core/types.js';
import { check } from '../support/runtime.js';

// A loose file brought into the project is kept where the work is: nothing depends on where it was. Moved
// into build output or a cache (which the next clean removes), out of a system, data, secret or top-level
// home path, or anywhere but the project, it still asks.
const cases: [string, Outcome][] = [
  ['mv ~/Downloads/report.pdf docs/', 'allow'],
  ['mv ~/Downloads/data.csv .', 'allow'],
  ['mv -t docs/ ~/Downloads/a.pdf ~/Downloads/b.pdf', 'allow'],
  ['mv ~/Downloads/report.pdf /tmp/', 'ask'],
  ['mv ~/thesis ./build/', 'ask'],
  ['mv ~/thesis node_modules/x', 'ask'],
  ['mv ~/.ssh/id_ed25519 keys/', 'ask'],
  ['mv ~/Documents ./docs', 'ask'],
  ['mv /var/lib/postgresql/data ./pgdata', 'ask'],
  ['mv ~/notes.txt ~/archive/', 'ask'],
  ['mv ~/Downloads/report.pdf $DEST', 'ask'],
];

describe('moves into the project', () => {
  it.each(cases)('%s → %s', async (command, outcome) => {
    expect((await check(command)).decision.outcome).toBe(outcome);
  });
});
