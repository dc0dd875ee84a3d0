import { findCalls, splitArgs, type Call } from '../code-calls.js';
import type { Lang, Token } from '../code-scan.js';
import { moreCalls } from './more-apis.js';

// The standard-library calls, per language, that delete, truncate or overwrite files or run shell commands,
// matched by name (and receiver: os.remove, FileUtils.rm_rf, child_process.execSync).

type Kind = 'delete' | 'delete-tree' | 'write' | 'append' | 'truncate' | 'shell' | 'open';

export interface Found {
  kind: Kind;
  call: Call;
  /** Where the path is: the first argument (default), every argument, or the receiver call (`Path('x')`). */
  pathFrom?: 'arg0' | 'all' | 'receiver';
}

export const last = (chain: readonly string[]) => chain[chain.length - 1] ?? '';
const named = (
  calls: Call[],
  kind: Kind,
  test: (c: Call) => boolean = () => true,
  pathFrom?: Found['pathFrom'],
) => calls.filter(test).map((call): Found => (pathFrom ? { kind, call, pathFrom } : { kind, call }));

/**
 * os's functions that run a program with its arguments as words, the `e` forms (which take an environment
 * too) and posix_spawn included.
 */
export const OS_PROGRAM_RUNNERS = [
  'execv',
  'execvp',
  'execve',
  'execvpe',
  'execl',
  'execlp',
  'execle',
  'execlpe',
  'spawnl',
  'spawnlp',
  'spawnle',
  'spawnlpe',
  'spawnv',
  'spawnvp',
  'spawnve',
  'spawnvpe',
  'posix_spawn',
  'posix_spawnp',
];

function pythonCalls(tokens: Token[]): Found[] {
  const calls = findCalls(
    tokens,
    new Set([
      'rmtree',
      'remove',
      'unlink',
      'rmdir',
      'removedirs',
      'truncate',
      'open',
      'write_text',
      'write_bytes',
      'system',
      'popen',
      'run',
      'call',
      'check_call',
      'check_output',
      'Popen',
      'getoutput',
      'getstatusoutput',
      ...OS_PROGRAM_RUNNERS,
      'spawn',
    ]),
  );
  const os = (c: Call) => last(c.receiver) === 'os';
  const viaReceiver = (c: Call) => c.receiverCall !== undefined || (c.receiver.length > 0 && !os(c));
  const subprocess = (c: Call) =>
    ['subprocess', 'sp'].includes(last(c.receiver)) ||
    (c.receiver.length === 0 && !['run', 'call'].includes(c.name));
  return [
    ...named(calls, 'delete-tree', (c) => c.name === 'rmtree'),
    ...named(calls, 'delete', (c) => ['remove', 'unlink', 'rmdir', 'removedirs'].includes(c.name) && os(c)),
    ...named(calls, 'delete', (c) => ['unlink', 'rmdir'].includes(c.name) && viaReceiver(c), 'receiver'),
    ...named(calls, 'truncate', (c) => c.name === 'truncate' && os(c)),
    ...named(
      calls,
      'open',
      (c) => c.name === 'open' && (c.receiver.length === 0 || ['io', 'codecs'].includes(last(c.receiver))),
    ),
    ...named(calls, 'open', (c) => c.name === 'open' && c.receiverCall !== undefined, 'receiver'),
    ...named(calls, 'write', (c) => c.name === 'write_text' || c.name === 'write_bytes', 'receiver'),
    ...named(
      calls,
      'shell',
      (c) => (c.name === 'system' || c.name === 'popen' || OS_PROGRAM_RUNNERS.includes(c.name)) && os(c),
    ),
    // pty.spawn(['rm', '-rf', dir]): the program and its arguments, run on a terminal.
    ...named(calls, 'shell', (c) => c.name === 'spawn' && last(c.receiver) === 'pty'),
    ...named(
      calls,
      'shell',
      (c) =>
        ['run', 'call', 'check_call', 'check_output', 'Popen', 'getoutput', 'getstatusoutput'].includes(
          c.name,
        ) && subprocess(c),
    ),
  ];
}

