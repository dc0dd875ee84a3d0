import { beforeAll, describe, expect, it } from 'vitest';
import { extractCommands } from '../../src/shell/extract.js';
import { loadBashParser, type LoadedShellParser } from '../../src/shell/tree-sitter.js';
import type { SyntaxNode } from '../../src/shell/syntax.js';

let parser: LoadedShellParser;
beforeAll(async () => {
  parser = await loadBashParser();
});

function extract(text: string) {
  const tree = parser.parse(text);
  return extractCommands(tree.rootNode as unknown as SyntaxNode, () => undefined);
}

// tree-sitter-bash reads `0<` as an argument `0` and a redirect of no descriptor; bash redirects descriptor 0.
describe('a redirect of descriptor 0', () => {
  it.each([
    ['sh 0< x', ['sh'], '0'],
    ['wc -l 0<x', ['wc', '-l'], '0'],
    ['echo 0 < x', ['echo', '0'], undefined],
  ])('%s', (text, argv, descriptor) => {
    const [command] = extract(text).commands;
    expect(command?.argv.map((w) => w.value)).toEqual(argv);
    expect(command?.redirects[0]?.descriptor).toBe(descriptor);
  });
});

// Issue 14: tree-sitter-bash makes the words after a redirection's target children of the redirection;
// bash gives them to the command.
describe('words after a redirection', () => {
  it.each([
    ['kubectl 2>/dev/null delete ns prod', ['kubectl', 'delete', 'ns', 'prod'], ['/dev/null']],
    ['rm -rf 2>/dev/null /', ['rm', '-rf', '/'], ['/dev/null']],
    ['ls 2>&1 -la x', ['ls', '-la', 'x'], ['1']],
    ['cat <in -n x', ['cat', '-n', 'x'], ['in']],
    [
      'kubectl 2>/dev/null delete >out ns 2>&1 prod',
      ['kubectl', 'delete', 'ns', 'prod'],
      ['/dev/null', 'out', '1'],
    ],
    ['rm <<<x 2>/dev/null -rf /', ['rm', '-rf', '/'], ['/dev/null']],
    ['rm <<EOF -rf /var\ny\nEOF', ['rm', '-rf', '/var'], []],
  ])('%s', (text, argv, targets) => {
    const [command] = extract(text).commands;
    expect(command?.argv.map((w) => w.value)).toEqual(argv);
    expect(command?.redirects.map((r) => r.target.value)).toEqual(targets);
  });

  // tree-sitter-bash hangs them on the whole and-or list; bash gives them to its last command.
  it.each([
    ['true && rm 2>/dev/null -rf /', ['rm', '-rf', '/'], ['/dev/null']],
    ['a || b && psql app < drop.sql', ['psql', 'app'], ['drop.sql']],
    ['true && kubectl >/dev/null delete ns prod', ['kubectl', 'delete', 'ns', 'prod'], ['/dev/null']],
  ])('%s (the last command of a list)', (text, argv, targets) => {
    const { commands } = extract(text);
    const command = commands[commands.length - 1];
    expect(command?.argv.map((w) => w.value)).toEqual(argv);
    expect(command?.redirects.map((r) => r.target.value)).toEqual(targets);
  });

  it('gives the redirections written after a pipeline to its last command', () => {
    const { commands } = extract('echo y | rm 2>/dev/null -rf / | cat');
    expect(commands.map((c) => c.argv.map((w) => w.value))).toEqual([
      ['echo', 'y'],
      ['rm', '-rf', '/'],
      ['cat'],
    ]);
    expect(commands[1]?.redirects.map((r) => r.target.value)).toEqual(['/dev/null']);
    expect(commands[1]?.stdinFrom?.argv[0]?.value).toBe('echo');
    expect(commands[2]?.stdinFrom?.argv.map((w) => w.value)).toEqual(['rm', '-rf', '/']);
  });
});

// Found by fuzzing (issue 17): a 2,000-stage pipeline took seconds, because every command listed every stage
// of its pipeline, and tree-sitter's `parent` walks down from the root at each call. The work must grow
// with the length of the command, not its square: counted in node accesses, not in time.
describe('long commands', () => {
  /** Wrap a node so that every node reached through it counts the children and parents read. */
  function counting(node: SyntaxNode, count: Record<string, number>): SyntaxNode {
    const wrap = (value: unknown): unknown =>
      Array.isArray(value)
        ? value.map(wrap)
        : value && typeof value === 'object' && 'type' in value
          ? counting(value as SyntaxNode, count)
          : value;
    return new Proxy(node, {
      get(target, property) {
        const name = String(property);
        if (['parent', 'children', 'namedChildren'].includes(name)) count[name] = (count[name] ?? 0) + 1;
        const value = Reflect.get(target, property, target) as unknown;
        if (typeof value === 'function')
          return (...args: unknown[]) => wrap((value as (...a: unknown[]) => unknown).apply(target, args));
        return wrap(value);
      },
    });
  }
  const reads = (text: string) => {
    const count: Record<string, number> = {};
    extractCommands(counting(parser.parse(text).rootNode as unknown as SyntaxNode, count), () => undefined);
    return count;
  };

  it.each([' | ', ' && ', '; '])('reads each node a bounded number of times, joined by %j', (joiner) => {
    const small = reads(Array(200).fill('rm x 2>/dev/null').join(joiner));
    const large = reads(Array(800).fill('rm x 2>/dev/null').join(joiner));
    expect((large.children ?? 0) + (large.namedChildren ?? 0)).toBeLessThan(
      ((small.children ?? 0) + (small.namedChildren ?? 0)) * 5,
    );
    // tree-sitter finds a parent by walking down from the root: the walk remembers the ancestors instead.
    expect(large.parent ?? 0).toBe(0);
  });
});
