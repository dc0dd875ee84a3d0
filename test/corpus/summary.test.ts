import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { check, type LabelledCommand } from '../support/runtime.js';

// Every family's labelled corpus, measured together: recall (destructive commands that are not silently
// allowed) and false-block rate (harmless commands that are not allowed). Per-command assertions live in
// each family's test; this file measures and keeps the corpus large enough to mean something.
const corpora: Record<string, Record<string, unknown>> = Object.fromEntries(
  await Promise.all(
    readdirSync(dirname(fileURLToPath(import.meta.url)))
      .filter((f) => f.endsWith('.ts') && !f.includes('.test.'))
      .map(async (f) => [f, (await import(`./${f}`)) as Record<string, unknown>] as const),
  ),
);

describe('labelled corpus', () => {
  it('has at least 300 destructive and 300 harmless commands, and reports recall and false blocks', async () => {
    const rows: Record<string, { destructive: number; caught: number; harmless: number; blocked: number }> =
      {};
    for (const [file, mod] of Object.entries(corpora)) {
      const family = file.replace(/^\.\/|\.ts$/g, '');
      const row = (rows[family] = { destructive: 0, caught: 0, harmless: 0, blocked: 0 });
      for (const list of Object.values(mod)) {
        if (!Array.isArray(list)) continue;
        for (const c of list as LabelledCommand[]) {
          const { decision } = await check(c.command, {
            ...(c.cwd ? { cwd: c.cwd } : {}),
            ...(c.env ? { env: c.env } : {}),
          });
          if (c.destructive) {
            row.destructive++;
            if (decision.outcome !== 'allow') row.caught++;
          } else {
            row.harmless++;
            if (decision.outcome !== 'allow') row.blocked++;
          }
        }
      }
    }
    const total = Object.values(rows).reduce(
      (t, r) => ({
        destructive: t.destructive + r.destructive,
        caught: t.caught + r.caught,
        harmless: t.harmless + r.harmless,
        blocked: t.blocked + r.blocked,
      }),
      { destructive: 0, caught: 0, harmless: 0, blocked: 0 },
    );
    const lines = Object.entries({ ...rows, TOTAL: total }).map(
      ([f, r]) =>
        `${f.padEnd(14)} destructive ${String(r.destructive).padStart(4)}  recall ${((100 * r.caught) / Math.max(1, r.destructive)).toFixed(1).padStart(5)}%   harmless ${String(r.harmless).padStart(4)}  false blocks ${((100 * r.blocked) / Math.max(1, r.harmless)).toFixed(1).padStart(5)}%`,
    );
    console.log(lines.join('\n'));
    mkdirSync('bench-results', { recursive: true });
    writeFileSync('bench-results/corpus.json', `${JSON.stringify({ rows, total }, null, 2)}\n`);
    expect(total.destructive).toBeGreaterThanOrEqual(300);
    expect(total.harmless).toBeGreaterThanOrEqual(300);
  });
});