const NODE_PROCESS_RECEIVERS = new Set(['child_process', 'cp', 'childProcess', 'require()', 'Bun', 'Deno']);

function jsCalls(tokens: Token[]): Found[] {
  const calls = findCalls(
    tokens,
    new Set([
      'rmSync',
      'rm',
      'rmdirSync',
      'rmdir',
      'remove',
      'removeSync',
      'emptyDir',
      'emptyDirSync',
      'rimraf',
      'rimrafSync',
      'unlinkSync',
      'unlink',
      'writeFileSync',
      'writeFile',
      'writeTextFile',
      'writeTextFileSync',
      'outputFile',
      'outputFileSync',
      'appendFile',
      'appendFileSync',
      'write',
      'truncateSync',
      'truncate',
      'execSync',
      'execFileSync',
      'spawnSync',
      'exec',
      'execFile',
      'spawn',
      'run',
    ]),
  );
  const fsLike = (c: Call) =>
    c.receiver.length === 0 || /^(fs|fse|fsp|fsExtra|promises|Deno|require\(\))$/.test(last(c.receiver));
  const processLike = (c: Call) => c.receiver.length === 0 || NODE_PROCESS_RECEIVERS.has(last(c.receiver));
  const found: Found[] = [
    ...named(
      calls,
      'delete',
      (c) => ['rmSync', 'rm', 'rmdirSync', 'rmdir', 'unlinkSync', 'unlink'].includes(c.name) && fsLike(c),
    ),
    ...named(calls, 'delete-tree', (c) =>
      ['rimraf', 'rimrafSync', 'emptyDir', 'emptyDirSync'].includes(c.name),
    ),
    ...named(
      calls,
      'delete',
      (c) => ['remove', 'removeSync'].includes(c.name) && fsLike(c) && c.receiver.length > 0,
    ),
    ...named(
      calls,
      'write',
      (c) => /^(writeFile|writeTextFile|outputFile)(Sync)?$/.test(c.name) && fsLike(c),
    ),
    ...named(calls, 'append', (c) => /^appendFile(Sync)?$/.test(c.name) && fsLike(c)),
    ...named(calls, 'write', (c) => c.name === 'write' && last(c.receiver) === 'Bun'),
    ...named(calls, 'truncate', (c) => /^truncate(Sync)?$/.test(c.name) && fsLike(c)),
    ...named(calls, 'shell', (c) => ['execSync', 'execFileSync', 'spawnSync'].includes(c.name)),
    ...named(
      calls,
      'shell',
      (c) =>
        ['exec', 'execFile', 'spawn', 'run'].includes(c.name) &&
        processLike(c) &&
        !(c.name === 'run' && last(c.receiver) !== 'Deno'),
    ),
  ];
  // zx / Bun shell: $`rm -rf ${dir}`
  for (let k = 0; k + 1 < tokens.length; k++) {
    const t = tokens[k]!;
    const next = tokens[k + 1]!;
    if (t.kind === 'ident' && t.text === '$' && next.kind === 'string' && next.start === t.end) {
      found.push({
        kind: 'shell',
        call: { name: '$', receiver: [], args: [[next]], parenthesized: false, index: k },
      });
    }
  }
  return found;
}

/**
 * Perl's `system { PROGRAM } LIST` and `exec { PROGRAM } LIST` run PROGRAM with LIST as its argv, LIST's
 * first word only the name it is shown: written back as `system PROGRAM, LIST[1…]`.
 */
