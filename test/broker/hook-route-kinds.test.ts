import { chmodSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { literalArgv } from '../../src/adapters/broker/argv.js';
import { brokerKindsText } from '../../src/adapters/broker/kinds.js';
import { loadBashParser } from '../../src/shell/tree-sitter.js';
import { CLI, runCli, spawnCli } from '../support/cli.js';
import { tempTree } from '../support/tmp.js';

// aws and kubectl are brokered kinds: the hook routes a production change to `interlock run` and decides it
// as the broker will, without the agent's AWS_* / KUBE* variables (the broker drops the same ones), so the
// hook's decision and the broker's bind the same digest whatever the agent's environment says.

const parser = await loadBashParser();

describe("the hook routes aws and kubectl to the broker with the broker's digest", () => {
  const home = tempTree({ 'project/README': 'x', 'broker-kubeconfig': 'apiVersion: v1\nkind: Config\n' });
  const project = join(home, 'project');
  const brokerConfig = join(home, 'broker.yaml');
  const kinds = join(home, 'broker.kinds.json');
  const kubeconfig = join(home, 'broker-kubeconfig');
  chmodSync(kubeconfig, 0o600);
  // No server in the broker's file: the broker records its decision and runs nothing that needs approval.
  writeFileSync(
    brokerConfig,
    `awsCli: /nonexistent/aws\nkubectl: /nonexistent/kubectl\naws:\n  - name: prod-deployer\n    match: {profile: prod}\n    roleArn: arn:aws:iam::111122223333:role/deployer\n    source: {accessKeyId: AKIABROKERSOURCE01, secretAccessKey: broker-source-secret-key}\nkubernetes:\n  - name: prod-cluster\n    match: {context: prod}\n    kubeconfig: ${kubeconfig}\n    context: prod-admin\n    as: interlock-deployer\n    allows: {verbs: [delete], namespaces: [payments]}\n`,
  );
  chmodSync(brokerConfig, 0o600);
  writeFileSync(kinds, brokerKindsText(['aws', 'kubectl']));
  const database = join(home, 'audit.db');
  // The agent's own credentials and choices, which neither the hook's assessment nor the broker's may see.
  const env = {
    HOME: home,
    INTERLOCK_BROKER_KINDS: kinds,
    INTERLOCK_DAEMON_AUTOSTART: '0',
    INTERLOCK_DATABASE: database,
    AWS_PROFILE: 'dev',
    AWS_ACCESS_KEY_ID: 'AKIAAGENTOWNKEY0001',
    AWS_SECRET_ACCESS_KEY: 'agent-secret',
    KUBECONFIG: join(home, 'agent-kubeconfig'),
  };
  const decisions = async () => {
    const r = await runCli(['audit', 'log', '--json', '--limit', '0'], { env });
    return r.stdout
      .trim()
      .split('\n')
      .filter(Boolean)
      .map((l) => JSON.parse(l) as { type: string; digest?: string; data?: { via?: string } })
      .filter((e) => e.type === 'decision');
  };

  it.each([
    ['aws', `aws --profile prod ec2 terminate-instances --instance-ids "i-0abc"`],
    ['kubectl', `kubectl --context prod delete deployment api -n "payments"`],
  ])('%s: rewritten to interlock run; hook and broker bind the same digest', async (_kind, typed) => {
    const before = (await decisions()).length;
    const hook = spawnCli(['hook', 'claude-code'], {
      input: JSON.stringify({
        session_id: 's',
        hook_event_name: 'PreToolUse',
        tool_name: 'Bash',
        tool_input: { command: typed },
        cwd: project,
      }),
      cwd: project,
      env,
    });
    expect(hook.status, hook.stderr).toBe(0);
    const answer = JSON.parse(hook.stdout) as {
      hookSpecificOutput: { permissionDecision: string; updatedInput?: { command: string } };
    };
    expect(answer.hookSpecificOutput.permissionDecision).toBe('allow');
    const argv = literalArgv(answer.hookSpecificOutput.updatedInput!.command, parser)!;
    expect(argv.slice(0, 4)).toEqual([process.execPath, CLI, 'run', '--']);
    const inner = argv.slice(4);
    expect(inner).toEqual(literalArgv(typed, parser));

    // The broker decides it again (require-approval; its file names no server, so nothing runs).
    const ran = await runCli(
      ['run', '--agent', 'claude-code', '--broker-config', brokerConfig, '--', ...inner],
      {
        cwd: project,
        env,
      },
    );
    expect(ran.status, ran.stderr).toBe(4);
    const mine = (await decisions()).slice(before);
    expect(mine.map((e) => e.data?.via)).toEqual(['hook:claude-code', 'run']);
    expect(mine[0]!.digest).toBe(mine[1]!.digest);
  });
});
