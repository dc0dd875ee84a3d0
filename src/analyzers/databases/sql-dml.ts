import type { Operation, Risk } from '../../core/types.js';
import {
  asList,
  asNode,
  asString,
  effect,
  objectName,
  rangeVarName,
  unwrap,
  type Node,
  type SqlEffect,
} from './sql-ast.js';

// Statements that read or change rows: SELECT (and what hides in it), EXPLAIN ANALYZE, DELETE, UPDATE,
// MERGE, INSERT, COPY.

type Recurse = (type: string, stmt: Node) => SqlEffect[];

/** A WHERE that keeps every row: `WHERE true`, `WHERE 1`, `WHERE 1=1`, `WHERE 'a'='a'`. */
function filtersNothing(where: unknown): boolean {
  if (where === undefined) return true;
  const [type, body] = unwrap(where) ?? [];
  if (!body) return false;
  if (type === 'A_Const') {
    const bool = asNode(body.boolval);
    return bool ? bool.boolval === true : body.ival !== undefined || body.isnull !== true;
  }
  if (type === 'A_Expr' && body.kind === 'AEXPR_OP' && objectName(body.name) === '=') {
    const l = unwrap(body.lexpr);
    const r = unwrap(body.rexpr);
    return (
      l?.[0] === 'A_Const' &&
      r?.[0] === 'A_Const' &&
      JSON.stringify(stripLocation(l[1])) === JSON.stringify(stripLocation(r[1]))
    );
  }
  return false;
}

function stripLocation(node: Node): Node {
  return Object.fromEntries(Object.entries(node).filter(([key]) => key !== 'location'));
}

function explainAnalyzes(stmt: Node): boolean {
  return asList(stmt.options).some((o) => {
    const def = asNode(asNode(o)?.DefElem);
    if (def?.defname !== 'analyze') return false;
    const arg = unwrap(def.arg);
    if (!arg) return true;
    const value = String(
      arg[1].sval ?? asNode(arg[1].boolval)?.boolval ?? arg[1].ival ?? 'true',
    ).toLowerCase();
    return !['false', 'off', '0'].includes(value);
  });
}

/** Server functions that change state even inside a SELECT. */
const STATEFUL_FUNCTIONS: Record<string, { operation: Operation; risk: Risk; what: string }> = {
  pg_terminate_backend: { operation: 'modify', risk: 'medium', what: 'terminates database sessions' },
  pg_cancel_backend: { operation: 'modify', risk: 'low', what: 'cancels running queries' },
  pg_drop_replication_slot: { operation: 'delete', risk: 'high', what: 'drops a replication slot' },
  pg_promote: { operation: 'modify', risk: 'high', what: 'promotes a standby to primary' },
  pg_reload_conf: { operation: 'modify', risk: 'low', what: 'reloads the server configuration' },
  lo_unlink: { operation: 'delete', risk: 'medium', what: 'deletes a large object' },
  pg_file_unlink: { operation: 'delete', risk: 'medium', what: 'deletes a file on the database server' },
  pg_file_write: { operation: 'modify', risk: 'medium', what: 'writes a file on the database server' },
  dblink_exec: { operation: 'modify', risk: 'medium', what: 'runs SQL on another database (not analyzed)' },
  setval: { operation: 'modify', risk: 'low', what: 'resets a sequence' },
};

const DML = new Set(['DeleteStmt', 'UpdateStmt', 'InsertStmt', 'MergeStmt']);

/** Data-changing statements nested anywhere (WITH d AS (DELETE …) SELECT …), and stateful function calls. */
function nested(root: Node, statement: Recurse): SqlEffect[] {
  const effects: SqlEffect[] = [];
  const visit = (v: unknown, depth: number) => {
    if (depth > 200) return;
    if (Array.isArray(v)) {
      for (const item of v) visit(item, depth + 1);
      return;
    }
    const node = asNode(v);
    if (!node) return;
    for (const [key, value] of Object.entries(node)) {
      if (DML.has(key) && asNode(value)) {
        effects.push(...statement(key, asNode(value)!));
        continue; // statement() looks inside it
      }
      if (key === 'FuncCall') {
        const name = objectName(asNode(value)?.funcname).split('.').pop() ?? '';
        const f = STATEFUL_FUNCTIONS[name.toLowerCase()];
        if (f)
          effects.push(effect(f.operation, f.risk, `function ${name}`, `${name}() ${f.what}`, 'database'));
      }
      visit(value, depth + 1);
    }
  };
  visit(root, 0);
  return effects;
}

