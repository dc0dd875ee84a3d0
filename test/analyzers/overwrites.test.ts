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

// Over ssh (or kubectl exec) the same copies were not judged at all: `ssh prod-web-1 'cp /dev/null app.db'`
// was allowed. They are judged as here, placed on that host; relative paths are read in its login directory
// as a project's are here, and a file there is taken to exist.
describe('cp, mv and ln on another machine', () => {
  it.each([
    ["ssh prod-web-1 'cp app.conf /etc/nginx/nginx.conf'", '/etc/nginx/nginx.conf'],
    ["ssh prod-db 'mv /var/lib/postgresql/data /tmp/x'", '/var/lib/postgresql/data'],
    ["ssh prod 'ln -sf /dev/null /etc/passwd'", '/etc/passwd'],
    ["ssh prod-web-1 'cp /dev/null app.db'", 'app.db'],
    ["ssh prod-web-1 'cp /dev/null /srv/app/db.sqlite3'", '/srv/app/db.sqlite3'],
    ["ssh prod-web-1 'mv new.sql /var/backups/nightly.dump'", '/var/backups/nightly.dump'],
    ["ssh prod-web-1 'cp x ~/.ssh/id_rsa'", '~/.ssh/id_rsa'],
    ["ssh prod-web-1 'ln -sf /dev/null ~/.bash_history'", '~/.bash_history'],
    ["ssh prod-web-1 'ln -s /tmp/k ~/.ssh/authorized_keys'", '~/.ssh/authorized_keys'],
    ['kubectl --context prod exec deploy/api -- cp /dev/null /data/app.db', '/data/app.db'],
  ])('%s needs approval in production', async (command, target) => {
    const r = await check(command);
    expect(r.assessment.environment).toBe('production');
    expect(r.decision.outcome, JSON.stringify(r.assessment.effects)).toBe('require-approval');
    expect(r.assessment.effects.map((e) => e.target)).toContain(target);
  });

  it.each([
    "ssh dev-box 'cp /dev/null prod.db'",
    "ssh dev-box 'cp app.conf /etc/nginx/nginx.conf'",
    "ssh staging-db 'cp /dev/null /srv/app/db.sqlite3'",
  ])('%s is asked outside production', async (command) => {
    const r = await check(command);
    expect(r.decision.outcome, JSON.stringify(r.assessment.effects)).toBe('ask');
  });

  it.each([
    "ssh prod 'cp /etc/nginx/nginx.conf /tmp/nginx.bak'",
    "ssh prod-web-1 'cp app.conf app.conf.bak'",
    "ssh prod-web-1 'cp nginx.conf nginx.conf.orig'",
    "ssh prod-web-1 'cp .env.example .env'",
    "ssh prod-web-1 'cp -b new.db app.db'",
    "ssh prod-web-1 'cp -n /dev/null app.db'",
    "ssh prod-web-1 'cp report.csv /tmp/'",
    "ssh dev-box 'cp src/a.ts src/b.ts'",
    "ssh build-runner-3 'cp dist/app.js dist/app.old.js'",
  ])('%s stays allowed', async (command) => {
    const r = await check(command);
    expect(r.decision.outcome, JSON.stringify(r.assessment.effects)).toBe('allow');
  });

  it('reports the path as written there, with why it matters', async () => {
    const r = await check("ssh prod-web-1 'cp /dev/null app.db'");
    expect(r.assessment.effects).toMatchObject([
      {
        operation: 'replace',
        target: 'app.db',
        risk: 'high',
        reason: 'cp replaces app.db (a data or state file)',
      },
    ]);
  });
});

// `ln -sfn` was read as cp's -n (--no-clobber) and judged nothing: for ln, -n only says not to follow a
// link that is a directory, and -f still replaces what had the name.
describe('ln -n is not --no-clobber', () => {
  it.each(['ln -sfn /dev/null ~/.bash_history', 'ln -sfn /dev/null prod.db', 'ln -nsf x ~/.ssh/id_rsa'])(
    '%s is not allowed',
    async (command) => {
      const r = await check(command, { exists: EXISTS });
      expect(r.decision.outcome, JSON.stringify(r.assessment.effects)).not.toBe('allow');
    },
  );

  it.each(['ln -sfn releases/42 current', 'ln -sn ../shared/config config', 'cp -n /dev/null prod.db'])(
    '%s stays allowed',
    async (command) => {
      const r = await check(command, { exists: EXISTS });
      expect(r.decision.outcome, JSON.stringify(r.assessment.effects)).toBe('allow');
    },
  );

  it("ssh prod-web-1 'ln -sfn /opt/app/releases/42 /opt/app/current' needs approval", async () => {
    const r = await check("ssh prod-web-1 'ln -sfn /opt/app/releases/42 /opt/app/current'");
    expect(r.decision.outcome, JSON.stringify(r.assessment.effects)).toBe('require-approval');
  });
});
