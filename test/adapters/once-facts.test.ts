import { describe, expect, it } from 'vitest';
import { onceFacts } from '../../src/adapters/once-facts.js';
import type { ActionFacts } from '../../src/core/types.js';

// The lines of one batch group are decided as of one moment: each question about a file is asked once.

function countingFacts() {
  const asked: string[] = [];
  const facts: ActionFacts = {
    cwd: '/p',
    home: '/h',
    env: {},
    pathExists: (p) => (asked.push(`exists ${p}`), p === '/p/a'),
    readScript: (p) => (asked.push(`script ${p}`), { kind: 'text', text: 'echo hi' }),
    files: {
      fingerprint: (p, max) => (
        asked.push(`fingerprint ${p} ${max}`),
        { digest: 'd', variables: [], hashed: 1 }
      ),
      list: (d) => (asked.push(`list ${d}`), ['a']),
    },
  };
  return { facts, asked };
}

describe('onceFacts', () => {
  it('asks each question once, and keeps the answers the edge gave', () => {
    const { facts, asked } = countingFacts();
    const once = onceFacts(facts);
    for (let i = 0; i < 3; i++) {
      expect(once.pathExists!('/p/a')).toBe(true);
      expect(once.pathExists!('/p/b')).toBe(false);
      expect(once.readScript!('/p/x.sh')).toEqual({ kind: 'text', text: 'echo hi' });
      expect(once.files!.fingerprint('/p/a', 10).digest).toBe('d');
      expect(once.files!.list('/p')).toEqual(['a']);
    }
    expect(asked).toEqual(['exists /p/a', 'exists /p/b', 'script /p/x.sh', 'fingerprint /p/a 10', 'list /p']);
    expect(once.cwd).toBe('/p');
    expect(once.env).toBe(facts.env);
  });

  it('asks again with another hashing budget, and afresh through a new wrapper (the next group)', () => {
    const { facts, asked } = countingFacts();
    onceFacts(facts).files!.fingerprint('/p/a', 10);
    const next = onceFacts(facts);
    next.files!.fingerprint('/p/a', 10);
    next.files!.fingerprint('/p/a', 5);
    next.files!.fingerprint('/p/a');
    expect(asked).toEqual([
      'fingerprint /p/a 10',
      'fingerprint /p/a 10',
      'fingerprint /p/a 5',
      'fingerprint /p/a undefined',
    ]);
  });

  it('leaves out what the facts cannot answer', () => {
    const once = onceFacts({ cwd: '/p', home: '/h', env: {} });
    expect(once.files).toBeUndefined();
    expect(once.pathExists).toBeUndefined();
    expect(once.readScript).toBeUndefined();
  });
});
