import { createRequire } from 'node:module';
import { repairHereDocuments } from './here-documents.js';
import { newSymbolNames, plainTree, type NativeCursor, type NodeTypeInfo } from './plain-tree.js';
import type { ParsedTree, ShellParser } from './syntax.js';

const require = createRequire(import.meta.url);

/** Which build of tree-sitter-bash parses: the native addon, or the WebAssembly one. */
type ShellParserBackend = 'native' | 'wasm';

export interface LoadedShellParser extends ShellParser {
  backend: ShellParserBackend;
}

/**
 * tree-sitter-bash as a native addon (node-tree-sitter with its prebuilt N-API binary): the same grammar
 * as the WebAssembly build, ready in ~15 ms where the WebAssembly one needs ~90 ms of compiling per
 * process, which a hook pays on every tool call. Throws when the addon cannot load on this platform.
 */
export function loadNativeBashParser(): LoadedShellParser {
  const Parser = require('tree-sitter') as typeof import('tree-sitter');
  const language = require('tree-sitter-bash') as import('tree-sitter').Language;
  const parser = new Parser();
  parser.setLanguage(language);
  const names = newSymbolNames((language as { nodeTypeInfo?: NodeTypeInfo[] }).nodeTypeInfo);
  return {
    backend: 'native',
    parse(text: string): ParsedTree {
      // One read buffer of the whole text (+1: N-API ends the copy with a NUL): the default 32 KiB splits a
      // long input into chunks, and the addon allocates and zeroes the buffer at every parse (~2 µs at 32 KiB).
      // Copied once into plain objects: the addon's per-access node objects were most of a long line's cost.
      const parseAs = (shape: string): ParsedTree => {
        const tree = parser.parse(shape, null, { bufferSize: shape.length + 1 });
        return { rootNode: plainTree(tree.walk() as unknown as NativeCursor, text, names), delete() {} };
      };
      return repairHereDocuments(text, parseAs(text), parseAs);
    },
  };
}

/** tree-sitter-bash compiled to WebAssembly: runs wherever Node does. */
export async function loadWasmBashParser(): Promise<LoadedShellParser> {
  const { Parser, Language } = await import('web-tree-sitter');
  await Parser.init();
  const language = await Language.load(require.resolve('tree-sitter-bash/tree-sitter-bash.wasm'));
  const parser = new Parser();
  parser.setLanguage(language);
  return {
    backend: 'wasm',
    parse(text: string) {
      const tree = parser.parse(text);
      if (!tree) throw new Error('the bash parser returned no tree');
      return repairHereDocuments(text, tree as unknown as ParsedTree, (shape) => {
        const reshaped = parser.parse(shape);
        if (!reshaped) throw new Error('the bash parser returned no tree');
        // Copied into plain nodes that read their text from `text`, not from the reshaped input.
        const rootNode = plainTree(reshaped.walk() as unknown as NativeCursor, text);
        reshaped.delete();
        return { rootNode, delete() {} };
      });
    },
  };
}

/**
 * Load tree-sitter-bash once: the native addon when it loads, else the WebAssembly build.
 * INTERLOCK_SHELL_PARSER=wasm|native forces one (tests compare the two). This is the edge: it reads
 * the grammar from disk.
 */
export async function loadBashParser(env: NodeJS.ProcessEnv = process.env): Promise<LoadedShellParser> {
  const wanted = env.INTERLOCK_SHELL_PARSER;
  if (wanted === 'wasm') return loadWasmBashParser();
  try {
    return loadNativeBashParser();
  } catch (error) {
    if (wanted === 'native') throw error;
    return loadWasmBashParser();
  }
}
