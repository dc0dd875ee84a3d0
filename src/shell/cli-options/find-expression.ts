// find's expression as a tree, to say which tests stand before an action. Precedence, loosest first: `,`,
// then -o, then -a (written or not), then `!`/-not; parentheses group. In `find . -name a -o -name b
// -delete` the -delete is reached only through `-name b`.

import type { FindCommandLine } from './find.js';

type FindPrimary = FindCommandLine['primaries'][number];

export type FindNode =
  | { kind: 'primary'; primary: FindPrimary }
  | { kind: 'not'; node: FindNode }
  | { kind: 'and'; nodes: FindNode[] }
  /** -o, and `,` too (it binds looser, which changes no action's guard): either side may run an action. */
  | { kind: 'or'; nodes: FindNode[] };

const OR = new Set(['-o', '-or', ',']);
const AND = new Set(['-a', '-and']);
const NOT = new Set(['!', '-not']);
/** What an empty expression is: true, like `-true`. */
const EMPTY: FindNode = { kind: 'and', nodes: [] };

/** A reader of the primaries in order; a missing `)` ends the group at the end of the expression. */
function parser(primaries: readonly FindPrimary[]) {
  let i = 0;
  const peek = () => primaries[i]?.name;
  const any = (): FindNode => {
    const nodes = [all()];
    while (peek() !== undefined && OR.has(peek()!)) {
      i++;
      nodes.push(all());
    }
    return nodes.length === 1 ? nodes[0]! : { kind: 'or', nodes };
  };
  const all = (): FindNode => {
    const nodes: FindNode[] = [];
    for (let next = peek(); next !== undefined && next !== ')' && !OR.has(next); next = peek()) {
      if (AND.has(next)) i++;
      else nodes.push(one());
    }
    return nodes.length === 1 ? nodes[0]! : { kind: 'and', nodes };
  };
  const one = (): FindNode => {
    const primary = primaries[i++]!;
    if (NOT.has(primary.name)) return { kind: 'not', node: peek() === undefined ? EMPTY : one() };
    if (primary.name !== '(') return { kind: 'primary', primary };
    const group = any();
    if (peek() === ')') i++;
    return group;
  };
  const strayParenthesis = () => peek() === ')' && ++i > 0;
  return { any, strayParenthesis };
}

/** The expression as a tree; a stray `)` is passed over. */
function findTree(primaries: readonly FindPrimary[]): FindNode {
  const read = parser(primaries);
  const parts = [read.any()];
  while (read.strayParenthesis()) parts.push(read.any());
  return parts.length === 1 ? parts[0]! : { kind: 'or', nodes: parts };
}

/** An action and what must hold for find to reach it: the nodes ANDed before it, outermost first. */
interface GuardedAction {
  action: FindPrimary;
  guard: FindNode[];
}

function guarded(node: FindNode, isAction: (p: FindPrimary) => boolean): GuardedAction[] {
  switch (node.kind) {
    case 'primary':
      return isAction(node.primary) ? [{ action: node.primary, guard: [] }] : [];
    case 'not':
      return guarded(node.node, isAction);
    case 'or':
      return node.nodes.flatMap((n) => guarded(n, isAction));
    case 'and':
      return node.nodes.flatMap((n, k) =>
        guarded(n, isAction).map((g) => ({
          action: g.action,
          guard: [...node.nodes.slice(0, k), ...g.guard],
        })),
      );
  }
}

/** Each action the expression holds (as `isAction` says), with the tests that must pass before it runs. */
export function guardedActions(
  primaries: readonly FindPrimary[],
  isAction: (p: FindPrimary) => boolean,
): GuardedAction[] {
  return guarded(findTree(primaries), isAction);
}
