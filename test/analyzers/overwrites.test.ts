import { describe, expect, it } from 'vitest';
import type { FileFacts } from '../../src/core/types.js';
import { check } from '../support/runtime.js';

// cp and mv replace what is at their destination: `cp /dev/null prod.db` destroyed a database and was
// allowed, while `> prod.db` asked. cwd is /home/dev/project, HOME /home/dev.

const EXISTS = () => true;
const ABSENT = () => false;

describe('cp and mv onto an existing file', () => {
  it.each([
    ['cp /dev/null prod.db', EXISTS],
    ['cp empty.sqlite3 data/app.sqlite3', EXISTS],
    ['mv new.sql db/dump.sql', EXISTS],
    ['cp /dev/null ~/.ssh/id_ed25519', EXISTS],
    ['cp key ~/.aws/credentials', EXISTS],
    ['cp x ~/.ssh/id_rsa', ABSENT],
    ['cp terraform.tfstate.backup terraform.tfstate', EXISTS],
    ['cp -f blank.txt ~/notes.txt', EXISTS],
  ] as const)('%s is not allowed', async (command, exists) => {
    const r = await check(command, { exists });
    expect(r.decision.outcome, JSON.stringify(r.assessment.effects)).not.toBe('allow');
  });

  it.each([
    ['cp src/a.ts src/b.ts', EXISTS],
    ['mv old.txt new.txt', EXISTS],
    ['cp x new.txt', ABSENT],
    ['cp -n /dev/null prod.db', EXISTS],
    ['cp --no-clobber /dev/null prod.db', EXISTS],
    ['cp -b new.db prod.db', EXISTS],
    ['cp README.md docs/', EXISTS],
    ['cp .env.example .env', EXISTS],
    ['cp -r src /tmp/src-copy', EXISTS],
    ['mv build/ dist/', EXISTS],
  ] as const)('%s stays allowed', async (command, exists) => {
    const r = await check(command, { exists });
    expect(r.decision.outcome, JSON.stringify(r.assessment.effects)).toBe('allow');
  });

  it('says what is replaced and why it matters', async () => {
    const r = await check('cp /dev/null prod.db', { exists: EXISTS });
    expect(r.assessment.effects).toMatchObject([
      { operation: 'replace', risk: 'high', target: '/home/dev/project/prod.db', reversible: false },
    ]);
    expect(r.assessment.effects[0]!.reason).toBe(
      'cp replaces /home/dev/project/prod.db (a data or state file)',
    );
  });

  it('a destination that is a directory receives the file under its own name', async () => {
    const files: FileFacts = {
      fingerprint: (p) => ({
        digest: p === '/home/dev/project/backups' ? 'directory:/home/dev/project/backups' : 'missing',
        variables: [],
        hashed: 0,
      }),
      list: () => [],
    };
    const into = await check('cp prod.db backups', {
      files,
      exists: (p) => p === '/home/dev/project/backups' || p === '/home/dev/project/prod.db',
    });
    expect(into.decision.outcome).toBe('allow');
    const over = await check('cp prod.db backups', {
      files,
      exists: (p) => p.startsWith('/home/dev/project/backups'),
    });
    expect(over.assessment.effects).toMatchObject([
      { operation: 'replace', target: '/home/dev/project/backups/prod.db', risk: 'high' },
    ]);
  });
});
