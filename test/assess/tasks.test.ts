import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { localFacts } from '../../src/adapters/local-facts.js';
import { evaluate } from '../../src/app/evaluate.js';
import { createChecker, loadParsers, type ShellCheck } from '../../src/app/checker.js';
import { CedarPolicyEvaluator } from '../../src/policy/engine.js';
import { packSource } from '../../src/policy/packs.js';
import { AGENT, sharedRuntime } from '../support/runtime.js';
import { tempTree } from '../support/tmp.js';

// Issue 14: `make recreate`, `npm run db:reset`, `just nuke`, `task clean` run what a file of the project
// says. The Makefile, package.json, justfile or Taskfile.yml is read through the edge's script reader and
// each recipe line is assessed as if typed (these tests use the real reader on files in a temp directory;
// nothing here is ever executed).

const MAKEFILE = [
  'TF := terraform',
  'NS ?= production',
  'DATA_DIR = /var/lib/postgresql',
  '.PHONY: build test recreate clean reset drop wipe-ns',
  '',
  'build:',
  '\tgo build ./...',
  '',
  'test: build',
  '\t@go test ./...',
  '',
  'recreate:',
  '\t$(TF) destroy -auto-approve && $(TF) apply -auto-approve',
  '',
  'reset: drop',
  '\t@echo reset done',
  '',
  'drop:',
  "\t-psql -h prod-db -c 'DROP DATABASE billing'",
  '',
  'wipe-ns:',
  '\t$(MAKE) really-wipe-ns',
  '',
  'really-wipe-ns:',
  '\tkubectl delete namespace $(NS)',
  '',
  'purge:',
  '\t@rm -rf $(DATA_DIR)',
  '',
].join('\n');

const PACKAGE = JSON.stringify({
  name: 'api',
  scripts: {
    build: 'tsc -p .',
    lint: 'eslint .',
    test: 'vitest run',
    start: 'node dist/server.js',
    'db:reset': "psql -h prod-db -c 'DROP SCHEMA public CASCADE'",
    'ns:clean': 'kubectl delete namespace staging --context prod-cluster',
    nuke: 'terraform destroy -auto-approve',
    prerelease: 'aws s3 rm s3://acme-prod-assets --recursive',
    release: 'echo released',
    'test:e2e': 'playwright test',
    stop: 'docker compose down --volumes',
  },
});

const JUSTFILE = [
  'set shell := ["bash", "-c"]',
  'cluster := "prod-cluster"',
  '',
  'alias n := nuke',
  '',
  '# the first recipe is the default',
  'build:',
  '    cargo build --release',
  '',
  'test: build',
  '    cargo test',
  '',
  'nuke: check',
  '    terraform destroy -auto-approve',
  '',
  'check:',
  '    @echo checking',
  '',
  'drop db:',
  '    psql -h prod-db -c "DROP DATABASE {{db}}"',
  '',
  'wipe:',
  '    #!/usr/bin/env bash',
  '    set -euo pipefail',
  '    kubectl --context {{cluster}} delete namespace payments',
  '',
  'report:',
  '    #!/usr/bin/env python3',
  '    import shutil; shutil.rmtree("/")',
  '',
].join('\n');

const TASKFILE = [
  "version: '3'",
  'vars:',
  '  NS: production',
  'tasks:',
  '  default:',
  '    cmds: [echo hello]',
  '  build:',
  '    cmds:',
  '      - go build ./...',
  '  clean:',
  '    cmds:',
  '      - kubectl delete namespace {{.NS}}',
  '  reset:',
  '    deps: [build]',
  '    cmds:',
  '      - task: drop',
  '  drop:',
  '    cmds:',
  "      - cmd: psql -h prod-db -c 'DROP DATABASE billing'",
  '  lint: golangci-lint run',
  '',
].join('\n');

const roots: string[] = [];
afterAll(() => {
  for (const root of roots) rmSync(root, { recursive: true, force: true });
});

/** A project directory with these files, and a home of its own. */
function project(files: Record<string, string>): string {
  const root = tempTree({ 'home/.keep': '', ...files });
  roots.push(root);
  return root;
}

async function run(command: string, root: string, cwd = root): Promise<ShellCheck & { digest: string }> {
  const rt = await sharedRuntime();
  const facts = localFacts({ cwd, env: { HOME: join(root, 'home'), PATH: '/usr/bin:/bin' } });
  const result = await evaluate({ kind: 'shell', command }, facts, AGENT, rt);
  return { ...rt.checker.checkShell(command, facts, AGENT), digest: result.binding.digest };
}

const reasons = (c: ShellCheck) => c.assessment.effects.map((e) => `${e.operation} ${e.target}: ${e.reason}`);

const ALL = { Makefile: MAKEFILE, 'package.json': PACKAGE, justfile: JUSTFILE, 'Taskfile.yml': TASKFILE };

