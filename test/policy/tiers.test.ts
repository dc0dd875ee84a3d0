import { chmodSync, chownSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadRuntime } from '../../src/app/runtime.js';
import { loadConfig } from '../../src/config/load.js';
import { managedDirProblem } from '../../src/config/managed.js';
import { tempTree } from '../support/tmp.js';
import { AGENT, testFacts } from '../support/runtime.js';

// Tiers: managed > user > project. The project's files are the agent's to write, so each attack below is
// a project (or user) configuration trying to loosen what the tiers above decided.

const DELETE_PRODUCTION = 'kubectl delete namespace production';
const ALLOW_EVERYTHING = '@outcome("allow")\npermit (principal, action, resource);\n';

/** A project at `root/proj`, an optional user tier at `root/xdg/interlock` and managed tier at `root/managed`. */
function tiers(files: Record<string, string>) {
  const root = tempTree({ 'proj/README': '', ...files });
  return {
    root,
    cwd: join(root, 'proj'),
    env: { HOME: root, XDG_CONFIG_HOME: join(root, 'xdg') },
    managedDir: join(root, 'managed'),
  };
}

async function decisionIn(files: Record<string, string>, command = DELETE_PRODUCTION) {
  const rt = await loadRuntime(tiers(files));
  expect(rt.problems).toEqual([]);
  return (await rt.checker.check(command, testFacts(), AGENT)).decision;
}

describe('lower tiers only tighten', () => {
  it.each([
    [
      'packs: [] with an allow-everything permit',
      {
        'proj/.interlock/config.yaml': 'packs: []\n',
        'proj/.interlock/policies/open.cedar': ALLOW_EVERYTHING,
      },
    ],
    [
      'replacing the production name patterns',
      {
        'proj/.interlock/config.yaml':
          'environments:\n  replaceDefaults: true\n  production: [emea-main]\n  staging: [production]\n',
      },
    ],
    ['approvals.default: 1', { 'proj/.interlock/config.yaml': 'approvals:\n  default: 1\n' }],
    ['a user tier with approvals.default: 1', { 'xdg/interlock/config.yaml': 'approvals:\n  default: 1\n' }],
    ['an allow permit next to the baseline', { 'proj/.interlock/policies/open.cedar': ALLOW_EVERYTHING }],
  ])('a project with %s still needs two approvals to delete production', async (_name, files) => {
    const decision = await decisionIn(files);
    expect(decision.outcome).toBe('require-approval');
    expect(decision.approvals).toBe(2);
  });

  it('a project cannot declare everything non-production; a delegating managed tier lets it', async () => {
    const REMOTE = 'ssh box-17 "rm -rf /srv/data"';
    const project = { 'proj/.interlock/config.yaml': "environments:\n  nonProduction: ['/.*/']\n" };
    expect((await decisionIn(project, REMOTE)).outcome).toBe('require-approval');
    const delegated = { ...project, 'managed/config.yaml': 'delegate: [environments.nonProduction]\n' };
    expect((await decisionIn(delegated, REMOTE)).outcome).toBe('ask');
    const where = tiers(project);
    const { patternsIgnored } = loadConfig(where.cwd, where.env, { managedDir: where.managedDir });
    expect(patternsIgnored.join('\n')).toMatch(/project tried non-production names \(\/\.\*\/\)/);
  });

  it('a lower tier cannot permit what no managed policy permits', async () => {
    const decision = await decisionIn(
      {
        'managed/config.yaml': 'packs: []\n',
        'managed/policies/reads.cedar':
          'permit (principal, action == Interlock::Action::"read", resource);\n',
        'proj/.interlock/policies/open.cedar': ALLOW_EVERYTHING,
      },
      'rm -rf build',
    );
    expect(decision.outcome).toBe('deny');
    expect(decision.reasons.join(' ')).toMatch(/Only a user or project policy permits this/);
  });

  it.each([
    [
      'more approvers',
      { 'proj/.interlock/config.yaml': 'approvals:\n  default: 3\n' },
      DELETE_PRODUCTION,
      'require-approval',
      3,
    ],
    [
      'an ask policy',
      { 'proj/.interlock/policies/ask.cedar': ALLOW_EVERYTHING.replace('allow', 'ask') },
      'ls',
      'ask',
      0,
    ],
    [
      'a forbid policy',
      { 'proj/.interlock/policies/no.cedar': 'forbid (principal, action, resource);\n' },
      'ls',
      'deny',
      0,
    ],
  ])('a lower tier may still tighten with %s', async (_name, files, command, outcome, approvals) => {
    const decision = await decisionIn(files, command);
    expect(decision.outcome).toBe(outcome);
    expect(decision.approvals).toBe(approvals);
  });
});

