import { describe, expect, it } from 'vitest';
import { check } from '../support/runtime.js';

// goose, golang-migrate, dbmate, alembic and sqitch were unrecognised programs: `goose postgres "postgres://admin@db.prod…"
// reset` (every migration rolled back) was allowed. src/analyzers/migration-runners.ts reads their commands
// and the database they are given.

describe('schema migration runners', () => {
  it.each([
    [
      'goose -dir migrations postgres "postgres://admin@db.prod.internal/billing" reset',
      'delete',
      'critical',
    ],
    ['goose postgres "postgres://admin@db.prod.internal/billing" down-to 0', 'delete', 'critical'],
    ['goose mysql "admin@tcp(db.prod.internal:3306)/billing" down-to 20240101', 'modify', 'high'],
    ['goose -dir=db postgres "postgres://admin@db.prod.internal/billing" down', 'modify', 'medium'],
    [
      'migrate -database "postgres://admin@db.prod.internal:5432/billing?sslmode=require" -path m drop -f',
      'delete',
      'critical',
    ],
    ['migrate -path m -database postgres://db.prod.internal/billing down -all', 'delete', 'critical'],
    ['migrate -path m -database postgres://db.prod.internal/billing down 2', 'modify', 'high'],
    ['migrate -database=postgres://db.prod.internal/billing -path m goto 3', 'modify', 'high'],
    ['dbmate --url "postgres://admin@db.prod.internal/billing" drop', 'delete', 'critical'],
    ['dbmate -u postgres://db.prod.internal/billing rollback', 'modify', 'medium'],
    ['alembic -x db=production downgrade base', 'delete', 'critical'],
    ['alembic -x db=production downgrade -1', 'modify', 'medium'],
    ['alembic -c alembic.ini -xdb=production downgrade ae1027a6acf', 'modify', 'high'],
    ['sqitch revert -y db:pg://app@db.prod.internal/shop', 'delete', 'critical'],
    ['sqitch revert db:pg://app@db.prod.internal/shop --to @HEAD^', 'modify', 'high'],
    ['sqitch rebase -y --target db:pg://db.prod.internal/shop', 'modify', 'high'],
  ])('%s: %s, %s, in production', async (command, operation, risk) => {
    const r = await check(command);
    expect(r.assessment.effects.map((e) => [e.operation, e.risk])).toContainEqual([operation, risk]);
    expect(r.assessment.environment).toBe('production');
    expect(r.decision.outcome).not.toBe('allow');
  });

  it.each([
    ['goose reset', { GOOSE_DRIVER: 'postgres', GOOSE_DBSTRING: 'postgres://db.prod.internal/billing' }],
    ['dbmate drop', { DATABASE_URL: 'postgres://db.prod.internal/billing' }],
    ['dbmate -e PRIMARY_DB drop', { PRIMARY_DB: 'postgres://db.prod.internal/billing' }],
  ])('%s is placed by its variables', async (command, env) => {
    const r = await check(command, { env });
    expect(r.assessment.environment).toBe('production');
    expect(r.decision.outcome).not.toBe('allow');
  });

  it('applying migrations runs SQL files not read here: unverifiable in production', async () => {
    const r = await check('dbmate up', { env: { DATABASE_URL: 'postgres://db.prod.internal/billing' } });
    expect(r.decision.outcome).toBe('deny');
    expect(r.assessment.effects.map((e) => e.operation)).toContain('execute-unverifiable');
  });

  it.each([
    'goose -dir migrations postgres "postgres://readonly@db.prod.internal/billing" status',
    'goose postgres "postgres://db.prod.internal/billing" version',
    'goose create add_users sql',
    'migrate -database postgres://localhost/dev -path m up',
    'migrate create -ext sql -dir m add_users',
    'dbmate up',
    'dbmate new add_users',
    'dbmate --url postgres://db.prod.internal/billing status',
    'goose --help',
    'alembic downgrade ae10:bb20 --sql',
    'alembic -x db=production downgrade -1 --sql',
    'alembic upgrade head --sql',
    'alembic history',
    'alembic current',
    'sqitch status db:pg://app@db.prod.internal/shop',
    'sqitch log',
    'sqitch verify db:pg://app@db.prod.internal/shop',
  ])('%s is allowed', async (command) => {
    const r = await check(command);
    expect(r.decision.outcome, JSON.stringify(r.assessment.effects)).toBe('allow');
  });

  it.each(['alembic downgrade -1', 'alembic downgrade ae1027a6acf', 'sqitch revert --to @HEAD^'])(
    '%s undoes schema changes wherever it lands: asked',
    async (command) => {
      const r = await check(command);
      expect(r.assessment.effects.map((e) => e.operation)).toContain('modify');
      expect(r.decision.outcome).not.toBe('allow');
    },
  );
});
