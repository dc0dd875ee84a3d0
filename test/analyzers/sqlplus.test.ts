import { describe, expect, it } from 'vitest';
import type { ScriptFile } from '../../src/core/types.js';
import { check } from '../support/runtime.js';

// Oracle's SQL*Plus was an unrecognised program: `sqlplus -s admin/pw@prod-db <<EOF DROP TABLE users;` was
// allowed. Its SQL is read like psql's, its own commands as the client runs them (HOST, @file, `/`, SET…),
// and the connect identifier of its logon says where it lands.

const files: Record<string, ScriptFile> = {
  '/home/dev/project/cleanup.sql': { kind: 'text', text: 'TRUNCATE TABLE sessions;\nEXIT\n' },
  '/home/dev/project/report.sql': { kind: 'text', text: 'SET PAGESIZE 0\nSELECT count(*) FROM orders;\n' },
};
const readScript = (path: string): ScriptFile => files[path] ?? { kind: 'missing' };

describe('SQL*Plus', () => {
  it.each([
    ['sqlplus -s admin/pw@prod-db <<EOF\nDROP TABLE users;\nEOF', 'require-approval', 'table users'],
    [
      "sqlplus -S app/pw@prod-db <<'EOF'\nSET ECHO ON\nDELETE FROM orders;\n/\nEXIT\nEOF",
      'require-approval',
      'table orders',
    ],
    ['sqlplus -s app/pw@//prod-db.example.com:1521/ORCL @cleanup', 'require-approval', 'table sessions'],
    ['sqlplus / as sysdba <<EOF\nshutdown immediate\nEOF', 'require-approval', 'database instance'],
    ["echo 'host rm -rf ~' | sqlplus -s app/pw@prod-db", 'ask', '/home/dev'],
    ['sqlplus -s app/pw@prod-db <<EOF\n!rm -rf ~\nEOF', 'ask', '/home/dev'],
  ])('%s → %s (%s)', async (command, outcome, target) => {
    const r = await check(command, { readScript });
    expect(r.decision.outcome, JSON.stringify(r.assessment.effects)).toBe(outcome);
    expect(r.assessment.effects.map((e) => e.target)).toContain(target);
  });

  it('reads a PL/SQL block as the block, not as client commands', async () => {
    const r = await check(
      "sqlplus -s app/pw@prod-db <<'EOF'\nBEGIN\n  EXECUTE IMMEDIATE 'DROP TABLE x';\nEND;\n/\nEOF",
    );
    expect(r.decision.outcome).not.toBe('allow');
    expect(r.assessment.effects.some((e) => e.target.startsWith('PL/SQL'))).toBe(false);
  });

  it.each([
    "sqlplus -s app/pw@staging <<'EOF'\nset pagesize 0\nselect count(*) from orders;\nexit\nEOF",
    'sqlplus -s app/pw@prod-db @report',
    'sqlplus -v',
    "sqlplus -s app/pw@prod-db <<'EOF'\nDESC orders\nEOF",
  ])('%s is allowed', async (command) => {
    const r = await check(command, { readScript });
    expect(r.decision.outcome, JSON.stringify(r.assessment.effects)).toBe('allow');
  });
});
