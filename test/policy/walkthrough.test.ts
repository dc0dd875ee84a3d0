import { describe, expect, it } from 'vitest';
import { runCli } from '../support/cli.js';
import { tempTree, writeTree } from '../support/tmp.js';
import { EXIT_CODES } from '../../src/core/exit-codes.js';

// The README's walk-through, step by step, through the built CLI.
describe('README walk-through: three approvers for production deletes', () => {
  it('fails the policy test first, then passes once the team policy is added', async () => {
    const root = tempTree({
      '.interlock/tests/approvals.yaml': `- name: production deletes need three approvers
  command: kubectl delete namespace production
  expect: require-approval
  approvals: 3
`,
    });
    const env = { HOME: root, XDG_CONFIG_HOME: `${root}/xdg` };

    const before = await runCli(['policy', 'test'], { cwd: root, env });
    expect(before.status).toBe(EXIT_CODES.failed);
    expect(before.stdout).toContain('expected 3 approvals, got 2');
    expect(before.stdout).toContain('baseline.approve-destructive-in-production');

    writeTree(root, {
      '.interlock/policies/approvals.cedar': `@id("team.three-approvers-for-production-deletes")
@outcome("require-approval")
@approvals("3")
@message("Team rule: deleting anything in production needs three approvers.")
permit (principal, action == Interlock::Action::"delete", resource)
when { context.destructive && context.environment == "production" };
`,
    });
    expect((await runCli(['policy', 'validate'], { cwd: root, env })).status).toBe(0);
    const after = await runCli(['policy', 'test'], { cwd: root, env });
    expect(after.stdout).toContain('1 passed, 0 failed');
    expect(after.status).toBe(0);

    const explain = JSON.parse(
      (await runCli(['explain', '--json', '--', 'kubectl delete namespace production'], { cwd: root, env }))
        .stdout,
    );
    expect(explain.decision).toMatchObject({ outcome: 'require-approval', approvals: 3 });
    const ids = explain.effects.flatMap((e: { policies: { id: string }[] }) => e.policies.map((p) => p.id));
    expect(ids).toEqual(
      expect.arrayContaining([
        'baseline.approve-destructive-in-production',
        'team.three-approvers-for-production-deletes',
      ]),
    );
    const team = explain.effects[0].policies.find((p: { id: string }) => p.id.startsWith('team.'));
    expect(team).toMatchObject({ origin: `${root}/.interlock/policies/approvals.cedar`, line: 1 });
  });

  it('can instead raise the default for every destructive production action in config.yaml', async () => {
    const root = tempTree({ '.interlock/config.yaml': 'approvals:\n  default: 3\n' });
    const env = { HOME: root, XDG_CONFIG_HOME: `${root}/xdg` };
    const out = JSON.parse(
      (
        await runCli(['check', '--json', '--', 'ssh prod-db-1 "rm -rf /var/lib/postgresql"'], {
          cwd: root,
          env,
        })
      ).stdout,
    );
    expect(out.decision).toMatchObject({ outcome: 'require-approval', approvals: 3 });
  });
});
