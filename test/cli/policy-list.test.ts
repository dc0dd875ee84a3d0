import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/load.js';
import { configLines } from '../../src/cli/policy-config.js';
import { PLAIN } from '../../src/cli/render.js';
import { runCli } from '../support/cli.js';
import { tempTree } from '../support/tmp.js';

// `interlock policy list` names each setting's tier and, for what a lower tier tried, why it was ignored.

const FILES = {
  'xdg/interlock/config.yaml': 'approvals:\n  default: 2\n',
  'proj/.interlock/config.yaml':
    'approvals:\n  default: 1\npacks: []\nenvironments:\n  replaceDefaults: true\n  production: [emea]\n',
};

describe('interlock policy list', () => {
  it('shows each setting with its tier and why a lower tier was ignored', async () => {
    const root = tempTree(FILES);
    const result = await runCli(['policy', 'list'], {
      cwd: join(root, 'proj'),
      env: { HOME: root, XDG_CONFIG_HOME: join(root, 'xdg') },
    });
    expect(result.status).toBe(0);
    for (const line of [
      /approvals\.default\s+2 +← user: .*xdg\/interlock\/config\.yaml/,
      /ignored: project tried approvals\.default: 1; user tier says 2; lower tiers only tighten/,
      /packs\s+baseline +← built-in default/,
      /ignored: project tried packs: \[\]; baseline stays on \(built-in default\); lower tiers only add packs/,
      /ignored: project tried environments\.replaceDefaults: true/,
    ])
      expect(result.stdout).toMatch(line);
  });

  it.each([
    [
      'a managed tier and what it delegates',
      { 'managed/config.yaml': 'delegate: [packs]\n' },
      /delegated by the managed tier: packs/,
    ],
    [
      'a project pack marked as added by the project',
      { 'proj/.interlock/config.yaml': 'packs: [production-strict]\n' },
      /packs\s+baseline, production-strict \(project\)/,
    ],
  ])('lists %s', (_name, files, line) => {
    const root = tempTree({ 'proj/README': '', ...files });
    const config = loadConfig(
      join(root, 'proj'),
      { HOME: root, XDG_CONFIG_HOME: join(root, 'xdg') },
      { managedDir: join(root, 'managed') },
    );
    expect(configLines(config, PLAIN).join('\n')).toMatch(line);
  });
});
