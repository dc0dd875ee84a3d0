import type { ScriptFile } from '../../src/core/types.js';
import { describe, expect, it } from 'vitest';
import { databasesCorpus } from '../corpus/databases.js';
import { corpusTests } from '../support/corpus.js';
import { check } from '../support/runtime.js';
import { loadSqlParser } from '../../src/analyzers/sql-parser.js';
import { assessSql } from '../../src/analyzers/databases/sql-assess.js';
import { backticksToDoubleQuotes, splitSql } from '../../src/analyzers/databases/sql-text.js';
import { uriHints } from '../../src/analyzers/databases/common.js';

describe('databases', () => corpusTests(databasesCorpus));

describe('database targets, categories and hints', () => {
  const effectsOf = async (command: string, env: Record<string, string> = {}) =>
    (await check(command, { env })).assessment.effects;

  it('names every dropped object, with its category', async () => {
    const effects = await effectsOf('psql -c "DROP TABLE public.users, orders; DROP SCHEMA legacy CASCADE"');
    expect(effects.map((e) => [e.target, e.category, e.risk])).toEqual([
      ['table public.users', 'table', 'high'],
      ['table orders', 'table', 'high'],
      ['schema legacy', 'schema', 'critical'],
    ]);
  });

  it('keeps one effect per destructive statement in a script', async () => {
    const effects = await effectsOf(
      "psql <<'SQL'\nBEGIN;\nSELECT 1;\nDELETE FROM a WHERE id = 1;\nTRUNCATE b;\nUPDATE c SET x = 1;\nCOMMIT;\nSQL",
    );
    expect(effects.map((e) => [e.operation, e.target, e.risk])).toEqual([
      ['delete', 'table a', 'medium'],
      ['delete', 'table b', 'high'],
      ['modify', 'table c', 'high'],
    ]);
  });

  it('files GRANT and REVOKE under iam', async () => {
    const [grant] = await effectsOf('psql -c "GRANT SELECT ON orders TO reporting"');
    expect(grant).toMatchObject({ operation: 'modify', risk: 'medium', category: 'iam' });
  });

  it('takes the host and database from flags, URIs and conninfo strings', async () => {
    const [a] = await effectsOf('psql -h db-1.internal -d billing -c "DROP TABLE x"');
    expect(a!.hints).toEqual(
      expect.arrayContaining([
        { source: 'flag --host', value: 'db-1.internal' },
        { source: 'database name', value: 'billing', weak: true },
      ]),
    );
    const [b] = await effectsOf('psql "host=db-2.internal dbname=ledger" -c "DROP TABLE x"');
    expect(b!.hints!.map((h) => h.value)).toEqual(expect.arrayContaining(['db-2.internal', 'ledger']));
    const [c] = await effectsOf('mysql -h db-3 -D shop -e "DROP TABLE x"');
    expect(c!.hints!.map((h) => h.value)).toEqual(expect.arrayContaining(['db-3', 'shop']));
  });

  it('reads PGHOST and friends from the environment', async () => {
    const result = await check('psql -c "DROP TABLE x"', { env: { PGHOST: 'prod-db.internal' } });
    expect(result.assessment.environment).toBe('production');
    expect(result.assessment.environmentHints).toContainEqual({
      source: 'env PGHOST',
      value: 'prod-db.internal',
    });
  });

  it('says which SQL could not be parsed instead of calling it harmless', async () => {
    const [e] = await effectsOf('mysql -e "DELETE FROM orders ORDER BY id LIMIT 10"');
    expect(e).toMatchObject({ operation: 'modify', risk: 'medium' });
    expect(e!.reason).toMatch(/could not be parsed/);
  });

  it('treats a file given to psql -f as unknown, but reads psql -f - from static stdin', async () => {
    expect((await effectsOf('psql -f schema.sql'))[0]!.reason).toMatch(/not inspected/);
    const effects = await effectsOf('echo "DROP TABLE t" | psql -f -');
    expect(effects.map((e) => e.target)).toEqual(['table t']);
  });

  it('assesses a shell command run through psql or sqlite as shell', async () => {
    const [e] = await effectsOf('sqlite3 app.db ".shell rm -rf /"');
    expect(e).toMatchObject({ operation: 'delete', target: '/', risk: 'critical' });
  });

  it('names the collection or database a mongosh call acts on', async () => {
    const effects = await effectsOf(
      'mongosh mongodb+srv://cluster0.example.net/shop --eval "use archive; db.orders.drop(); db.dropDatabase()"',
    );
    expect(effects.map((e) => [e.target, e.risk])).toEqual([
      ['collection orders', 'high'],
      ['database archive', 'critical'],
    ]);
    expect(effects[1]!.hints).toContainEqual({ source: 'database name', value: 'archive', weak: true });
  });

  it('grades redis commands', async () => {
    const risk = async (cmd: string) => (await effectsOf(cmd)).map((e) => e.risk);
    expect(await risk('redis-cli flushall')).toEqual(['critical']);
    expect(await risk('redis-cli UNLINK a b')).toEqual(['medium']);
    expect(await risk('redis-cli CONFIG SET save ""')).toEqual(['high']);
    expect(await risk('redis-cli SCAN 0')).toEqual([]);
  });
});

