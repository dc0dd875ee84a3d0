import type { Risk } from '../../core/types.js';
import {
  asList,
  asNode,
  asString,
  effect,
  objectName,
  rangeVarName,
  roleName,
  type Node,
  type SqlEffect,
} from './sql-ast.js';

// Statements that destroy objects or all their rows: DROP …, DROP DATABASE, DROP ROLE, TRUNCATE.

/** `rebuilt`: made again from the table's rows (an index), so dropping one loses no data, only speed. */
export const DROP_KINDS: Record<string, { noun: string; risk: Risk; category: string; rebuilt?: true }> = {
  OBJECT_TABLE: { noun: 'table', risk: 'high', category: 'table' },
  OBJECT_FOREIGN_TABLE: { noun: 'foreign table', risk: 'high', category: 'table' },
  OBJECT_SCHEMA: { noun: 'schema', risk: 'critical', category: 'schema' },
  OBJECT_DATABASE: { noun: 'database', risk: 'critical', category: 'database' },
  OBJECT_INDEX: { noun: 'index', risk: 'medium', category: 'database', rebuilt: true },
  OBJECT_VIEW: { noun: 'view', risk: 'medium', category: 'database' },
  OBJECT_MATVIEW: { noun: 'materialized view', risk: 'medium', category: 'database' },
  OBJECT_FUNCTION: { noun: 'function', risk: 'medium', category: 'database' },
  OBJECT_PROCEDURE: { noun: 'procedure', risk: 'medium', category: 'database' },
  OBJECT_ROUTINE: { noun: 'routine', risk: 'medium', category: 'database' },
  OBJECT_SEQUENCE: { noun: 'sequence', risk: 'medium', category: 'database' },
  OBJECT_TYPE: { noun: 'type', risk: 'medium', category: 'database' },
  OBJECT_EXTENSION: { noun: 'extension', risk: 'medium', category: 'database' },
  OBJECT_TRIGGER: { noun: 'trigger', risk: 'medium', category: 'database' },
  OBJECT_POLICY: { noun: 'row security policy', risk: 'medium', category: 'iam' },
  OBJECT_PUBLICATION: { noun: 'publication', risk: 'medium', category: 'database' },
};

const RISK_UP: Record<Risk, Risk> = {
  none: 'low',
  low: 'medium',
  medium: 'high',
  high: 'high',
  critical: 'critical',
};

function drop(stmt: Node): SqlEffect[] {
  const removeType = asString(stmt.removeType) ?? 'OBJECT_UNKNOWN';
  const kind = DROP_KINDS[removeType] ?? {
    noun: removeType
      .replace(/^OBJECT_/, '')
      .toLowerCase()
      .replaceAll('_', ' '),
    risk: 'medium' as Risk,
    category: 'database',
  };
  const cascade = stmt.behavior === 'DROP_CASCADE';
  const risk = cascade ? RISK_UP[kind.risk] : kind.risk;
  // Without it, queries slow down: on a local or staging database that is nothing; in production, an outage.
  const slowerOnly = 'rebuilt' in kind && !cascade ? { risk: 'low' as Risk, riskInProduction: risk } : {};
  return asList(stmt.objects).map((o) => {
    const name = objectName(o);
    return effect(
      'delete',
      risk,
      `${kind.noun} ${name}`,
      `DROP ${kind.noun.toUpperCase()} ${name}${cascade ? ' CASCADE (and everything that depends on it)' : ''} destroys it and its data`,
      kind.category,
      // Only the owner (or a superuser) may drop an object: no GRANT covers it.
      {
        access: { kind: 'sql', privileges: [], object: `${kind.noun} ${name}`, ownerOnly: true },
        ...slowerOnly,
      },
    );
  });
}

/** Effects of a dropping statement, or undefined when `type` is not one. */
export function droppingStatement(type: string, stmt: Node): SqlEffect[] | undefined {
  switch (type) {
    case 'DropStmt':
      return drop(stmt);
    case 'DropdbStmt': {
      const name = asString(stmt.dbname) ?? '?';
      return [
        effect(
          'delete',
          'critical',
          `database ${name}`,
          `DROP DATABASE ${name} destroys the whole database`,
          'database',
          {
            hints: [{ source: 'database name', value: name, weak: true }],
          },
        ),
      ];
    }
    case 'DropRoleStmt':
      return asList(stmt.roles).map((r) =>
        effect(
          'delete',
          'high',
          `role ${roleName(r)}`,
          `DROP ROLE ${roleName(r)} removes a database login or role`,
          'iam',
        ),
      );
    case 'DropOwnedStmt': {
      const roles = asList(stmt.roles).map(roleName).join(', ');
      return [
        effect(
          'delete',
          'high',
          `objects owned by ${roles}`,
          `DROP OWNED BY ${roles} drops every object they own`,
          'database',
        ),
      ];
    }
    case 'DropTableSpaceStmt':
      return [
        effect(
          'delete',
          'high',
          `tablespace ${asString(stmt.tablespacename) ?? '?'}`,
          'DROP TABLESPACE',
          'database',
        ),
      ];
    case 'TruncateStmt': {
      const cascade = stmt.behavior === 'DROP_CASCADE';
      return asList(stmt.relations).map((r) => {
        const name = rangeVarName(asNode(r)?.RangeVar);
        return effect(
          'delete',
          cascade ? 'critical' : 'high',
          `table ${name}`,
          `TRUNCATE ${name}${cascade ? ' CASCADE' : ''} deletes every row${cascade ? ' of it and of every table referencing it' : ''}`,
          'table',
          { access: { kind: 'sql', privileges: ['TRUNCATE'], object: `table ${name}` } },
        );
      });
    }
  }
  if (type.startsWith('Drop')) {
    return [
      effect(
        'delete',
        'high',
        type.replace(/^Drop|Stmt$/g, '').toLowerCase(),
        `${type.replace(/Stmt$/, '')} removes a database object`,
        'database',
      ),
    ];
  }
  return undefined;
}
