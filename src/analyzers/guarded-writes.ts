import type { ActionFacts, Effect } from '../core/types.js';
import { hasOption, optionValue, parseOptions } from '../shell/options.js';
import { word, type Word } from '../shell/words.js';
import type { Analyzer, Invocation } from './analyzer.js';
import { sensitiveFile, userInterlockDir } from './sensitive-files.js';

// Writes through the shell to the files that guard the agent (Interlock's configuration, policies and
// caches; the agent's own hook settings) or run later, outside it (shell startup files, git hooks).
// `echo '{}' > ~/.claude/settings.json` switches the hook off as surely as the Write tool would, so it
// is the same effect, judged by the same policies (the hooks build it for the file tools in engine.ts).
// Secrets, system files and Terraform state written through the shell are rated by paths.ts as before:
// `cp .env.example .env` stays everyday work.
const GUARDED = new Set(['interlock-config', 'agent-hooks', 'startup-script']);

/** The effect of writing `rawPath`, when it is a guarded file; undefined for ordinary files. */
export function guardedWrite(
  rawPath: string,
  facts: ActionFacts,
  tool: string,
  verb: string,
): Effect | undefined {
  const file = sensitiveFile(rawPath, {
    cwd: facts.cwd,
    home: facts.home,
    userConfigDir: userInterlockDir(facts.env, facts.home),
  });
  if (!file || !GUARDED.has(file.category)) return undefined;
  return {
    operation: 'modify',
    tool,
    target: file.path,
    reversible: false,
    risk: file.risk,
    reason: `${verb} ${file.path}: ${file.why}`,
    category: file.category,
  };
}

/** The files a command writes, as the words that name them. */
function writtenFiles(inv: Invocation): Word[] {
  const { name, args } = inv;
  switch (name) {
    case 'tee':
      return parseOptions(args, { withValue: ['--output-error'] }).positionals;
    case 'cp':
    case 'mv':
    case 'install':
    case 'ln': {
      const parsed = parseOptions(args, {
        withValue: [
          '-t',
          '--target-directory',
          '-S',
          '--suffix',
          '-m',
          '--mode',
          '-o',
          '--owner',
          '-g',
          '--group',
        ],
      });
      const dir = optionValue(parsed, '-t', '--target-directory');
      if (dir) return [word(dir)];
      const last = parsed.positionals[parsed.positionals.length - 1];
      return parsed.positionals.length >= 2 && last ? [last] : [];
    }
    case 'sed': {
      const parsed = parseOptions(args, { withValue: ['-e', '--expression', '-f', '--file', '-l'] });
      const inPlace = args.some((w) => /^(-i|--in-place)/.test(w.value) || /^-[a-hj-zA-Z]*i/.test(w.value));
      if (!inPlace) return [];
      const scripted = hasOption(parsed, '-e', '--expression', '-f', '--file');
      return scripted ? parsed.positionals : parsed.positionals.slice(1);
    }
    case 'perl': {
      if (!args.some((w) => /^-[a-zA-Z]*i/.test(w.value))) return [];
      const parsed = parseOptions(args, { withValue: ['-e', '-E', '-M', '-I'] });
      const scripted = hasOption(parsed, '-e', '-E');
      return scripted ? parsed.positionals : parsed.positionals.slice(1);
    }
    case 'dd': {
      const of = args.find((w) => w.value.startsWith('of='));
      return of ? [{ ...of, value: of.value.slice(3) }] : [];
    }
    case 'truncate':
      return parseOptions(args, { withValue: ['-s', '--size', '-r', '--reference'] }).positionals;
    default:
      return [];
  }
}

export const guardedWritesAnalyzer: Analyzer = {
  family: 'guarded-writes',
  commands: ['tee', 'cp', 'mv', 'install', 'ln', 'sed', 'perl', 'dd', 'truncate'],
  local: true,
  environmentVariables: [],
  analyze(inv) {
    // On another machine (ssh, kubectl exec) these paths are not this user's files.
    if (inv.remote) return [];
    return writtenFiles(inv).flatMap((word) => {
      if (word.dynamic) return [];
      const effect = guardedWrite(word.value, inv.facts, inv.name, 'writes to');
      return effect ? [effect] : [];
    });
  },
};
