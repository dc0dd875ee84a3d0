import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { loadRuntime } from '../../src/app/runtime.js';
import { ConfigError, loadConfig } from '../../src/config/load.js';
import { tempTree } from '../support/tmp.js';
import { AGENT, testFacts } from '../support/runtime.js';

const noUser = (root: string) => ({ HOME: root, XDG_CONFIG_HOME: join(root, 'no-user-config') });

describe('configuration', () => {
  it('is found by walking up from the working directory', () => {
    const root = tempTree({
      '.interlock/config.yaml': 'packs: [baseline, production-strict]\n',
      'app/src/x.ts': '',
    });
    const config = loadConfig(join(root, 'app/src'), noUser(root));
    expect(config.projectDir).toBe(join(root, '.interlock'));
    expect(config.packs.value).toEqual(['baseline', 'production-strict']);
    expect(config.packs.chosen[1]).toEqual({
      name: 'production-strict',
      from: join(root, '.interlock/config.yaml'),
      tier: 'project',
      tightenOnly: true,
    });
  });

  it('lets the project tighten the user key by key, and says which file set what', () => {
    const root = tempTree({
      'xdg/interlock/config.yaml':
        'approvals:\n  default: 3\n  group: sre\npacks: [baseline, agents-read-only]\n',
      'proj/.interlock/config.yaml': 'approvals:\n  default: 4\n',
    });
    const config = loadConfig(join(root, 'proj'), { HOME: root, XDG_CONFIG_HOME: join(root, 'xdg') });
    expect(config.approvalsDefault).toEqual({
      value: 4,
      from: join(root, 'proj/.interlock/config.yaml'),
      tier: 'project',
    });
    expect(config.approvalsGroup).toEqual({
      value: 'sre',
      from: join(root, 'xdg/interlock/config.yaml'),
      tier: 'user',
    });
    expect(config.packs.value).toEqual(['baseline', 'agents-read-only']);
    expect(config.layers.map((l) => l.scope)).toEqual(['user', 'project']);
  });

  it.each([
    ['broken YAML', 'packs: [baseline\n', /config\.yaml:\d+: not valid YAML/],
    [
      'an unknown key, with its line',
      'packs: [baseline]\napprovers: 2\n',
      /config\.yaml:2: .*approvers.*remove or rename/,
    ],
    ['a wrong type, with its line', 'approvals:\n  default: two\n', /config\.yaml:2: approvals\.default: /],
    [
      'an unknown pack',
      'packs: [baseline, strictest]\n',
      /unknown policy pack "strictest": the built-in packs are agents-read-only, baseline, production-strict/,
    ],
    [
      'a bad duration',
      'approvals:\n  expiry: soon\n',
      /config\.yaml:2: approvals\.expiry: use a duration such as 30m/,
    ],
  ])('rejects %s with the file, line and fix', (_name, yaml, message) => {
    const root = tempTree({ '.interlock/config.yaml': yaml });
    expect(() => loadConfig(root, noUser(root))).toThrow(ConfigError);
    expect(() => loadConfig(root, noUser(root))).toThrow(message);
  });

  it('adds environment patterns from config to the built-in ones', async () => {
    const root = tempTree({
      '.interlock/config.yaml': 'environments:\n  production: [emea-main, /^acct-9\\d+$/]\n',
    });
    const rt = await loadRuntime({ cwd: root, env: noUser(root) });
    expect(rt.problems).toEqual([]);
    const byWord = await rt.checker.check('ssh emea-main-db "rm -rf /srv/data"', testFacts(), AGENT);
    expect(byWord.assessment.environment).toBe('production');
    const byRegex = await rt.checker.check('ssh acct-9123 "rm -rf /srv/data"', testFacts(), AGENT);
    expect(byRegex.assessment.environment).toBe('production');
    const stillBuiltIn = await rt.checker.check('ssh prod-db "rm -rf /srv/data"', testFacts(), AGENT);
    expect(stillBuiltIn.assessment.environment).toBe('production');
  });

  it('can treat unrecognised remote targets as non-production when the managed tier says so', async () => {
    const root = tempTree({ 'managed/config.yaml': 'environments:\n  unknown: non-production\n' });
    const rt = await loadRuntime({ cwd: root, env: noUser(root), managedDir: join(root, 'managed') });
    const result = await rt.checker.check('ssh box-17 "rm -rf /srv/data"', testFacts(), AGENT);
    expect(result.assessment.environment).toBe('non-production');
    expect(result.decision.outcome).toBe('ask');
  });
});

describe('a bad policy file', () => {
  it('fails closed for production-scoped actions and never falls back to allow', async () => {
    const root = tempTree({
      '.interlock/policies/team.cedar': 'permit (principal, action, resource) when { context.nope };\n',
    });
    const rt = await loadRuntime({ cwd: root, env: noUser(root) });
    expect(rt.problems[0]).toMatch(/team\.cedar:1: does not match the Interlock schema/);
    const prod = await rt.checker.check('ssh prod-db "rm -rf /srv/data"', testFacts(), AGENT);
    expect(prod.decision.outcome).toBe('deny');
    expect(prod.decision.reasons.join(' ')).toMatch(/policies could not be loaded/);
    // Everything else asks the user, as the README says: never allow, and not a deny of harmless work.
    const harmless = await rt.checker.check('ls', testFacts(), AGENT);
    expect(harmless.decision.outcome).toBe('ask');
    const local = await rt.checker.check('rm -rf build', testFacts(), AGENT);
    expect(local.decision.outcome).toBe('ask');
  });

  it('names the file and line of a Cedar syntax error', async () => {
    const root = tempTree({
      '.interlock/policies/a.cedar':
        '// ok\n\n@id("x")\npermit (principal, action, resource) when { context.destructive &&  };\n',
    });
    const rt = await loadRuntime({ cwd: root, env: noUser(root) });
    expect(rt.problems[0]).toMatch(/a\.cedar:\d+: not valid Cedar/);
  });

  it.each([
    [
      'an unknown outcome',
      '@outcome("maybe")\npermit (principal, action, resource);',
      /@outcome\("maybe"\) is not one of allow, ask, require-approval, deny/,
    ],
    [
      'require-approval without a count',
      '@outcome("require-approval")\npermit (principal, action, resource);',
      /needs @approvals\("N"\)/,
    ],
    [
      'a forbid with another outcome',
      '@outcome("ask")\nforbid (principal, action, resource);',
      /a forbid policy always denies/,
    ],
    [
      'a duplicate id',
      '@id("baseline.allow-harmless")\npermit (principal, action, resource);',
      /duplicate @id\("baseline\.allow-harmless"\)/,
    ],
  ])('rejects %s', async (_name, text, message) => {
    const root = tempTree({ '.interlock/policies/team.cedar': `${text}\n` });
    const rt = await loadRuntime({ cwd: root, env: noUser(root) });
    expect(rt.problems[0]).toMatch(message);
  });
});
