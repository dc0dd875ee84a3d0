import type { ShellParser, SyntaxNode } from '../../shell/syntax.js';
import { evaluateWord } from '../../shell/words.js';

// A command line the broker can run as it stands: one simple command of literal words, as tree-sitter-bash
// reads it, or nothing. Anything bash would expand or treat as syntax (variables, substitutions, globs,
// `~`, braces, escapes, pipes, lists, redirections, assignments in front, a second line) makes it not a
// plain command, and the hook then decides it as usual: the broker runs words without a shell, so only
// words whose value is certain may be routed to it.

/**
 * What an unquoted piece of a word may hold. The parser does not mark globs (`*.sql`), `~`, brace lists
 * (`{a,b}`) or backslash escapes as expansions, so unquoted text is held to plain characters, plus `\'`:
 * the quote inside `'x'\''y'`, which is how `interlock run`'s own quoting writes a word holding a quote.
 */
const PLAIN_UNQUOTED = /^(?:[A-Za-z0-9_@%+=:,./^-]|\\')+$/;

/** A word node bash passes on exactly as written (after quote removal): no expansion of any kind. */
function isLiteralWord(node: SyntaxNode): boolean {
  switch (node.type) {
    case 'word':
    case 'number':
      return PLAIN_UNQUOTED.test(node.text);
    case 'raw_string':
    case 'ansi_c_string':
      return true;
    case 'string':
      return node.namedChildren.every((c) => c?.type === 'string_content');
    case 'concatenation':
      return node.children.every(
        (c) => c !== null && (c.isNamed ? isLiteralWord(c) : PLAIN_UNQUOTED.test(c.text)),
      );
    default:
      return false;
  }
}

/**
 * The last line read and its words: a hook call asks about the same line twice (is it `interlock run`
 * itself, and would the broker take it), and each reading parses it with the native parser.
 */
let last: { line: string; parser: ShellParser; words: readonly string[] | undefined } | undefined;

/** The words of a plain command line, or undefined when bash would do more than split it into words. */
export function literalArgv(line: string, parser: ShellParser): string[] | undefined {
  if (last?.line !== line || last.parser !== parser) last = { line, parser, words: readWords(line, parser) };
  return last.words && [...last.words];
}

function readWords(line: string, parser: ShellParser): string[] | undefined {
  const tree = parser.parse(line);
  try {
    const root = tree.rootNode;
    // Every child, not only named ones: a trailing `&` or `;` is a token of the program's own.
    const statements = root.children;
    const command = statements[0];
    if (root.hasError || statements.length !== 1 || command?.type !== 'command') return undefined;
    const words: string[] = [];
    // Assignments (`PGHOST=x psql`) and redirections are children too: not words, so not plain.
    for (const child of command.namedChildren) {
      const node = child?.type === 'command_name' ? child.namedChildren[0] : child;
      if (!node || !isLiteralWord(node)) return undefined;
      const value = evaluateWord(node, () => undefined);
      if (value.dynamic) return undefined;
      words.push(value.value);
    }
    return words.length ? words : undefined;
  } finally {
    tree.delete();
  }
}