describe('a task that destroys is assessed by what it runs', () => {
  it.each([
    // [command, files, a target that must be deleted, where the effect says it came from]
    ['make recreate', ALL, '', 'make recreate → Makefile:13'],
    ['make reset', ALL, 'billing', 'make reset → Makefile:19'],
    ['make wipe-ns', ALL, 'production', 'make wipe-ns → Makefile:22 → make really-wipe-ns → Makefile:25'],
    ['make purge', ALL, '/var/lib/postgresql', 'make purge → Makefile:28'],
    ['make -j4 build purge', ALL, '/var/lib/postgresql', 'Makefile:28'],
    ['make -C infra recreate', { 'infra/Makefile': MAKEFILE }, '', 'make recreate → infra/Makefile:13'],
    ['make -f ops.mk drop', { 'ops.mk': MAKEFILE }, 'billing', 'make drop → ops.mk:19'],
    [
      'make',
      { Makefile: 'nuke:\n\tterraform destroy -auto-approve\nbuild:\n\tgo build\n' },
      '',
      'make → Makefile:2',
    ],
    ['make wipe-ns NS=kube-system', ALL, 'kube-system', 'make really-wipe-ns'],
    [
      'make',
      { Makefile: '.DEFAULT_GOAL := nuke\nbuild:\n\tgo build\nnuke:\n\trm -rf /srv/data\n' },
      '/srv/data',
      'Makefile:5',
    ],
    [
      'make install',
      {
        Makefile:
          'VENV := .venv\ninstall: $(VENV)/bin/activate\n$(VENV)/bin/activate:\n\tpython3 -m venv $(VENV) && \\\n\t  rm -rf /srv/data\n',
      },
      '/srv/data',
      'make install → Makefile:4',
    ],
    ['npm run db:reset', ALL, 'public', 'npm run db:reset → package.json scripts.db:reset'],
    ['npm run-script nuke', ALL, '', 'package.json scripts.nuke'],
    ['npm run release', ALL, 'acme-prod-assets', 'package.json scripts.prerelease'],
    [
      'npm --prefix api run db:reset',
      { 'api/package.json': PACKAGE },
      'public',
      'package.json scripts.db:reset',
    ],
    ['cd api && npm run nuke', { 'api/package.json': PACKAGE }, '', 'npm run nuke'],
    ['yarn ns:clean', ALL, 'staging', 'yarn ns:clean → package.json scripts.ns:clean'],
    ['yarn run db:reset', ALL, 'public', 'yarn run db:reset'],
    ['yarn --cwd api ns:clean', { 'api/package.json': PACKAGE }, 'staging', 'yarn ns:clean'],
    ['pnpm run nuke', ALL, '', 'pnpm run nuke → package.json scripts.nuke'],
    ['pnpm db:reset', ALL, 'public', 'pnpm db:reset'],
    ['bun run db:reset', ALL, 'public', 'bun run db:reset'],
    ['npm stop', ALL, '', 'npm stop → package.json scripts.stop'],
    [
      'npm ci',
      { 'package.json': JSON.stringify({ scripts: { postinstall: 'terraform destroy -auto-approve' } }) },
      '',
      'npm ci → package.json scripts.postinstall',
    ],
    ['just nuke', ALL, '', 'just nuke → justfile:14'],
    ['just n', ALL, '', 'justfile:14'],
    ['just drop billing', ALL, 'billing', 'just drop billing → justfile:20'],
    ['just wipe', ALL, 'payments', 'just wipe → justfile:23'],
    ['just --justfile ops/justfile nuke', { 'ops/justfile': JUSTFILE }, '', 'ops/justfile:14'],
    ['just', { justfile: 'nuke:\n  terraform destroy -auto-approve\n' }, '', 'just → justfile:2'],
    ['task clean', ALL, 'production', 'task clean → Taskfile.yml tasks.clean'],
    ['task reset', ALL, 'billing', 'task reset → Taskfile.yml tasks.drop'],
    ['task -d ops clean', { 'ops/Taskfile.yml': TASKFILE }, 'production', 'ops/Taskfile.yml tasks.clean'],
    ['task clean NS=payments', ALL, 'payments', 'task clean'],
  ])('%s', async (command, files, target, at) => {
    const c = await run(command, project(files));
    expect(c.assessment.destructive).toBe(true);
    expect(c.decision.outcome).not.toBe('allow');
    const found = c.assessment.effects.find((e) => e.reversible === false && e.target.includes(target));
    expect(found?.reason, reasons(c).join('\n')).toContain(at);
  });

  it('a package.json in a parent directory is the one npm runs', async () => {
    const root = project({ 'package.json': PACKAGE, 'src/index.ts': '' });
    const c = await run('npm run db:reset', root, join(root, 'src'));
    expect(c.decision.outcome).not.toBe('allow');
  });

  it('npm run passes the words after -- to the script', async () => {
    const pkg = JSON.stringify({ scripts: { tf: 'terraform' } });
    const c = await run('npm run tf -- destroy -auto-approve', project({ 'package.json': pkg }));
    expect(c.assessment.destructive).toBe(true);
  });

  it('make -n still runs the lines that call $(MAKE)', async () => {
    const c = await run('make -n wipe-ns', project(ALL));
    expect(c.decision.outcome).not.toBe('allow');
  });
});

