// Which one-shot command lines the running daemon may answer (cli-fast.ts asks, cli-served.ts answers):
// `check` or `explain` with only --json, an absolute --cwd and --agent, then `--` and the command. Any
// other form (--batch and --wait, help, a relative directory, options after the command) runs in the
// caller's process, where commander reads it: the daemon never has to guess what commander would do.
// No imports: the one-shot commands' fast entry is bundled with node built-ins only.

export interface ServedArgs {
  command: 'check' | 'explain';
  json: boolean;
  /** --cwd, absolute. */
  cwd?: string;
  agent?: string;
  /** The words after `--`. */
  words: string[];
}

/** `argv` (the words after `interlock`) as a call the daemon may answer; undefined when it may not. */
export function servedArgs(argv: readonly string[]): ServedArgs | undefined {
  const [command, ...rest] = argv;
  if (command !== 'check' && command !== 'explain') return undefined;
  const out: ServedArgs = { command, json: false, words: [] };
  for (let i = 0; i < rest.length; i++) {
    const word = rest[i]!;
    if (word === '--') {
      out.words = rest.slice(i + 1);
      return out.words.length > 0 ? out : undefined;
    }
    const value = rest[i + 1];
    if (word === '--json' && !out.json) out.json = true;
    else if (word === '--cwd' && out.cwd === undefined && value?.startsWith('/')) out.cwd = rest[++i];
    else if (word === '--agent' && out.agent === undefined && value && !value.startsWith('-'))
      out.agent = rest[++i];
    else return undefined;
  }
  return undefined;
}
