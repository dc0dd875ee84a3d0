import { describe, expect, it } from 'vitest';
import type { EnvironmentClass, Risk } from '../../src/core/types.js';
import { check } from '../support/runtime.js';

// Rows and tables deleted through an ORM, in code an interpreter or a framework console runs, were allowed:
// no SQL text was there to read. So was the SQL `prisma db execute` runs.

describe('ORM deletions in code', () => {
  it.each<[string, Risk]>([
    [`ruby -e 'require "./config/environment"; User.delete_all'`, 'high'],
    [`python -c 'from app import db; db.drop_all()'`, 'critical'],
    [`python3 -c 'from app.models import User, session; session.query(User).delete()'`, 'high'],
    [
      `python3 -c 'from app.models import User, session; session.query(User).filter(User.id < 10).delete()'`,
      'medium',
    ],
    [`node -e 'require("./models").sequelize.sync({ force: true })'`, 'critical'],
    [
      `node -e 'const { PrismaClient } = require("@prisma/client"); new PrismaClient().user.deleteMany()'`,
      'high',
    ],
    [`node -e 'prisma.user.deleteMany({ where: { active: false } })'`, 'medium'],
    [`node -e 'db.collection("sessions").drop()'`, 'high'],
    [`node -e 'mongoose.connection.dropDatabase()'`, 'critical'],
    [`php -r 'DB::table("users")->delete();'`, 'high'],
    [`php -r 'Schema::dropIfExists("invoices");'`, 'high'],
  ])('%s is %s', async (command, risk) => {
    const r = await check(command);
    expect(r.assessment.risk, JSON.stringify(r.assessment.effects)).toBe(risk);
    expect(r.decision.outcome).not.toBe('allow');
  });

  it.each([
    `python3 -c 'import pandas as pd; df = pd.DataFrame(); df.drop(columns=["a"])'`,
    `ruby -e 'puts "a long sentence".truncate(5)'`,
    `python3 -c 'd = {"a": 1}; d.clear(); print(d)'`,
    `node -e 'const m = new Map(); m.delete("k")'`,
    `python3 -c 'import requests; requests.delete("http://localhost:8000/items/1")'`,
    `node -e 'prisma.user.findMany().then(console.log)'`,
    `python3 -c 'from app.models import User; print(User.objects.count())'`,
  ])('%s stays allowed', async (command) => {
    const r = await check(command);
    expect(r.decision.outcome, JSON.stringify(r.assessment.effects)).toBe('allow');
  });
});

describe('framework consoles and runners', () => {
  it.each<[string, Risk, EnvironmentClass]>([
    [`RAILS_ENV=production bin/rails runner 'User.delete_all'`, 'high', 'production'],
    [
      `bundle exec rails runner -e production 'Invoice.where(paid: false).destroy_all'`,
      'medium',
      'production',
    ],
    [`RAILS_ENV=production rails console <<< 'User.destroy_all'`, 'high', 'production'],
    [`echo 'User.delete_all' | RAILS_ENV=production rails c`, 'high', 'production'],
    [
      `DJANGO_SETTINGS_MODULE=billing.settings.production python manage.py shell -c 'from billing.models import Invoice; Invoice.objects.all().delete()'`,
      'high',
      'production',
    ],
    [`php artisan tinker --execute='App\\Models\\User::truncate();' --env=production`, 'high', 'production'],
    [`FLASK_ENV=production flask shell <<< 'db.drop_all()'`, 'critical', 'production'],
    [
      `npx prisma db execute --url postgres://prod-db.internal/billing --stdin <<< 'DROP TABLE users;'`,
      'high',
      'production',
    ],
  ])('%s is %s in %s', async (command, risk, environment) => {
    const r = await check(command);
    expect(r.assessment.risk, JSON.stringify(r.assessment.effects)).toBe(risk);
    expect(r.assessment.environment).toBe(environment);
    expect(r.decision.outcome).not.toBe('allow');
  });

  it('rails runner in the default (development) environment is asked about, not sent to peers', async () => {
    const r = await check(`bin/rails runner 'User.delete_all'`);
    expect(r.assessment.environment).toBe('non-production');
    expect(r.decision.outcome).toBe('ask');
  });

  it.each([
    `bin/rails runner 'puts User.count'`,
    `echo 'User.count' | rails console`,
    `rails console`,
    `python manage.py shell -c 'from billing.models import Invoice; print(Invoice.objects.count())'`,
    `php artisan tinker --execute='User::count()'`,
    `npx prisma db execute --stdin <<< 'SELECT 1;'`,
    `npx prisma migrate status`,
  ])('%s stays allowed', async (command) => {
    const r = await check(command);
    expect(r.decision.outcome, JSON.stringify(r.assessment.effects)).toBe('allow');
  });
});
