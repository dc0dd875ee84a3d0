import { describe, expect, it } from 'vitest';
import { check } from '../support/runtime.js';

// The shell assessment lists what each command may read on this machine; the approval digest binds their
// content (test/app/binding.test.ts). The assessment itself does no I/O: it only names paths.

describe('what the assessment says a command reads (no I/O: the edge reads them)', () => {
  const inputs = async (command: string, env: Record<string, string> = {}) =>
    (await check(command, { env })).assessment.inputs;

  it('arguments, option values, `< file`, the program when it is a path, resolved where the command runs', async () => {
    const { paths } = await inputs(
      'cd k8s && kubectl delete -f app.yaml --filename=b.yaml; psql -fm.sql < in.sql; ./deploy.sh ~/x',
    );
    expect(paths).toEqual(
      expect.arrayContaining([
        '/home/dev/project/k8s',
        '/home/dev/project/k8s/app.yaml',
        '/home/dev/project/k8s/b.yaml',
        '/home/dev/project/k8s/m.sql',
        '/home/dev/project/k8s/in.sql',
        '/home/dev/project/k8s/deploy.sh',
        '/home/dev/x',
        '/home/dev/.kube/config',
      ]),
    );
  });

  it.each([
    'tar xzf r.tgz -C out',
    'tar -x -f r.tgz',
    'tar --extract --file=r.tgz',
    'tar -xzf r.tgz --strip-components=1',
    'unzip -o r.tgz -d out',
  ])('the archive an extraction lists is bound too: %s', async (command) => {
    expect((await inputs(command)).paths).toContain('/home/dev/project/r.tgz');
  });

  it('implicit files: the kubeconfig, a Makefile in -C, package.json, compose files, terraform in -chdir', async () => {
    expect((await inputs('kubectl delete ns x', { KUBECONFIG: '/k/a:/k/b' })).paths).toEqual(
      expect.arrayContaining(['/k/a', '/k/b']),
    );
    expect((await inputs('make -C infra deploy')).paths).toContain('/home/dev/project/infra/Makefile');
    expect((await inputs('npm run deploy')).paths).toContain('/home/dev/project/package.json');
    expect((await inputs('docker compose down -v')).paths).toContain('/home/dev/project/compose.yaml');
    const tf = await inputs('terraform -chdir=live destroy');
    expect(tf.patterns).toContain('/home/dev/project/live/*.tf');
    expect(tf.paths).toContain('/home/dev/project/live/.terraform/terraform.tfstate');
  });

  it('nothing from another machine, nothing dynamic, no URLs', async () => {
    const { paths } = await inputs('ssh db1 "psql -f /srv/m.sql"; rm -rf "$(pwd)/x"; curl https://e.x/a');
    expect(paths).not.toContain('/srv/m.sql');
    expect(paths.some((p) => p.includes('https'))).toBe(false);
    expect(paths.some((p) => p.endsWith('/x'))).toBe(false);
  });
});
