import type { SyntaxNode } from './syntax.js';

/**
 * The names of the functions a script defines (`f() { …; }`, `function f { …; }`). Their bodies are
 * assessed where they are written; a call to one runs that body, not a program of that name.
 */
export function definedFunctions(node: SyntaxNode, found: string[] = []): string[] {
  if (node.type === 'function_definition') {
    const name = node.childForFieldName('name')?.text;
    if (name) found.push(name);
  }
  for (const child of node.namedChildren) if (child) definedFunctions(child, found);
  return found;
}
