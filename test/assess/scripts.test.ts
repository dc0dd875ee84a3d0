import { chmodSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { localFacts } from '../../src/adapters/local-facts.js';
import { evaluate } from '../../src/app/evaluate.js';
import type { ShellCheck } from '../../src/app/checker.js';
import { AGENT, sharedRuntime } from '../support/runtime.js';
import { tempTree } from '../support/tmp.js';

// Issue 14: `bash wipe.sh`, `./wipe.sh`, `source ./wipe.sh` run a script the agent may have just written.
// The script's commands are assessed with the same analyzers, through the edge's reader (these tests use
// the real one, on files written into a temp directory; nothing here is ever executed).

const WIPE = [
  '#!/bin/bash',
  'set -euo pipefail',
  'echo "wiping"',
  "psql -h prod-db -c 'DROP DATABASE billing'",
  '',
].join('\n');
const BUILD = ['#!/usr/bin/env bash', 'set -e', 'npm ci', 'npm test', 'echo done', ''].join('\n');

const roots: string[] = [];
afterAll(() => {
  for (const root of roots) rmSync(root, { recursive: true, force: true });
});

/** A project directory with these files (scripts are made executable), and a home of its own. */
function project(files: Record<string, string>): string {
  const root = tempTree(files);
  roots.push(root);
  mkdirSync(join(root, 'home'), { recursive: true });
  for (const name of Object.keys(files)) if (/\.sh$|gradlew$/.test(name)) chmodSync(join(root, name), 0o755);
  return root;
}

async function run(command: string, root: string, cwd = root): Promise<ShellCheck & { digest: string }> {
  const rt = await sharedRuntime();
  const facts = localFacts({ cwd, env: { HOME: join(root, 'home'), PATH: '/usr/bin:/bin' } });
  const result = await evaluate({ kind: 'shell', command }, facts, AGENT, rt);
  const check = rt.checker.checkShell(command, facts, AGENT);
  return { ...check, digest: result.binding.digest };
}

const reasons = (c: ShellCheck) => c.assessment.effects.map((e) => `${e.operation} ${e.target}: ${e.reason}`);

describe('a script that drops a production database is assessed by its content', () => {
  it.each([
    ['bash wipe.sh', 'wipe.sh:4'],
    ['bash ./wipe.sh --force', './wipe.sh:4'],
    ['sh -x wipe.sh', 'wipe.sh:4'],
    ['./wipe.sh', './wipe.sh:4'],
    ['source ./wipe.sh', './wipe.sh:4'],
    ['. ./wipe.sh', './wipe.sh:4'],
    ['sudo -E bash wipe.sh', 'wipe.sh:4'],
    ['bash -c "./wipe.sh"', './wipe.sh:4'],
    ['chmod +x wipe.sh && ./wipe.sh', './wipe.sh:4'],
  ])('%s', async (command, at) => {
    const c = await run(command, project({ 'wipe.sh': WIPE }));
    expect(c.assessment.destructive).toBe(true);
    expect(c.assessment.environment).toBe('production');
    const drop = c.assessment.effects.find((e) => e.operation === 'delete' && /billing/.test(e.target));
    expect(drop?.reason).toContain(at);
    expect(c.decision.outcome).not.toBe('allow');
  });

  it('cd ops && ./wipe.sh: the path is resolved where the command runs', async () => {
    const root = project({ 'ops/wipe.sh': WIPE });
    chmodSync(join(root, 'ops/wipe.sh'), 0o755);
    const c = await run('cd ops && ./wipe.sh', root);
    expect(c.decision.outcome).not.toBe('allow');
    expect(reasons(c).join('\n')).toContain('./wipe.sh:4');
  });

  it('a script calling another script says both lines', async () => {
    const deploy = ['#!/bin/sh', 'echo deploying', '', 'bash ./wipe.sh', ''].join('\n');
    const c = await run('./deploy.sh', project({ 'deploy.sh': deploy, 'wipe.sh': WIPE }));
    expect(c.decision.outcome).not.toBe('allow');
    expect(reasons(c).join('\n')).toContain('./deploy.sh:4 → ./wipe.sh:4');
  });

  it('a script without a #! line run directly is run by the shell', async () => {
    const c = await run('./wipe.sh', project({ 'wipe.sh': WIPE.replace('#!/bin/bash\n', '') }));
    expect(c.decision.outcome).not.toBe('allow');
  });

  it('scripts that run each other are followed once', async () => {
    const a = '#!/bin/sh\n. ./b.sh\nrm -rf /etc\n';
    const b = '#!/bin/sh\n. ./a.sh\n';
    const c = await run('. ./a.sh', project({ 'a.sh': a, 'b.sh': b }));
    expect(c.assessment.effects.some((e) => e.target === '/etc')).toBe(true);
  });
});

describe('everyday scripts stay allowed', () => {
  it.each([
    ['bash build.sh', { 'build.sh': BUILD }],
    ['./build.sh && echo ok', { 'build.sh': BUILD }],
    ['sh ./build.sh', { 'build.sh': BUILD }],
    [
      'source .venv/bin/activate',
      {
        '.venv/bin/activate':
          'deactivate () {\n  unset VIRTUAL_ENV\n}\nVIRTUAL_ENV="/x/.venv"\nexport VIRTUAL_ENV\nPATH="$VIRTUAL_ENV/bin:$PATH"\nexport PATH\nhash -r 2>/dev/null\n',
      },
    ],
    ['bash ./configure', {}],
    [
      './gradlew build',
      {
        gradlew: [
          '#!/bin/sh',
          'APP_HOME=$( cd "${APP_HOME:-./}" && pwd -P ) || exit',
          'if [ -n "$JAVA_HOME" ] ; then JAVACMD=$JAVA_HOME/bin/java; else JAVACMD=java; fi',
          'rm -f "$APP_HOME/.gradle-lock"',
          `eval "set -- $( printf '%s\\n' "$JAVA_OPTS" | xargs -n1 )" '"$@"'`,
          'exec "$JAVACMD" "$@"',
          '',
        ].join('\n'),
      },
    ],
    ['./missing.sh', {}],
    ['./tool.py --check', { 'tool.py': '#!/usr/bin/env python3\nimport shutil\nprint("ok")\n' }],
    ['./app', { app: '\x7fELF\x02\x01\x01\x00\x00\x00rm -rf /\n' }],
    ['./ci/test.sh', { 'ci/test.sh': '#!/bin/bash\ncd "$(dirname "$0")/.."\nnpm test -- --coverage\n' }],
  ])('%s', async (command, files) => {
    const root = project(files as Record<string, string>);
    for (const name of ['app', 'ci/test.sh', 'tool.py'])
      if (name in files) chmodSync(join(root, name), 0o755);
    const c = await run(command, root);
    // What only the run can tell inside a script (`exec "$JAVACMD"`) is reported at low risk, not held.
    expect(c.assessment.destructive).toBe(false);
    expect(c.decision.outcome).toBe('allow');
  });
});

describe('a script that cannot be read is unverifiable', () => {
  it('larger than the cap', async () => {
    const big = `#!/bin/bash\n${'echo padding line for a very large generated script\n'.repeat(25000)}`;
    const c = await run('bash big.sh', project({ 'big.sh': big }));
    expect(reasons(c).join('\n')).toMatch(/execute-unverifiable .*big\.sh.*larger than/);
  });

  it('written by the same command before it runs', async () => {
    const c = await run("cat > new.sh <<'EOF'\nnpm test\nEOF\nbash new.sh", project({}));
    expect(reasons(c).join('\n')).toMatch(/execute-unverifiable .*new\.sh.*written by this command/);
  });

  it('not text, given to a shell', async () => {
    const c = await run('bash blob.sh', project({ 'blob.sh': 'rm -rf /\0\0\0' }));
    expect(reasons(c).join('\n')).toMatch(/execute-unverifiable .*blob\.sh.*not text/);
  });
});

describe('the approval binds the script bytes', () => {
  it.each(['bash wipe.sh', './wipe.sh', 'source wipe.sh', './deploy.sh'])('%s', async (command) => {
    const root = project({ 'wipe.sh': WIPE, 'deploy.sh': '#!/bin/sh\n./wipe.sh\n' });
    const approved = (await run(command, root)).digest;
    expect((await run(command, root)).digest).toBe(approved);
    writeFileSync(join(root, 'wipe.sh'), WIPE.replace('billing', 'ledger'));
    expect((await run(command, root)).digest).not.toBe(approved);
  });
});
