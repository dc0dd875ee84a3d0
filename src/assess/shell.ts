import type { Analyzer, Invocation } from '../analyzers/analyzer.js';
import { extractCommands, type Redirect, type SimpleCommand } from '../shell/extract.js';
import type { ShellParser } from '../shell/syntax.js';
import { commandName, peelWrapper, type Inner } from '../shell/wrappers.js';
import type { Word } from '../shell/words.js';
import { placeEffect, type Placement } from '../core/place.js';
import { summarize } from '../core/summarize.js';
import { resolvePath } from '../analyzers/paths.js';
import { redirectEffects } from '../analyzers/redirects.js';
import { InputCollector, type ShellInputs } from './inputs.js';
import {
  type ActionFacts,
  type Assessment,
  type Effect,
  type EnvironmentHint,
  type PlacedEffect,
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

interface Context {
  hints: EnvironmentHint[];
  remote: boolean;
  elevated: boolean;
  assignments: Record<string, Word>;
  depth: number;
  /** The directory commands run in: the agent's, until a `cd` in the script changes it. */
  cwd: string;
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

function truncate(text: string, max = 200): string {
  return text.length > max ? `${text.slice(0, max)}…` : text;
}

/** Parse → find every command → peel wrappers → ask each family's analyzer → place each effect. */
export function assessShell(command: string, facts: ActionFacts, options: AssessOptions): ShellAssessment {
  if (command.trim() === '')
    throw new InputError('the command is empty: pass the shell command to check after `--`');
  const effects: { effect: Effect; local: boolean; analyzer?: Analyzer; inv?: Invocation }[] = [];
  const commands: string[] = [];
  const inputs = new InputCollector();

  if (hasBinaryData(command)) {
    effects.push({
      effect: unverifiable('the command contains binary data that a shell would not run as written', command),
      local: false,
    });
  }

  const lookupFor = (assignments: Record<string, Word>) => (name: string) => {
    const own = assignments[name];
    if (own) return own.dynamic ? undefined : own.value;
    if (name === 'HOME') return facts.home;
    if (name === 'PWD') return facts.cwd;
    return facts.env[name];
  };

  const runScript = (text: string, ctx: Context) => {
    if (ctx.depth > MAX_DEPTH) {
      effects.push({
        effect: unverifiable('wrappers nested too deeply to follow', text, ctx.hints),
        local: !ctx.remote,
      });
      return;
    }
    const tree = options.parser.parse(text);
    try {
      const script = extractCommands(tree.rootNode, lookupFor(ctx.assignments));
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
      for (const redirect of script.redirects) addRedirect(redirect, scriptCtx);
      if (!ctx.remote) {
        const where = { cwd: ctx.cwd, home: facts.home, env: lookupFor(ctx.assignments) };
        for (const value of script.assigned) inputs.assigned(value, where);
        for (const redirect of script.redirects) inputs.redirect(redirect, where);
      }
      for (const cmd of script.commands) runCommand(cmd, cmd.argv, scriptCtx);
    } finally {
      tree.delete();
    }
  };

  const addRedirect = (redirect: Redirect, ctx: Context) => {
    for (const effect of redirectEffects(redirect, facts, ctx.remote)) {
      effects.push({ effect: { ...effect, hints: [...ctx.hints] }, local: !ctx.remote });
    }
  };

  const runInner = (inner: Inner, cmd: SimpleCommand, ctx: Context, wrapper: string) => {
    const hints = [...ctx.hints, ...(inner.kind !== 'unverifiable' ? (inner.hints ?? []) : [])];
    if (inner.kind === 'argv' && inner.inKubeContext && facts.kubeContext) {
      hints.push({ source: 'kube context', value: facts.kubeContext });
    }
    const remote = ctx.remote || (inner.kind !== 'unverifiable' && inner.remote === true);
    if (inner.kind === 'unverifiable') {
      effects.push({ effect: unverifiable(inner.reason, inner.target, hints), local: !remote });
    } else if (inner.kind === 'script') {
      // A script given to another shell starts with a fresh set of variables, except those exported to it.
      runScript(inner.text, { ...ctx, hints, remote, depth: ctx.depth + 1 });
    } else {
      const next: Context = {
        hints,
        remote,
        elevated: ctx.elevated || inner.elevated === true,
        assignments: { ...ctx.assignments, ...(inner.assignments ?? {}) },
        depth: ctx.depth + 1,
        cwd: ctx.cwd,
      };
      // The inner command reads the wrapper's stdin (`echo 'DROP…' | sudo -u postgres psql`), except under
      // xargs and find, which use stdin or their own arguments. Output redirections were placed already.
      const keepsStdin = wrapper !== 'xargs' && wrapper !== 'find';
      const inputs = cmd.redirects.filter((r) => r.operator === '<');
      runCommand(
        keepsStdin
          ? { ...cmd, redirects: inputs }
          : { ...cmd, stdinFrom: undefined, stdinText: undefined, redirects: [] },
        inner.argv,
        next,
      );
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
    // What the command reads on this machine (on another one, the paths are not ours to bind).
    if (!ctx.remote) {
      const own = { ...ctx.assignments, ...cmd.assignments };
      inputs.command(
        argv,
        cmd.assignments,
        cmd.redirects,
        { cwd: ctx.cwd, home: facts.home, env: lookupFor(own) },
        program.dynamic ? undefined : commandName(program),
      );
    }
    if (program.dynamic) {
      effects.push({
        effect: unverifiable('the program to run is computed at run time', program.value, ctx.hints),
        local: !ctx.remote,
      });
      return;
    }
    const name = commandName(program);
    if (name === 'cd' && !ctx.remote) {
      const dir = argv.slice(1).find((w) => !w.value.startsWith('-') || w.value === '-');
      if (dir && !dir.dynamic && dir.value !== '-') ctx.cwd = resolvePath(dir.value, ctx.cwd, facts.home);
      else if (!dir) ctx.cwd = facts.home;
    }
    commands.push(argv.map((w) => w.value).join(' '));
    const self: SimpleCommand = { ...cmd, argv };
    const peeled = peelWrapper(self);
    if (peeled) for (const inner of peeled.inner) runInner(inner, self, ctx, name);
    if (peeled && !peeled.analyzeSelf) return;
    const analyzers = options.analyzers.get(name);
    if (!analyzers) return;
    const assignments = { ...ctx.assignments, ...cmd.assignments };
    const inv: Invocation = {
      name,
      args: argv.slice(1),
      assignments,
      redirects: cmd.redirects,
      facts: ctx.cwd === facts.cwd ? facts : { ...facts, cwd: ctx.cwd },
      hints: ctx.hints,
      elevated: ctx.elevated,
      remote: ctx.remote,
      env: lookupFor(assignments),
      text: cmd.text,
    };
    if (cmd.stdinFrom) inv.stdinFrom = cmd.stdinFrom;
    if (cmd.stdinText) inv.stdinText = cmd.stdinText;
    for (const analyzer of analyzers) {
      for (const effect of analyzer.analyze(inv)) {
        if (effect.runs !== undefined) {
          runScript(effect.runs, { ...ctx, depth: ctx.depth + 1 });
          continue;
        }
        effects.push({
          effect: { ...effect, hints: [...ctx.hints, ...(effect.hints ?? [])] },
          local: analyzer.local && !ctx.remote && effect.local !== false,
          analyzer,
          inv,
        });
      }
    }
  };

  runScript(command, {
    hints: [],
    remote: false,
    elevated: false,
    assignments: {},
    depth: 0,
    cwd: facts.cwd,
  });
  return { ...place(effects, commands, facts, options.placement), inputs: inputs.result() };
}

function place(
  found: { effect: Effect; local: boolean; analyzer?: Analyzer; inv?: Invocation }[],
  commands: string[],
  facts: ActionFacts,
  placement: Placement,
): Omit<ShellAssessment, 'inputs'> {
  const placed: PlacedEffect[] = [];
  const allHints: EnvironmentHint[] = [];
  for (const { effect, local, analyzer, inv } of found) {
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
    const one = placeEffect({ ...effect, hints }, local, placement);
    allHints.push(...one.environmentHints);
    placed.push(one);
  }
  return { ...summarize(placed, allHints), commands };
}
