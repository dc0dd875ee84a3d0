import { posix } from 'node:path';
import type { Analyzer, Invocation } from '../analyzers/analyzer.js';
import { extractCommands, type Redirect, type SimpleCommand } from '../shell/extract.js';
import type { ShellParser } from '../shell/syntax.js';
import { parseOnce } from '../shell/parse-once.js';
import {
  commandName,
  peelWrapper,
  scriptFileRun,
  shebangCommand,
  shebangShell,
  type Inner,
} from '../shell/wrappers.js';
import { quoteWord, type Word } from '../shell/words.js';
import { sshOptionCommands, variableCommands, withoutCommandVariables } from '../shell/command-variables.js';
import { definedFunctions, selfSpawningFunctions } from '../shell/functions.js';
import { placeEffect, type Placement } from '../core/place.js';
import { summarize } from '../core/summarize.js';
import { withFields } from '../core/with-fields.js';
import { interpreterProgramFile } from '../analyzers/interpreters.js';
import { resolvePath } from '../analyzers/paths.js';
import { redirectEffects } from '../analyzers/redirects.js';
import { historySettings } from '../analyzers/host-admin/shell-history.js';
import { afterDirectoryChange } from './directory-changes.js';
import { StoredContexts } from './stored-contexts.js';
import { exfiltrationEffects } from './exfiltration.js';
import { joinedContinuations } from '../shell/line-continuations.js';
import { InputCollector, type ShellInputs } from './inputs.js';
import { harmlessVariable, readOnlyProgram } from './read-only-programs.js';
import { onlyReads } from '../core/read-only.js';
import { projectCodeRun } from './project-code.js';
import { unrecognisedDestroyer } from './unrecognised-destroyer.js';
import { unverifiableInProduction } from './unverifiable-in-production.js';
import {
  isTaskRunner,
  STDIN,
  TASK_READERS,
  taskRequest,
  type Recipe,
  type TaskRequest,
} from './tasks/index.js';
import {
  type ActionFacts,
  type Assessment,
  type Effect,
  type EnvironmentHint,
  type PlacedEffect,
  riskRank,
} from '../core/types.js';
import { InputError } from '../core/errors.js';

export interface AssessOptions {
  parser: ShellParser;
  /** Analyzers by program name; a program may be understood by several (python: interpreters, frameworks). */
  analyzers: ReadonlyMap<string, readonly Analyzer[]>;
  placement: Placement;
}

export interface ShellAssessment extends Assessment {
  effects: PlacedEffect[];
  /** Every command was recognised and only reads (see PlacedAssessment). */
  readOnly: boolean;
  /** Every simple command found, after peeling wrappers, for `explain`. */
  commands: string[];
  /** The files the commands may read on this machine: the approval digest binds their content. */
  inputs: ShellInputs;
}

/** Control characters other than tab, newline and carriage return do not occur in commands people write. */
function hasBinaryData(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 32 && code !== 9 && code !== 10 && code !== 13 && code !== 27) return true;
  }
  return false;
}

const MAX_DEPTH = 12;
/** Interpreters whose program files are read (see analyzers/interpreters.ts). */
const READ_INTERPRETERS = /^(python[23]?(\.\d+)?|pypy3?|node|nodejs|deno|bun|ts-node|tsx|perl|ruby|php)$/;
/** A program named by a file name pattern: file-name characters only (not `[`, `[[` or PowerShell's `[Math]::Round(…)`). */
const GLOB_PROGRAM = /^[\w./~*?[\]+-]*[*?\]][\w./~*?[\]+-]*$/;

/** Script files running script files: deeper than this is unverifiable. */
const MAX_SCRIPT_DEPTH = 8;

/** An effect found, with what found it and, inside script files, where (`deploy.sh:3`, `wipe.sh:4`). */
interface Found {
  effect: Effect;
  local: boolean;
  analyzer?: Analyzer;
  inv?: Invocation;
  origin?: string[];
  /** A script file that could not be read (kept at its risk inside other scripts). */
  fileUnread?: true;
  /** Found on a command with a word only the run can tell (`bash -c "$CMD"`, `$(…)` as the program). */
  runTimeWords?: true;
}

/** Whether a command has a word, or stdin text, only the run can tell. */
const hasRunTimeWord = (argv: readonly Word[], cmd: SimpleCommand): boolean =>
  argv.some((w) => w.dynamic) ||
  cmd.stdinText?.dynamic === true ||
  (cmd.stdinFrom?.argv.some((w) => w.dynamic) ?? false);

/**
 * An effect whose program or target only the run can tell (`$(…)` as a program, `rm -f "$tmp"`). What a
 * literal command runs unseen (`curl … | bash`, `COPY … TO PROGRAM 'curl …'`) is known for certain: not this.
 */
