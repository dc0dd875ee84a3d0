import type { ParsedTree, ShellParser } from './syntax.js';

/** A parser for one assessment that parses each distinct text once, and releases every tree at the end. */
export interface ParseOnce extends ShellParser {
  /**
   * Frees the trees parsed so far (the WebAssembly build's; the native addon's are copied at parse time and
   * left to the garbage collector): none of them may be used after.
   */
  release(): void;
}

/**
 * One assessment often hands the same text to a shell more than once (`diff <(sh -c 'X') >(sh -c 'X')`,
 * an alias run twice): a tree depends only on its text, so the first parse serves them all. Held for one
 * assessment only, so nothing outlives the call.
 */
export function parseOnce(parser: ShellParser): ParseOnce {
  const trees = new Map<string, ParsedTree>();
  return {
    parse(text) {
      let tree = trees.get(text);
      if (!tree) trees.set(text, (tree = parser.parse(text)));
      return tree;
    },
    release() {
      for (const tree of trees.values()) tree.delete();
      trees.clear();
    },
  };
}
