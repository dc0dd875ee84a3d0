import { expect, it } from 'vitest';
import { riskRank } from '../../src/core/types.js';
import { check, type LabelledCommand } from './runtime.js';

/** Table-driven: one test per labelled command, asserting the label and any stronger expectation. */
export function corpusTests(corpus: readonly LabelledCommand[]): void {
  it.each(corpus.map((c) => [c.command, c] as const))('%s', async (_name, c) => {
    const result = await check(c.command, {
      ...(c.cwd ? { cwd: c.cwd } : {}),
      ...(c.env ? { env: c.env } : {}),
    });
    const { assessment, decision } = result;
    const summary = JSON.stringify(
      assessment.effects.map((e) => [e.operation, e.risk, e.target, e.environment]),
    );
    expect(assessment.destructive, `destructive? effects: ${summary}`).toBe(c.destructive);
    if (c.destructive) {
      expect(decision.outcome, 'a destructive command must not be allowed silently').not.toBe('allow');
      expect(assessment.readOnly, 'a destructive command is never read-only (a freeze lets those by)').toBe(
        false,
      );
    } else expect(decision.outcome, `harmless work must pass; effects: ${summary}`).toBe('allow');
    if (c.environment) expect(assessment.environment).toBe(c.environment);
    if (c.minRisk) expect(riskRank(assessment.risk)).toBeGreaterThanOrEqual(riskRank(c.minRisk));
    if (c.outcome) expect(decision.outcome).toBe(c.outcome);
    if (c.target) expect(assessment.effects.map((e) => e.target).join('\n')).toContain(c.target);
  });
}
