import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assessmentView, gate } from '../../src/approvals/client.js';
import { evaluate } from '../../src/app/evaluate.js';
import { loadPlanFile } from '../../src/plans/load.js';
import { testFacts } from '../support/runtime.js';
import { checkPlanFile } from '../../src/plans/check.js';
import type { RunningServer } from '../../src/server/serve.js';
import { SQLITE } from '../store/stores.js';
import { AGENT, evaluator, fixturePath } from '../plans/helpers.js';
import { clientOf, people, serverOn, type People } from '../server/harness.js';

// A plan file goes through the same gate: the approval is bound to the plan's content.

describe('plan files through the approval server', () => {
  let server: RunningServer;
  let cleanup: () => Promise<void>;
  let who: People;

  beforeAll(async () => {
    const created = await SQLITE.create();
    cleanup = created.cleanup;
    who = await people(created.store);
    server = await serverOn(created.store);
  });
  afterAll(async () => {
    await server.close();
    await cleanup();
  });

  it('binds the request to the plan content and allows that plan once', async () => {
    const plan = await checkPlanFile(fixturePath('terraform-aws-production.json'), {
      principal: AGENT,
      evaluator: await evaluator(),
    });
    expect(plan.decision.outcome).toBe('require-approval');
    const rt = { evaluator: await evaluator(), problems: [] };
    const proposal = {
      kind: 'plan' as const,
      plan: await loadPlanFile(plan.file),
      environment: 'production',
    };
    const evaluation = await evaluate(proposal, testFacts(), AGENT, rt);
    const input = {
      action: evaluation.binding.view,
      wire: evaluation.wire,
      assessment: assessmentView(plan.assessment),
      decision: plan.decision,
      principal: AGENT,
    };
    const options = { server: { url: server.url, token: who.agent } };
    const first = await gate(input, options);
    expect(first.outcome).toBe('deny');
    const view = await clientOf(server, who.bob).getRequest(first.requestId!);
    expect(view.action).toMatchObject({ kind: 'terraform-plan', file: plan.file, sha256: plan.sha256 });
    expect(view.assessment.effects.length).toBeGreaterThan(0);
    expect(view.digest).toBe(evaluation.binding.digest);
    // Another plan (other content) is another action.
    const other = await loadPlanFile(fixturePath('terraform-aws-staging.json'));
    const changed = { ...proposal, plan: { ...other, path: plan.file } };
    const otherDigest = (await evaluate(changed, testFacts(), AGENT, rt)).binding.digest;
    expect(otherDigest).not.toBe(evaluation.binding.digest);
    await clientOf(server, who.bob).approve(first.requestId!);
    await clientOf(server, who.carol).approve(first.requestId!);
    expect((await gate(input, options)).outcome).toBe('allow');
    expect((await gate(input, options)).outcome).toBe('deny');
  });
});
