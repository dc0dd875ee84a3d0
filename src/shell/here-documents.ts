import type { ParsedTree, SyntaxNode } from './syntax.js';

// tree-sitter-bash 0.25 misreads a here-document whose body starts with a backslash (`\rm -rf ~`, psql's
// `\! cmd`, `\set`), alone or after blank lines: it ends the `<<` line too late, so the first line's words
// become arguments of the commands on that line and the body comes out empty. Those words went unjudged.
// The grammar reads a body that starts with any other character, so the tree of the same text with that
// backslash replaced by an inert one has the right shape, and its nodes take their text from the real source.

/** Parses `shape` and returns the tree with its nodes' text read from the real source (same length). */
export type ReparseAs = (shape: string) => ParsedTree;

const MAX_REPAIRS = 16;

/**
 * Where a here-document's body was misread: the index of the backslash that starts a line before the body
 * tree-sitter found (none, empty, or one that starts later), or undefined when the body was read.
 */
export function misreadBodyStart(redirect: SyntaxNode): number | undefined {
  return misreadBody(redirect)?.at;
}

/** A misread body: where its backslash is, and the character that stands in for it when reparsing. */
interface MisreadBody {
  at: number;
  stand: string;
}

function misreadBody(redirect: SyntaxNode): MisreadBody | undefined {
  let start: SyntaxNode | undefined;
  let body: SyntaxNode | undefined;
  let end: SyntaxNode | undefined;
  for (const child of redirect.children) {
    if (child?.type === 'heredoc_start') start = child;
    else if (child?.type === 'heredoc_body') body = child;
    else if (child?.type === 'heredoc_end') end = child;
  }
  if (!start || !end) return undefined;
  const from = start.endIndex - redirect.startIndex;
  const found = redirect.text.slice(from, end.startIndex - redirect.startIndex).indexOf('\n\\');
  if (found < 0) return undefined;
  const at = redirect.startIndex + from + found + 1;
  if (body && body.text !== '' && body.startIndex <= at) return undefined;
  // Any character but the backslash will do, unless the line it makes is the delimiter (`\EOF` in `<<%EOF`).
  return { at, stand: start.text.includes('%') ? '@' : '%' };
}

/** The here-document redirections of a tree, without recursion (a generated line nests thousands deep). */
function hereDocuments(root: SyntaxNode): SyntaxNode[] {
  const found: SyntaxNode[] = [];
  const stack: SyntaxNode[] = [root];
  for (let node = stack.pop(); node; node = stack.pop()) {
    if (node.type === 'heredoc_redirect') found.push(node);
    for (const child of node.children) if (child) stack.push(child);
  }
  return found;
}

/**
 * The tree of `text` with misread here-document bodies read right: each backslash that starts a misread
 * body is replaced in the text given to the parser, one round per nesting (a body inside a body's command).
 * A body still misread after that stays as it is; the extractor reports it as a syntax error.
 */
export function repairHereDocuments(text: string, tree: ParsedTree, reparseAs: ReparseAs): ParsedTree {
  if (!text.includes('\n\\')) return tree;
  let current = tree;
  let shape = text;
  for (let round = 0; round < MAX_REPAIRS; round++) {
    const misread = hereDocuments(current.rootNode)
      .map(misreadBody)
      .filter((body): body is MisreadBody => body !== undefined && shape[body.at] === '\\');
    if (misread.length === 0) break;
    for (const body of misread) shape = `${shape.slice(0, body.at)}${body.stand}${shape.slice(body.at + 1)}`;
    current.delete();
    current = reparseAs(shape);
  }
  return current;
}
