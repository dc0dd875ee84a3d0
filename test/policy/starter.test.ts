import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../support/cli.js';
import { tempTree } from '../support/tmp.js';

describe('interlock init (no agent)', () => {
  it('writes a starter .interlock/ whose examples validate and pass, and keeps what is already there', async () => {
    const root = tempTree();
    const env = { HOME: root, XDG_CONFIG_HOME: join(root, 'xdg') };
    const init = await runCli(['init'], { cwd: root, env });
    expect(init.status, init.stderr).toBe(0);
    for (const f of ['config.yaml', 'policies/team.cedar', 'tests/examples.yaml'])
      expect(existsSync(join(root, '.interlock', f))).toBe(true);

    expect((await runCli(['policy', 'validate'], { cwd: root, env })).status).toBe(0);
    const tests = await runCli(['policy', 'test'], { cwd: root, env });
    expect(tests.stdout).toMatch(/7 passed, 0 failed/);
    expect(tests.status).toBe(0);

    const edited = '# mine\npacks: [baseline]\n';
    writeFileSync(join(root, '.interlock/config.yaml'), edited);
    expect((await runCli(['init'], { cwd: root, env })).status).toBe(0);
    expect(readFileSync(join(root, '.interlock/config.yaml'), 'utf8')).toBe(edited);
  });
});