const computedAtRunTime = ({ effect, runTimeWords }: Found) =>
  (effect.operation === 'execute-unverifiable' && (runTimeWords === true || effect.target.includes('$'))) ||
  (effect.target.includes('$') && riskRank(effect.risk) <= riskRank('medium'));

interface Context {
  hints: EnvironmentHint[];
  remote: boolean;
  elevated: boolean;
  assignments: Record<string, Word>;
  depth: number;
  /** The directory commands run in: the agent's, until a `cd`, `pushd` or `popd` in the script changes it. */
  cwd: string;
  /** Where `cd -` goes back to, and pushd's stack (directory-changes.ts). */
  previousCwd: string | undefined;
  dirStack: readonly string[];
  /** The script files being assessed, outermost first (real paths as resolved): a cycle is not followed. */
  scripts: string[];
  /** Aliases the command defined (`alias x='rm -rf /'`), by name: a later `x` runs their text. */
  aliases: Map<string, string>;
  /** What earlier commands selected in their CLIs' configuration (`kubectl config use-context prod`). */
  stored: StoredContexts;
}

/** `alias NAME=TEXT…`: remember each definition (a name with neither quotes, `/`, `$` nor `=`). */
function recordAliases(argv: readonly Word[], aliases: Map<string, string>): void {
  for (const w of argv.slice(1)) {
    const m = /^([^\s=/$`'"]+)=(.*)$/s.exec(w.value);
    if (m && !w.dynamic) aliases.set(m[1]!, m[2]!);
  }
}

function unverifiable(reason: string, target: string, hints: EnvironmentHint[] = []): Effect {
  return {
    operation: 'execute-unverifiable',
    tool: 'shell',
    target: truncate(target),
    reversible: false,
    risk: 'high',
    reason,
    hints,
  };
}

/** Whether an effect changes a file's bytes (`chmod +x x.sh && ./x.sh` runs the same bytes). */
const writesContent = (effect: Effect) =>
  ['create', 'modify', 'replace'].includes(effect.operation) && !PERMISSION_TOOLS.has(effect.tool);
const PERMISSION_TOOLS = new Set(['chmod', 'chown', 'chgrp', 'touch']);

/** Whether `path` is `dir` or lies under it. */
const isWithin = (path: string, dir: string) =>
  path === dir || path.startsWith(dir.endsWith('/') ? dir : `${dir}/`);

/** The directory `path` lies in that an earlier command of the line fills with names it learns as it runs. */
function filledBefore(found: readonly Found[], path: string): Effect | undefined {
  return found.find(
    ({ effect }) => effect.namesAtRunTime && writesContent(effect) && isWithin(path, effect.target),
  )?.effect;
}

/**
 * How what is at `path` is written by an earlier command of the line (`is written by this command`): the file
 * itself, or a directory it fills with files it names at run time (`git clone URL && ./tool/install.sh`).
 */
function writtenBefore(found: readonly Found[], path: string): string | undefined {
  if (found.some(({ effect }) => effect.target === path && writesContent(effect)))
    return 'is written by this command';
  const filled = filledBefore(found, path);
  return filled && `lies under ${filled.target}, where ${filled.tool} writes files it names at run time,`;
}

function truncate(text: string, max = 200): string {
  return text.length > max ? `${text.slice(0, max)}…` : text;
}

/** Parse → find every command → peel wrappers → ask each family's analyzer → place each effect. */
export function assessShell(command: string, facts: ActionFacts, options: AssessOptions): ShellAssessment {
  if (command.trim() === '')
    throw new InputError('the command is empty: pass the shell command to check after `--`');
  const effects: Found[] = [];
  const commands: string[] = [];
  /** Commands not known to only read (an unrecognised program, a wrapper with nothing inside). */
  const unknown: string[] = [];
  const inputs = new InputCollector();
  /** Functions the command defines: calling one runs its body, assessed where it is written. */
  const functions = new Set<string>();
  const parser = parseOnce(options.parser);

  if (hasBinaryData(command)) {
    effects.push({
      effect: unverifiable('the command contains binary data that a shell would not run as written', command),
      local: false,
    });
  }

  const lookupFor = (assignments: Record<string, Word>, stored?: StoredContexts) => (name: string) => {
    const own = stored?.overriding[name] ?? assignments[name];
    if (own) return own.dynamic ? undefined : own.value;
    if (name === 'HOME') return facts.home;
    if (name === 'PWD') return facts.cwd;
    // A variable actually set wins over what a tool keeps in its configuration.
    const kept = stored?.variables[name];
    return facts.env[name] ?? (kept && !kept.dynamic ? kept.value : undefined);
  };
  /** The facts a command sees: its directory, and the contexts earlier commands of the line selected. */
  const factsIn = (ctx: Context) => ctx.stored.facts(facts, ctx.cwd);

  /** Inside a script file (`file`, as the command named it), each effect says on which line it was found. */
  const runScript = (text: string, ctx: Context, file?: string) => {
    const start = effects.length;
    runScriptText(text, ctx, file);
    if (file) for (const found of effects.slice(start)) if (!found.origin) found.origin = [file];
  };

  const runScriptText = (text: string, ctx: Context, file?: string) => {
    if (ctx.depth > MAX_DEPTH) {
      effects.push({
        effect: unverifiable('wrappers nested too deeply to follow', text, ctx.hints),
        local: !ctx.remote,
      });
      return;
    }
    const tree = parser.parse(text);
    const script = extractCommands(tree.rootNode, lookupFor(ctx.assignments));
    const defined = definedFunctions(tree.rootNode);
    for (const name of defined) functions.add(name);
    // A second walk only for the rare script that defines a function.
    if (defined.length)
      for (const bomb of selfSpawningFunctions(tree.rootNode))
        effects.push({
          effect: {
            operation: 'modify',
            tool: 'shell',
            target: ctx.remote ? 'the remote machine' : 'this machine',
            reversible: true,
            risk: 'high',
            reason: `the function ${bomb} starts copies of itself without end (a fork bomb): the machine runs out of processes`,
            hints: ctx.hints,
          },
          local: !ctx.remote,
        });
    if (script.syntaxErrors.length) {
      effects.push({
        effect: unverifiable(
          `the shell cannot parse it (${script.syntaxErrors[0]}), so what it runs cannot be verified`,
          text,
          // Nothing reliable was parsed, so any name in the text may say where it lands.
          [...ctx.hints, { source: 'unparsed command text', value: text.slice(0, 4096), weak: true }],
        ),
        local: !ctx.remote,
      });
    }
    // `cd dir && terraform destroy`: later commands of this script run in dir. (Followed in source
    // order; a cd inside a subshell is treated the same, which only ever moves the guess closer.)
    const scriptCtx: Context = { ...ctx };
    // `export PAGER=…`, `PATH=./bin:$PATH`: the programs that follow may run something else.
    for (const name of script.assignedNames)
      if (!harmlessVariable(name)) unknown.push(`${name}=… (a variable the programs it runs may read)`);
    for (const redirect of script.redirects) addRedirect(redirect, scriptCtx);
    // `unset HISTFILE`, `HISTSIZE=0`: the shell's own settings, which no command carries.
    for (const effect of historySettings(script.settings))
      effects.push({ effect: withFields(effect, { hints: [...ctx.hints] }), local: !ctx.remote });
    if (!ctx.remote) {
      const where = { cwd: ctx.cwd, home: facts.home, env: lookupFor(ctx.assignments) };
      for (const value of script.assigned) inputs.assigned(value, where);
      for (const redirect of script.redirects) inputs.redirect(redirect, where);
    }
    for (const cmd of script.commands) {
      const before = effects.length;
      runCommand(cmd, cmd.argv, scriptCtx);
      if (!file) continue;
      const at = cmd.line === undefined ? file : `${file}:${cmd.line}`;
      for (const found of effects.slice(before)) found.origin = [at, ...(found.origin ?? [])];
    }
  };

  const addRedirect = (redirect: Redirect, ctx: Context) => {
    for (const effect of redirectEffects(redirect, facts, ctx.remote)) {
      effects.push({ effect: withFields(effect, { hints: [...ctx.hints] }), local: !ctx.remote });
    }
  };

  const runInner = (inner: Inner, cmd: SimpleCommand, ctx: Context, wrapper: string) => {
    const hints = [...ctx.hints, ...(inner.hints ?? [])];
    // The edge's current context is this machine's: `ssh bastion kubectl exec …` uses the bastion's.
    const kubeContext = ctx.remote ? undefined : factsIn(ctx).kubeContext;
    if (inner.kind === 'argv' && inner.inKubeContext && kubeContext) {
      hints.push({ source: 'kube context', value: kubeContext });
    }
    const remote = ctx.remote || inner.remote === true;
    // Variables set here do not travel to another machine (`PATH=… ssh host tail`): only the inner ones.
    const leaves = remote && !ctx.remote;
    if (inner.kind === 'unverifiable') {
      effects.push({
        effect: unverifiable(inner.reason, inner.target, hints),
        local: !remote,
        ...(hasRunTimeWord(cmd.argv, cmd) ? { runTimeWords: true as const } : {}),
      });
    } else if (inner.kind === 'script') {
      // A script given to another shell starts with a fresh set of variables, except those exported to it.
      const assignments = leaves ? {} : ctx.assignments;
      const stored = leaves ? new StoredContexts() : ctx.stored;
      runScript(inner.text, { ...ctx, hints, remote, assignments, depth: ctx.depth + 1, stored });
    } else {
      const next: Context = {
        hints,
        remote,
        elevated: ctx.elevated || inner.elevated === true,
        assignments: { ...(leaves ? {} : ctx.assignments), ...(inner.assignments ?? {}) },
        depth: ctx.depth + 1,
        cwd: ctx.cwd,
        previousCwd: ctx.previousCwd,
        dirStack: ctx.dirStack,
        scripts: ctx.scripts,
        aliases: ctx.aliases,
        // Another machine's CLIs keep their own configuration.
        stored: leaves ? new StoredContexts() : ctx.stored,
      };
      // The inner command reads the wrapper's stdin (`echo 'DROP…' | sudo -u postgres psql`), except under
      // xargs and find, which use stdin or their own arguments. Output redirections were placed already.
      const keepsStdin = wrapper !== 'xargs' && wrapper !== 'find';
      const inputs = cmd.redirects.filter((r) => r.operator === '<');
      const outer = leaves ? { ...cmd, assignments: {} } : cmd;
      const start = effects.length;
      runCommand(
        keepsStdin
          ? { ...outer, redirects: inputs }
          : { ...outer, stdinFrom: undefined, stdinText: undefined, redirects: [] },
        inner.argv,
        next,
      );
      if (inner.contained) keptInContainer(start, hints);
    }
  };

  /**
   * `docker run --rm alpine rm -rf /`: a container with nothing of this machine mounted in it has files of
   * its own, made fresh from its image; what the command does to them stays there. Only effects on its
   * paths, placed by the container alone (not a further ssh inside it), are lowered.
   */
  const keptInContainer = (start: number, hints: readonly EnvironmentHint[]) => {
    for (const found of effects.slice(start)) {
      const { effect } = found;
      // A file of the container, named by its absolute path: not a bucket, a key store or a database.
      const onPath = effect.category === 'file' && effect.target.startsWith('/');
      if (!onPath || !(effect.hints ?? []).every((h) => hints.includes(h))) continue;
      if (effect.operation === 'execute-unverifiable' || riskRank(effect.risk) <= riskRank('low')) continue;
      found.effect = {
        ...effect,
        risk: 'low',
        reason: `${effect.reason}; inside a fresh container with nothing of this machine mounted: its own files`,
      };
    }
  };

  const runCommand = (cmd: SimpleCommand, argv: Word[], ctx: Context) => {
    const program = argv[0];
    if (!program) return;
    if (ctx.depth > MAX_DEPTH) {
      effects.push({
        effect: unverifiable('wrappers nested too deeply to follow', cmd.text, ctx.hints),
        local: !ctx.remote,
      });
      return;
    }
    // The variables the command sees: the script's, and those set on its own line.
    const assignments = { ...ctx.assignments, ...cmd.assignments };
    // What the command reads on this machine (on another one, the paths are not ours to bind).
    if (!ctx.remote) {
      inputs.command(
        argv,
        cmd.assignments,
        cmd.redirects,
        { cwd: ctx.cwd, home: facts.home, env: lookupFor(assignments) },
        program.dynamic ? undefined : commandName(program),
      );
    }
    if (program.dynamic) {
      effects.push({
        effect: unverifiable('the program to run is computed at run time', program.value, ctx.hints),
        local: !ctx.remote,
        runTimeWords: true,
      });
      return;
    }
    // `/bin/r? -rf ~`, `/usr/bin/[r]m`: the shell picks the program among the files the pattern matches.
    if (GLOB_PROGRAM.test(program.value) && /[*?]|\[.+\]/.test(program.value)) {
      effects.push({
        effect: unverifiable(
          'the program to run is a file name pattern, matched at run time',
          program.value,
          ctx.hints,
        ),
        local: !ctx.remote,
        runTimeWords: true,
      });
      return;
    }
    const name = commandName(program);
    if ((name === 'cd' || name === 'pushd' || name === 'popd') && !ctx.remote) {
      const now = { cwd: ctx.cwd, previous: ctx.previousCwd, stack: ctx.dirStack };
      const next = afterDirectoryChange(name, argv.slice(1), now, facts.home);
      ctx.cwd = next.cwd;
      ctx.previousCwd = next.previous;
      ctx.dirStack = next.stack;
    }
    if (name === 'alias') recordAliases(argv, ctx.aliases);
    // `docker context use prod`, `kubectl config use-context prod`: the tool keeps it for every later call
    // (the selection itself is placed where it selects).
    if (!ctx.remote) ctx.stored.follow(name, argv.slice(1), ctx.cwd, assignments);
    const alias = ctx.aliases.get(program.value);
    if (alias !== undefined) {
      // bash expands aliases only with expand_aliases on (interactive shells) and only on lines read after
      // the definition; which shell runs the agent's command is not known, so the alias is expanded. An
      // alias is not expanded again inside its own text (`alias ls='ls -l'`).
      const aliases = new Map([...ctx.aliases].filter(([key]) => key !== program.value));
      const text = [alias, ...argv.slice(1).map(quoteWord)].join(' ');
      runScript(text, { ...ctx, aliases, depth: ctx.depth + 1 });
      return;
    }
    commands.push(argv.map((w) => w.value).join(' '));
    const self: SimpleCommand = { ...cmd, argv };
    // Secrets sent away (`env | nc host 80`, `ssh host 'cat > k' < ~/.ssh/id_rsa`): placed by where they go.
    for (const effect of exfiltrationEffects(
      self,
      ctx.cwd === facts.cwd ? facts : { ...facts, cwd: ctx.cwd },
    ))
      effects.push({
        effect: withFields(effect, { hints: [...ctx.hints, ...(effect.hints ?? [])] }),
        local: false,
      });
    const peeled = peelWrapper(self);
    if (peeled) for (const inner of peeled.inner) runInner(inner, self, ctx, name);
    const held = [
      ...variableCommands({ ...cmd.variablesBefore, ...assignments }),
      ...(name === 'ssh' || name === 'scp' || name === 'sftp'
        ? sshOptionCommands(argv.map((w) => w.value))
        : []),
    ];
    if (held.length) {
      const quiet = { ...ctx, assignments: withoutCommandVariables(ctx.assignments) };
      for (const inner of held) runInner(inner, self, quiet, name);
    }
    const listed = () => readOnlyProgram(program, argv.slice(1), assignments);
    if (peeled && !peeled.analyzeSelf) {
      // A wrapper with nothing inside (`ssh host`, a bare `bash`) runs whatever it is given later.
      if (!peeled.inner.length && !listed()) unknown.push(cmd.text);
      return;
    }
    const scriptRead = !ctx.remote && runScriptFile(self, ctx);
    if (!ctx.remote) programWrittenFirst(name, argv, ctx);
    if (!ctx.remote) projectFetchedFirst(name, argv, ctx);
    // (Without a reader of files only a makefile on stdin, or one this command writes first, is known.)
    if (!ctx.remote && isTaskRunner(name)) runTask(cmd, name, argv, callerVariables(cmd, ctx));
    const { own, unlisted } = analyze(cmd, argv, name, assignments, ctx);
    // Known to only read: a script read and assessed, a listed program, or an analyzer's read effects.
    if (scriptRead || listed() || (own.length > 0 && onlyReads(own))) return;
    unknown.push(cmd.text);
    // No analyzer saw into it: with production credentials about, or on a production host (ssh, kubectl
    // exec), it acts there unseen. A subcommand its analyzer's table does not list is not seen into either.
    if (!unlisted && (options.analyzers.get(name)?.some((a) => !a.partial) || functions.has(name))) return;
    const unseen = {
      argv,
      text: cmd.text,
      hints: [...ctx.hints, ...(unlisted ?? [])],
      env: lookupFor(assignments, ctx.stored),
      remote: ctx.remote,
      // Only variables that may change what runs count (`PATH=…`, `LD_PRELOAD=…`): `AWS_PROFILE=production
      // mytool status` still only looks.
      assigned: !Object.keys(assignments).every(harmlessVariable),
    };
    const effect = unverifiableInProduction(unseen, factsIn(ctx), options.analyzers, options.placement);
    if (effect) effects.push({ effect, local: false });
    // Elsewhere it is asked about when its subcommand says it destroys: the person at the machine decides.
    // A program that only reads (`type rm`, `X=1 which delete`) says nothing by its words.
    // (The table's own guess at an unlisted subcommand that says it destroys stands for the words here.)
    const mayDestroy = !effect && !(unlisted && own.length) && !readOnlyProgram(program, argv.slice(1), {});
    const destroys = mayDestroy ? unrecognisedDestroyer(argv, cmd.text, ctx.hints) : undefined;
    if (destroys) effects.push({ effect: destroys, local: !ctx.remote });
  };

  /** Each analyzer of this program on this command; returns the effects found (not the scripts they run). */
  const analyze = (
    cmd: SimpleCommand,
    argv: Word[],
    name: string,
    assignments: Record<string, Word>,
    ctx: Context,
  ): { own: Effect[]; unlisted?: EnvironmentHint[] } => {
    const own: Effect[] = [];
    let unlisted: EnvironmentHint[] | undefined;
    const analyzers = options.analyzers.get(name);
    if (!analyzers) return { own };
    const inv: Invocation = {
      name,
      args: argv.slice(1),
      assignments,
      redirects: cmd.redirects,
      facts: factsIn(ctx),
      hints: ctx.hints,
      elevated: ctx.elevated,
      remote: ctx.remote,
      // What the program sees: variables exported earlier in the line too (`export DOCKER_CONTEXT=prod; …`).
      env: lookupFor({ ...ctx.assignments, ...cmd.variablesBefore, ...cmd.assignments }, ctx.stored),
      text: cmd.text,
    };
    if (cmd.stdinFrom) inv.stdinFrom = cmd.stdinFrom;
    if (cmd.stdinText) inv.stdinText = cmd.stdinText;
    if (cmd.substitutions) inv.substitutions = cmd.substitutions;
    // Asked once per command, not once per effect: `rm` with fifty words has fifty effects.
    const runTimeWords = hasRunTimeWord(argv, cmd);
    for (const analyzer of analyzers) {
      for (const { where, ...effect } of analyzer.analyze(inv)) {
        const start = effects.length;
        if (effect.unrecognised) unlisted = [...(unlisted ?? []), ...(effect.hints ?? [])];
        else if (effect.runs !== undefined)
          runScript(effect.runs, {
            ...ctx,
            depth: ctx.depth + 1,
            ...(effect.runsElsewhere ? { remote: true, hints: [...ctx.hints, ...(effect.hints ?? [])] } : {}),
          });
        else {
          // `effect` is a copy of the analyzer's (the rest above), this loop's own: the hints go in place.
          effect.hints = [...ctx.hints, ...(effect.hints ?? [])];
          own.push(effect);
          effects.push({
            effect,
            local: analyzer.local && !ctx.remote && effect.local !== false,
            analyzer,
            inv,
            ...(runTimeWords ? { runTimeWords: true as const } : {}),
          });
        }
        // `python3 drop_old.py`: what the program file runs says on which line (`drop_old.py:3`).
        if (where) for (const found of effects.slice(start)) found.origin = [where, ...(found.origin ?? [])];
      }
    }
    return unlisted ? { own, unlisted } : { own };
  };

  /**
   * `bash x.sh`, `source x.sh`, `./x.sh`: the script's commands, read through the edge, are assessed as if
   * they were typed, in the caller's directory (bash runs a script where it was started, not where the file
   * is). A missing file runs nothing; a file this command writes first, or one that exists but cannot be
   * read, is unverifiable. A compiled program or a script for another interpreter (`#!/usr/bin/python3`)
   * is a program like any other, unless its interpreter is one whose code is read (`#!/usr/bin/env
   * python3`): then it is assessed as `python3 ./x.py` would be. Returns whether a shell script's text was
   * read and its commands assessed (a program file's analysis does not vouch that it only reads).
   */
  const runScriptFile = (cmd: SimpleCommand, ctx: Context): boolean => {
    const argv = cmd.argv;
    const run = facts.readScript ? scriptFileRun(argv, cmd.redirects) : undefined;
    if (!run || !facts.readScript) return false;
    const label = run.file.value;
    const path = resolvePath(label, ctx.cwd, facts.home);
    const cannot = (why: string) => {
      effects.push({
        effect: unverifiable(`${label} ${why}, so the commands it runs cannot be verified`, path, ctx.hints),
        local: true,
        fileUnread: true,
      });
      return false;
    };
    // `cat > x.sh <<EOF … EOF; bash x.sh`: what runs is what this command writes, not what is there now.
    const written = writtenBefore(effects, path);
    if (written) return cannot(`${written} before it runs`);
    if (ctx.scripts.includes(path)) return true; // a script that runs itself: its commands are being assessed
    if (ctx.scripts.length >= MAX_SCRIPT_DEPTH) return cannot('runs scripts nested too deeply to follow');
    const file = facts.readScript(path);
    const exec = run.how === 'exec';
    switch (file.kind) {
      case 'missing':
        return false; // the shell reports that there is no such file; nothing runs
      case 'binary':
        if (exec && shebangShell(file.head) !== 'shell') return false; // a compiled program
        return cannot('is not text');
      case 'unreadable':
        if (exec && (file.head === undefined || file.head.startsWith('\x7fELF'))) return false;
        if (exec && file.head !== undefined && shebangShell(file.head) === 'other') {
          runByShebang(cmd, file.head, ctx);
          return false;
        }
        return cannot(`cannot be read (${file.reason})`);
      case 'text': {
        // A text file without a `#!` line run directly is run by the shell (ENOEXEC).
        const head = file.text.slice(0, 256).split('\n')[0] ?? '';
        if (exec && shebangShell(head) === 'other') {
          runByShebang(cmd, head, ctx);
          return false;
        }
        const start = effects.length;
        const inner = { ...callerVariables(cmd, ctx), depth: ctx.depth + 1, scripts: [...ctx.scripts, path] };
        runScript(file.text, inner, label);
        lowerRunTimeGuesses(start, 'inside a script');
        return true;
      }
    }
  };

  /**
   * The variables a script or task the command runs may read: those the command line sets before it
   * (`CMD='rm -rf /' bash ops.sh`, `export CMD=…; make x`). A plain assignment is not exported to `bash
   * FILE`, only seen by `source FILE`; both are counted, which can only make more of the script known.
   */
  const callerVariables = (cmd: SimpleCommand, ctx: Context): Context => ({
    ...ctx,
    assignments: { ...ctx.assignments, ...cmd.variablesBefore, ...cmd.assignments },
  });

  /**
   * Scripts people run every day (configure, gradlew, nvm.sh, Makefiles) compute programs and file names at
   * run time throughout. Before they were read they ran unassessed; what reading them adds is what they do
   * for certain. What only their run can tell is reported, at low risk, not held.
   */
  const lowerRunTimeGuesses = (start: number, where: string) => {
    for (const found of effects.slice(start)) {
      // (Already lowered inside a nested script or task: said once.)
      if (found.fileUnread || found.effect.risk === 'low' || !computedAtRunTime(found)) continue;
      found.effect = { ...found.effect, risk: 'low', reason: `${found.effect.reason}; ${where}` };
    }
  };

  /**
   * `make recreate`, `npm run db:reset`, `just nuke`, `task clean`: the runner's file (Makefile,
   * package.json, justfile, Taskfile.yml), read through the edge like a script, says what the task runs;
   * each recipe line is assessed as if typed, where the runner runs it. As for scripts: no such file runs
   * nothing, a file that cannot be read (or that this command writes first) is unverifiable, and so is a
   * task this reader cannot find in a file it read.
   */
  const runTask = (cmd: SimpleCommand, name: string, argv: Word[], ctx: Context) => {
    const request = taskRequest(name, argv.slice(1), { cwd: ctx.cwd, home: facts.home });
    if (!request) return;
    const cannot = (why: string, target: string) =>
      effects.push({
        effect: unverifiable(
          `${request.label}: ${why}, so the commands it runs cannot be verified`,
          target,
          ctx.hints,
        ),
        local: true,
        fileUnread: true,
      });
    const readTasks = (text: string, shown: string, path: string) => {
      const lookup = TASK_READERS[request.format](text, request, shown);
      if (lookup.kind === 'unknown') return cannot(lookup.reason, path);
      if (lookup.kind === 'found') runRecipes(lookup.recipes, request, path, ctx, cannot);
    };
    for (const path of request.candidates) {
      if (path === STDIN) {
        // `printf 'all:\n\trm -rf /srv\n' | make -f -`: the makefile is the text piped in.
        const from = cmd.stdinFrom?.text ?? 'stdin';
        if (!cmd.stdinText || cmd.stdinText.dynamic) return cannot(`its makefile is read from ${from}`, from);
        return readTasks(cmd.stdinText.value, 'the makefile on stdin', STDIN);
      }
      inputs.read(path); // bound even when missing: a file created later changes what runs
      const shown = path.startsWith(`${ctx.cwd}/`) ? path.slice(ctx.cwd.length + 1) : path;
      // `cat > Makefile <<EOF … EOF; make`: what runs is what this command writes, not what is there now.
      const written = writtenBefore(effects, path);
      if (written) return cannot(`${shown} ${written} before it runs`, path);
      if (!facts.readScript) return; // no reader of files here: what the file says is not known
      const file = facts.readScript(path);
      if (file.kind === 'missing') continue;
      if (file.kind !== 'text')
        return cannot(
          `${shown} ${file.kind === 'binary' ? 'is not text' : `cannot be read (${file.reason})`}`,
          path,
        );
      return readTasks(file.text, shown, path);
    }
    // No such file: the runner says so and runs nothing.
  };

  const runRecipes = (
    recipes: readonly Recipe[],
    request: TaskRequest,
    path: string,
    ctx: Context,
    cannot: (why: string, target: string) => void,
  ) => {
    const dir = request.cwd ?? posix.dirname(path);
    for (const recipe of recipes) {
      const key = `${path}#${recipe.name}`;
      if (ctx.scripts.includes(key)) continue; // a task that runs itself: its lines are being assessed
      if (ctx.scripts.length >= MAX_SCRIPT_DEPTH)
        return cannot('runs tasks nested too deeply to follow', path);
      const inner: Context = {
        ...ctx,
        cwd: recipe.cwd ? resolvePath(recipe.cwd, dir, facts.home) : dir,
        depth: ctx.depth + 1,
        scripts: [...ctx.scripts, key],
      };
      for (const line of recipe.lines) {
        const start = effects.length;
        runScriptText(line.text, inner); // each line in a shell of its own: a `cd` ends with it
        for (const found of effects.slice(start))
          found.origin = [request.label, line.at, ...(found.origin ?? [])];
        lowerRunTimeGuesses(start, 'inside a task');
      }
    }
  };

  /** `cat > x.py <<EOF … EOF; python3 x.py`: what runs is what this command writes, not what is there now. */
  const programWrittenFirst = (name: string, argv: Word[], ctx: Context) => {
    const file = interpreterProgramFile(name, argv.slice(1));
    const path = file && resolvePath(file.value, ctx.cwd, facts.home);
    const written = path && writtenBefore(effects, path);
    if (!file || !written) return;
    const why = `${file.value} ${written} before ${name} runs it, so what it does cannot be verified`;
    effects.push({ effect: unverifiable(why, path!, ctx.hints), local: true, fileUnread: true });
  };

  /** `git clone URL && cd tool && cargo build`: a build run in what the line fetched runs its code unread. */
  const projectFetchedFirst = (name: string, argv: Word[], ctx: Context) => {
    const run = projectCodeRun(name, argv.slice(1));
    if (!run) return;
    for (const dir of run.dirs) {
      const path = resolvePath(dir, ctx.cwd, facts.home);
      const filled = filledBefore(effects, path);
      if (!filled) continue;
      const why = `${name} runs ${run.runs} in ${path}, which ${filled.tool} fills first with files it names at run time, so what it does cannot be verified`;
      effects.push({ effect: unverifiable(why, path, ctx.hints), local: true, fileUnread: true });
    }
  };

  /** `./cleanup.py` with `#!/usr/bin/env python3`: assessed as `python3 ./cleanup.py`, by its interpreter's analyzers. */
  const runByShebang = (cmd: SimpleCommand, head: string, ctx: Context) => {
    const [interpreter, ...options] = shebangCommand(head) ?? [];
    if (!interpreter || !READ_INTERPRETERS.test(interpreter)) return; // a program like any other
    const words = [interpreter, ...options].map((value): Word => ({ value, dynamic: false }));
    runCommand(cmd, [...words, ...cmd.argv], { ...ctx, depth: ctx.depth + 1 });
  };

  const top: Context = {
    hints: [],
    remote: false,
    elevated: false,
    assignments: {},
    depth: 0,
    cwd: facts.cwd,
    // The agent's shell's OLDPWD, when it says one: where its `cd -` goes.
    previousCwd: facts.env.OLDPWD?.startsWith('/') ? facts.env.OLDPWD : undefined,
    dirStack: [],
    scripts: [],
    aliases: new Map(),
    stored: new StoredContexts(),
  };
  try {
    runScript(command, top);
    const joined = joinedContinuations(command, parser);
    // The same line read again: from the configuration it started with.
    if (joined !== undefined)
      runScript(joined, { ...top, depth: top.depth + 1, stored: new StoredContexts() });
  } finally {
    parser.release();
  }
  const placed = place(effects, commands, facts, options.placement, unknown.length === 0);
  return withFields(placed, { inputs: inputs.result() });
}

function place(
  found: Found[],
  commands: string[],
  facts: ActionFacts,
  placement: Placement,
  allKnown: boolean,
): Omit<ShellAssessment, 'inputs'> {
  const placed: PlacedEffect[] = [];
  const allHints: EnvironmentHint[] = [];
  for (const { effect: own, local, analyzer, inv, origin } of found) {
    const effect = origin ? withFields(own, { reason: `${own.reason} (${origin.join(' → ')})` }) : own;
    const hints = [...(effect.hints ?? [])];
    for (const variable of analyzer?.environmentVariables ?? []) {
      const value = inv?.env(variable) ?? facts.env[variable];
      // PGDATABASE and the like only name a database: a weak hint (they may raise, never lower).
      if (value)
        hints.push({
          source: `env ${variable}`,
          value,
          ...(/DATABASE$/.test(variable) ? { weak: true } : {}),
        });
    }
    if (local && facts.host) hints.push({ source: 'host', value: facts.host });
    const one = placeEffect(effect, local, placement, hints);
    allHints.push(...one.environmentHints);
    placed.push(one);
  }
  return withFields(summarize(placed, allHints, allKnown), { commands });
}
