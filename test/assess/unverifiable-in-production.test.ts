import { describe, expect, it } from 'vitest';
import type { ActionFacts } from '../../src/core/types.js';
import { check } from '../support/runtime.js';

// Issue 14: a program nobody can see into, while the environment holds production credentials or targets,
// is `execute-unverifiable` in production (the baseline denies it); everyday local work stays free, and
// without production evidence nothing changes.

type Env = Partial<ActionFacts> & { env?: Record<string, string> };

const PROD: Env = { env: { AWS_PROFILE: 'prod' } };

/** Unrecognised programs, each with a production environment given by a different fact. */
const UNSEEN_IN_PRODUCTION: readonly (readonly [string, Env, string])[] = [
  ['./deploy-tool --all', PROD, 'AWS_PROFILE=prod'],
  ['./bin/migrate', PROD, 'AWS_PROFILE=prod'],
  ['some-vendor-cli apply', PROD, 'AWS_PROFILE=prod'],
  ['go run ./cmd/cleanup', PROD, 'AWS_PROFILE=prod'],
  ['cargo run --bin purge', PROD, 'AWS_PROFILE=prod'],
  ['dotnet run --project tools/Reset', PROD, 'AWS_PROFILE=prod'],
  ['npx some-deploy-pkg', PROD, 'AWS_PROFILE=prod'],
  ['bunx some-deploy-pkg', PROD, 'AWS_PROFILE=prod'],
  ['mvn flyway:migrate', PROD, 'AWS_PROFILE=prod'],
  ['mvn clean deploy', PROD, 'AWS_PROFILE=prod'],
  ['./gradlew publish', PROD, 'AWS_PROFILE=prod'],
  ['npm publish', PROD, 'AWS_PROFILE=prod'],
  ['java -jar admin.jar purge-tenants', PROD, 'AWS_PROFILE=prod'],
  ['./gradlew build publish', PROD, 'AWS_PROFILE=prod'],
  ['uv run tools/purge', PROD, 'AWS_PROFILE=prod'],
  ['./.venv/../bin/pytest', PROD, 'AWS_PROFILE=prod'],
  ['cd tools && ./cleanup --force', PROD, 'AWS_PROFILE=prod'],
  ['sudo ./bin/reset-cluster', PROD, 'AWS_PROFILE=prod'],
  ['AWS_PROFILE=prod ./deploy-tool', {}, 'AWS_PROFILE=prod'],
  ['env AWS_PROFILE=production ./deploy-tool', {}, 'AWS_PROFILE=production'],
  ['./deploy-tool', { env: { AWS_DEFAULT_PROFILE: 'production' } }, 'AWS_DEFAULT_PROFILE=production'],
  ['./bin/migrate', { kubeContext: 'arn:aws:eks:eu-west-1:1:cluster/prod-eu' }, 'kube context='],
  ['./bin/migrate', { env: { TF_WORKSPACE: 'production' } }, 'TF_WORKSPACE=production'],
  ['./bin/migrate', { terraformWorkspace: 'prod' }, 'terraform workspace=prod'],
  ['goose up', { env: { PGHOST: 'db.prod.internal' } }, 'PGHOST=db.prod.internal'],
  ['dbmate up', { env: { DATABASE_URL: 'postgres://app:s3cret@db.prod.internal/app' } }, 'DATABASE_URL='],
  ['./bin/flush-cache', { env: { REDIS_URL: 'redis://cache.prod.internal:6379' } }, 'REDIS_URL='],
  ['./bin/reindex', { env: { MONGODB_URI: 'mongodb://mongo-prd-1/app' } }, 'MONGODB_URI='],
  ['./bin/sync', { env: { GOOGLE_CLOUD_PROJECT: 'billing-prod' } }, 'GOOGLE_CLOUD_PROJECT=billing-prod'],
  ['./bin/sync', { env: { PULUMI_STACK: 'acme/prod' } }, 'PULUMI_STACK=acme/prod'],
  ['./bin/rollout', { env: { DOCKER_HOST: 'ssh://deploy@prod-web-1' } }, 'DOCKER_HOST='],
  ['./bin/rotate', { env: { VAULT_ADDR: 'https://vault.prod.example.com' } }, 'VAULT_ADDR='],
  ['./bin/drain', { env: { NOMAD_ADDR: 'https://nomad.live.example.com' } }, 'NOMAD_ADDR='],
];

describe('an unrecognised program while the environment points at production', () => {
  it.each(UNSEEN_IN_PRODUCTION)('%s (%j)', async (command, env, named) => {
    const { assessment, decision } = await check(command, env);
    const held = assessment.effects.filter((e) => /is not recognised and the environment/.test(e.reason));
    expect(held.length, JSON.stringify(assessment.effects.map((e) => e.reason))).toBeGreaterThan(0);
    expect(held.every((e) => e.operation === 'execute-unverifiable' && e.environment === 'production')).toBe(
      true,
    );
    expect(held[0]!.reason).toContain(named);
    expect(assessment.readOnly).toBe(false);
    // baseline.deny-unverifiable-in-production: never a silent allow.
    expect(decision.outcome).toBe('deny');
  });

  it('never shows a URL password in the reason', async () => {
    const { assessment } = await check('dbmate up', {
      env: { DATABASE_URL: 'postgres://app:s3cret@db.prod.internal/app' },
    });
    expect(JSON.stringify(assessment)).not.toContain('s3cret');
  });
});

