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
import { DROP_KINDS } from './sql-drop.js';

// Schema, privilege and session statements: GRANT/REVOKE, ALTER, RENAME, DO, CALL, CREATE…, SET, SHOW.

const HARMLESS = new Set([
  'VariableShowStmt',
  'VariableSetStmt',
  'TransactionStmt',
  'DeclareCursorStmt',
  'FetchStmt',
  'ClosePortalStmt',
  'ListenStmt',
  'UnlistenStmt',
  'NotifyStmt',
  'PrepareStmt',
  'DeallocateStmt',
  'CheckPointStmt',
  'DiscardStmt',
  'ConstraintsSetStmt',
]);
const MAINTENANCE = new Set([
  'VacuumStmt',
  'ReindexStmt',
  'ClusterStmt',
  'LockStmt',
  'RefreshMatViewStmt',
  'LoadStmt',
  'CommentStmt',
  'SecLabelStmt',
]);
const CREATES = new Set(['IndexStmt', 'ViewStmt', 'DefineStmt', 'CompositeTypeStmt', 'RuleStmt']);

/** ALTER TABLE actions that only add: a column, an index. */
const ADDITIVE = new Set(['AT_AddColumn', 'AT_AddIndex']);

function alterTable(stmt: Node): SqlEffect[] {
  const objtype = asString(stmt.objtype) ?? 'OBJECT_TABLE';
  const noun = DROP_KINDS[objtype]?.noun ?? 'table';
  const name = `${noun} ${rangeVarName(stmt.relation)}`;
  const subtypes = asList(stmt.cmds).map((c) => asNode(asNode(c)?.AlterTableCmd) ?? {});
  // ALTER is the owner's alone: no GRANT covers it.
  const owner = { access: { kind: 'sql' as const, privileges: [], object: name, ownerOnly: true as const } };
  const drops = subtypes.filter((c) => c.subtype === 'AT_DropColumn' || c.subtype === 'AT_DropConstraint');
  if (drops.length) {
    const what = drops
      .map((c) => `${c.subtype === 'AT_DropColumn' ? 'column' : 'constraint'} ${asString(c.name) ?? '?'}`)
      .join(', ');
    const dropsData = drops.some((c) => c.subtype === 'AT_DropColumn');
    return [
      effect(
        dropsData ? 'delete' : 'modify',
        'high',
        name,
        `ALTER ${noun.toUpperCase()} drops ${what}`,
        'table',
        owner,
      ),
    ];
  }
  const what = subtypes.map((c) => String(c.subtype ?? '').replace(/^AT_/, '')).join(', ');
  // Only adding columns or indexes loses nothing; on a production table the lock or rewrite is an outage.
  const additive = subtypes.length > 0 && subtypes.every((c) => ADDITIVE.has(String(c.subtype)));
  return [
    effect(
      'modify',
      additive ? 'low' : 'medium',
      name,
      `ALTER ${noun.toUpperCase()} changes the ${noun} (${what})`,
      'table',
      {
        ...owner,
        ...(additive ? { riskInProduction: 'medium' as const } : {}),
      },
    ),
  ];
}

/** Role options that hand out power over the whole server (`SUPERUSER`, `BYPASSRLS`…), as written. */
const POWERFUL_ROLE_OPTIONS = new Set(['superuser', 'createrole', 'bypassrls', 'replication']);

function rolePowers(stmt: Node): string[] {
  return asList(stmt.options)
    .map((o) => asNode(asNode(o)?.DefElem))
    .filter(
      (d) =>
        POWERFUL_ROLE_OPTIONS.has(asString(d?.defname) ?? '') &&
        asNode(asNode(d?.arg)?.Boolean)?.boolval === true,
    )
    .map((d) => asString(d!.defname)!.toUpperCase());
}

