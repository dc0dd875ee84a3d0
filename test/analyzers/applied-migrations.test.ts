import { describe, expect, it } from 'vitest';
import { check } from '../support/runtime.js';

// Applying migrations runs SQL from files not read here: with DATABASE_URL pointing at production it was
// unverifiable, but the same database given on the command line was not looked at, and
// `migrate -database postgres://…prod-db… up` was allowed (src/analyzers/applied-migrations.ts). The
// database named there is now one of the hints that place the command.

describe('migrations applied to a database named on the command line', () => {
  it.each([
    'sqitch deploy db:pg://app@prod-db.internal/app',
    'sqitch deploy --target db:pg://app@db.prod.internal/shop',
    'sqitch deploy prod',
    'migrate -database postgres://app@prod-db:5432/app?sslmode=disable -path db/migrations up',
    'migrate -path db/migrations -database=postgres://db.prod.internal/billing up 2',
    'goose postgres "postgres://admin@db.prod.internal/billing" up',
    'goose -dir migrations postgres "postgres://prod-db/app" up-to 20240101',
    'dbmate --url postgres://prod-db/app up',
    'dbmate -u postgres://db.prod.internal/billing migrate',
    'alembic -x db=production upgrade head',
  ])('%s is placed in production and not allowed', async (command) => {
    const r = await check(command);
    expect(r.assessment.environment).toBe('production');
    expect(r.decision.outcome, JSON.stringify(r.assessment.effects)).toBe('deny');
    expect(r.assessment.effects.map((e) => e.operation)).toContain('execute-unverifiable');
  });

  it('says which argument placed it', async () => {
    const r = await check('migrate -database postgres://app@prod-db:5432/app -path m up');
    expect(r.assessment.effects[0]!.reason).toContain('flag -database=prod-db');
  });

  it.each([
    'migrate -path db/migrations -database postgres://localhost:5432/app up',
    'sqitch deploy db:pg://localhost/app',
    'sqitch deploy',
    'migrate -path db/migrations up',
    'goose -dir migrations postgres "user=postgres dbname=app sslmode=disable" up',
    'dbmate --url postgres://127.0.0.1/app_dev up',
    'alembic upgrade head',
    'alembic -x db=production upgrade head --sql',
    'sqitch status db:pg://app@db.prod.internal/shop',
  ])('%s stays allowed', async (command) => {
    const r = await check(command);
    expect(r.decision.outcome, JSON.stringify(r.assessment.effects)).toBe('allow');
  });
});
