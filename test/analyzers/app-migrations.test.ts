import { describe, expect, it } from 'vitest';
import { check } from '../support/runtime.js';

// Applying migrations runs files not read here, as `alembic upgrade head` does. Flask-Migrate, diesel, sqlx,
// `dotnet ef` and drizzle-kit are now read as runners (src/analyzers/migration-runners.ts,
// app-migration-runners.ts): where their database or the app's environment says production, applying is
// unverifiable there; elsewhere, and when they only look, it is everyday work. Frameworks' own forward
// migrations (`rails db:migrate`, `flyway migrate`…) stay allowed: held-out set 13 labels them routine in
// production too. Their rollbacks are judged as `rails db:rollback` is.

describe('migrations applied in production by app toolkits', () => {
  it.each([
    'FLASK_ENV=production flask db upgrade',
    'FLASK_CONFIG=production flask --app billing db upgrade head',
    'diesel migration run --database-url postgres://prod-db.internal/billing',
    'DATABASE_URL=postgres://prod-db.internal/billing diesel migration run',
    'sqlx migrate run --database-url postgres://prod-db.internal/billing',
    'sqlx migrate run -D postgres://prod-db.internal/billing --source db/migrations',
    'dotnet ef database update --connection "Host=prod-db.internal;Database=billing"',
    'ASPNETCORE_ENVIRONMENT=Production dotnet ef database update',
    'dotnet ef database update -- --environment Production',
    'npx drizzle-kit migrate --config drizzle.prod.config.ts',
    'DATABASE_URL=postgres://prod-db.internal/billing npx drizzle-kit push',
  ])('%s is unverifiable in production, as alembic is', async (command) => {
    const r = await check(command);
    expect(r.assessment.environment).toBe('production');
    expect(r.decision.outcome, JSON.stringify(r.assessment.effects)).toBe('deny');
    expect(r.assessment.effects.map((e) => [e.operation, e.risk])).toContainEqual([
      'execute-unverifiable',
      'high',
    ]);
  });
});

describe('migrations elsewhere, or only looking', () => {
  it.each([
    // Developers' everyday migrations: no hint, or one that says development or test.
    'rails db:migrate',
    'bin/rails db:migrate',
    'bundle exec rake db:migrate',
    'RAILS_ENV=development rails db:migrate',
    'RAILS_ENV=test bin/rails db:migrate',
    'rails db:migrate:up VERSION=20240101120000',
    'npx prisma migrate dev',
    'npx prisma migrate dev --name add-users',
    'DATABASE_URL=postgres://localhost:5432/app_dev npx prisma migrate deploy',
    'python manage.py migrate',
    'python manage.py migrate --settings=billing.settings.dev',
    'mix ecto.migrate',
    'MIX_ENV=test mix ecto.migrate',
    'npx knex migrate:latest',
    'npx knex migrate:latest --env development',
    'npx sequelize-cli db:migrate',
    'php artisan migrate',
    'npx typeorm migration:run -d dist/data-source.js',
    'flyway -url=jdbc:postgresql://localhost/dev migrate',
    'liquibase --url=jdbc:postgresql://localhost:5432/dev update',
    'flask db upgrade',
    'FLASK_ENV=development flask db upgrade',
    'diesel migration run',
    'diesel migration run --database-url postgres://localhost/app_dev',
    'sqlx migrate run',
    'dotnet ef database update',
    'dotnet ef database update --connection "Server=localhost;Database=billing_dev"',
    'npx drizzle-kit push',
    'npx drizzle-kit migrate',
    'rails db:migrate:primary',
    // Only looking, printing or planning, even in production.
    'RAILS_ENV=production rails db:migrate:status',
    'RAILS_ENV=production rails db:version',
    'flyway -url=jdbc:postgresql://prod-db.internal/billing info',
    'flyway -url=jdbc:postgresql://prod-db.internal/billing validate',
    'flyway -url=jdbc:postgresql://prod-db.internal/billing -dryRunOutput=/tmp/plan.sql migrate',
    'liquibase --url=jdbc:postgresql://prod-db.internal/billing status',
    'liquibase --url=jdbc:postgresql://prod-db.internal/billing update-sql',
    'DATABASE_URL=postgres://prod-db.internal/billing npx prisma migrate status',
    'DATABASE_URL=postgres://prod-db.internal/billing npx prisma migrate dev --create-only',
    'DJANGO_SETTINGS_MODULE=billing.settings.production python manage.py showmigrations',
    'python manage.py migrate --plan --settings=billing.settings.production',
    'python manage.py sqlmigrate billing 0042 --settings=billing.settings.production',
    'php artisan migrate --pretend --env=production',
    'php artisan migrate:status --env=production',
    'npx knex migrate:status --env production',
    'npx sequelize-cli db:migrate:status --env production',
    'MIX_ENV=prod mix ecto.migrations',
    'NODE_ENV=production npx typeorm migration:show -d dist/data-source.js',
    'FLASK_ENV=production flask db upgrade --sql',
    'FLASK_ENV=production flask db current',
    'FLASK_ENV=production flask db migrate -m "add users"',
    'diesel migration list --database-url postgres://prod-db.internal/billing',
    'sqlx migrate info --database-url postgres://prod-db.internal/billing',
    'sqlx migrate run --dry-run --database-url postgres://prod-db.internal/billing',
    'dotnet ef migrations script --connection "Host=prod-db.internal;Database=billing"',
    'dotnet ef migrations add AddUsers',
    'dotnet build',
    'flask run',
    'npx drizzle-kit generate --config drizzle.prod.config.ts',
    'RAILS_ENV=production rails db:migrate:status:primary',
  ])('%s is allowed', async (command) => {
    const r = await check(command);
    expect(r.decision.outcome, JSON.stringify(r.assessment.effects)).toBe('allow');
  });
});

