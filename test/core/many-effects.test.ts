import { describe, expect, it } from 'vitest';
import { check } from '../support/runtime.js';

// An action with many effects is decided effect by effect, exactly as each effect would be alone: sharing
// work between them (one Cedar call for requests no policy can tell apart, one copy per effect) must not
// change a single effect, reason or outcome.

const names = Array.from({ length: 80 }, (_, i) => `build-${i}`);

/** Each effect's target, outcome and reasons, in order. */
const perEffect = async (command: string) =>
  (await check(command)).decision.perEffect.map((d) => ({
    target: d.effect.target,
    environment: d.effect.environment,
    risk: d.effect.risk,
    outcome: d.outcome,
    reasons: d.reasons,
  }));

describe('an action with many effects', () => {
  it('has one effect per target of an rm of 80 paths, each decided as it would be alone', async () => {
    const all = await perEffect(`rm -rf ${names.join(' ')}`);
    expect(all.map((e) => e.target)).toEqual(names.map((n) => `/home/dev/project/${n}`));
    for (const [i, name] of names.entries()) expect([all[i]]).toEqual(await perEffect(`rm -rf ${name}`));
  });

  it('still holds a production target among many local ones, as strictly as alone, and says which', async () => {
    const alone = await check('kubectl delete namespace production');
    expect(alone.decision.outcome).toBe('require-approval');
    const steps = [...names.slice(0, 40).map((n) => `rm -rf ./${n}`), 'kubectl delete namespace production'];
    const many = await check([...steps, ...names.slice(40).map((n) => `git branch -D ${n}`)].join('; '));
    expect(many.decision.outcome).toBe('require-approval');
    expect(many.decision.approvals).toBe(alone.decision.approvals);
    expect(many.assessment.environment).toBe('production');
    const held = many.decision.perEffect.filter((d) => d.effect.environment === 'production');
    expect(held).toEqual(alone.decision.perEffect);
    expect(many.decision.reasons.join('\n')).toContain(alone.decision.perEffect[0]!.effect.reason);
  });

  it('reports the same effects whether the targets come in one command or one command each', async () => {
    const together = await check(`kubectl delete pod ${names.join(' ')} -n dev`);
    const apart = await check(names.map((n) => `kubectl delete pod ${n} -n dev`).join('; '));
    expect(together.assessment.effects).toEqual(apart.assessment.effects);
    expect(together.decision.outcome).toBe(apart.decision.outcome);
  });
});
