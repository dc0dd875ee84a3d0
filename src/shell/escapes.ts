import type { SimpleCommand } from './extract.js';
import { cmdCommands, cmdLine } from './cmd-exe.js';
import { parseOptions } from './options.js';
import { expectCommands } from './expect.js';
import { gitCommandOptions } from './git-command-options.js';
import { submoduleForeach } from './git-submodule.js';
import { scriptOrUnverifiable } from './inner-script.js';
import { powershellCommands, powershellScript, typedAsPowerShell } from './powershell.js';
import { parseSedScript, sedMayHide, sedRun } from './sed-script.js';
import type { Inner, Peeled } from './wrappers.js';
import type { Word } from './words.js';

// Programs that run a shell command handed to them in an option or as keystrokes, the way an editor, a
// debugger or an archiver lets you out to the shell: `vim -es -c '!rm -rf ~' -c q`, `git -c
// core.pager='rm -rf ~' log`, `tar --checkpoint-action=exec='rm -rf ~'`, `gdb -ex 'shell rm -rf ~'`,
// `tmux new -d 'rm -rf ~'`, `screen -dm bash -c '…'`, `osascript -e 'do shell script "…"'`. Each was allowed:
// the command was an option's value.
// What they run is assessed as the shell would run it; the program itself is still analyzed.

const script = (text: string, via: string): Inner => ({ kind: 'script', text, via });

/** An ex command that runs the shell: `!cmd`, `:silent !cmd`, `r !cmd`, `w !cmd`. */
function exShell(command: string): string | undefined {
  const m = /^[:\s]*(?:silent!?\s*|(?:r|read|w|write)\s*)?!(.*)$/s.exec(command);
  return m ? m[1] : undefined;
}