describe('SQL text', () => {
  it('splits statements outside quotes, comments and dollar quotes', () => {
    const pieces = splitSql(
      "SELECT ';'; -- ; comment\nCREATE FUNCTION f() RETURNS int AS $$ SELECT 1; $$ LANGUAGE sql;\n\\dt\nDROP TABLE x",
      'postgres',
    );
    expect(pieces.map((p) => p.kind)).toEqual(['sql', 'sql', 'meta', 'sql']);
    expect(pieces[3]!.text).toBe('DROP TABLE x');
  });

  it('recognises sqlite dot-commands and mysql source lines', () => {
    expect(splitSql('.tables\nSELECT 1;\n.read x.sql', 'sqlite').map((p) => p.kind)).toEqual([
      'meta',
      'sql',
      'meta',
    ]);
    expect(splitSql('source dump.sql\nSELECT 1', 'mysql').map((p) => p.kind)).toEqual(['meta', 'sql']);
  });

  it('turns backtick identifiers into double-quoted ones, leaving strings alone', () => {
    expect(backticksToDoubleQuotes("DELETE FROM `my table` WHERE note = 'a `b`'")).toBe(
      'DELETE FROM "my table" WHERE note = \'a `b`\'',
    );
  });

  it('reads URIs', () => {
    expect(
      uriHints('mongodb+srv://u:p@a.prod.example.net,b.prod.example.net/shop?authSource=admin', 'uri'),
    ).toEqual([
      { source: 'uri host', value: 'a.prod.example.net' },
      { source: 'uri host', value: 'b.prod.example.net' },
      { source: 'database name', value: 'shop', weak: true },
      { source: 'uri authSource', value: 'admin', weak: true },
    ]);
  });

  it('assesses statements with the PostgreSQL parser', async () => {
    const parser = await loadSqlParser();
    const risks = (sql: string) => assessSql(parser, sql, 'postgres').map((e) => `${e.operation}:${e.risk}`);
    // An index is made again from the rows: low where it lands outside production, medium there.
    expect(risks('DROP INDEX i')).toEqual(['delete:low']);
    expect(assessSql(parser, 'DROP INDEX i', 'postgres')[0]?.riskInProduction).toBe('medium');
    expect(risks('DROP VIEW v CASCADE')).toEqual(['delete:high']);
    expect(risks('DELETE FROM t WHERE true')).toEqual(['delete:high']);
    expect(risks('UPDATE t SET a = 1 WHERE id = 2')).toEqual(['modify:low']);
    expect(risks('INSERT INTO t VALUES (1)')).toEqual(['create:low']);
    expect(risks('ALTER TABLE t ADD CONSTRAINT c CHECK (a > 0)')).toEqual(['modify:medium']);
    expect(risks('ALTER TABLE t DROP CONSTRAINT c')).toEqual(['modify:high']);
    expect(risks('DROP USER bob')).toEqual(['delete:high']);
    expect(risks('EXPLAIN ANALYZE UPDATE t SET a = 1')).toEqual(['modify:high']);
    expect(risks('SELECT 1; SHOW x; SET a = 1; BEGIN; COMMIT')).toEqual([]);
    expect(risks('THIS IS NOT SQL')).toEqual(['modify:medium']);
  });
});

