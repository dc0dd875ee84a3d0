import { describe, expect, it } from 'vitest';
import { check } from '../support/runtime.js';

// Runners that fetch a published tool or run a command in a project's environment are judged as what they
// run (src/shell/tool-runners.ts): `uv run --with boto3 python -c …` took boto3 for the command, and
// `go run …/cmd/goose@latest … reset` and `uvx --from awscli aws s3 rm …` were not seen into.

describe('tool runners', () => {
  it.each([
    [
      'uv run --with boto3 python -c \'import boto3; boto3.resource("s3").Bucket("prod-uploads").objects.all().delete()\'',
      'prod-uploads',
    ],
    ['uv run --python 3.12 --env-file .env python manage.py flush --no-input', 'database (flush)'],
    ['poetry run -C services/api python manage.py flush --no-input', 'database (flush)'],
    [
      'go run github.com/pressly/goose/v3/cmd/goose@latest -dir migrations postgres "postgres://admin@db.prod.internal/billing" reset',
      'database (goose reset)',
    ],
    [
      'go run -tags prod github.com/golang-migrate/migrate/v4/cmd/migrate@v4.17.0 -database postgres://db.prod.internal/b -path m drop -f',
      'database (migrate drop)',
    ],
    ['uvx --from awscli aws s3 rm s3://prod-uploads --recursive', 's3://prod-uploads'],
    ['uv tool run --from awscli aws s3 rm s3://prod-uploads --recursive', 's3://prod-uploads'],
    ['pipx run --spec awscli aws s3 rm s3://prod-uploads --recursive', 's3://prod-uploads'],
  ])('%s reaches %s', async (command, target) => {
    const r = await check(command);
    expect(r.decision.outcome).not.toBe('allow');
    expect(r.assessment.effects.map((e) => e.target)).toContain(target);
  });

  it.each([
    'uv run ruff check .',
    'uv run --with pytest-xdist pytest -n 4',
    'uvx ruff@0.6.9 check .',
    'uvx --from httpie http --version',
    'go run ./cmd/server --port 8080',
    'go run main.go',
    'go run golang.org/x/tools/cmd/stringer@latest -type=Color',
    'go run github.com/pressly/goose/v3/cmd/goose@latest -dir m postgres "postgres://db.prod.internal/b" status',
    'pipx run black --check .',
  ])('%s is allowed', async (command) => {
    const r = await check(command);
    expect(r.decision.outcome, JSON.stringify(r.assessment.effects)).toBe('allow');
  });
});
