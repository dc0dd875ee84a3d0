import { optionValues, parseOptions } from '../shell/options.js';
import { word, type Word } from '../shell/words.js';
import type { Analyzer } from './analyzer.js';
import { awkInPlaceEdits } from './awk/in-place.js';
import { tokenizeAwk, type AwkToken } from './awk/scan.js';
import { shellEffect } from './interpreters/calls.js';
import { readProgramFile } from './program-files.js';

// awk runs shell commands from its program: system("…"), `print … | "cmd"`, `"cmd" | getline` (and gawk's
// `|&`). A literal command is assessed as shell, like python's os.system; one built from data is not
// knowable here. Plain text processing (`awk '{print $1}'`) runs nothing.

const OPTIONS_WITH_VALUE = [
  '-f',
  '--file',
  '-v',
  '--assign',
  '-F',
  '--field-separator',
  '-e',
  '--source',
  '-i',
  '--include',
  '-l',
  '--load',
  '-E',
  '--exec',
  '-W',
];

/** A shell that runs what it reads: `print "…" | "sh"` hands it the printed text as a script. */
const SHELL_READING_STDIN = /^(?:\S*\/)?(?:ba|da|k|z|mk)?sh(?:\s+-[a-z]+)*$/;

/** The program text: gawk's `-e`/`--source`, else the first operand, unless a file holds it (`-f`). */
function programText(args: readonly Word[]): Word | undefined {
  const parsed = parseOptions(args, { withValue: OPTIONS_WITH_VALUE, stopAtFirstPositional: true });
  const sources = optionValues(parsed, '-e', '--source');
  if (sources.length) return word(sources.join('\n'));
  if (['-f', '--file', '-E', '--exec'].some((o) => parsed.options.has(o))) return undefined;
  return parsed.positionals[0];
}

/** The program files of `-f FILE`, `--file FILE`, `-E FILE`, `--exec FILE`. */
function programFiles(args: readonly Word[]): Word[] {
  const parsed = parseOptions(args, { withValue: OPTIONS_WITH_VALUE, stopAtFirstPositional: true });
  return optionValues(parsed, '-f', '--file', '-E', '--exec').map((value) => {
    const given = args.find((w) => w.value === value);
    return given ?? word(value);
  });
}

/** Adjacent string literals (awk concatenates them), or undefined when any part is computed. */
function literal(tokens: readonly AwkToken[]): string | undefined {
  const parts = tokens.filter((t) => t.text !== '(' && t.text !== ')');
  return parts.length && parts.every((t) => t.kind === 'string')
    ? parts.map((t) => t.text).join('')
    : undefined;
}

function closingParen(tokens: readonly AwkToken[], open: number): number {
  let depth = 0;
  for (let i = open; i < tokens.length; i++) {
    if (tokens[i]!.text === '(') depth++;
    else if (tokens[i]!.text === ')' && --depth === 0) return i;
  }
  return tokens.length;
}

/** The string literals just before a pipe: the command of `"cmd" | getline`. */
function operandBefore(tokens: readonly AwkToken[], pipe: number): AwkToken[] {
  let start = pipe;
  while (start > 0 && tokens[start - 1]!.kind === 'string') start--;
  return tokens.slice(start, pipe);
}

/** What a `print`/`printf` statement writes into a pipe: the tokens between the keyword and the pipe. */
function printed(tokens: readonly AwkToken[], pipe: number): AwkToken[] {
  let start = pipe - 1;
  while (start >= 0 && !(tokens[start]!.kind === 'ident' && /^printf?$/.test(tokens[start]!.text))) start--;
  return tokens[start]?.text === 'print' ? tokens.slice(start + 1, pipe) : [];
}

interface Run {
  how: string;
  /** The shell command run, when it is literal. */
  text?: string | undefined;
}

/** Every shell command the program runs, in the order written. */
function commandsRun(tokens: readonly AwkToken[]): Run[] {
  const runs: Run[] = [];
  tokens.forEach((t, i) => {
    if (t.kind === 'ident' && t.text === 'system' && tokens[i + 1]?.text === '(') {
      const args = tokens.slice(i + 2, closingParen(tokens, i + 1));
      if (args.length) runs.push({ how: 'system()', text: literal(args) });
      return;
    }
    if (t.kind !== 'punct' || (t.text !== '|' && t.text !== '|&')) return;
    const next = tokens[i + 1];
    if (next?.kind === 'ident' && next.text === 'getline') {
      runs.push({ how: `"…" ${t.text} getline`, text: literal(operandBefore(tokens, i)) });
    } else if (next?.kind === 'string' && SHELL_READING_STDIN.test(next.text.trim())) {
      runs.push({ how: `print ${t.text} "${next.text}"`, text: literal(printed(tokens, i)) });
    } else {
      runs.push({ how: `print ${t.text} "…"`, text: next?.kind === 'string' ? next.text : undefined });
    }
  });
  return runs;
}

export const awkAnalyzer: Analyzer = {
  family: 'awk',
  commands: ['awk', 'gawk', 'mawk', 'nawk'],
  local: true,
  environmentVariables: [],
  analyze(inv) {
    const runsOf = (text: string) =>
      commandsRun(tokenizeAwk(text))
        .filter((run) => run.text !== '')
        .map((run) => shellEffect(inv.name, run.how, run.text));
    const edits = awkInPlaceEdits(inv, OPTIONS_WITH_VALUE);
    const program = programText(inv.args);
    if (program) return [...edits, ...runsOf(program.value)];
    // `awk -f cleanup.awk`: the program is the file's text.
    return [
      ...edits,
      ...programFiles(inv.args).flatMap((file) => {
        const read = readProgramFile(inv, file);
        if (read.kind === 'none') return [];
        if (read.kind === 'unverifiable') return [read.effect];
        return runsOf(read.text).map((effect) => ({ ...effect, where: file.value }));
      }),
    ];
  },
};
