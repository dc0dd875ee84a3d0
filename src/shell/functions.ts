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
  // By index: this runs once per named node of every script, and for…of's iterators were garbage.
  const children = node.namedChildren;
  for (let i = 0; i < children.length; i++) {
    const child = children[i];
    if (child) definedFunctions(child, found);
  }
  return found;
}

/** The calls to `name` under `node`, each with whether a pipeline or a `&` starts it as its own process. */
function selfCalls(node: SyntaxNode, name: string, spawned: boolean, found: boolean[]): boolean[] {
  const forks = spawned || node.type === 'pipeline' || node.children.some((c) => c?.type === '&');
  if (node.type === 'command' && node.childForFieldName('name')?.text === name) found.push(forks);
  for (const child of node.namedChildren) if (child) selfCalls(child, name, forks, found);
  return found;
}

/**
 * Functions that start copies of themselves as processes (`:(){ :|:& };:`): each call starts two more,
 * without end, until the machine has no processes left. Only when the script also calls the function.
 */
export function selfSpawningFunctions(root: SyntaxNode): string[] {
  const found: string[] = [];
  const visit = (node: SyntaxNode) => {
    if (node.type === 'function_definition') {
      const name = node.childForFieldName('name')?.text;
      const body = node.childForFieldName('body');
      const inside = name && body ? selfCalls(body, name, false, []) : [];
      if (inside.some((forks) => forks) && selfCalls(root, name!, false, []).length > inside.length)
        found.push(name!);
    }
    for (const child of node.namedChildren) if (child) visit(child);
  };
  visit(root);
  return found;
}
