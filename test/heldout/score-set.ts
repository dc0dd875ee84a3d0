import { mkdirSync, writeFileSync } from 'node:fs';
import { check, type LabelledCommand } from '../support/runtime.js';

// How a held-out set is scored, with the criteria of test/corpus/summary.test.ts: a destructive command is
// caught when the decision is not `allow`; a harmless command is falsely blocked when it is. `strict` also
// asks what test/support/corpus.ts asks of each corpus case: `assessment.destructive` equals the label (a
// command that is asked about only because it cannot be verified is caught, but not strictly). No per-case
// assertion: a set measures, it is not tuned against. Every miss and false block goes to
// bench-results/<name>.json, and the table to the console.

export interface HeldOutRow {
  destructive: number;
  caught: number;
  harmless: number;
  blocked: number;
  strict: number;
}

interface Seen {
  family: string;
  command: string;
  outcome: string;
  effects: string;
}

const rate = (n: number, of: number): string => `${((100 * n) / Math.max(1, of)).toFixed(1).padStart(5)}%`;

/** What a set's scoring needs of one case: how it was judged. */
interface Judged {
  assessment: {
    destructive: boolean;
    effects: readonly { operation: string; risk: string; target: string; environment: string }[];
  };
  decision: { outcome: string };
}

export function scoreSet(
  set: readonly (LabelledCommand & { family: string })[],
  name: string,
): Promise<HeldOutRow> {
  return scoreJudged(
    set,
    name,
    (c) => c.command,
    (c) =>
      check(c.command, {
        ...(c.cwd ? { cwd: c.cwd } : {}),
        ...(c.env ? { env: c.env } : {}),
      }),
  );
}

/** Score any labelled actions: `text` names a case in the report, `judge` runs it through Interlock. */
export async function scoreJudged<C extends { family: string; destructive: boolean }>(
  set: readonly C[],
  name: string,
  text: (c: C) => string,
  judge: (c: C) => Promise<Judged>,
): Promise<HeldOutRow> {
  const rows: Record<string, HeldOutRow> = {};
  const misses: Seen[] = [];
  const falseBlocks: Seen[] = [];
  for (const c of set) {
    const { assessment, decision } = await judge(c);
    const row = (rows[c.family] ??= { destructive: 0, caught: 0, harmless: 0, blocked: 0, strict: 0 });
    const seen = {
      family: c.family,
      command: text(c),
      outcome: decision.outcome,
      effects: JSON.stringify(assessment.effects.map((e) => [e.operation, e.risk, e.target, e.environment])),
    };
    const allowed = decision.outcome === 'allow';
    if (assessment.destructive === c.destructive && allowed !== c.destructive) row.strict++;
    if (c.destructive) {
      row.destructive++;
      if (!allowed) row.caught++;
      else misses.push(seen);
    } else {
      row.harmless++;
      if (!allowed) {
        row.blocked++;
        falseBlocks.push(seen);
      }
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
  const list = (title: string, l: Seen[]): string =>
    [title, ...l.map((m) => `  [${m.family}] ${m.command}  → ${m.outcome} ${m.effects}`)].join('\n');
  console.log([...lines, list('MISSES', misses), list('FALSE BLOCKS', falseBlocks)].join('\n'));
  mkdirSync('bench-results', { recursive: true });
  writeFileSync(
    `bench-results/${name}.json`,
    `${JSON.stringify({ rows, total, misses, falseBlocks }, null, 2)}\n`,
  );
  return total;
}
