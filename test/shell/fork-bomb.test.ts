import { describe, expect, it } from 'vitest';
import { check } from '../support/runtime.js';

// A function that starts copies of itself as processes, and is called, takes the machine down: it used to
// be allowed (no program in it is anything but the function itself).

describe('fork bombs', () => {
  it.each([':(){ :|:& };:', 'bomb() { bomb | bomb & }; bomb', 'f(){ f & f; }; f', 'bash -c ":(){ :|:& };:"'])(
    '%s is not allowed',
    async (command) => {
      const r = await check(command);
      expect(r.decision.outcome).not.toBe('allow');
      expect(r.assessment.effects.map((e) => e.reason).join()).toContain('fork bomb');
    },
  );

  it.each([
    'f(){ echo hi; }; f',
    'f(){ f | f & }',
    'retry(){ make || retry; }; retry',
    'g(){ ls | wc -l; }; g',
  ])('%s stays allowed', async (command) => {
    expect((await check(command)).decision.outcome).toBe('allow');
  });
});
