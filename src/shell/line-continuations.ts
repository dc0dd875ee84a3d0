import type { ShellParser, SyntaxNode } from './syntax.js';

// Bash removes a backslash-newline before it splits words, wherever it is outside single quotes, comments
// and here-documents with a quoted delimiter: `r\<newline>m -rf ~` runs `rm -rf ~`. tree-sitter-bash reads
// the pair as a break between words there (`r`, then `m`), so the command was judged as a program named
// `r`. When a pair splits a word, the text with the pairs removed is assessed as well (assess/shell.ts):
// whichever reading is bash's, what it runs is judged. Where quotes and comments are is read from the
// tree: a quote counter was fooled by `$'\''`, by a here-document's `don't` and by `"$(echo 'a"b')"`.

/** Nodes whose text bash keeps as written, a backslash-newline included. */
const KEPT = new Set(['raw_string', 'ansi_c_string', 'comment']);

/** The spans of `root` that keep their backslash-newlines, in order. */
function keptSpans(root: SyntaxNode): [number, number][] {
  const spans: [number, number][] = [];
  const visit = (node: SyntaxNode, quotedHereDoc: boolean) => {
    if (KEPT.has(node.type) || (node.type === 'heredoc_body' && quotedHereDoc)) {
      spans.push([node.startIndex, node.endIndex]);
      return;
    }
    const quoted = node.type === 'heredoc_redirect' ? /^<<-?\s*['"\\]/.test(node.text) : quotedHereDoc;
    for (const child of node.children) if (child) visit(child, quoted);
  };
  visit(root, false);
  return spans.sort((a, b) => a[0] - b[0]);
}

/**
 * `text` with its backslash-newlines removed as bash removes them, when one of them joins two parts of a
 * word; undefined when none does (the usual line continuation, between words, reads the same either way).
 */
export function joinedContinuations(text: string, parser: ShellParser): string | undefined {
  if (!text.includes('\\\n')) return undefined;
  const spans = keptSpans(parser.parse(text).rootNode);
  let out = '';
  let joinsWord = false;
  let next = 0;
  for (let i = 0; i < text.length; i++) {
    while (next < spans.length && spans[next]![1] <= i) next++;
    const span = spans[next];
    if (span && span[0] <= i) {
      out += text.slice(i, span[1]);
      i = span[1] - 1;
      continue;
    }
    const c = text[i]!;
    if (c === '\\' && text[i + 1] === '\n') {
      const before = out.at(-1);
      const after = text[i + 2];
      if (before !== undefined && after !== undefined && /\S/.test(before) && /\S/.test(after))
        joinsWord = true;
      i++;
    } else if (c === '\\') {
      out += c + (text[i + 1] ?? '');
      i++;
    } else out += c;
  }
  return joinsWord ? out : undefined;
}
