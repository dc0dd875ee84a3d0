import { beforeAll, describe, expect, it } from 'vitest';
import { extractCommands } from '../../src/shell/extract.js';
import {
  loadNativeBashParser,
  loadWasmBashParser,
  type LoadedShellParser,
} from '../../src/shell/tree-sitter.js';
import type { SyntaxNode } from '../../src/shell/syntax.js';
import { check } from '../support/runtime.js';

// tree-sitter-bash 0.25 misread a here-document whose body starts with a backslash: the first line's words
// became arguments of the `<<` line's commands and the body came out empty or short, so
// `bash <<'EOF'` + `\rm -rf ~` was allowed, and psql's `\!` with it (src/shell/here-documents.ts).

/** Each here-document body of a tree, in source order. */
function bodies(node: SyntaxNode, out: string[] = []): string[] {
  if (node.type === 'heredoc_body') out.push(node.text);
  for (const child of node.children) if (child) bodies(child, out);
  return out;
}

const readRight: [string, string[]][] = [
  ["bash <<'EOF'\n\\rm -rf ~\nEOF", ['\\rm -rf ~\n']],
  ['bash <<EOF\n\\rm -rf ~\nEOF', ['\\rm -rf ~\n']],
  ['bash <<"EOF"\n\\rm -rf ~\necho done\nEOF', ['\\rm -rf ~\necho done\n']],
  ['bash <<-EOF\n\\rm -rf ~\n\tEOF', ['\\rm -rf ~\n\t']],
  ['bash <<EOF\n\n\\rm -rf ~\nEOF', ['\\rm -rf ~\n']], // the grammar starts a body at its first non-blank
  ['bash <<EOF\n\\\nrm -rf ~\nEOF', ['\\\nrm -rf ~\n']],
  ['bash <<EOF -x\n\\rm -rf ~\nEOF', ['\\rm -rf ~\n']],
  ['bash <<%EOF\n\\EOF\nrm -rf ~\n%EOF', ['\\EOF\nrm -rf ~\n']],
  ['cat <<EOF | psql -h prod-db\n\\! rm -rf ~\nEOF', ['\\! rm -rf ~\n']],
  ["sh -c 'bash <<EOF\n\\rm -rf ~\nEOF\n'", []],
  // Read right before the repair too; it must not change them.
  ["bash <<'EOF'\necho hi\n\\rm -rf ~\nEOF", ['echo hi\n\\rm -rf ~\n']],
  ['cat <<EOF\n  \\indented\nEOF', ['\\indented\n']],
];

describe.each([
  ['native', loadNativeBashParser],
  ['WebAssembly', loadWasmBashParser],
])('the %s parser reads a here-document body that starts with a backslash', (_name, load) => {
  let parser: LoadedShellParser;
  beforeAll(async () => {
    parser = await load();
  });

  it.each(readRight)('%j has the bodies %j', (text, expected) => {
    const tree = parser.parse(text);
    expect(bodies(tree.rootNode)).toEqual(expected);
    tree.delete();
  });

  it('gives the first line to the body, not to the command on the `<<` line', () => {
    const tree = parser.parse('cat <<EOF | psql -h prod-db\n\\! rm -rf ~\nEOF');
    const { commands, syntaxErrors } = extractCommands(tree.rootNode, () => undefined);
    expect(syntaxErrors).toEqual([]);
    expect(commands.map((c) => c.argv.map((w) => w.value))).toEqual([['cat'], ['psql', '-h', 'prod-db']]);
    expect(commands[1]?.stdinText?.value).toBe('\\! rm -rf ~\n');
    tree.delete();
  });
});

describe('a here-document that starts with a backslash is judged by its body', () => {
  it.each([
    ["bash <<'EOF'\n\\rm -rf ~\nEOF", '/home/dev'],
    ['sh <<EOF\n\n\\rm -rf ~\nEOF', '/home/dev'],
    ['bash <<EOF\n\\\nrm -rf ~\nEOF', '/home/dev'],
    ['bash <<%EOF\n\\EOF\nrm -rf ~\n%EOF', '/home/dev'],
    ['psql -h prod-db app <<EOF\n\\! rm -rf ~\nEOF', '/home/dev'],
    ['cat <<EOF | psql -h prod-db app\n\\! rm -rf ~\nEOF', '/home/dev'],
    ['psql -h prod-db app <<EOF\n\\set ON_ERROR_STOP on\nDROP TABLE users;\nEOF', 'table users'],
    // Two here-documents on one line are beyond the grammar: a syntax error, so unverifiable, never allowed.
    ['bash <<A && bash <<B\n\\rm a\nA\n\\rm -rf ~\nB', 'bash <<A && bash <<B\n\\rm a\nA\n\\rm -rf ~\nB'],
  ])('%j reaches %s', async (command, target) => {
    const r = await check(command);
    expect(r.decision.outcome).not.toBe('allow');
    expect(r.assessment.effects.map((e) => e.target)).toContain(target);
  });

  it.each([
    'psql -h localhost app <<EOF\n\\set ON_ERROR_STOP on\nSELECT count(*) FROM users;\nEOF',
    "cat <<'EOF'\n\\documentclass{article}\nEOF",
    'cat <<EOF && psql -h prod-db app\n\\! rm -rf ~\nEOF',
  ])('%j is allowed', async (command) => {
    const r = await check(command);
    expect(r.decision.outcome, JSON.stringify(r.assessment.effects)).toBe('allow');
  });
});
