import {
  appendFileSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  statSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadPolicies } from '../../src/app/policies.js';
import { decide, type Principal, type PolicyRequest } from '../../src/core/decide.js';
import type { PlacedAssessment } from '../../src/core/types.js';
import type { PlacedEffect } from '../../src/core/types.js';
import { cedarBuildId, CedarPolicyEvaluator, readSchema } from '../../src/policy/engine.js';
import { packSource } from '../../src/policy/packs.js';
import { RememberingEvaluator } from '../../src/policy/remembering-evaluator.js';
import { requestKeyFor } from '../../src/policy/request-key.js';
import { mayRememberVerdicts } from '../../src/cli/remember-verdicts.js';
import { systemPaths } from '../../src/daemon/system-paths.js';
import { policySetFingerprint, VerdictMemo, type PolicySetIdentity } from '../../src/policy/verdict-memo.js';
import { tempTree, writeTree } from '../support/tmp.js';

// The verdict memo lets a one-shot hook process skip compiling Cedar. It must never answer for a policy
// set other than the one that made the verdict, and a request it has not seen must go to Cedar.

const agent: Principal = {
  type: 'Agent',
  id: 'claude-code',
  vendor: 'anthropic',
  session: 's1',
  actsFor: 'dev',
};

function production(operation: 'read' | 'delete', destructive: boolean): PlacedAssessment {
  const e: PlacedEffect = {
    operation,
    tool: 'kubectl',
    target: 'namespace billing',
    reversible: !destructive,
    risk: destructive ? 'critical' : 'none',
    reason: 'test',
    environment: 'production',
    environmentHints: [],
    destructive,
  };
  return {
    risk: e.risk,
    destructive,
    environment: 'production',
    environmentHints: [],
    effects: [e],
    reasons: [],
    readOnly: false,
  };
}

const identity: PolicySetIdentity = {
  sources: [
    packSource('baseline'),
    { origin: '/p/team.cedar', text: 'forbid (principal, action, resource);' },
  ],
  schema: 'schema text',
  defaults: { approvals: 2 },
  cedarBuild: '4318628:1',
};

/** What a decision says (the memo keeps what these are made of, not each policy's text). */
const said = (d: ReturnType<typeof decide>) => ({
  outcome: d.outcome,
  approvals: d.approvals,
  reasons: d.reasons,
  policies: d.policies,
  group: d.approverGroup,
  matched: d.perEffect.map((e) => e.matched.map((p) => [p.id, p.outcome, p.approvals, p.origin, p.line])),
});

const ENV = (root: string) => ({ HOME: root, XDG_CONFIG_HOME: join(root, '.config') });

describe('the policy-set fingerprint', () => {
  it.each([
    [
      'a policy text',
      {
        ...identity,
        sources: [
          identity.sources[0]!,
          { ...identity.sources[1]!, text: 'forbid (principal, action, resource); ' },
        ],
      },
    ],
    [
      'a policy file name',
      { ...identity, sources: [identity.sources[0]!, { ...identity.sources[1]!, origin: '/p/other.cedar' }] },
    ],
    ['the order of the sources', { ...identity, sources: [...identity.sources].reverse() }],
    ['the schema', { ...identity, schema: 'schema text.' }],
    ['the approval defaults', { ...identity, defaults: { approvals: 3 } }],
    ['the approver group', { ...identity, defaults: { approvals: 2, group: 'sre' } }],
    ['the Cedar build', { ...identity, cedarBuild: '4318628:2' }],
  ])('changes with %s', (_what, changed) => {
    expect(policySetFingerprint(changed)).not.toBe(policySetFingerprint(identity));
  });

  it('is the same for the same policy set', () => {
    expect(policySetFingerprint({ ...identity, sources: identity.sources.map((s) => ({ ...s })) })).toBe(
      policySetFingerprint(identity),
    );
  });
});