describe('SQL files a client runs are read at the edge', () => {
  const files: Record<string, ScriptFile> = {
    '/home/dev/project/drop.sql': { kind: 'text', text: 'DROP TABLE invoices;\n' },
    '/home/dev/project/index.sql': {
      kind: 'text',
      text: 'CREATE INDEX CONCURRENTLY IF NOT EXISTS i ON t (a);\n',
    },
    '/home/dev/project/report.sql': { kind: 'text', text: 'SELECT count(*) FROM signups GROUP BY day;\n' },
    '/home/dev/project/locked.sql': { kind: 'unreadable', reason: 'EACCES' },
  };
  const readScript = (path: string): ScriptFile => files[path] ?? { kind: 'missing' };
  it.each([
    ['psql -d app -f drop.sql', 'require-approval'],
    ['mysql app < drop.sql', 'require-approval'],
    ['psql -d app -f index.sql', 'allow'],
    ['psql -d app -v ON_ERROR_STOP=1 -f report.sql', 'allow'],
    ['psql -d app -f missing.sql', 'allow'],
    ['psql -d app -f locked.sql', 'require-approval'],
  ])('%s → %s', async (command, outcome) => {
    const r = await check(command, { readScript });
    expect(r.decision.outcome, r.assessment.reasons.join('\n')).toBe(outcome);
  });
});

// An expiry already due deletes the key at once, as DEL does; one still to come only schedules it.
describe('redis expiries', () => {
  it.each([
    'redis-cli EXPIRE session:1 0',
    'redis-cli -h redis.prod.internal PEXPIRE cart:9 0',
    'redis-cli EXPIRE session:1 -1',
    'redis-cli EXPIREAT session:1 1000',
    'redis-cli PEXPIREAT session:1 1000000',
    "echo 'EXPIRE session:1 0' | redis-cli",
  ])('%s deletes the key, like DEL', async (command) => {
    const r = await check(command);
    expect(r.assessment.effects.map((e) => [e.operation, e.risk])).toContainEqual(['delete', 'medium']);
    expect(r.decision.outcome).not.toBe('allow');
  });

  it.each([
    'redis-cli EXPIRE session:1 300',
    'redis-cli -h redis.prod.internal PEXPIRE cart:9 60000',
    'redis-cli EXPIREAT session:1 1999999999',
    'redis-cli TTL session:1',
  ])('%s only schedules an expiry, or looks: allowed', async (command) => {
    const r = await check(command);
    expect(r.decision.outcome, JSON.stringify(r.assessment.effects)).toBe('allow');
  });
});

// Collections named at run time: `db[c]` and `db.getCollection(c)` are collections still, and a drop over
// every name getCollectionNames() gives drops them all.
describe('mongosh drops of computed collections', () => {
  it.each([
    ["mongosh --eval 'db.getCollectionNames().forEach(c => db[c].drop())'", 'critical'],
    [
      'mongosh "mongodb://db.prod.internal/app" --eval \'db.getCollectionNames().forEach(function(n){ db.getCollection(n).drop() })\'',
      'critical',
    ],
    ["mongo app --eval 'db.getCollection(name).drop()'", 'high'],
    ["mongosh --eval 'db[name].drop()'", 'high'],
    ["mongosh --eval 'db[name].deleteMany({})'", 'high'],
  ])('%s (%s)', async (command, risk) => {
    const r = await check(command);
    expect(r.assessment.effects.map((e) => [e.operation, e.risk])).toContainEqual(['delete', risk]);
    expect(r.decision.outcome).not.toBe('allow');
  });

  it.each([
    "mongosh --eval 'db.getCollectionNames().forEach(c => printjson(db[c].countDocuments()))'",
    "mongosh --eval 'db.getCollectionNames().forEach(c => db[c].find().limit(1))'",
    "mongosh --eval 'db[name].stats()'",
  ])('%s only looks: allowed', async (command) => {
    const r = await check(command);
    expect(r.decision.outcome, JSON.stringify(r.assessment.effects)).toBe('allow');
  });
});
