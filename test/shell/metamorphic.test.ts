import { readdirSync } from 'node:fs';
import { dirname, join, posix } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadBashParser } from '../../src/shell/tree-sitter.js';
import { outcomeRank, riskRank, type ScriptFile } from '../../src/core/types.js';
import type { ShellCheck } from '../../src/app/checker.js';
import { check, type LabelledCommand } from '../support/runtime.js';
import { SPELLINGS, shapeOf, type Shape } from '../support/spellings.js';
import { FILE_SPELLINGS, RUN_TIME_VALUES, type SpelledWithFiles } from '../support/file-spellings.js';

// Issue 14: every destructive command of the labelled corpus that is held must stay held, at least as
// strictly, when spelled another way that runs the same thing (sudo CMD, bash -c 'CMD', \PROG, (CMD)…),
// or written into a file first and run from it (bash ops.sh, make deploy, npm run x).

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

/** Every spelling, as a command and the files it runs (none for a text spelling). */
const ALL_SPELLINGS: {
  name: string;
  spell: (shape: Shape) => { command: string; files?: SpelledWithFiles['files'] } | undefined;
}[] = [
  ...SPELLINGS.map((s) => ({
    name: s.name,
    spell: (shape: Shape) => {
      const command = s.spell(shape);
      return command === undefined ? undefined : { command };
    },
  })),
  ...FILE_SPELLINGS,
];

const PROJECT = '/home/dev/project';

/** The edge's reader, in memory: the files the spelling wrote, in the command's directory; nothing else. */
const readerOf =
  (cwd: string, files: Readonly<Record<string, string>>) =>
  (path: string): ScriptFile => {
    const name = Object.keys(files).find((f) => posix.join(cwd, f) === path);
    return name === undefined ? { kind: 'missing' } : { kind: 'text', text: files[name]! };
  };

// Text spellings are checked with the corpus's own facts (no file reader), as their originals are.
const factsOf = (c: LabelledCommand, files?: Readonly<Record<string, string>>) => ({
  ...(c.cwd ? { cwd: c.cwd } : {}),
  ...(c.env ? { env: c.env } : {}),
  ...(files ? { readScript: readerOf(c.cwd ?? PROJECT, files) } : {}),
});

/** Held the same way: destructive, and an outcome and a risk at least as strict as the original's. */
const heldAsStrictly = (original: ShellCheck, spelled: ShellCheck) =>
  spelled.assessment.destructive &&
  outcomeRank(spelled.decision.outcome) >= outcomeRank(original.decision.outcome) &&
  riskRank(spelled.assessment.risk) >= riskRank(original.assessment.risk);

const held: { c: LabelledCommand; shape: Shape; original: ShellCheck }[] = [];
const tally = { applicable: 0, held: 0 };
/** Per spelling, for the report: how many of the commands it applies to are held (allowed, for harmless). */
const perSpelling = new Map<string, { destructive: string; harmless: string }>();
const note = (name: string, kind: 'destructive' | 'harmless', passed: number, applicable: number) =>
  perSpelling.set(name, {
    ...(perSpelling.get(name) ?? { destructive: '-', harmless: '-' }),
    [kind]: `${passed}/${applicable}`,
  });

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
  it.each(ALL_SPELLINGS.map((s) => [s.name, s] as const))('%s', async (name, spelling) => {
    const failures: string[] = [];
    let applicable = 0;
    for (const { c, shape, original } of held) {
      const spelled = spelling.spell(shape);
      if (spelled === undefined) continue;
      applicable++;
      const result = await check(spelled.command, factsOf(c, spelled.files));
      if (!heldAsStrictly(original, result))
        failures.push(
          `${c.command}  as  ${spelled.command}  →  ${result.decision.outcome}/${result.assessment.risk} (was ${original.decision.outcome}/${original.assessment.risk})`,
        );
    }
    tally.applicable += applicable;
    tally.held += applicable - failures.length;
    note(name, 'destructive', applicable - failures.length, applicable);
    expect(failures).toEqual([]);
  });

  it('every command exempted from the file spellings is a held corpus command', () => {
    const heldTexts = new Set(held.map(({ shape }) => shape.text));
    expect([...RUN_TIME_VALUES].filter((text) => !heldTexts.has(text))).toEqual([]);
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

  it.each(ALL_SPELLINGS.filter((s) => !RAISE_PRIVILEGE.has(s.name)).map((s) => [s.name, s] as const))(
    '%s',
    async (name, spelling) => {
      const blocked: string[] = [];
      let applicable = 0;
      for (const { c, shape } of harmlessCommands) {
        const spelled = spelling.spell(shape);
        if (spelled === undefined) continue;
        applicable++;
        const result = await check(spelled.command, factsOf(c, spelled.files));
        if (result.decision.outcome !== 'allow')
          blocked.push(
            `${c.command}  as  ${spelled.command}  →  ${result.decision.outcome}/${result.assessment.risk}`,
          );
      }
      harmlessTally.applicable += applicable;
      harmlessTally.allowed += applicable - blocked.length;
      note(name, 'harmless', applicable - blocked.length, applicable);
      expect(blocked).toEqual([]);
    },
  );

  it('reports how many are allowed', () => {
    console.log(`harmless spellings allowed: ${harmlessTally.allowed}/${harmlessTally.applicable}`);
    console.table(Object.fromEntries(perSpelling));
  });
});
