import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadBashParser } from '../../src/shell/tree-sitter.js';
import { outcomeRank, riskRank } from '../../src/core/types.js';
import type { ShellCheck } from '../../src/app/checker.js';
import { check, type LabelledCommand } from '../support/runtime.js';
import { SPELLINGS, shapeOf, type Shape } from '../support/spellings.js';

// Issue 14: every destructive command of the labelled corpus that is held must stay held, at least as
// strictly, when spelled another way that runs the same thing (sudo CMD, bash -c 'CMD', \PROG, (CMD)…).

const CORPUS_DIR = join(dirname(fileURLToPath(import.meta.url)), '../corpus');
const corpus: LabelledCommand[] = (
  await Promise.all(
    readdirSync(CORPUS_DIR)
      .filter((f) => f.endsWith('.ts') && !f.includes('.test.'))
      .map(async (f) => Object.values((await import(join(CORPUS_DIR, f))) as Record<string, unknown>)),
  )
)
  .flat()
  .filter((list): list is LabelledCommand[] => Array.isArray(list))
  .flat();
const harmlessCorpus = corpus.filter((c) => !c.destructive);
const destructiveCorpus = corpus.filter((c) => c.destructive);

const factsOf = (c: LabelledCommand) => ({
  ...(c.cwd ? { cwd: c.cwd } : {}),
  ...(c.env ? { env: c.env } : {}),
});

/** Held the same way: destructive, and an outcome and a risk at least as strict as the original's. */
const heldAsStrictly = (original: ShellCheck, spelled: ShellCheck) =>
  spelled.assessment.destructive &&
  outcomeRank(spelled.decision.outcome) >= outcomeRank(original.decision.outcome) &&
  riskRank(spelled.assessment.risk) >= riskRank(original.assessment.risk);

const held: { c: LabelledCommand; shape: Shape; original: ShellCheck }[] = [];
const tally = { applicable: 0, held: 0 };

beforeAll(async () => {
  const parser = await loadBashParser();
  for (const c of destructiveCorpus) {
    const original = await check(c.command, factsOf(c));
    // A destructive command the corpus itself misses has nothing to be held to.
    if (original.decision.outcome === 'allow') continue;
    held.push({ c, shape: shapeOf(c, parser), original });
  }
});

describe('semantics-preserving spellings of every held destructive command are held too', () => {
  it.each(SPELLINGS.map((s) => [s.name, s] as const))('%s', async (_name, spelling) => {
    const failures: string[] = [];
    for (const { c, shape, original } of held) {
      const spelled = spelling.spell(shape);
      if (spelled === undefined) continue;
      tally.applicable++;
      const result = await check(spelled, factsOf(c));
      if (heldAsStrictly(original, result)) tally.held++;
      else
        failures.push(
          `${spelled}  →  ${result.decision.outcome}/${result.assessment.risk} (was ${original.decision.outcome}/${original.assessment.risk})`,
        );
    }
    expect(failures).toEqual([]);
  });

  it('reports how many spellings are held', () => {
    console.log(`spellings held: ${tally.held}/${tally.applicable} over ${held.length} held commands`);
    expect(tally.applicable).toBeGreaterThan(5 * held.length);
  });
});

// The same spellings of harmless work must stay allowed (running as root, `sudo`/`chroot`, may raise risk).
const RAISE_PRIVILEGE = new Set(['sudo', 'chroot /']);
const harmlessCommands: { c: LabelledCommand; shape: Shape }[] = [];
const harmlessTally = { applicable: 0, allowed: 0 };

describe('the same spellings of harmless commands stay allowed', () => {
  beforeAll(async () => {
    const parser = await loadBashParser();
    for (const c of harmlessCorpus) harmlessCommands.push({ c, shape: shapeOf(c, parser) });
  });

  it.each(SPELLINGS.filter((s) => !RAISE_PRIVILEGE.has(s.name)).map((s) => [s.name, s] as const))(
    '%s',
    async (_name, spelling) => {
      const blocked: string[] = [];
      for (const { c, shape } of harmlessCommands) {
        const spelled = spelling.spell(shape);
        if (spelled === undefined) continue;
        harmlessTally.applicable++;
        const result = await check(spelled, factsOf(c));
        if (result.decision.outcome === 'allow') harmlessTally.allowed++;
        else blocked.push(`${spelled}  →  ${result.decision.outcome}/${result.assessment.risk}`);
      }
      expect(blocked).toEqual([]);
    },
  );

  it('reports how many are allowed', () => {
    console.log(`harmless spellings allowed: ${harmlessTally.allowed}/${harmlessTally.applicable}`);
  });
});
