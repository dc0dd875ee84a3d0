import { destructive as d, harmless as h, type LabelledCommand } from '../support/runtime.js';

// Application frameworks' database tasks: the app's environment variables say which database they hit.
export const frameworksCorpus: LabelledCommand[] = [
  d('rails db:drop', { minRisk: 'critical' }),
  d('bin/rails db:reset', { minRisk: 'high' }),
  d('RAILS_ENV=production bundle exec rake db:schema:load', {
    environment: 'production',
    outcome: 'require-approval',
  }),
  d('rake db:migrate:reset RAILS_ENV=production', { environment: 'production' }),
  d('rails db:drop', { env: { RAILS_ENV: 'development' }, environment: 'non-production', outcome: 'ask' }),
  d('python manage.py flush --noinput', { minRisk: 'critical' }),
  d('DJANGO_SETTINGS_MODULE=app.settings.prod python3 manage.py flush', { environment: 'production' }),
  d('npx prisma migrate reset --force', { minRisk: 'critical' }),
  d('npx prisma db push --accept-data-loss', { minRisk: 'high' }),
  d('npx sequelize-cli db:drop', { minRisk: 'critical' }),
  d('npx typeorm schema:drop', { minRisk: 'critical' }),
  d('php artisan migrate:fresh --force', { minRisk: 'high' }),
  d('flyway clean', { minRisk: 'critical' }),
  d('liquibase dropAll', { minRisk: 'critical' }),
  d('alembic downgrade base', { minRisk: 'high' }),
  d('MIX_ENV=prod mix ecto.drop', { environment: 'production' }),
  d('docker compose run --rm web rake db:drop', {
    note: 'one-off service container, inner command assessed',
  }),

  h('rails db:migrate'),
  h('rails db:seed'),
  h('rake db:migrate:status'),
  h('python manage.py migrate'),
  h('python manage.py runserver'),
  h('python manage.py sqlflush'),
  h('npx prisma generate'),
  h('npx prisma migrate dev --name add-users'),
  h('npx prisma db push'),
  h('php artisan migrate'),
  h('flyway info'),
  h('alembic upgrade head'),
  h('mix ecto.migrate'),
];
