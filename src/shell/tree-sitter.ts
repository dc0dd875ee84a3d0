import { createRequire } from 'node:module';
import type { ShellParser } from './syntax.js';

const require = createRequire(import.meta.url);

/** Load tree-sitter-bash (WebAssembly) once. This is the edge: it reads the grammar file from disk. */
export async function loadBashParser(): Promise<ShellParser> {
  const { Parser, Language } = await import('web-tree-sitter');
  await Parser.init();
  const language = await Language.load(require.resolve('tree-sitter-bash/tree-sitter-bash.wasm'));
  const parser = new Parser();
  parser.setLanguage(language);
  return {
    parse(text: string) {
      const tree = parser.parse(text);
      if (!tree) throw new Error('the bash parser returned no tree');
      return tree as unknown as ReturnType<ShellParser['parse']>;
    },
  };
}