function withoutIndirectPrograms(tokens: Token[]): Token[] {
  const out: Token[] = [];
  for (let k = 0; k < tokens.length; k++) {
    const t = tokens[k]!;
    out.push(t);
    const open = tokens[k + 1];
    if (t.kind !== 'ident' || !['system', 'exec'].includes(t.text) || open?.text !== '{') continue;
    let depth = 0;
    let close = k + 1;
    for (; close < tokens.length; close++) {
      const c = tokens[close]!;
      if (c.kind === 'punct' && c.text === '{') depth++;
      else if (c.kind === 'punct' && c.text === '}' && --depth === 0) break;
    }
    // The shown name: the list up to its first comma at the top level.
    let rest = close + 1;
    for (let nested = 0; rest < tokens.length; rest++) {
      const c = tokens[rest]!;
      if (c.kind !== 'punct') continue;
      if ('([{'.includes(c.text)) nested++;
      else if (')]}'.includes(c.text)) nested--;
      else if ((c.text === ',' || c.text === ';') && nested === 0) break;
    }
    out.push(...tokens.slice(k + 2, close));
    if (tokens[rest]?.text === ',') out.push(tokens[rest]!);
    k = tokens[rest]?.text === ',' ? rest : rest - 1;
  }
  return out;
}

function perlCalls(written: Token[]): Found[] {
  const tokens = withoutIndirectPrograms(written);
  const calls = findCalls(
    tokens,
    new Set(['unlink', 'rmdir', 'rmtree', 'remove_tree', 'truncate', 'open', 'system', 'exec']),
    true,
  );
  return [
    ...named(calls, 'delete', (c) => c.name === 'unlink', 'all'),
    ...named(calls, 'delete', (c) => c.name === 'rmdir'),
    ...named(calls, 'delete-tree', (c) => c.name === 'rmtree' || c.name === 'remove_tree', 'all'),
    ...named(calls, 'truncate', (c) => c.name === 'truncate'),
    ...named(calls, 'open', (c) => c.name === 'open'),
    ...named(calls, 'shell', (c) => c.name === 'system' || c.name === 'exec'),
  ];
}

function rubyCalls(tokens: Token[]): Found[] {
  const calls = findCalls(
    tokens,
    new Set([
      'rm_rf',
      'rm_r',
      'rmtree',
      'remove_dir',
      'remove_entry',
      'remove_entry_secure',
      'rm',
      'rm_f',
      'remove',
      'remove_file',
      'safe_unlink',
      'delete',
      'unlink',
      'rmdir',
      'truncate',
      'write',
      'binwrite',
      'open',
      'system',
      'exec',
      'spawn',
      'capture2',
      'capture2e',
      'capture3',
      'popen3',
      'popen2',
      'popen',
    ]),
    true,
  );
  const fileUtils = (c: Call) => ['FileUtils', 'FU'].includes(last(c.receiver));
  const fileLike = (c: Call) => ['File', 'Dir', 'FileUtils'].includes(last(c.receiver));
  const pathname = (c: Call) => c.receiverCall?.name === 'Pathname' || c.receiverCall?.name === 'new';
  return [
    ...named(
      calls,
      'delete-tree',
      (c) =>
        ['rm_rf', 'rm_r', 'rmtree', 'remove_dir', 'remove_entry', 'remove_entry_secure'].includes(c.name) &&
        (fileUtils(c) || c.receiver.length === 0),
      'all',
    ),
    ...named(calls, 'delete-tree', (c) => c.name === 'rmtree' && pathname(c), 'receiver'),
    ...named(
      calls,
      'delete',
      (c) => ['rm', 'rm_f', 'remove', 'remove_file', 'safe_unlink'].includes(c.name) && fileUtils(c),
      'all',
    ),
    ...named(calls, 'delete', (c) => ['delete', 'unlink', 'rmdir'].includes(c.name) && fileLike(c), 'all'),
    ...named(
      calls,
      'delete',
      (c) => ['delete', 'unlink', 'rmdir'].includes(c.name) && pathname(c),
      'receiver',
    ),
    ...named(calls, 'truncate', (c) => c.name === 'truncate' && fileLike(c)),
    ...named(
      calls,
      'write',
      (c) => (c.name === 'write' || c.name === 'binwrite') && ['File', 'IO'].includes(last(c.receiver)),
    ),
    ...named(calls, 'open', (c) => c.name === 'open' && last(c.receiver) === 'File'),
    ...named(
      calls,
      'shell',
      (c) =>
        ['system', 'exec', 'spawn'].includes(c.name) &&
        (c.receiver.length === 0 || ['Kernel', 'Process'].includes(last(c.receiver))),
    ),
    ...named(
      calls,
      'shell',
      (c) => /^(capture|popen)/.test(c.name) && ['Open3', 'IO'].includes(last(c.receiver)),
    ),
  ];
}