/** vim, nvim, ex, view: `-c CMD`, `--cmd CMD` and `+CMD` run ex commands at start-up. */
function editorShell(args: readonly Word[], via: string): Inner[] {
  const commands: Word[] = [];
  args.forEach((w, i) => {
    // `-c CMD`, and `-c` at the end of a cluster of flags (`ex -sc '!…'`, `vim -Nesc …`).
    if ((/^-[a-zA-Z]*c$/.test(w.value) || w.value === '--cmd') && args[i + 1]) commands.push(args[i + 1]!);
    else if (w.value.startsWith('+') && w.value.length > 1) commands.push({ ...w, value: w.value.slice(1) });
  });
  return commands.flatMap((w): Inner[] => {
    if (w.dynamic)
      return [
        { kind: 'unverifiable', reason: `${via} runs an editor command built at run time`, target: w.value },
      ];
    const shell = exShell(w.value);
    if (shell !== undefined) return [script(shell, via)];
    // `:call system('…')`, `:exe '!…'`: vim script that runs programs, not read here.
    return /\b(system|systemlist|jobstart|termopen)\s*\(|\bexe(c(ute)?)?\b/.test(w.value)
      ? [{ kind: 'unverifiable', reason: `${via} runs vim script that starts programs`, target: w.value }]
      : [];
  });
}

/**
 * git settings that make git run a program: a pager, an editor, an alias, a filter, a hooks directory… The
 * value is a command line git runs through the shell, except `core.hooksPath`, which names the directory
 * whose hooks git runs.
 */
const GIT_RUNS =
  /^(core\.(hookspath|pager|editor|sshcommand|askpass|fsmonitor)|sequence\.editor|diff\.external|gpg\.program|credential\.helper|alias\..+|.*\.(textconv|clean|smudge|process|command|cmd))$/i;

/** git's own options that take the next word as their value. */
const GIT_VALUE = new Set([
  '-C',
  '--git-dir',
  '--work-tree',
  '--namespace',
  '--super-prefix',
  '--config-env',
  '--exec-path',
  '--list-cmds',
]);

/** `git -c KEY=VALUE …`: a setting for this one run; the program it names runs with it. */
function gitSettings(args: readonly Word[]): Inner[] {
  const inner: Inner[] = [];
  for (let i = 0; i < args.length; i++) {
    const w = args[i]!;
    if (!w.value.startsWith('-')) break; // the subcommand: git's own options end
    if (w.value !== '-c') {
      if (GIT_VALUE.has(w.value)) i++;
      continue;
    }
    const setting = args[++i];
    if (!setting) break;
    const at = setting.value.indexOf('=');
    const key = setting.value.slice(0, at);
    const value = setting.value.slice(at + 1);
    if (at < 0 || !GIT_RUNS.test(key)) continue;
    // core.hooksPath names a directory, judged by the git analyzer (git/hooks-path.ts), which knows the tree.
    if (/^core\.hookspath$/i.test(key)) continue;
    if (/^(true|false|yes|no|on|off|0|1)$/i.test(value)) continue;
    if (/^alias\./i.test(key) && !value.startsWith('!')) continue;
    inner.push(
      setting.dynamic
        ? {
            kind: 'unverifiable',
            reason: `git -c ${key} runs a command built at run time`,
            target: setting.value,
          }
        : script(value.replace(/^!/, ''), `git -c ${key}`),
    );
  }
  return inner;
}

/** tar options whose value is a command tar runs. */
const TAR_COMMANDS = /^--(to-command|use-compress-program|info-script|new-volume-script|rsh-command)=(.*)$/s;

function tarCommands(args: readonly Word[]): Inner[] {
  const inner: Inner[] = [];
  args.forEach((w, i) => {
    const next = args[i + 1];
    const valued = TAR_COMMANDS.exec(w.value);
    const action = /^--checkpoint-action=exec=(.*)$/s.exec(w.value);
    if (valued) inner.push(script(valued[2]!, `tar --${valued[1]}`));
    else if (action) inner.push(script(action[1]!, 'tar --checkpoint-action'));
    else if (w.value === '--checkpoint-action' && next?.value.startsWith('exec='))
      inner.push(script(next.value.slice(5), 'tar --checkpoint-action'));
    else if (
      /^(-I|-F|--to-command|--use-compress-program|--info-script|--new-volume-script|--rsh-command)$/.test(
        w.value,
      ) &&
      next
    )
      inner.push(script(next.value, `tar ${w.value}`));
    else if (/^-[IF]./.test(w.value)) inner.push(script(w.value.slice(2), `tar ${w.value.slice(0, 2)}`));
  });
  return inner;
}

/** gdb's `-ex 'shell CMD'`, `-ex '!CMD'` (also -iex, --eval-command=…). */
export function gdbShell(args: readonly Word[]): Inner[] {
  const commands = args.flatMap((w, i) => {
    if ((w.value === '-ex' || w.value === '-iex' || w.value === '--eval-command') && args[i + 1])
      return [args[i + 1]!.value];
    const eq = /^--eval-command=(.*)$/s.exec(w.value);
    return eq ? [eq[1]!] : [];
  });
  const pid = attachedPid(args);
  return commands.flatMap((c) => {
    const m = /^\s*(?:shell\s+|!)(.*)$/s.exec(c);
    if (m) return [script(m[1]!, 'gdb -ex shell')];
    // Attached to a running process, `kill` (or a fatal signal, or `call exit(…)`) ends it: as `kill -9 PID`.
    if (pid && GDB_KILLS.test(c)) return [script(`kill -9 ${pid}`, 'gdb -ex kill')];
    return [];
  });
}

/** gdb commands that end the process it is attached to. */
const GDB_KILLS =
  /^\s*(?:k|kill(?:\s+inferiors?\b.*)?|signal\s+(?:SIG)?(?:KILL|TERM|ABRT|SEGV|QUIT|INT|9|15|6|11)|queue-signal\s+(?:SIG)?(?:KILL|TERM|9|15)|call\s+\(?\s*(?:void\s*\)\s*)?(?:exit|_exit|abort|raise|kill)\s*\(.*)\s*$/i;

/** The process gdb attaches to: `-p PID`, `--pid PID`, `--pid=PID`, `-pPID`. */
function attachedPid(args: readonly Word[]): string | undefined {
  for (let i = 0; i < args.length; i++) {
    const v = args[i]!.value;
    if (['-p', '-pid', '--pid'].includes(v) && args[i + 1]) return args[i + 1]!.value;
    const joinedPid = /^(?:--?pid=|-p(?=[\d$"']))(.+)$/.exec(v);
    if (joinedPid) return joinedPid[1];
  }
  return undefined;
}

/** tmux key names that `send-keys` turns into keystrokes rather than text. */
const TMUX_KEYS = /^(Enter|C-m|C-j|KPEnter|Escape|Space|Tab|BSpace|C-[a-z]|M-[a-z])$/;

/** `tmux new[-session|-window] … 'CMD'`, `split-window 'CMD'`, `run-shell 'CMD'`, `send-keys 'CMD' Enter`. */
function tmuxCommands(args: readonly Word[]): Inner[] {
  const parsed = parseOptions(args, { withValue: ['-L', '-S', '-f', '-T'], stopAtFirstPositional: true });
  const [sub, ...rest] = parsed.positionals;
  if (!sub) return [];
  // `-l` is a size for split-window and a flag (literal keys) for send-keys.
  const keys = /^(send-keys|send)$/.test(sub.value);
  const own = parseOptions(rest, {
    withValue: keys ? ['-t', '-N'] : ['-t', '-s', '-n', '-c', '-e', '-F', '-x', '-y', '-l', '-p', '-N'],
  });
  const words = own.positionals;
  if (/^(new|new-session|new-window|neww|split-window|splitw|respawn-pane|run-shell|run)$/.test(sub.value))
    return words.length ? [joined(words, `tmux ${sub.value}`)] : [];
  if (/^(send-keys|send)$/.test(sub.value) && !own.options.has('-X')) {
    const typed = words.filter((w) => !TMUX_KEYS.test(w.value));
    return typed.length ? [joined(typed, 'tmux send-keys')] : [];
  }
  return [];
}

/** `screen [-dmS name] CMD ARGS` runs CMD; `screen -X stuff 'TEXT'` types TEXT into the session. */
function screenCommands(args: readonly Word[]): Inner[] {
  const parsed = parseOptions(args, {
    withValue: ['-S', '-c', '-e', '-h', '-p', '-t', '-T', '-s', '-L', '-Logfile'],
    stopAtFirstPositional: true,
  });
  const words = parsed.positionals;
  if (parsed.options.has('-X'))
    return words[0]?.value === 'stuff' && words.length > 1 ? [joined(words.slice(1), 'screen -X stuff')] : [];
  return words.length ? [{ kind: 'argv', argv: [...words] }] : [];
}

/** Keys typed into a terminal, as one command line: a typed `\n` at the end is the Enter key. */
function joined(words: readonly Word[], via: string): Inner {
  const last = words[words.length - 1]!;
  const typed = [...words.slice(0, -1), { ...last, value: last.value.replace(/\\n$/, '') }];
  return scriptOrUnverifiable(typed, via);
}

/**
 * AppleScript's `do shell script "…"` (osascript -e): the string is a command line for sh. One written as a
 * single string literal is assessed; one put together (`"rm " & x`) cannot be read.
 */
function appleScriptShell(args: readonly Word[]): Inner[] {
  const code = args.flatMap((w, i) => (w.value === '-e' && args[i + 1] ? [args[i + 1]!] : []));
  return code.flatMap((w): Inner[] => {
    const calls = [...w.value.matchAll(/do\s+shell\s+script\s+("(?:[^"\\]|\\.)*")(\s*&)?/gi)];
    if (!calls.length) return [];
    return calls.map((m): Inner =>
      w.dynamic || m[2]
        ? {
            kind: 'unverifiable',
            reason: 'osascript runs a shell command put together at run time',
            target: w.value,
          }
        : script(m[1]!.slice(1, -1).replace(/\\(["\\])/g, '$1'), 'osascript do shell script'),
    );
  });
}

/** `zip -T -TT CMD` (`--unzip-command`): zip runs CMD, the archive's name appended, to test it. */
function zipCommands(args: readonly Word[]): Inner[] {
  return args.flatMap((w, i): Inner[] => {
    const next = args[i + 1];
    if ((w.value === '-TT' || w.value === '--unzip-command') && next)
      return [scriptOrUnverifiable([next], `zip ${w.value}`)];
    const joined = /^--unzip-command=(.+)$/s.exec(w.value);
    return joined ? [scriptOrUnverifiable([{ ...w, value: joined[1]! }], 'zip --unzip-command')] : [];
  });
}

/** `rsync -e CMD` (`--rsh=CMD`, `-avze CMD`): rsync runs CMD as its remote shell, on this machine. */
function rsyncShell(args: readonly Word[]): Inner[] {
  return args.flatMap((w, i): Inner[] => {
    const next = args[i + 1];
    if ((/^-[a-zA-Z]*e$/.test(w.value) || w.value === '--rsh') && next)
      return [scriptOrUnverifiable([next], 'rsync -e')];
    const joined = /^--rsh=(.+)$/s.exec(w.value);
    return joined ? [scriptOrUnverifiable([{ ...w, value: joined[1]! }], 'rsync --rsh')] : [];
  });
}

/** `scp -S PROGRAM` (`-rS PROGRAM`, `-SPROGRAM`): scp runs PROGRAM in place of ssh, on this machine, as rsync -e. */
function scpProgram(args: readonly Word[]): Inner[] {
  return args.flatMap((w, i): Inner[] => {
    const m = /^-[346ABCTdpqRrstv]*S(.*)$/s.exec(w.value);
    const program = m && (m[1] ? { ...w, value: m[1] } : args[i + 1]);
    return program ? [scriptOrUnverifiable([program], 'scp -S')] : [];
  });
}

/**
 * `make --eval=TEXT` (`-E TEXT`): TEXT is read as part of the makefile; a rule with a recipe in it
 * (`all:;rm -rf ~`) runs that recipe, which is not read here. Variables alone (`--eval=X=1`) pass.
 */
function makeEval(args: readonly Word[]): Inner[] {
  return args.flatMap((w, i): Inner[] => {
    const text =
      w.value === '--eval' || w.value === '-E' ? args[i + 1]?.value : /^--eval=(.*)$/s.exec(w.value)?.[1];
    if (text === undefined || !/:[^=]*(;|\n\t)/.test(text)) return [];
    return [
      {
        kind: 'unverifiable',
        reason: 'make --eval defines a rule whose recipe is not read here',
        target: text,
      },
    ];
  });
}

/** `less '+!CMD'` (`++!CMD`): an initial command that is less's shell escape, run as the file opens. */
function lessCommands(args: readonly Word[]): Inner[] {
  return args.flatMap((w): Inner[] => {
    const escape = /^\+\+?!(.+)$/s.exec(w.value);
    return escape ? [scriptOrUnverifiable([{ ...w, value: escape[1]! }], 'less +!')] : [];
  });
}

/** `man -P CMD`, `man --pager=CMD`: man runs CMD through the shell to show the page. */
function manPager(args: readonly Word[]): Inner[] {
  return args.flatMap((w, i): Inner[] => {
    const next = args[i + 1];
    if ((w.value === '-P' || w.value === '--pager') && next)
      return [scriptOrUnverifiable([next], `man ${w.value}`)];
    const joined = /^(?:-P|--pager=)(.+)$/s.exec(w.value);
    return joined ? [scriptOrUnverifiable([{ ...w, value: joined[1]! }], 'man -P')] : [];
  });
}

/**
 * sed's `e COMMAND` (GNU): COMMAND runs through the shell; `e` alone and `s///e` run the edited text itself,
 * which is known only at run time (the replacement, when the pattern takes the whole line and keeps
 * nothing of it). `--sandbox` makes sed refuse them. A script sed would refuse runs nothing.
 */
function sedCommands(args: readonly Word[]): Inner[] {
  const run = sedRun(args);
  if (run.sandboxed) return [];
  return run.scripts.flatMap((w): Inner[] => {
    const parsed = parseSedScript(w.value);
    const runs = [...parsed.shellCommands, ...parsed.replacementCommands];
    if (w.dynamic && (runs.length || parsed.runsItsInput || !parsed.understood))
      return [{ kind: 'unverifiable', reason: 'sed runs a script built at run time', target: w.value }];
    if (sedMayHide(w.value, parsed))
      return [
        { kind: 'unverifiable', reason: 'sed runs a script this reading does not follow', target: w.value },
      ];
    return [
      ...runs.map((text) => script(text, 'sed e')),
      ...(parsed.runsItsInput
        ? [
            {
              kind: 'unverifiable' as const,
              reason: 'sed runs the lines it edits as shell commands (`e`)',
              target: w.value,
            },
          ]
        : []),
    ];
  });
}

/** cmd's own commands that no POSIX system has: typed, they are cmd's (a Windows agent's shell). */
const CMD_BUILTINS = /^(del|erase|rd)$/;

/**
 * Windows' own tools (`icacls C:\ /grant Everyone:F /t`, `taskkill /f /im sqlservr.exe`): typed with a
 * backslash, a parenthesis or a `%VAR%` outside quotes, the line is cmd's or PowerShell's (both read those
 * words alike); bash would take `C:\ /grant` for one word and `(OI)` for a subshell.
 */
const WINDOWS_TOOLS =
  /^(icacls|cacls|takeown|vssadmin|wbadmin|wevtutil|bcdedit|diskpart|cipher|schtasks|taskkill|wmic|netsh|reg|sc|net|net1|format)$/;
const WINDOWS_WORDS = /[\\()]|%\w+%/;

/** The line without its quoted parts: inside quotes, bash keeps backslashes and parentheses as cmd does. */
const unquoted = (line: string): string => line.replace(/'[^']*'|"(?:[^"\\]|\\.)*"/g, '');

/** Whether `inner` is one command of exactly `argv`'s words. */
function sameWords(inner: readonly Inner[], argv: readonly Word[]): boolean {
  const [only] = inner;
  return (
    inner.length === 1 &&
    only!.kind === 'argv' &&
    only!.argv.length === argv.length &&
    only!.argv.every((w, i) => w.value === argv[i]!.value)
  );
}

/** What the program runs through the shell on the agent's behalf, if it is one of these; undefined otherwise. */
export function peelEscapes(cmd: SimpleCommand, name: string): Peeled | undefined {
  const args = cmd.argv.slice(1);
  let inner: Inner[] = [];
  let analyzeSelf = true;
  // A line another shell's syntax, as typed: its own text (bash took `C:\Users` for escapes), when the
  // program is its first word and is named bare, not a path (`./bin/reset-cluster` is a file here).
  const program = cmd.argv[0]?.value ?? '';
  const typed = !program.includes('/') && cmd.text.startsWith(program) ? cmd.text : undefined;
  if (/^(vim|vi|nvim|ex|view|gvim|vimdiff|nvi|rvim)$/.test(name)) inner = editorShell(args, name);
  else if (name === 'git')
    inner = [...gitSettings(args), ...submoduleForeach(args), ...gitCommandOptions(args)];
  else if (/^(tar|gtar|bsdtar)$/.test(name)) inner = tarCommands(args);
  else if (name === 'osascript') inner = appleScriptShell(args);
  else if (name === 'man') inner = manPager(args);
  else if (name === 'zip') inner = zipCommands(args);
  else if (name === 'less') inner = lessCommands(args);
  else if (name === 'rsync') inner = rsyncShell(args);
  else if (name === 'scp') inner = scpProgram(args);
  else if (name === 'make' || name === 'gmake') inner = makeEval(args);
  else if (name === 'sed' || name === 'gsed') inner = sedCommands(args);
  else if (name === 'expect') inner = expectCommands(args);
  else if (name === 'pwsh' || name === 'powershell') {
    inner = powershellCommands(args, name);
    analyzeSelf = false;
  } else if (name === 'cmd') {
    inner = cmdCommands(args);
    analyzeSelf = false;
  } else if (typed && typedAsPowerShell(program, args, typed)) {
    // The agent's shell is PowerShell (Codex on Windows): the line is PowerShell's, read from its own text.
    inner = powershellScript(typed);
    analyzeSelf = false;
  } else if (
    typed &&
    (CMD_BUILTINS.test(name) || (name === 'rmdir' && args.some((a) => /^\/[sq]$/i.test(a.value))))
  ) {
    // …or cmd: `del /s /q C:\build\*`, `rd /s /q C:\x` (`rmdir DIR` alone is the POSIX one).
    inner = cmdLine(typed);
    analyzeSelf = false;
  } else if (typed && WINDOWS_TOOLS.test(name) && WINDOWS_WORDS.test(unquoted(typed))) {
    // The tool's words as cmd reads them; once they are (the line read again), it is analyzed as it is.
    const asCmd = cmdLine(typed);
    if (!sameWords(asCmd, cmd.argv)) {
      inner = asCmd;
      analyzeSelf = false;
    }
  } else if (name === 'tmux' || name === 'screen') {
    inner = name === 'tmux' ? tmuxCommands(args) : screenCommands(args);
    analyzeSelf = false;
  }
  return inner.length ? { inner, analyzeSelf } : undefined;
}
