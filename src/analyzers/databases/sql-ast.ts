import type { Effect, Operation, Risk } from '../../core/types.js';

// Reading libpg-query parse trees: nodes are {NodeType: {...}} objects; names are lists of String nodes.

/** An effect before the client (psql, mysql…) and the connection hints are known. */
export type SqlEffect = Omit<Effect, 'tool'>;

export type Node = Record<string, unknown>;

export const asNode = (x: unknown): Node | undefined =>
  x !== null && typeof x === 'object' && !Array.isArray(x) ? (x as Node) : undefined;
export const asList = (x: unknown): unknown[] => (Array.isArray(x) ? x : []);
export const asString = (x: unknown): string | undefined => (typeof x === 'string' ? x : undefined);

/** The single key of a wrapped node ({DeleteStmt: {...}}) and its body. */
export function unwrap(x: unknown): [string, Node] | undefined {
  const node = asNode(x);
  if (!node) return undefined;
  const keys = Object.keys(node);
  if (keys.length !== 1) return undefined;
  const body = asNode(node[keys[0]!]);
  return body ? [keys[0]!, body] : undefined;
}

export function rangeVarName(x: unknown): string {
  const rv = asNode(x);
  if (!rv) return '?';
  return [rv.catalogname, rv.schemaname, rv.relname]
    .filter((p): p is string => typeof p === 'string')
    .join('.');
}

/** Strings under a node (names in a DROP's object list, a TypeName, ObjectWithArgs…), joined by dots. */
export function objectName(x: unknown): string {
  const parts: string[] = [];
  const visit = (v: unknown, depth: number) => {
    if (depth > 4) return;
    const node = asNode(v);
    if (Array.isArray(v)) for (const item of v) visit(item, depth + 1);
    if (!node) return;
    if (typeof node.sval === 'string') parts.push(node.sval);
    for (const key of ['String', 'List', 'items', 'names', 'objname', 'TypeName', 'ObjectWithArgs'])
      if (key in node) visit(node[key], depth + 1);
  };
  visit(x, 0);
  const names = parts.filter((p) => p !== 'pg_catalog');
  return names.length ? names.join('.') : '?';
}

export function roleName(x: unknown): string {
  const spec = asNode(asNode(x)?.RoleSpec) ?? asNode(x);
  return (
    asString(spec?.rolename) ??
    String(spec?.roletype ?? '?')
      .replace(/^ROLESPEC_/, '')
      .toLowerCase()
  );
}

export function effect(
  operation: Operation,
  risk: Risk,
  target: string,
  reason: string,
  category: string,
  extra: Partial<SqlEffect> = {},
): SqlEffect {
  return { operation, risk, target, reason, category, reversible: false, ...extra };
}
