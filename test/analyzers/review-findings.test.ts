import { describe, expect, it } from 'vitest';
import { check } from '../support/runtime.js';

// A hostile review of the ninth session's change found these spellings held less than they should be
// (each fixed where its rule lives); they are kept here as one table.

describe("the ninth session's review findings", () => {
  it.each([
    "cat <<<'SELECT 1;' <drop.sql | mysql -h db1",
    'velero restore create r --from-backup nightly --namespace-mappings foo:bar --kubecontext prod-eu',
    'rclone dedupe --dedupe-mode list newest gdrive:Shared',
    'sudo python3 -Im pip uninstall -y urllib3',
    "ssh prod-1 'supervisorctl signal KILL all'",
    "ssh prod-1 'pm2 scale api 0'",
  ])('%s is not allowed', async (command) => {
    const r = await check(command);
    expect(r.decision.outcome, JSON.stringify(r.assessment.effects)).not.toBe('allow');
  });

  it('a path below a directory named like build output is not scratch when the working directory is /', async () => {
    const r = await check('rm -rf /usr/local/bin/kubectl', { cwd: '/' });
    expect(r.decision.outcome).not.toBe('allow');
  });

  it.each([
    'velero restore create p --from-backup nightly --include-namespaces payments --namespace-mappings payments:payments-test --kubecontext prod-eu',
    "ssh prod-1 'pm2 scale api 4'",
  ])('%s is allowed', async (command) => {
    const r = await check(command);
    expect(r.decision.outcome, JSON.stringify(r.assessment.effects)).toBe('allow');
  });
});
