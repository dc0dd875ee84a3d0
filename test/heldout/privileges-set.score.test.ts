import { mkdirSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { check } from '../support/runtime.js';
import { privilegesSet } from './privileges-set.js';

// Scores the privileges held-out set (privileges-set.ts) with the criteria of own-set.score.test.ts and
// test/corpus/summary.test.ts: a destructive command is caught when the decision is not `allow`; a harmless
// command is falsely blocked when it is. `strict` also asks that `assessment.destructive` equals the label (a
// command that is asked about only because it cannot be verified is caught, but not strictly). No per-case
// assertion: the set measures, it is not tuned against. The floors sit below the numbers measured on the
// first run, so only a real regression fails this test. Each run writes every miss and false block to
// bench-results/privileges-heldout.json.

interface Row {
  destructive: number;
  caught: number;
  harmless: number;
  blocked: number;
  strict: number;
}

// Measured on 2026-11-30 (first run): recall 92.3 % (96/104), false blocks 1.0 % (1/96), strict 95.5 % of
// all 200 cases.
const FLOORS = { recall: 0.87, maxFalseBlocks: 0.04, cases: 200 };

const rate = (n: number, of: number): string => `${((100 * n) / Math.max(1, of)).toFixed(1).padStart(5)}%`;

describe('held-out privileges set', () => {
  it('reports recall and false blocks per family, above the floors', async () => {
    const rows: Record<string, Row> = {};
    const misses: { family: string; command: string; outcome: string; effects: string }[] = [];
    const falseBlocks: typeof misses = [];
    for (const c of privilegesSet) {
      const { assessment, decision } = await check(c.command, {
        ...(c.cwd ? { cwd: c.cwd } : {}),
        ...(c.env ? { env: c.env } : {}),
      });
      const row = (rows[c.family] ??= { destructive: 0, caught: 0, harmless: 0, blocked: 0, strict: 0 });
      const seen = {
        family: c.family,
        command: c.command,
        outcome: decision.outcome,
        effects: JSON.stringify(
          assessment.effects.map((e) => [e.operation, e.risk, e.target, e.environment]),
        ),
      };
      const allowed = decision.outcome === 'allow';
      if (assessment.destructive === c.destructive && allowed !== c.destructive) row.strict++;
      if (c.destructive) {
        row.destructive++;
        if (decision.outcome !== 'allow') row.caught++;
        else misses.push(seen);
      } else {
        row.harmless++;
        if (decision.outcome !== 'allow') row.blocked++;
        else continue;
        falseBlocks.push(seen);
      }
    }
    const total = Object.values(rows).reduce(
      (t, r) => ({
        destructive: t.destructive + r.destructive,
        caught: t.caught + r.caught,
        harmless: t.harmless + r.harmless,
        blocked: t.blocked + r.blocked,
        strict: t.strict + r.strict,
      }),
      { destructive: 0, caught: 0, harmless: 0, blocked: 0, strict: 0 },
    );
    const lines = Object.entries({ ...rows, TOTAL: total }).map(
      ([f, r]) =>
        `${f.padEnd(17)} destructive ${String(r.destructive).padStart(4)}  recall ${rate(r.caught, r.destructive)}   harmless ${String(r.harmless).padStart(4)}  false blocks ${rate(r.blocked, r.harmless)}   strict ${rate(r.strict, r.destructive + r.harmless)}`,
    );
    const list = (title: string, l: typeof misses): string =>
      [title, ...l.map((m) => `  [${m.family}] ${m.command}  → ${m.outcome} ${m.effects}`)].join('\n');
    console.log([...lines, list('MISSES', misses), list('FALSE BLOCKS', falseBlocks)].join('\n'));
    mkdirSync('bench-results', { recursive: true });
    writeFileSync(
      'bench-results/privileges-heldout.json',
      `${JSON.stringify({ rows, total, misses, falseBlocks }, null, 2)}\n`,
    );
    expect(total.destructive + total.harmless).toBeGreaterThanOrEqual(FLOORS.cases);
    expect(total.caught / total.destructive).toBeGreaterThanOrEqual(FLOORS.recall);
    expect(total.blocked / total.harmless).toBeLessThanOrEqual(FLOORS.maxFalseBlocks);
  });
});