describe('RememberingEvaluator', () => {
  const sources = [packSource('baseline')];
  const schema = readSchema();
  const defaults = { approvals: 2 };
  const fresh = (dir: string) => {
    const memo = new VerdictMemo(
      dir,
      policySetFingerprint({ sources, schema, defaults, cedarBuild: 'test' }),
    );
    return new RememberingEvaluator(memo, () => CedarPolicyEvaluator.loadSync(sources, defaults, schema));
  };

  it('answers a request seen by an earlier process without Cedar, and the same as Cedar', async () => {
    const dir = tempTree();
    const cedar = await CedarPolicyEvaluator.load(sources, defaults, schema);
    const first = fresh(dir);
    const destroy = decide(production('delete', true), 'shell', agent, first);
    expect(first.compiled).toBe(true);
    expect(said(destroy)).toEqual(said(decide(production('delete', true), 'shell', agent, cedar)));
    expect(destroy).toMatchObject({ outcome: 'require-approval', approvals: 2 });

    const second = fresh(dir); // the next hook process
    expect(said(decide(production('delete', true), 'shell', agent, second))).toEqual(said(destroy));
    expect(second.compiled).toBe(false);
    // A request it has not seen (another session) goes to Cedar.
    const other = decide(production('delete', true), 'shell', { ...agent, session: 's2' }, second);
    expect(second.compiled).toBe(true);
    expect(other.outcome).toBe('require-approval');
    expect(readdirSync(dir)).toHaveLength(1);
  });

  it('skips a damaged line and keeps the rest', async () => {
    const dir = tempTree();
    const first = fresh(dir);
    decide(production('read', false), 'shell', agent, first);
    const [file] = readdirSync(dir);
    appendFileSync(join(dir, file!), '{"k":"cut sho');
    const second = fresh(dir);
    expect(decide(production('read', false), 'shell', agent, second).outcome).toBe('allow');
    expect(second.compiled).toBe(false);
  });

  it('fails closed when the policies do not compile on a miss', () => {
    const memo = new VerdictMemo(tempTree(), 'f'.repeat(64));
    const broken = new RememberingEvaluator(memo, () => {
      throw new Error('team.cedar:3: not valid Cedar');
    });
    const d = decide(production('delete', true), 'shell', agent, broken);
    expect(d.outcome).toBe('deny');
    expect(d.reasons.join(' ')).toMatch(/policies could not be loaded: team\.cedar:3: not valid Cedar/);
  });

  it('keeps the memos of the 16 most recent policy sets', () => {
    const dir = tempTree();
    for (let i = 0; i < 20; i++) {
      const file = join(dir, `${String(i).padStart(64, '0')}.jsonl`);
      writeFileSync(file, '');
      utimesSync(file, new Date(1000 * i), new Date(1000 * i));
    }
    const memo = new VerdictMemo(dir, 'a'.repeat(64));
    const request = { principal: agent, operation: 'read', context: {} } as unknown as PolicyRequest;
    memo.set(request, { matched: [], errors: [] });
    const left = readdirSync(dir).sort();
    expect(left).toHaveLength(16);
    expect(left).toContain(`${'a'.repeat(64)}.jsonl`);
    expect(left).not.toContain(`${'0'.repeat(64)}.jsonl`); // the oldest went first
  });

  it('does not remember a verdict that carries errors', () => {
    const dir = tempTree();
    const memo = new VerdictMemo(dir, 'e'.repeat(64));
    const request = { principal: agent, operation: 'delete', context: {} } as unknown as PolicyRequest;
    memo.set(request, { matched: [], errors: ['boom'] });
    expect(memo.get(request)).toBeUndefined();
    expect(readdirSync(dir)).toHaveLength(0);
  });
});