/** Effects of any other statement; kinds not known here are reported as unassessed changes. */
export function schemaStatement(type: string, stmt: Node): SqlEffect[] {
  switch (type) {
    case 'GrantStmt':
    case 'GrantRoleStmt': {
      const verb = stmt.is_grant ? 'GRANT' : 'REVOKE';
      const target =
        type === 'GrantRoleStmt'
          ? `membership in ${asList(stmt.granted_roles)
              .map((r) => asString(asNode(asNode(r)?.AccessPriv)?.priv_name) ?? '?')
              .join(', ')}`
          : `privileges on ${String(stmt.objtype ?? 'OBJECT')
              .replace(/^OBJECT_/, '')
              .toLowerCase()} ${asList(stmt.objects)
              .map((o) => (asNode(o)?.RangeVar ? rangeVarName(asNode(o)!.RangeVar) : objectName(o)))
              .join(', ')}`;
      const grantees = asList(stmt.grantees ?? stmt.grantee_roles)
        .map(roleName)
        .join(', ');
      return [
        effect(
          'modify',
          'medium',
          target,
          `${verb} changes access: ${target} ${stmt.is_grant ? 'to' : 'from'} ${grantees}`,
          'iam',
        ),
      ];
    }
    case 'AlterTableStmt':
      return alterTable(stmt);
    case 'RenameStmt': {
      const name = stmt.relation ? rangeVarName(stmt.relation) : objectName(stmt.object);
      const kind = String(stmt.renameType ?? '')
        .replace(/^OBJECT_/, '')
        .toLowerCase();
      return [
        effect(
          'modify',
          'medium',
          `${kind} ${name}`,
          `ALTER … RENAME renames ${kind} ${name}: whatever uses the old name breaks`,
          'table',
        ),
      ];
    }
    case 'DoStmt':
      return [
        effect(
          'modify',
          'medium',
          'DO block',
          'DO runs a PL/pgSQL block whose statements are not analyzed',
          'database',
        ),
      ];
    case 'CallStmt':
      return [
        effect(
          'modify',
          'medium',
          'stored procedure',
          'CALL runs a stored procedure whose statements are not analyzed',
          'database',
        ),
      ];
    case 'ExecuteStmt':
      return [
        effect(
          'modify',
          'low',
          `prepared statement ${asString(stmt.name) ?? '?'}`,
          'EXECUTE runs a prepared statement',
          'database',
        ),
      ];
    case 'CreateRoleStmt':
    case 'AlterRoleStmt': {
      const powers = rolePowers(stmt);
      if (!powers.length) break;
      const role = asString(stmt.role) ?? roleName(stmt.role);
      const verb = type === 'CreateRoleStmt' ? 'CREATE ROLE' : 'ALTER ROLE';
      return [
        effect(
          'modify',
          'high',
          `role ${role}`,
          `${verb} ${role} ${powers.join(' ')}: power over the whole server`,
          'iam',
        ),
      ];
    }
    case 'CreatedbStmt': {
      const name = asString(stmt.dbname) ?? '?';
      return [
        effect('create', 'low', `database ${name}`, `CREATE DATABASE ${name}`, 'database', {
          hints: [{ source: 'database name', value: name, weak: true }],
        }),
      ];
    }
  }
  if (HARMLESS.has(type)) return [];
  if (MAINTENANCE.has(type))
    return [
      effect(
        'modify',
        'low',
        type.replace(/Stmt$/, ''),
        `${type.replace(/Stmt$/, '')} (maintenance)`,
        'database',
      ),
    ];
  if (type.startsWith('Alter') || type === 'ReassignOwnedStmt') {
    const iam = /Role|Default|Owner|Policy|User/.test(type);
    return [
      effect(
        'modify',
        'medium',
        type.replace(/^Alter|Stmt$/g, '').toLowerCase(),
        `${type.replace(/Stmt$/, '')} changes the database configuration`,
        iam ? 'iam' : 'database',
      ),
    ];
  }
  if (type.startsWith('Create') || CREATES.has(type)) {
    const replace = stmt.replace === true;
    const iam = /Role|User|Policy/.test(type);
    return [
      effect(
        replace ? 'replace' : 'create',
        'low',
        type.replace(/^Create|Stmt$/g, '').toLowerCase(),
        `${type.replace(/Stmt$/, '')}${replace ? ' (OR REPLACE)' : ''}`,
        iam ? 'iam' : 'database',
      ),
    ];
  }
  return [
    effect('modify', 'medium', type, `a kind of SQL statement that is not assessed (${type})`, 'database'),
  ];
}