describe('everyday tasks stay allowed', () => {
  it.each([
    ['make', ALL],
    ['make build', ALL],
    ['make test', ALL],
    ['make -j 4 test', ALL],
    ['make -n recreate', ALL],
    ['make --version', ALL],
    ['make build', {}],
    ['make -C docs html', { 'docs/Makefile': 'html:\n\tsphinx-build -b html . _build\n' }],
    ['npm run build', ALL],
    ['npm test', ALL],
    ['npm run test:e2e', ALL],
    ['npm start', ALL],
    ['npm run nothing-by-that-name', ALL],
    ['npm ci && npm run build && npm test', ALL],
    ['npm run build', {}],
    ['yarn lint', ALL],
    ['yarn install', ALL],
    [
      'npm install',
      { 'package.json': JSON.stringify({ scripts: { prepare: 'husky', postinstall: 'prisma generate' } }) },
    ],
    ['yarn jest --watch', ALL],
    ['pnpm test', ALL],
    ['bun run build', ALL],
    ['just build', ALL],
    ['just', ALL],
    ['just test', ALL],
    ['just --list', ALL],
    ['just report', ALL],
    ['task build', ALL],
    ['task', ALL],
    ['task lint', ALL],
    ['task --list', ALL],
    ['task', {}],
  ])('%s', async (command, files) => {
    const c = await run(command, project(files));
    expect(c.assessment.destructive, reasons(c).join('\n')).toBe(false);
    expect(c.decision.outcome).toBe('allow');
  });
});

describe('a task that cannot be verified is not taken as harmless', () => {
  it.each([
    ['make deploy', { Makefile: 'include rules.mk\nbuild:\n\tgo build\n' }, /no target deploy.*include/],
    ['make deploy', { Makefile: 'build:\n\tgo build\n' }, /no target deploy/],
    ['just deploy', { justfile: 'build:\n  cargo build\n' }, /no recipe deploy/],
    ['task deploy', { 'Taskfile.yml': TASKFILE }, /no task deploy/],
    ['npm run build', { 'package.json': '{ "scripts": { "build": ' }, /not valid JSON/],
    ['make build', { Makefile: 'build:\n\tgo build\0\0' }, /Makefile is not text/],
    ["printf 'nuke:\\n\\trm -rf /srv\\n' > Makefile && make nuke", {}, /written by this command/],
  ])('%s', async (command, files, why) => {
    const c = await run(command, project(files));
    expect(reasons(c).join('\n')).toMatch(why);
    expect(c.decision.outcome).not.toBe('allow');
  });
});

describe('the approval binds the content of the file that says what runs', () => {
  it.each([
    ['make recreate', 'Makefile'],
    ['npm run db:reset', 'package.json'],
    ['just nuke', 'justfile'],
    ['task clean', 'Taskfile.yml'],
  ])('%s', async (command, file) => {
    const root = project(ALL);
    const approved = (await run(command, root)).digest;
    expect((await run(command, root)).digest).toBe(approved);
    writeFileSync(join(root, file), `${ALL[file as keyof typeof ALL]}\n`);
    expect((await run(command, root)).digest).not.toBe(approved);
  });
});

describe('SQL in a file the command runs loads the SQL parser (the command text shows none)', () => {
  it.each([
    ['npm run db:reset', { 'package.json': PACKAGE }, 'require-approval'],
    ['make drop', { Makefile: MAKEFILE }, 'require-approval'],
    ['bash wipe.sh', { 'wipe.sh': "psql -h prod-db -c 'DROP DATABASE billing'\n" }, 'require-approval'],
    ['npm test', { 'package.json': JSON.stringify({ scripts: { test: "psql -c 'SELECT 1'" } }) }, 'allow'],
  ])('%s', async (command, files, outcome) => {
    const parsers = await loadParsers({ eagerSql: false });
    const evaluator = await CedarPolicyEvaluator.load([packSource('baseline')]);
    const checker = createChecker({ ...parsers, evaluator });
    const root = project(files);
    const facts = localFacts({ cwd: root, env: { HOME: join(root, 'home'), PATH: '/usr/bin:/bin' } });
    const c = await checker.check(command, facts, AGENT);
    expect(c.decision.outcome, reasons(c).join('\n')).toBe(outcome);
  });
});
