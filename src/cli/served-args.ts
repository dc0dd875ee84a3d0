// Which one-shot command lines the running daemon may answer (cli-fast.ts asks, cli-served.ts answers):
// `check` or `explain` with only --json, an absolute --cwd and --agent, then `--` and the command; `plan
// check FILE` with only --json, --format, an absolute --cwd, --agent, --env and --workspace, the file a
// JSON plan the caller reads (cli-fast.ts) and sends; `policy list` with only --json and an absolute --cwd
// (outside system mode). Any other form (--batch, --wait, --tool, help, a
// relative directory, `--OPTION=VALUE`) runs in the caller's process, where commander reads it: the daemon
// never has to guess what commander would do. No imports: the one-shot commands' fast entry is bundled
// with node built-ins only.

interface ShellArgs {
  command: 'check' | 'explain';
  json: boolean;
  /** --cwd, absolute. */
  cwd?: string;
  agent?: string;
  /** The words after `--`. */
  words: string[];
}

interface PlanArgs {
  command: 'plan check';
  json: boolean;
  format?: 'text' | 'markdown' | 'json';
  /** --cwd, absolute. */
  cwd?: string;
  agent?: string;
  env?: string;
  workspace?: string;
  /** The plan file, as given. */
  file: string;
}

interface PolicyListArgs {
  command: 'policy list';
  json: boolean;
  /** --cwd, absolute. */
  cwd?: string;
  agent?: undefined;
}

export type ServedArgs = ShellArgs | PlanArgs | PolicyListArgs;

/** `argv` (the words after `interlock`) as a call the daemon may answer; undefined when it may not. */
export function servedArgs(argv: readonly string[]): ServedArgs | undefined {
  const [command, ...rest] = argv;
  if (command === 'plan') return rest[0] === 'check' ? planArgs(rest.slice(1)) : undefined;
  if (command === 'policy') return rest[0] === 'list' ? policyListArgs(rest.slice(1)) : undefined;
  if (command !== 'check' && command !== 'explain') return undefined;
  const out: ShellArgs = { command, json: false, words: [] };
  for (let i = 0; i < rest.length; i++) {
    const word = rest[i]!;
    if (word === '--') {
      out.words = rest.slice(i + 1);
      return out.words.length > 0 ? out : undefined;
    }
    const value = rest[i + 1];
    if (word === '--json' && !out.json) out.json = true;
    else if (word === '--cwd' && out.cwd === undefined && value?.startsWith('/')) out.cwd = rest[++i];
    else if (word === '--agent' && out.agent === undefined && isValue(value)) out.agent = rest[++i];
    else return undefined;
  }
  return undefined;
}

const FORMATS = ['text', 'markdown', 'json'] as const;

/** `plan check`'s words: options before or after the one file, each once. */
function planArgs(rest: readonly string[]): PlanArgs | undefined {
  let file: string | undefined;
  const out: Omit<PlanArgs, 'file'> = { command: 'plan check', json: false };
  for (let i = 0; i < rest.length; i++) {
    const word = rest[i]!;
    const value = rest[i + 1];
    if (word === '--json' && !out.json) out.json = true;
    else if (word === '--cwd' && out.cwd === undefined && value?.startsWith('/')) out.cwd = rest[++i];
    else if (word === '--format' && out.format === undefined && FORMATS.some((f) => f === value))
      out.format = rest[++i] as PlanArgs['format'];
    else if (word === '--agent' && out.agent === undefined && isValue(value)) out.agent = rest[++i];
    else if (word === '--env' && out.env === undefined && isValue(value)) out.env = rest[++i];
    else if (word === '--workspace' && out.workspace === undefined && isValue(value))
      out.workspace = rest[++i];
    else if (file === undefined && isValue(word)) file = word;
    else return undefined;
  }
  return file === undefined ? undefined : { ...out, file };
}

/** `policy list`'s words. */
function policyListArgs(rest: readonly string[]): PolicyListArgs | undefined {
  const out: PolicyListArgs = { command: 'policy list', json: false };
  for (let i = 0; i < rest.length; i++) {
    const word = rest[i]!;
    if (word === '--json' && !out.json) out.json = true;
    else if (word === '--cwd' && out.cwd === undefined && rest[i + 1]?.startsWith('/')) out.cwd = rest[++i];
    else return undefined;
  }
  return out;
}

/** An option's value commander reads the same whatever it is: present, not empty, not like an option. */
function isValue(word: string | undefined): word is string {
  return word !== undefined && word !== '' && !word.startsWith('-');
}
