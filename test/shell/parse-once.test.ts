import { describe, expect, it } from 'vitest';
import { loadParsers } from '../../src/app/checker.js';
import { assessShell } from '../../src/assess/shell.js';
import { DEFAULT_PLACEMENT } from '../../src/core/place.js';
import { parseOnce } from '../../src/shell/parse-once.js';
import type { ParsedTree, ShellParser } from '../../src/shell/syntax.js';
import { testFacts } from '../support/runtime.js';

// One assessment parses each distinct text once (the same `sh -c` text twice in a line is one parse), and
// frees every tree it parsed when it ends, also when it fails.

/** The real parser, counting what it is asked to parse and how many trees are freed. */
function counting(parser: ShellParser) {
  const parsed: string[] = [];
  let freed = 0;
  const counted: ShellParser = {
    parse(text): ParsedTree {
      parsed.push(text);
      const tree = parser.parse(text);
      return { rootNode: tree.rootNode, delete: () => (freed++, tree.delete()) };
    },
  };
  return { counted, parsed, freed: () => freed };
}

describe('parse once per assessment', () => {
  it('parses a text handed to a shell twice only once, and reports both runs', async () => {
    const { parser, analyzers } = await loadParsers();
    const { counted, parsed, freed } = counting(parser);
    const line = "sh -c 'rm -rf /srv/a' && sh -c 'rm -rf /srv/a'";
    const options = { parser: counted, analyzers, placement: DEFAULT_PLACEMENT };
    const once = assessShell(line, testFacts(), options);
    expect(parsed).toEqual([line, 'rm -rf /srv/a']);
    expect(freed()).toBe(2);
    const plain = assessShell(line, testFacts(), { parser, analyzers, placement: DEFAULT_PLACEMENT });
    expect(once).toEqual(plain);
    expect(once.commands).toEqual([
      'sh -c rm -rf /srv/a',
      'rm -rf /srv/a',
      'sh -c rm -rf /srv/a',
      'rm -rf /srv/a',
    ]);
  });

  it('parses again in the next assessment: nothing is kept between calls', async () => {
    const { parser, analyzers } = await loadParsers();
    const { counted, parsed } = counting(parser);
    const options = { parser: counted, analyzers, placement: DEFAULT_PLACEMENT };
    assessShell('ls', testFacts(), options);
    assessShell('ls', testFacts(), options);
    expect(parsed).toEqual(['ls', 'ls']);
  });

  it('frees the trees parsed when the parser fails part way', async () => {
    const { parser } = await loadParsers();
    const { counted, freed } = counting(parser);
    const once = parseOnce({
      parse: (text) => {
        if (text === 'boom') throw new Error('parser failed');
        return counted.parse(text);
      },
    });
    expect(once.parse('ls')).toBe(once.parse('ls'));
    expect(() => once.parse('boom')).toThrow('parser failed');
    once.release();
    expect(freed()).toBe(1);
  });
});
