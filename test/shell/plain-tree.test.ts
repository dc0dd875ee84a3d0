import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { manyEffectLines } from '../../src/bench/many-effects.js';
import { BENCH_COMMANDS } from '../../src/bench/commands.js';
import { fuzzMixLines } from '../../src/bench/fuzz/shell-target.js';
import {
  newSymbolNames,
  plainTree,
  type NativeCursor,
  type NodeTypeInfo,
} from '../../src/shell/plain-tree.js';
import type { SyntaxNode } from '../../src/shell/syntax.js';

// The plain copy of a native tree must answer every question the extractor asks exactly as the addon's
// own nodes do: same shape, spans, positions, text, flags and fields.

const require = createRequire(import.meta.url);
const Parser = require('tree-sitter') as typeof import('tree-sitter');
const parser = new Parser();
const language = require('tree-sitter-bash') as import('tree-sitter').Language & {
  nodeTypeInfo: NodeTypeInfo[];
};
parser.setLanguage(language);

const FIELDS = ['name', 'argument', 'redirect', 'value', 'destination', 'descriptor', 'body', 'condition'];

function same(copy: SyntaxNode, native: SyntaxNode, path: string): void {
  const where = `${path} ${native.type}`;
  expect(copy.type, where).toBe(native.type);
  expect([copy.startIndex, copy.endIndex], where).toEqual([native.startIndex, native.endIndex]);
  expect(copy.startPosition, where).toEqual(native.startPosition);
  expect(copy.text, where).toBe(native.text);
  expect([copy.isNamed, copy.isMissing, copy.hasError], where).toEqual([
    native.isNamed,
    native.isMissing,
    native.hasError,
  ]);
  const span = (n: SyntaxNode | null) => (n ? `${n.type}@${n.startIndex}:${n.endIndex}` : null);
  expect(span(copy.lastNamedChild), where).toBe(span(native.lastNamedChild));
  expect(span(copy.previousNamedSibling), where).toBe(span(native.previousNamedSibling));
  expect(copy.namedChildren.map(span), where).toEqual(native.namedChildren.map(span));
  for (const field of FIELDS) {
    expect(span(copy.childForFieldName(field)), `${where}.${field}`).toBe(
      span(native.childForFieldName(field)),
    );
    expect(copy.childrenForFieldName(field).map(span), `${where}.${field}[]`).toEqual(
      native.childrenForFieldName(field).map(span),
    );
  }
  const nativeChildren = native.children;
  expect(copy.children.length, where).toBe(nativeChildren.length);
  copy.children.forEach((child, i) => same(child!, nativeChildren[i]!, `${path}/${i}`));
}

const SAMPLES = [
  ...BENCH_COMMANDS,
  ...manyEffectLines(6, 3, 5, 12),
  'kubectl 2>/dev/null delete ns prod',
  'rm <<EOF -rf /\nx\nEOF',
  'a | b 2>/dev/null && c > out; (d; e) &',
  'f() { rm -rf "$1"; }; f /',
  'echo $(( 1 + ',
  "x='unterminated",
  'cat <<< "é 😀 $HOME" | tee -a log',
  'for i in 1 2; do\n  echo "$i"\ndone',
  '\nrm -rf /tmp/x\r\nls \\\n  -la\n\n  echo "é\n😀" x',
];

// One grammar's type and field names, remembered across every tree as the parser does.
const names = newSymbolNames(language.nodeTypeInfo);

/** Every node in document order, with the field name its parent gives it, as the addon's own cursor says. */
function nativeOrder(tree: import('tree-sitter').Tree): string[] {
  const cursor = tree.walk();
  const out: string[] = [];
  for (;;) {
    out.push(`${cursor.nodeType}@${cursor.startIndex}:${cursor.endIndex}.${cursor.currentFieldName ?? ''}`);
    if (cursor.gotoFirstChild() || cursor.gotoNextSibling()) continue;
    do if (!cursor.gotoParent()) return out;
    while (!cursor.gotoNextSibling());
  }
}

function copyOrder(node: SyntaxNode, field = '', out: string[] = []): string[] {
  out.push(`${node.type}@${node.startIndex}:${node.endIndex}.${field}`);
  const fields = (node as unknown as { fields: readonly (string | undefined)[] }).fields;
  node.children.forEach((child, i) => copyOrder(child!, fields[i] ?? '', out));
  return out;
}

describe('plainTree', () => {
  it.each(SAMPLES)('copies the native tree of %j', (text) => {
    const tree = parser.parse(text);
    const copy = plainTree(tree.walk() as unknown as NativeCursor, text, names);
    same(copy, tree.rootNode as unknown as SyntaxNode, '');
    expect(copy.parent).toBeNull();
  });
});

describe('plainTree on generated lines', () => {
  // Fields are asked only under types the grammar gives fields: every child's field must still match.
  it('gives every node the field name the addon gives it', () => {
    for (const text of [...SAMPLES, ...fuzzMixLines(400, 7)]) {
      const tree = parser.parse(text);
      const copy = plainTree(tree.walk() as unknown as NativeCursor, text, names);
      expect(copyOrder(copy), text).toEqual(nativeOrder(tree));
    }
  });
});
