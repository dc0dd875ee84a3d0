import type { Access } from '../core/types.js';

// PostgreSQL GRANTs that cover the approved SQL effects: the table privileges each statement used
// (SELECT, INSERT, UPDATE, DELETE, TRUNCATE), one GRANT per table. DDL (DROP, ALTER) is the owner's alone:
// no GRANT covers it, and the grants say so instead of widening anything.

export interface PostgresGrants {
  /** `GRANT DELETE, SELECT ON TABLE orders TO "role";` */
  statements: string[];
  /** Objects only their owner may change (DROP, ALTER): ownership, not a grant, would be needed. */
  ownerOnly: string[];
}

const ORDER = ['SELECT', 'INSERT', 'UPDATE', 'DELETE', 'TRUNCATE'];

/** A role name as an identifier: quoted unless it is plain lower-case. */
function quoteRole(role: string): string {
  return /^[a-z_][a-z0-9_]*$/.test(role) ? role : `"${role.replace(/"/g, '""')}"`;
}

/** The GRANTs (to `role`) that allow exactly the approved SQL effects. */
export function postgresGrants(approved: readonly { access?: Access }[], role: string): PostgresGrants {
  const byTable = new Map<string, Set<string>>();
  const owner = new Set<string>();
  for (const { access } of approved) {
    if (access?.kind !== 'sql') continue;
    if (access.ownerOnly) {
      owner.add(access.object);
      continue;
    }
    const table = access.object.replace(/^table /, '');
    const set = byTable.get(table) ?? new Set<string>();
    for (const p of access.privileges) set.add(p);
    byTable.set(table, set);
  }
  const grantee = quoteRole(role);
  const statements = [...byTable]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([table, set]) => {
      const privileges = ORDER.filter((p) => set.has(p));
      return `GRANT ${privileges.join(', ')} ON TABLE ${table} TO ${grantee};`;
    });
  return { statements, ownerOnly: [...owner].sort() };
}