describe('verdicts across a policy edit (loadPolicies, as the hook process loads them)', () => {
  it('never answers with a verdict made under the policies before the edit', async () => {
    const root = tempTree({ '.interlock/config.yaml': 'packs: [baseline]\n' });
    const env = ENV(root);
    const ask = async () => {
      const { evaluator, problems } = await loadPolicies({ cwd: root, env, rememberVerdicts: true });
      expect(problems).toEqual([]);
      return { decision: decide(production('read', false), 'shell', agent, evaluator), evaluator };
    };
    expect((await ask()).decision.outcome).toBe('allow');
    const again = await ask();
    expect(again.decision.outcome).toBe('allow');
    expect((again.evaluator as RememberingEvaluator).compiled).toBe(false);

    writeTree(root, {
      '.interlock/policies/freeze.cedar':
        '@id("freeze")\n@message("production is frozen")\nforbid (principal, action, resource) when { context.environment == "production" };\n',
    });
    const edited = await ask();
    expect(edited.decision.outcome).toBe('deny');
    expect(edited.decision.reasons.join(' ')).toContain('production is frozen');

    writeFileSync(join(root, '.interlock/policies/freeze.cedar'), '// thawed\n');
    expect((await ask()).decision.outcome).toBe('allow');
    const memoDir = join(root, '.config/interlock/cache/verdicts');
    expect(readdirSync(memoDir).length).toBe(3);
    for (const f of readdirSync(memoDir)) expect(readFileSync(join(memoDir, f), 'utf8')).not.toBe('');
  });
});

describe('the verdict memo of a one-shot command', () => {
  const sources = [packSource('baseline')];
  const schema = readSchema();
  const defaults = { approvals: 2 };
  const fingerprint = policySetFingerprint({ sources, schema, defaults, cedarBuild: 'test' });
  const remembering = (dir: string) =>
    new RememberingEvaluator(
      new VerdictMemo(dir, fingerprint, requestKeyFor(sources.map((s) => s.text))),
      () => CedarPolicyEvaluator.loadSync(sources, defaults, schema, true),
    );
  const onTarget = (target: string): PlacedAssessment => {
    const a = production('delete', true);
    return { ...a, effects: a.effects.map((e) => ({ ...e, target })) };
  };

  it('answers an effect on a target never seen from the verdict of another target (no policy reads targets)', () => {
    const dir = tempTree();
    const first = remembering(dir);
    const seen = decide(onTarget('namespace billing'), 'shell', agent, first);
    const next = remembering(dir); // the next process
    const other = decide(onTarget('namespace payments'), 'shell', agent, next);
    expect(next.compiled).toBe(false);
    expect(other.outcome).toBe(seen.outcome);
    expect(other.outcome).toBe('require-approval');
  });

  it('never remembers a policy set that fails schema validation, so it is validated every time', async () => {
    const root = tempTree({
      '.interlock/config.yaml': 'packs: [baseline]\n',
      '.interlock/policies/bad.cedar': 'forbid (principal, action, resource) when { context.nosuch == 1 };\n',
    });
    const env = ENV(root);
    for (let i = 0; i < 2; i++) {
      const { evaluator, problems } = await loadPolicies({ cwd: root, env, rememberVerdicts: true });
      expect(problems.join(' ')).toContain('does not match the Interlock schema');
      expect(decide(production('read', false), 'shell', agent, evaluator).outcome).toBe('deny');
    }
    expect(() => readdirSync(join(root, '.config/interlock/cache/verdicts'))).toThrow();
  });

  it('is kept by a one-shot command of a single-user setup, not once Interlock runs as its own user', () => {
    const prefix = tempTree();
    expect(mayRememberVerdicts({ HOME: tempTree(), INTERLOCK_SYSTEM_ROOT: prefix })).toBe(true);
    // The root-owned marker `setup --system` writes (the tests run as root, as that setup does).
    const { configDir, marker } = systemPaths(prefix);
    mkdirSync(configDir, { recursive: true, mode: 0o755 });
    writeFileSync(marker, JSON.stringify({ mode: 'system', user: 'interlock' }), { mode: 0o644 });
    expect(mayRememberVerdicts({ HOME: tempTree(), INTERLOCK_SYSTEM_ROOT: prefix })).toBe(false);
  });
});

describe('cedarBuildId (a new Cedar build, new verdicts)', () => {
  it('names the WebAssembly file that loading @cedar-policy/cedar-wasm/nodejs uses', () => {
    const require = createRequire(new URL('../../src/policy/engine.ts', import.meta.url));
    const entry = require.resolve('@cedar-policy/cedar-wasm/nodejs');
    const st = statSync(join(dirname(entry), 'cedar_wasm_bg.wasm'));
    expect(cedarBuildId()).toBe(`${st.size}:${st.mtimeMs}`);
  });
});