/**
 * The table privileges a statement uses (for least-privilege GRANTs). A WHERE clause reads the rows it
 * filters, so it needs SELECT as well (PostgreSQL's rule for UPDATE and DELETE).
 */
function tableAccess(name: string, privileges: string[]): Partial<SqlEffect> {
  return { access: { kind: 'sql', privileges, object: `table ${name}` } };
}

/** Effects of a row-level statement, or undefined when `type` is not one. */
export function dataStatement(type: string, stmt: Node, statement: Recurse): SqlEffect[] | undefined {
  switch (type) {
    case 'SelectStmt': {
      const into = asNode(stmt.intoClause);
      const created = into
        ? [effect('create', 'low', `table ${rangeVarName(into.rel)}`, 'SELECT INTO creates a table', 'table')]
        : [];
      return [...created, ...nested(stmt, statement)];
    }
    case 'ExplainStmt': {
      if (!explainAnalyzes(stmt)) return [];
      const inner = unwrap(stmt.query);
      return inner ? statement(inner[0], inner[1]) : [];
    }
    case 'DeleteStmt': {
      const name = rangeVarName(stmt.relation);
      const all = filtersNothing(stmt.whereClause);
      return [
        effect(
          'delete',
          all ? 'high' : 'medium',
          `table ${name}`,
          all
            ? `DELETE FROM ${name} without a WHERE clause deletes every row`
            : `DELETE FROM ${name} deletes the rows matching its WHERE clause`,
          'table',
          tableAccess(name, all ? ['DELETE'] : ['DELETE', 'SELECT']),
        ),
        ...nested(
          {
            withClause: stmt.withClause,
            whereClause: stmt.whereClause,
            usingClause: stmt.usingClause,
          },
          statement,
        ),
      ];
    }
    case 'UpdateStmt': {
      const name = rangeVarName(stmt.relation);
      const all = filtersNothing(stmt.whereClause);
      return [
        effect(
          'modify',
          all ? 'high' : 'low',
          `table ${name}`,
          all
            ? `UPDATE ${name} without a WHERE clause rewrites every row`
            : `UPDATE ${name} changes the rows matching its WHERE clause`,
          'table',
          tableAccess(name, all ? ['UPDATE'] : ['UPDATE', 'SELECT']),
        ),
        ...nested(
          {
            withClause: stmt.withClause,
            targetList: stmt.targetList,
            whereClause: stmt.whereClause,
            fromClause: stmt.fromClause,
          },
          statement,
        ),
      ];
    }
    case 'MergeStmt': {
      const name = rangeVarName(stmt.relation);
      const deletes = asList(stmt.mergeWhenClauses).some(
        (c) => asNode(asNode(c)?.MergeWhenClause)?.commandType === 'CMD_DELETE',
      );
      return [
        effect(
          deletes ? 'delete' : 'modify',
          'medium',
          `table ${name}`,
          `MERGE INTO ${name}${deletes ? ' deletes and' : ''} changes rows`,
          'table',
          tableAccess(name, ['SELECT', 'INSERT', 'UPDATE', ...(deletes ? ['DELETE'] : [])]),
        ),
      ];
    }
    case 'InsertStmt': {
      const name = rangeVarName(stmt.relation);
      const upsert = asNode(asNode(stmt.onConflictClause))?.action === 'ONCONFLICT_UPDATE';
      return [
        effect(
          upsert ? 'modify' : 'create',
          'low',
          `table ${name}`,
          `INSERT INTO ${name}${upsert ? ' … ON CONFLICT DO UPDATE' : ''}`,
          'table',
          tableAccess(name, upsert ? ['INSERT', 'UPDATE'] : ['INSERT']),
        ),
        ...nested({ withClause: stmt.withClause, selectStmt: stmt.selectStmt }, statement),
      ];
    }
    case 'CopyStmt': {
      const name = stmt.relation ? `table ${rangeVarName(stmt.relation)}` : 'a query';
      if (stmt.is_program)
        return [
          effect(
            'execute-unverifiable',
            'high',
            asString(stmt.filename) ?? '?',
            `COPY … ${stmt.is_from ? 'FROM' : 'TO'} PROGRAM runs a shell command on the database server: ${asString(stmt.filename) ?? '?'}`,
            'database',
          ),
        ];
      return stmt.is_from && stmt.relation
        ? [
            effect('modify', 'low', name, `COPY ${name} FROM loads rows`, 'table', {
              ...tableAccess(rangeVarName(stmt.relation), ['INSERT']),
            }),
          ]
        : [];
    }
  }
  return undefined;
}
