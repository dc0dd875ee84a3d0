import { mkdirSync, rmSync, symlinkSync, unlinkSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { localFacts } from '../../src/adapters/local-facts.js';
import { evaluate } from '../../src/app/evaluate.js';
import { AGENT, sharedRuntime, testFacts } from '../support/runtime.js';
import { tempTree, writeTree } from '../support/tmp.js';

// Issue 12: an approval is bound to a digest of the exact action. Each attack below is a grant used after
// the world the command acts on changed: the same command must then have another digest (a new request),
// and the same command in the same world the same digest (the approved retry still works).

const roots: string[] = [];
afterAll(() => {
  for (const root of roots) rmSync(root, { recursive: true, force: true });
});

/** A fresh directory with files, and a home of its own (no ~/.kube/config unless written). */
function world(files: Record<string, string> = {}): string {
  const root = tempTree(files);
  roots.push(root);
  mkdirSync(join(root, 'home'), { recursive: true });
  return root;
}

/** The digest the pipeline binds an approval to, with facts gathered from this machine as `check` does. */
async function digest(
  command: string,
  root: string,
  options: { cwd?: string; env?: Record<string, string> } = {},
): Promise<string> {
  const rt = await sharedRuntime();
  const env = { HOME: join(root, 'home'), PATH: '/usr/bin:/bin', ...options.env };
  const facts = localFacts({ cwd: options.cwd ?? root, env });
  return (await evaluate({ kind: 'shell', command }, facts, AGENT, rt)).binding.digest;
}

const DEPLOYMENT = 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\n';
const NAMESPACE = 'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: production\n';

function kubeconfig(current: string | undefined, server = 'https://dev.example:6443'): string {
  return [
    'apiVersion: v1',
    'kind: Config',
    ...(current ? [`current-context: ${current}`] : []),
    'clusters:',
    '- name: c',
    `  cluster: {server: "${server}"}`,
    'contexts:',
    '- name: dev',
    '  context: {cluster: c, user: u}',
    '- name: prod',
    '  context: {cluster: c, user: u}',
    'users:',
    '- name: u',
    '  user: {}',
    '',
  ].join('\n');
}

describe('attack 1: the directory is resolved through symlinks', () => {
  const TF = 'resource "null_resource" "x" {}\n';

  it.each([
    ['terraform destroy -auto-approve', 'current'],
    ['cd current && terraform destroy -auto-approve', '.'],
    ['terraform -chdir=current destroy -auto-approve', '.'],
  ])('%s: retargeting the symlink is another action', async (command, cwd) => {
    const root = world({ 'prod-web/main.tf': TF, 'prod-db/main.tf': TF });
    symlinkSync(join(root, 'prod-web'), join(root, 'current'));
    const at = { cwd: join(root, cwd) };
    const approved = await digest(command, root, at);
    expect(await digest(command, root, at)).toBe(approved);
    unlinkSync(join(root, 'current'));
    symlinkSync(join(root, 'prod-db'), join(root, 'current'));
    expect(await digest(command, root, at)).not.toBe(approved);
    unlinkSync(join(root, 'current'));
    symlinkSync(join(root, 'prod-web'), join(root, 'current'));
    expect(await digest(command, root, at)).toBe(approved);
  });
});

describe('attack 2: the manifests kubectl reads are bound by content', () => {
  it.each([
    ['kubectl delete -f app.yaml', 'app.yaml'],
    ['kubectl delete --filename=app.yaml', 'app.yaml'],
    ['cd k8s && kubectl delete -f app.yaml', 'k8s/app.yaml'],
    ['kubectl delete -f k8s/', 'k8s/app.yaml'],
    ['kubectl delete -f "$HOME/app.yaml"', 'home/app.yaml'],
  ])('%s: the file becoming a Namespace is another action', async (command, file) => {
    const root = world({ [file]: DEPLOYMENT });
    const approved = await digest(command, root);
    expect(await digest(command, root)).toBe(approved);
    writeTree(root, { [file]: NAMESPACE });
    expect(await digest(command, root)).not.toBe(approved);
    // The same bytes again (a new mtime): the approved action, unchanged.
    writeTree(root, { [file]: DEPLOYMENT });
    expect(await digest(command, root)).toBe(approved);
  });

  it('kubectl delete -f DIR: a manifest added to the directory is another action', async () => {
    const root = world({ 'k8s/app.yaml': DEPLOYMENT });
    const approved = await digest('kubectl delete -f k8s', root);
    writeTree(root, { 'k8s/ns.yaml': NAMESPACE });
    expect(await digest('kubectl delete -f k8s', root)).not.toBe(approved);
  });

  it('kubectl delete -k DIR binds the kustomization', async () => {
    const root = world({ 'overlay/kustomization.yaml': 'resources: [app.yaml]\n' });
    const approved = await digest('kubectl delete -k overlay', root);
    writeTree(root, { 'overlay/kustomization.yaml': 'resources: [ns.yaml]\n' });
    expect(await digest('kubectl delete -k overlay', root)).not.toBe(approved);
  });
});

describe('attack 3: the SQL a client runs from a file is bound by content', () => {
  it.each([
    'psql -f m.sql',
    'psql -fm.sql',
    'psql < m.sql',
    'cat m.sql | psql',
    'sudo -u postgres psql -f m.sql',
  ])('%s: the file becoming DROP DATABASE is another action', async (command) => {
    const root = world({ 'm.sql': 'ALTER TABLE t ADD COLUMN c int;\n' });
    const approved = await digest(command, root);
    expect(await digest(command, root)).toBe(approved);
    writeTree(root, { 'm.sql': 'DROP DATABASE app;\n' });
    expect(await digest(command, root)).not.toBe(approved);
  });
});

describe('attack 4: variables the command and its scripts use are bound (hashed)', () => {
  it.each([
    'terraform destroy -var target=$DEPLOY_TARGET',
    'terraform destroy -var "target=${DEPLOY_TARGET}"',
    "sh -c 'terraform destroy -var target=$DEPLOY_TARGET'",
    './deploy.sh',
    'bash deploy.sh',
  ])('%s: another DEPLOY_TARGET is another action', async (command) => {
    const root = world({ 'deploy.sh': '#!/bin/sh\nterraform destroy -var "target=${DEPLOY_TARGET}"\n' });
    const web = { env: { DEPLOY_TARGET: 'prod-web', UNRELATED: 'a' } };
    const approved = await digest(command, root, web);
    expect(await digest(command, root, web)).toBe(approved);
    expect(await digest(command, root, { env: { DEPLOY_TARGET: 'prod-web', UNRELATED: 'b' } })).toBe(
      approved,
    );
    expect(await digest(command, root, { env: { DEPLOY_TARGET: 'prod-db', UNRELATED: 'a' } })).not.toBe(
      approved,
    );
    expect(await digest(command, root, { env: { UNRELATED: 'a' } })).not.toBe(approved);
  });

  it('./deploy.sh: the script itself is bound by content', async () => {
    const root = world({ 'deploy.sh': '#!/bin/sh\nkubectl delete deployment web\n' });
    const approved = await digest('./deploy.sh', root);
    writeTree(root, { 'deploy.sh': '#!/bin/sh\nkubectl delete namespace production\n' });
    expect(await digest('./deploy.sh', root)).not.toBe(approved);
  });
});

describe('attack 5: the kube context and the kubeconfig are bound on every path', () => {
  it('KUBECONFIG in the environment: its current-context', async () => {
    const root = world({ 'kube.yaml': kubeconfig('dev') });
    const at = { env: { KUBECONFIG: join(root, 'kube.yaml') } };
    const approved = await digest('kubectl delete ns payments', root, at);
    expect(await digest('kubectl delete ns payments', root, at)).toBe(approved);
    writeTree(root, { 'kube.yaml': kubeconfig('prod') });
    expect(await digest('kubectl delete ns payments', root, at)).not.toBe(approved);
  });

  it('~/.kube/config: its current-context', async () => {
    const root = world({ 'home/.kube/config': kubeconfig('dev') });
    const approved = await digest('kubectl delete ns payments', root);
    writeTree(root, { 'home/.kube/config': kubeconfig('prod') });
    expect(await digest('kubectl delete ns payments', root)).not.toBe(approved);
  });

  it.each([
    'kubectl --kubeconfig kube.yaml delete ns payments',
    'kubectl --kubeconfig=kube.yaml delete ns payments',
    'KUBECONFIG=kube.yaml kubectl delete ns payments',
    'env KUBECONFIG=kube.yaml kubectl delete ns payments',
    'export KUBECONFIG=kube.yaml; kubectl delete ns payments',
    'helm --kubeconfig kube.yaml uninstall web',
  ])('%s: the kubeconfig named on the command line', async (command) => {
    const root = world({ 'kube.yaml': kubeconfig('dev'), 'home/.kube/config': kubeconfig('dev') });
    const approved = await digest(command, root);
    expect(await digest(command, root)).toBe(approved);
    writeTree(root, { 'kube.yaml': kubeconfig('prod') });
    expect(await digest(command, root)).not.toBe(approved);
  });

  it('KUBECONFIG=a:b where only b sets the current context (kubectl merges the files)', async () => {
    const root = world({ 'a.yaml': kubeconfig(undefined), 'b.yaml': kubeconfig('dev') });
    const at = { env: { KUBECONFIG: `${join(root, 'a.yaml')}:${join(root, 'b.yaml')}` } };
    const approved = await digest('kubectl delete ns payments', root, at);
    writeTree(root, { 'b.yaml': kubeconfig('prod') });
    expect(await digest('kubectl delete ns payments', root, at)).not.toBe(approved);
  });

  it('the same context name pointed at another cluster', async () => {
    const root = world({ 'home/.kube/config': kubeconfig('dev') });
    const approved = await digest('kubectl delete ns payments', root);
    writeTree(root, { 'home/.kube/config': kubeconfig('dev', 'https://prod.example:6443') });
    expect(await digest('kubectl delete ns payments', root)).not.toBe(approved);
  });
});

describe('implicit files of well-known programs', () => {
  it.each([
    ['make deploy', 'Makefile', 'deploy:\n\t./ship web\n', 'deploy:\n\t./ship db\n'],
    ['make -C infra deploy', 'infra/Makefile', 'deploy:\n\t./ship web\n', 'deploy:\n\t./ship db\n'],
    ['npm run deploy', 'package.json', '{"scripts":{"deploy":"a"}}', '{"scripts":{"deploy":"b"}}'],
    ['docker compose down -v', 'compose.yaml', 'services: {web: {}}\n', 'services: {db: {}}\n'],
    ['terraform destroy -auto-approve', 'main.tf', 'locals { a = 1 }\n', 'locals { a = 2 }\n'],
    ['terraform destroy -auto-approve', 'prod.auto.tfvars', 'a = 1\n', 'a = 2\n'],
  ])('%s binds %s', async (command, file, before, after) => {
    const root = world({ [file]: before });
    const approved = await digest(command, root);
    expect(await digest(command, root)).toBe(approved);
    writeTree(root, { [file]: after });
    expect(await digest(command, root)).not.toBe(approved);
  });

  it('terraform: a .tf file added to the directory is another action', async () => {
    const root = world({ 'main.tf': 'locals { a = 1 }\n' });
    const approved = await digest('terraform destroy -auto-approve', root);
    writeTree(root, { 'backend.tf': 'terraform { backend "s3" {} }\n' });
    expect(await digest('terraform destroy -auto-approve', root)).not.toBe(approved);
  });

  it('make: variables the Makefile reads are bound', async () => {
    const root = world({ Makefile: 'deploy:\n\t./ship $(DEPLOY_TARGET)\n' });
    const approved = await digest('make deploy', root, { env: { DEPLOY_TARGET: 'web' } });
    expect(await digest('make deploy', root, { env: { DEPLOY_TARGET: 'web' } })).toBe(approved);
    expect(await digest('make deploy', root, { env: { DEPLOY_TARGET: 'db' } })).not.toBe(approved);
  });
});

describe('the binding', () => {
  it('keeps values out of the view, and the path as typed', async () => {
    const root = world({ 'prod-web/main.tf': '' });
    symlinkSync(join(root, 'prod-web'), join(root, 'current'));
    const rt = await sharedRuntime();
    const facts = localFacts({
      cwd: join(root, 'current'),
      env: { HOME: join(root, 'home'), DEPLOY_TARGET: 'secret-value-42' },
    });
    const { binding } = await evaluate(
      { kind: 'shell', command: 'terraform destroy -var t=$DEPLOY_TARGET' },
      facts,
      AGENT,
      rt,
    );
    expect(binding.view.cwd).toBe(join(root, 'current'));
    expect(JSON.stringify(binding)).not.toContain('secret-value-42');
  });

  it('without an edge that reads files (policy tests), the digest is that of the text and the facts', async () => {
    const rt = await sharedRuntime();
    const facts = testFacts();
    const a = await evaluate({ kind: 'shell', command: 'psql -f m.sql' }, facts, AGENT, rt);
    expect(a.assessment.inputs.paths).toContain('/home/dev/project/m.sql');
    expect(a.binding.digest).toBe(
      (await evaluate({ kind: 'shell', command: 'psql -f m.sql' }, facts, AGENT, rt)).binding.digest,
    );
  });
});
