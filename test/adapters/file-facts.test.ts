import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { rmSync, statSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { realpathSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createFileFacts, referencedVariables } from '../../src/adapters/file-facts.js';
import { tempTree } from '../support/tmp.js';

const roots: string[] = [];
afterAll(() => {
  for (const root of roots) rmSync(root, { recursive: true, force: true });
});
const tree = (files: Record<string, string> = {}) => {
  const root = tempTree(files);
  roots.push(root);
  return root;
};
const sha = (text: string) => `sha256:${createHash('sha256').update(text).digest('hex')}`;

describe('file facts at the edge', () => {
  it('a regular file is its bytes: the same bytes give the same digest, others another', () => {
    const root = tree({ 'm.sql': 'ALTER TABLE t ADD c int;\n' });
    const files = createFileFacts();
    const path = join(root, 'm.sql');
    expect(files.fingerprint(path)).toMatchObject({ digest: sha('ALTER TABLE t ADD c int;\n'), hashed: 25 });
    writeFileSync(path, 'DROP DATABASE app;\n');
    expect(files.fingerprint(path).digest).toBe(sha('DROP DATABASE app;\n'));
  });

  it('remembers a file per version, and sees an edit that restores the size and the mtime (ctime moves)', () => {
    const root = tree({ 'app.yaml': 'kind: Deployment\n' });
    const path = join(root, 'app.yaml');
    const past = new Date(Date.now() - 60_000);
    utimesSync(path, past, past);
    // racyMs 0: everything read is remembered, so only the cache key can notice the edit.
    const files = createFileFacts({ racyMs: 0 });
    expect(files.fingerprint(path).digest).toBe(sha('kind: Deployment\n'));
    expect(files.fingerprint(path).digest).toBe(sha('kind: Deployment\n'));
    const before = statSync(path);
    writeFileSync(path, 'kind: Namespace!\n'); // same length
    utimesSync(path, before.atime, before.mtime);
    expect(statSync(path).mtimeMs).toBe(before.mtimeMs);
    expect(files.fingerprint(path).digest).toBe(sha('kind: Namespace!\n'));
  });

  it('a directory is its real path; missing paths and paths under a file are "missing"', () => {
    const root = tree({ 'prod-db/main.tf': '', 'a-file': '' });
    symlinkSync(join(root, 'prod-db'), join(root, 'current'));
    const files = createFileFacts();
    expect(files.fingerprint(join(root, 'current')).digest).toBe(
      `directory:${realpathSync(join(root, 'prod-db'))}`,
    );
    expect(files.fingerprint(join(root, 'nope')).digest).toBe('missing');
    expect(files.fingerprint(join(root, 'a-file', 'x')).digest).toBe('missing');
  });

  it('never opens a FIFO or a device, nor reads /proc', () => {
    const root = tree();
    execFileSync('mkfifo', [join(root, 'pipe')]);
    const files = createFileFacts();
    expect(files.fingerprint(join(root, 'pipe')).digest).toBe('special:fifo');
    expect(files.fingerprint('/dev/null').digest).toBe('special:character-device');
    expect(files.fingerprint('/proc/self/status').digest).toBe('virtual');
  });

  it('a file over the cap is bound to its identity and times, unread', () => {
    const root = tree({ big: 'x'.repeat(100), small: 'y' });
    const files = createFileFacts({ maxBytes: 64 });
    expect(files.fingerprint(join(root, 'big'))).toMatchObject({
      digest: expect.stringMatching(/^large:/),
      hashed: 0,
    });
    expect(files.fingerprint(join(root, 'small')).digest).toBe(sha('y'));
    // The caller's budget lowers the cap for one call.
    expect(files.fingerprint(join(root, 'small'), 0).digest).toMatch(/^large:/);
  });

  it('lists a directory, sorted; anything else lists nothing', () => {
    const root = tree({ 'b.tf': '', 'a.tf': '', '.hidden': '' });
    const files = createFileFacts();
    expect(files.list(root)).toEqual(['.hidden', 'a.tf', 'b.tf']);
    expect(files.list(join(root, 'a.tf'))).toEqual([]);
    expect(files.list(join(root, 'nope'))).toEqual([]);
  });

  it('finds the variables scripts, Makefiles and programs refer to', () => {
    const text = [
      'echo "$DEPLOY_TARGET" ${REGION} ${#LIST}',
      'ship: ; ./ship $(TARGET_HOST)',
      'os.getenv("PY_VAR"); os.environ["PY_ENV"]; os.environ.get(\'PY_GET\')',
      'process.env.NODE_VAR; process.env["NODE_BRACKET"]',
      'os.Getenv("GO_VAR"); ENV["RUBY_VAR"]; ENV.fetch("RUBY_FETCH"); $ENV{PERL_VAR}',
      'echo $(date) $1 $$',
    ].join('\n');
    expect(referencedVariables(text).sort()).toEqual(
      [
        'DEPLOY_TARGET',
        'REGION',
        'TARGET_HOST',
        'PY_VAR',
        'PY_ENV',
        'PY_GET',
        'NODE_VAR',
        'NODE_BRACKET',
        'GO_VAR',
        'RUBY_VAR',
        'RUBY_FETCH',
        'PERL_VAR',
        'date',
      ].sort(),
    );
  });
});