describe('the same programs without production evidence', () => {
  const unseen = [...new Set(UNSEEN_IN_PRODUCTION.map(([command]) => command))].filter(
    (command) => !/(AWS_PROFILE|sudo)/.test(command),
  );
  const elsewhere: readonly (readonly [string, Env])[] = [
    ['no environment', {}],
    ['a dev profile', { env: { AWS_PROFILE: 'dev', TF_WORKSPACE: 'staging' } }],
    ['a local cluster', { kubeContext: 'kind-kind', env: { PGHOST: 'localhost' } }],
    ['a profile that names nothing', { env: { AWS_PROFILE: 'payments' } }],
  ];
  it.each(elsewhere.flatMap(([label, env]) => unseen.map((command) => [command, label, env] as const)))(
    '%s with %s is allowed',
    async (command, _label, env) => {
      const { assessment, decision } = await check(command, env);
      expect(assessment.effects.filter((e) => e.operation === 'execute-unverifiable')).toEqual([]);
      expect(decision.outcome).toBe('allow');
    },
  );
});

describe('everyday local work with production credentials set', () => {
  it.each([
    // A program that says it only looks: one read subcommand, or a version flag.
    'mytool status',
    'pm2 list',
    'java -version',
    'go build ./...',
    'go test ./...',
    'go vet ./...',
    'go mod download',
    'cargo build --release',
    'cargo test',
    'cargo clippy -- -D warnings',
    'cargo fmt --check',
    'cargo fetch',
    'mvn -q -DskipTests package',
    'mvn clean install',
    './gradlew build',
    'gradle test',
    'dotnet build',
    'dotnet test',
    'swift build',
    'tsc -p tsconfig.json --noEmit',
    'npx tsc --noEmit',
    'npx eslint src',
    'npx prettier --check .',
    'npx vite build',
    'esbuild src/index.ts --bundle --outfile=dist/out.js',
    'webpack --mode production',
    'pytest -q tests/',
    'python3 -m pytest',
    'jest --ci',
    'vitest run',
    'mocha',
    'rspec spec/models',
    'phpunit',
    'eslint . --fix',
    'prettier --write src',
    'black .',
    'ruff check .',
    'flake8',
    'mypy src',
    'pylint pkg',
    'rubocop -a',
    'golangci-lint run',
    'shellcheck scripts/*.sh',
    'hadolint Dockerfile',
    'tflint',
    'stylelint "**/*.css"',
    'pip install -r requirements.txt',
    'pip3 install requests',
    'uv pip install -r requirements.txt',
    'uv sync',
    'poetry install',
    'npm ci',
    'npm install express',
    'pnpm install',
    'yarn',
    'bundle install',
    'composer install',
    'docker build -t app .',
    'docker buildx build -t app .',
    'docker compose build',
    'kubectl get pods',
    'kubectl describe pod api-0',
    'kubectl logs deploy/api --tail 100',
    'git status',
    'git commit -m "fix: parser"',
    'git push origin feature/x',
    'git checkout -b feature/y',
    'less README.md',
    'vim src/main.go',
    'code .',
    'mkdir -p build && tar czf build/dist.tgz dist',
    'f() { echo hi; }; f',
    'function build { go build ./...; }; build',
    'node_modules/.bin/eslint src',
    './gradlew :app:build -x test',
    'pre-commit run --all-files',
    'nvm use 20',
    'brew install jq',
    'kind create cluster',
    'pg_dump -Fc -f /tmp/app.dump app',
    'export NODE_ENV=production && vite build',
  ])('%s', async (command) => {
    const { assessment, decision } = await check(command, PROD);
    expect(assessment.effects.filter((e) => e.operation === 'execute-unverifiable')).toEqual([]);
    expect(decision.outcome).toBe('allow');
  });
});

describe('variables set on a command that only looks', () => {
  it.each(['AWS_PROFILE=production mytool status', 'LANG=C AWS_PROFILE=production mytool list'])(
    '%s: which account it reads does not change what runs',
    async (command) => {
      expect((await check(command)).decision.outcome).toBe('allow');
    },
  );

  it.each([
    'AWS_PROFILE=production PATH=./evil:$PATH mytool status',
    'AWS_PROFILE=production LD_PRELOAD=/tmp/x.so mytool status',
    'AWS_PROFILE=production mytool purge',
  ])('%s is still denied', async (command) => {
    expect((await check(command)).decision.outcome).toBe('deny');
  });
});