describe('tasks that undo migrations or drop the database', () => {
  it.each([
    ['RAILS_ENV=production rails db:migrate:redo', 'modify'],
    ['php artisan migrate:refresh --force --env=production', 'replace'],
    ['FLASK_ENV=production flask db downgrade', 'modify'],
    ['diesel migration revert --database-url postgres://prod-db.internal/billing', 'modify'],
    ['diesel migration revert --all', 'delete'],
    ['diesel database reset --database-url postgres://prod-db.internal/billing', 'delete'],
    ['sqlx migrate revert --database-url postgres://prod-db.internal/billing', 'modify'],
    ['sqlx database drop -y --database-url postgres://prod-db.internal/billing', 'delete'],
    ['dotnet ef database update 0', 'delete'],
    ['dotnet ef database drop --force', 'delete'],
    ['npx drizzle-kit push --force', 'replace'],
    ['RAILS_ENV=production rails db:rollback:primary', 'modify'],
    ['MIX_ENV=prod mix ecto.rollback', 'modify'],
    ['mix ecto.rollback --all', 'replace'],
    ['npx knex migrate:rollback --env production', 'modify'],
    ['php artisan migrate:rollback --env=production', 'modify'],
    ['npx sequelize-cli db:migrate:undo --env production', 'modify'],
    ['NODE_ENV=production npx typeorm migration:revert -d dist/data-source.js', 'modify'],
  ])('%s is not allowed', async (command, operation) => {
    const r = await check(command);
    expect(r.assessment.effects.map((e) => e.operation)).toContain(operation);
    expect(r.decision.outcome).not.toBe('allow');
  });
});

describe('rollbacks where the framework defaults to development', () => {
  it.each(['npx knex migrate:rollback', 'npx sequelize-cli db:migrate:undo', 'mix ecto.rollback'])(
    '%s is asked about, in development',
    async (command) => {
      const r = await check(command);
      expect(r.assessment.environment).toBe('non-production');
      expect(r.decision.outcome).toBe('ask');
    },
  );
});
