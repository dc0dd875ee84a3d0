import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { sessionPolicy } from '../../src/least-privilege/aws-session-policy.js';
import type { PlacedEffect } from '../../src/core/types.js';
import { check, type LabelledCommand } from '../support/runtime.js';

// Every aws effect of every labelled corpus (test/corpus), through the session-policy generator the broker
// uses: how many name their IAM actions and named ARNs, per service, and which do not yet (printed, so the
// gap is visible in the test output).

const CORPUS_DIR = fileURLToPath(new URL('../corpus/', import.meta.url));
const corpora: LabelledCommand[] = (
  await Promise.all(
    readdirSync(CORPUS_DIR)
      .filter((f) => f.endsWith('.ts') && !f.includes('.test.'))
      .map(async (f) =>
        Object.values((await import(/* @vite-ignore */ `../corpus/${f}`)) as Record<string, unknown>),
      ),
  )
)
  .flat()
  .filter((list): list is LabelledCommand[] => Array.isArray(list))
  .flat();
// Only the aws CLI's analyzer records aws access: the commands that name aws, and scripts that may run it.
const awsCommands = corpora.filter((c) => /\baws\b/.test(c.command) || c.cwd);

/** Mapped effects must stay at least this share of all aws effects (raise it as mappings are added). */
const MIN_MAPPED_SHARE = 0.9;

interface Row {
  effects: number;
  mapped: number;
  named: number;
}

function table(rows: Map<string, Row>): string {
  const lines = [...rows].sort(([a], [b]) => a.localeCompare(b));
  return lines.map(([s, r]) => `  ${s.padEnd(26)} ${r.effects}\t${r.mapped}\t${r.named}`).join('\n');
}

describe('AWS session policies over the labelled corpora', () => {
  it('maps the aws effects to IAM actions, and names the ones it cannot', async () => {
    const effects: { command: string; effect: PlacedEffect }[] = [];
    for (const c of awsCommands) {
      const r = await check(c.command, {
        ...(c.cwd ? { cwd: c.cwd } : {}),
        ...(c.env ? { env: c.env } : {}),
      });
      for (const effect of r.assessment.effects)
        if (effect.access?.kind === 'aws') effects.push({ command: c.command, effect });
    }
    const rows = new Map<string, Row>();
    const gaps: string[] = [];
    const wide: string[] = [];
    for (const { command, effect } of effects) {
      const service = effect.access?.kind === 'aws' ? effect.access.service : '?';
      const row = rows.get(service) ?? { effects: 0, mapped: 0, named: 0 };
      rows.set(service, row);
      row.effects++;
      const p = sessionPolicy([effect]);
      if (p.unmapped.length) {
        gaps.push(`${command}: ${p.unmapped[0]!.why}`);
        continue;
      }
      row.mapped++;
      expect(p.policy.Statement.length).toBeGreaterThan(0);
      for (const s of p.policy.Statement)
        expect(s.Action.every((a) => /^[a-z0-9-]+:[A-Za-z0-9]+$/.test(a))).toBe(true);
      if (p.policy.Statement.some((s) => s.Resource.includes('*')))
        wide.push(`${command}: ${p.notes.join('; ')}`);
      else row.named++;
    }
    const mapped = [...rows.values()].reduce((n, r) => n + r.mapped, 0);
    console.log(
      `aws effects: ${effects.length}; mapped to IAM actions: ${mapped}; on named ARNs: ${mapped - wide.length}\n` +
        `  ${'service'.padEnd(26)} effects\tmapped\ton named ARNs\n${table(rows)}\n` +
        `not mapped yet:\n  ${gaps.join('\n  ') || '(none)'}\non Resource "*":\n  ${wide.join('\n  ') || '(none)'}`,
    );
    expect(effects.length).toBeGreaterThan(50);
    expect(mapped / effects.length).toBeGreaterThanOrEqual(MIN_MAPPED_SHARE);
  });
});