const phpAppends = (c: Call) => c.args.flat().some((t) => t.text === 'FILE_APPEND');

function phpCalls(tokens: Token[]): Found[] {
  const calls = findCalls(
    tokens,
    new Set([
      'unlink',
      'rmdir',
      'file_put_contents',
      'fopen',
      'shell_exec',
      'exec',
      'system',
      'passthru',
      'popen',
      'proc_open',
    ]),
  );
  return [
    ...named(calls, 'delete', (c) => c.name === 'unlink' || c.name === 'rmdir'),
    ...named(calls, 'write', (c) => c.name === 'file_put_contents' && !phpAppends(c)),
    ...named(calls, 'append', (c) => c.name === 'file_put_contents' && phpAppends(c)),
    ...named(calls, 'open', (c) => c.name === 'fopen'),
    ...named(
      calls,
      'shell',
      (c) =>
        ['shell_exec', 'exec', 'system', 'passthru', 'popen', 'proc_open'].includes(c.name) &&
        c.receiver.length === 0,
    ),
  ];
}

/** Lua: os.execute and io.popen run a shell command, os.remove deletes, io.open(p, 'w') writes. */
function luaCalls(tokens: Token[]): Found[] {
  const calls = findCalls(luaMembers(tokens), new Set(['execute', 'popen', 'remove', 'rename', 'open']));
  const on = (receiver: string) => (c: Call) => last(c.receiver) === receiver;
  return [
    ...named(
      calls,
      'shell',
      (c) => (c.name === 'execute' && on('os')(c)) || (c.name === 'popen' && on('io')(c)),
    ),
    ...named(calls, 'delete', (c) => c.name === 'remove' && on('os')(c)),
    // os.rename(from, to) replaces `to` with `from`: an overwrite of its second argument.
    ...named(calls, 'write', (c) => c.name === 'rename' && on('os')(c) && c.args.length === 2).map(
      (f): Found => ({ ...f, call: { ...f.call, args: [f.call.args[1]!] } }),
    ),
    ...named(calls, 'open', (c) => c.name === 'open' && on('io')(c)),
  ];
}

/** Lua's `os["execute"]` is `os.execute`: the subscript rewritten as a member, for the call scanner. */
function luaMembers(tokens: readonly Token[]): Token[] {
  const out: Token[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const [t, key, close] = [tokens[i]!, tokens[i + 1], tokens[i + 2]];
    const subscript =
      t.kind === 'punct' && t.text === '[' && out.at(-1)?.kind === 'ident' && key?.kind === 'string';
    if (subscript && !key.dynamic && close?.kind === 'punct' && close.text === ']') {
      out.push({ ...t, text: '.' }, { ...key, kind: 'ident' });
      i += 2;
    } else out.push(t);
  }
  return out;
}

const R_RUNNERS = ['system', 'system2', 'shell'];
/** A base function, called as `f(…)` or `base::f(…)`. */
const rBase = (c: Call) => c.receiver.length === 0 || (c.receiver.length === 1 && c.receiver[0] === 'base');

/**
 * R: system/system2/shell run commands (also through `do.call(system, list(…))`), unlink (recursive = TRUE:
 * a tree) and file.remove delete. system2's arguments, `c("-rf", "/x")` or `args = …`, are pasted to its
 * command with spaces and run by the shell: they are passed on as the one command line they make.
 */
