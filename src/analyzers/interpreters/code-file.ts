import type { Effect } from '../../core/types.js';
import type { Word } from '../../shell/words.js';
import type { Invocation } from '../analyzer.js';
import type { Lang } from '../code-scan.js';
import { resolvePath } from '../paths.js';
import { readProgramFile } from '../program-files.js';
import type { SqlParser } from '../sql-parser.js';
import { locatedCodeEffects } from './calls.js';

// `python3 drop_old.py`, `node cleanup.js`, `ruby wipe.rb`: the program file, read through the edge's
// `readScript` (program-files.ts), is scanned like `-c`/`-e` code.

/** The line of `offset` in `text`, from 1. */
function lineAt(text: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < text.length; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}

/**
 * As inside shell scripts: a command or a file path only the run can tell (`subprocess.run(cmd)`,
 * `os.remove(tmp)`) is what programs do all day; what reading the file adds is what it does for certain.
 * Deletions of cloud resources and SQL built at run time keep their risk.
 */
function computedAtRunTime(effect: Effect): boolean {
  if (effect.operation === 'execute-unverifiable') return effect.runs === undefined;
  const computedPath = effect.category === 'file' && !effect.target.startsWith('/');
  // path.join(__dirname, 'dist'), Path(__file__).parent / 'build': beside the program, in its project.
  const besideProgram =
    /__dirname|__file__|import\.meta\.dirname/.test(effect.target) && !/\.\./.test(effect.target);
  return computedPath && (effect.risk === 'medium' || effect.risk === 'low' || besideProgram);
}

/** A `#!` line or a PHP opening tag is not code of the language. */
function sourceOf(text: string, lang: Lang): string {
  const body = text.startsWith('#!') ? text.replace(/^#![^\n]*/, '') : text;
  if (lang === 'php' && body.includes('<?php')) {
    const at = body.indexOf('<?php');
    return ' '.repeat(at + 5) + body.slice(at + 5); // keep offsets, for line numbers
  }
  return text.startsWith('#!') ? ' '.repeat(text.length - body.length) + body : body;
}

/** Effects of running the program file `file` with `lang`'s interpreter. */
export function codeFileEffects(inv: Invocation, file: Word, lang: Lang, sql?: SqlParser): Effect[] {
  const read = readProgramFile(inv, file);
  if (read.kind === 'none') return [];
  if (read.kind === 'unverifiable') return [read.effect];
  const source = sourceOf(read.text, lang);
  return locatedCodeEffects(source, lang, inv.name, inv, false, sql).map(({ effect, at }) => ({
    ...(computedAtRunTime(effect)
      ? { ...effect, risk: 'low', reason: `${effect.reason}; inside a program file` }
      : effect),
    where: `${file.value}:${lineAt(source, at)}`,
  }));
}

/** `python3 -m tools.cleanup`: tools/cleanup.py or tools/cleanup/__main__.py of the project, if there. */
export function moduleEffects(inv: Invocation, module: string, sql?: SqlParser): Effect[] {
  const read = inv.facts.readScript;
  if (!read || inv.remote || !/^[A-Za-z_][\w.]*$/.test(module)) return [];
  const base = module.replace(/\./g, '/');
  for (const candidate of [`${base}.py`, `${base}/__main__.py`]) {
    const path = resolvePath(candidate, inv.facts.cwd, inv.facts.home);
    if (read(path).kind !== 'missing')
      return codeFileEffects(inv, { value: candidate, dynamic: false }, 'python', sql);
  }
  return []; // an installed module: a program like any other
}