describe('settings by tier', () => {
  it.each([
    [
      'the project cannot lower the user tier',
      {
        'xdg/interlock/config.yaml': 'approvals:\n  default: 2\n',
        'proj/.interlock/config.yaml': 'approvals:\n  default: 1\n',
      },
      2,
      'user',
      'project tried approvals.default: 1; user tier says 2; lower tiers only tighten',
    ],
    [
      'the project may raise it',
      { 'proj/.interlock/config.yaml': 'approvals:\n  default: 4\n' },
      4,
      'project',
      undefined,
    ],
    [
      'the managed tier sets it and lower tiers cannot lower it',
      {
        'managed/config.yaml': 'approvals:\n  default: 3\n',
        'proj/.interlock/config.yaml': 'approvals:\n  default: 2\n',
      },
      3,
      'managed',
      'project tried approvals.default: 2; managed tier says 3; lower tiers only tighten',
    ],
    [
      "a delegated setting is the project's to choose",
      {
        'managed/config.yaml': 'delegate: [approvals.default]\napprovals:\n  default: 3\n',
        'proj/.interlock/config.yaml': 'approvals:\n  default: 1\n',
      },
      1,
      'project',
      undefined,
    ],
  ])('approvals.default: %s', (_name, files, value, tier, note) => {
    const t = tiers(files);
    const config = loadConfig(t.cwd, t.env, { managedDir: t.managedDir });
    expect(config.approvalsDefault.value).toBe(value);
    expect(config.approvalsDefault.tier).toBe(tier);
    expect(config.approvalsDefault.ignored?.[0]).toBe(note);
  });

  it.each([
    [
      'packs: [] keeps the baseline',
      'packs: []\n',
      ['baseline'],
      /project tried packs: \[\]; baseline stays on/,
    ],
    [
      'a project adds packs',
      'packs: [production-strict]\n',
      ['baseline', 'production-strict'],
      /baseline stays on/,
    ],
    [
      'naming the baseline too is no attempt',
      'packs: [baseline, agents-read-only]\n',
      ['baseline', 'agents-read-only'],
      undefined,
    ],
  ])('packs: %s', (_name, yaml, packs, note) => {
    const t = tiers({ 'proj/.interlock/config.yaml': yaml });
    const config = loadConfig(t.cwd, t.env, { managedDir: t.managedDir });
    expect(config.packs.value).toEqual(packs);
    if (note) expect(config.packs.ignored?.[0]).toMatch(note);
    else expect(config.packs.ignored).toBeUndefined();
    expect(config.sources.filter((s) => s.tightenOnly).map((s) => s.origin)).toEqual(
      packs.slice(1).map((p) => `pack:${p}`),
    );
  });

  it.each([
    ['ignored from a project', {}, 'unknown', 'require-approval'],
    [
      'honoured when the managed tier delegates it',
      { 'managed/config.yaml': 'delegate: [environments.unknown]\n' },
      'non-production',
      'ask',
    ],
  ])('environments.unknown: non-production is %s', async (_name, managed, environment, outcome) => {
    const t = tiers({
      ...managed,
      'proj/.interlock/config.yaml': 'environments:\n  unknown: non-production\n',
    });
    const rt = await loadRuntime(t);
    expect(rt.problems).toEqual([]);
    const result = await rt.checker.check('ssh box-17 "rm -rf /srv/data"', testFacts(), AGENT);
    expect(result.assessment.environment).toBe(environment);
    expect(result.decision.outcome).toBe(outcome);
  });

  it.each([
    [
      'approvals.expiry',
      'approvals:\n  expiry: 2h\n',
      (c: ReturnType<typeof loadConfig>) => c.approvalsExpiry.value,
      '1h',
    ],
    [
      'approvals.expiry shorter',
      'approvals:\n  expiry: 10m\n',
      (c: ReturnType<typeof loadConfig>) => c.approvalsExpiry.value,
      '10m',
    ],
  ])('%s from a project', (_name, yaml, get, value) => {
    const t = tiers({ 'proj/.interlock/config.yaml': yaml });
    expect(get(loadConfig(t.cwd, t.env, { managedDir: t.managedDir }))).toBe(value);
  });

  it('approvals.group: a project may name one where none is set, not change the managed one', () => {
    const t = tiers({
      'managed/config.yaml': 'approvals:\n  group: sre\n',
      'proj/.interlock/config.yaml': 'approvals:\n  group: interns\n',
    });
    const config = loadConfig(t.cwd, t.env, { managedDir: t.managedDir });
    expect(config.approvalsGroup).toMatchObject({ value: 'sre', tier: 'managed' });
    const u = tiers({ 'proj/.interlock/config.yaml': 'approvals:\n  group: sre\n' });
    expect(loadConfig(u.cwd, u.env, { managedDir: u.managedDir }).approvalsGroup.value).toBe('sre');
  });

  it('refuses delegate: outside the managed tier', () => {
    const t = tiers({ 'proj/.interlock/config.yaml': 'delegate: [packs]\n' });
    expect(() => loadConfig(t.cwd, t.env, { managedDir: t.managedDir })).toThrow(
      /only the managed configuration/,
    );
  });
});

describe('the managed directory', () => {
  it.each([
    ['root-owned and writable by root only', () => {}, undefined],
    ['world-writable', (dir: string) => chmodSync(dir, 0o777), /writable by group or others/],
    [
      'with a policy owned by another user',
      (dir: string) => chownSync(join(dir, 'policies/p.cedar'), 1000, 1000),
      /owned by uid 1000/,
    ],
    [
      'with a group-writable config file',
      (dir: string) => chmodSync(join(dir, 'config.yaml'), 0o664),
      /writable by group or others/,
    ],
  ])('%s', (_name, spoil, problem) => {
    const t = tiers({ 'managed/config.yaml': 'approvals:\n  default: 3\n', 'managed/policies/p.cedar': '' });
    spoil(t.managedDir);
    const found = managedDirProblem(t.managedDir);
    if (problem) expect(found).toMatch(problem);
    else expect(found).toBeUndefined();
  });

  it('fails closed when it is not trusted, instead of skipping it', async () => {
    const t = tiers({ 'managed/config.yaml': 'approvals:\n  default: 3\n' });
    chmodSync(t.managedDir, 0o777);
    const rt = await loadRuntime(t);
    expect(rt.problems[0]).toMatch(/managed configuration is not trusted/);
    const prod = await rt.checker.check(DELETE_PRODUCTION, testFacts(), AGENT);
    expect(prod.decision.outcome).toBe('deny');
  });
});