function rCalls(tokens: Token[]): Found[] {
  const calls = findCalls(tokens, new Set([...R_RUNNERS, 'unlink', 'remove', 'call']));
  return [
    ...named(calls, 'shell', (c) => R_RUNNERS.includes(c.name) && rBase(c)).map((f): Found =>
      f.call.name === 'system2' ? { ...f, call: rSystem2(f.call) } : f,
    ),
    ...calls.flatMap((c): Found[] => {
      const called = c.args[0]?.length === 1 ? c.args[0][0]! : undefined;
      const runner =
        called && (called.kind === 'ident' || called.kind === 'string') && R_RUNNERS.includes(called.text);
      if (c.name !== 'call' || last(c.receiver) !== 'do' || !runner) return [];
      // do.call(system, list("rm -rf x")): the list's items are the call's arguments.
      const list = c.args[1] ?? [];
      const items = list[0]?.text === 'list' && list[1]?.text === '(' ? splitArgs(list.slice(2, -1)) : [];
      const call: Call = { ...c, name: called.text, receiver: [], args: items };
      return [{ kind: 'shell', call: called.text === 'system2' ? rSystem2(call) : call }];
    }),
    ...named(calls, 'delete', (c) => c.name === 'unlink' && rBase(c)),
    ...named(calls, 'delete', (c) => c.name === 'remove' && last(c.receiver) === 'file'),
  ];
}

/** An R argument's name, when it is given as `name = value`. */
const argName = (arg: readonly Token[]) =>
  arg[0]?.kind === 'ident' && arg[1]?.text === '=' && arg[2]?.text !== '=' ? arg[0].text : undefined;

/**
 * system2(command, args, …) as the one command line R pastes together: `command` and the strings of
 * `args` (positional or named, one string or `c(…)`), joined by spaces. Not all literal: a command built
 * at run time (the first argument left as a name).
 */
function rSystem2(call: Call): Call {
  const positional = call.args.filter((a) => argName(a) === undefined);
  const named = (key: string) => call.args.find((a) => argName(a) === key)?.slice(2);
  const command = named('command') ?? positional[0];
  const args = named('args') ?? positional[1];
  const strings = (arg: readonly Token[] | undefined): string[] | undefined => {
    if (!arg) return [];
    if (arg.length === 1) return arg[0]!.kind === 'string' && !arg[0]!.dynamic ? [arg[0]!.text] : undefined;
    if (arg[0]?.text !== 'c' || arg[1]?.text !== '(' || arg.at(-1)?.text !== ')') return undefined;
    const items = splitArgs(arg.slice(2, -1)).map((item) => strings(item));
    return items.every((i) => i !== undefined) ? items.flat() : undefined;
  };
  const words = [strings(command), strings(args)];
  const first = command?.[0] ?? {
    kind: 'ident',
    text: 'command',
    dynamic: false,
    newline: false,
    start: 0,
    end: 0,
  };
  if (!command || words.some((w) => w === undefined) || words[0]!.length !== 1)
    return { ...call, args: [[{ ...first, kind: 'ident' }]] };
  return { ...call, args: [[{ ...first, kind: 'string', dynamic: false, text: words.flat().join(' ') }]] };
}

export const FINDERS: Record<Lang, (tokens: Token[]) => Found[]> = {
  python: pythonCalls,
  js: jsCalls,
  perl: perlCalls,
  ruby: rubyCalls,
  php: phpCalls,
  lua: luaCalls,
  r: rCalls,
  cstyle: (tokens) => moreCalls(tokens, 'cstyle'),
  elixir: (tokens) => moreCalls(tokens, 'elixir'),
  erlang: (tokens) => moreCalls(tokens, 'erlang'),
  julia: (tokens) => moreCalls(tokens, 'julia'),
  haskell: (tokens) => moreCalls(tokens, 'haskell'),
  raku: (tokens) => moreCalls(tokens, 'raku'),
  lisp: (tokens) => moreCalls(tokens, 'lisp'),
};
