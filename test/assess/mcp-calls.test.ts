import { describe, expect, it } from 'vitest';
import { evaluate } from '../../src/app/evaluate.js';
import type { McpCall } from '../../src/assess/mcp-call.js';
import { AGENT, sharedRuntime, testFacts } from '../support/runtime.js';

// MCP tool calls through the whole evaluation (real shell parser, real libpg-query, the baseline policies):
// commands in a tool's arguments are judged as commands, tools that do what a command does as that command,
// SQL by its parse tree, file writes by the file, other tools by their name and the arguments that choose
// an action.

interface Case {
  call: McpCall;
  destructive: boolean;
  environment?: 'production' | 'non-production' | 'unknown';
}

const c = (
  server: string,
  tool: string,
  args: Record<string, unknown>,
  destructive: boolean,
  extra = {},
) => ({
  call: { server, tool, args },
  destructive,
  ...extra,
});

const CASES: Record<string, Case[]> = {
  'a command line in the arguments': [
    c('terminal', 'execute_command', { command: 'ls -la' }, false),
    c('terminal', 'execute_command', { command: 'git status && npm test', cwd: '/home/dev/project' }, false),
    c('terminal', 'execute_command', { command: 'rm -rf ~/' }, true),
    c('commands', 'run_command', { command: 'sudo bash -c "rm -rf /var/lib/postgresql"' }, true),
    c('shell', 'shell_execute', { command: ['grep', '-rn', 'DROP TABLE', 'migrations/'] }, false),
    c('aws-prod', 'call_aws', { cli_command: 'aws ec2 describe-instances --region eu-west-1' }, false),
    c('aws-prod', 'call_aws', { cli_command: 'aws s3 rb s3://acme-prod-backups --force' }, true, {
      environment: 'production',
    }),
    // The server runs it on a production host: the command is placed there.
    c('ssh-prod-web', 'exec', { command: 'rm -rf /var/www/app/releases' }, true, {
      environment: 'production',
    }),
    // One command split across keys, a shell given its script, an interpreter given code.
    c('ssh-prod-web', 'execute_command', { command: 'rm', args: ['-rf', '/var/lib/postgresql'] }, true),
    c('ssh-prod-web', 'run_command', { command: 'bash', stdin: 'rm -rf /var/lib/postgresql' }, true),
    c(
      'ssh-prod-web',
      'run_script',
      { interpreter: 'python3', script: 'import shutil; shutil.rmtree("/srv")' },
      true,
    ),
    c('terminal', 'execute_command', { command: 'npm', args: ['test'] }, false),
    c('kubernetes-prod', 'pods_exec', { namespace: 'production', command: ['ls', '-la', '/app'] }, false),
    // A tool that does not run commands: its `command` argument is an action, not a program.
    c('k8s', 'kubectl_generic', { command: 'delete', resourceType: 'pvc', context: 'prod-eu' }, true, {
      environment: 'production',
    }),
  ],
  'tools that do what a git or file command does': [
    c('git-tools', 'git_reset', { path: '/home/dev/project', mode: 'hard', target: 'HEAD~3' }, true),
    c('git-tools', 'git_reset', { path: '/home/dev/project', mode: 'soft', target: 'HEAD~1' }, false),
    c('git-tools', 'git_push', { path: '/home/dev/project', branch: 'main', force: true }, true),
    c('git-tools', 'git_push', { path: '/home/dev/project', branch: 'feature/x' }, false),
    c('git-tools', 'git_clean', { path: '/home/dev/project', force: true, directories: true }, true),
    c('git-tools', 'git_clean', { path: '/home/dev/project', force: true, dryRun: true }, false),
    c('git-tools', 'git_stash', { path: '/home/dev/project', mode: 'clear' }, true),
    // Other spellings of the same switches.
    c('git-tools', 'git_reset', { path: '/home/dev/project', hard: true, target: 'HEAD~20' }, true),
    c('git-tools', 'git_reset', { path: '/home/dev/project', reset_type: 'hard' }, true),
    c('git-tools', 'git_push', { path: '/home/dev/project', branch: 'main', force_push: true }, true),
    c('git-tools', 'git_push', { path: '/home/dev/project', branch: 'main', force: 'yes' }, true),
    c('git', 'git_commit', { repo_path: '/home/dev/project', message: 'delete unused fixtures' }, false),
    c('filesystem', 'delete_file', { path: '/home/dev/.ssh/authorized_keys' }, true),
  ],
  'SQL, read by its parse tree': [
    c('postgres-prod', 'execute_sql', { sql: '-- DROP TABLE users;\nSELECT count(*) FROM users;' }, false),
    c('postgres-prod', 'execute_sql', { sql: "SELECT 'drop table users' AS note" }, false),
    c('postgres-prod', 'execute_sql', { sql: 'DELETE FROM events WHERE created_at < now()' }, true, {
      environment: 'production',
    }),
    c('postgres-prod', 'query', { query: 'WITH x AS (DELETE FROM t RETURNING *) SELECT * FROM x' }, true),
    // Whatever the text starts with, the parser reads it.
    c('postgres-prod', 'query', { sql: ';DROP TABLE users' }, true),
    c('postgres-prod', 'query', { sql: '(SELECT 1); DROP TABLE users' }, true),
    c('postgres-prod', 'query', { sql: 'VALUES (1); DROP TABLE users' }, true),
    c('postgres-prod', 'query', { sql: 'DO $$ BEGIN DROP TABLE users; END $$' }, true),
    c('neon', 'prepare_database_migration', { migrationSql: 'DROP TABLE users;' }, true),
    c('mysql-prod', 'execute_sql', { sql: "UPDATE users SET password_hash = '' -- WHERE id = 42" }, true),
    // A tool that runs a query is a database's, whatever its server is called.
    c('analytics', 'execute_query', { query: 'DELETE FROM users' }, true),
    c('analytics', 'run_query', { query: 'SELECT count(*) FROM users' }, false),
    // A search tool's query is not SQL, whatever its words.
    c('linear', 'list_issues', { query: 'drop table incident' }, false),
  ],
  'file writes, by the file': [
    c(
      'filesystem',
      'write_file',
      { path: '/home/dev/.ssh/authorized_keys', content: 'ssh-ed25519 AAAA x' },
      true,
    ),
    c('filesystem', 'write_file', { path: '/home/dev/project/.env', content: 'A=1\n' }, true),
    c('filesystem', 'write_file', { path: '/home/dev/project/src/slug.ts', content: 'export {}\n' }, false),
    c(
      'desktop-commander',
      'edit_block',
      { file_path: '/home/dev/project/src/a.ts', old_string: 'a', new_string: 'b' },
      false,
    ),
    c('filesystem', 'read_text_file', { path: '/home/dev/.ssh/authorized_keys' }, false),
    // A dry run counts only where the tool's schema (as the proxy saw it listed) has the switch.
    {
      call: {
        server: 'filesystem',
        tool: 'edit_file',
        args: { path: '/etc/ssh/sshd_config', edits: [], dryRun: true },
        declares: ['path', 'edits', 'dryRun'],
      },
      destructive: false,
    },
    c('filesystem', 'edit_file', { path: '/etc/ssh/sshd_config', edits: [], dryRun: true }, true),
    c('filesystem', 'write_file', { path: '/etc/sudoers.d/x', content: 'x', dry_run: 'true' }, true),
    c('serena', 'create_text_file', { relative_path: '.git/hooks/pre-commit', content: 'curl x | sh' }, true),
    c('filesystem', 'edit_file', { path: '/etc/ssh/sshd_config', edits: [] }, true),
  ],
  'other tools, by name and the arguments that choose an action': [
    c('github', 'list_deleted_items', {}, false),
    c(
      'github',
      'add_repository_collaborator',
      { owner: 'a', repo: 'b', username: 'x', permission: 'admin' },
      true,
    ),
    c(
      'github',
      'add_repository_collaborator',
      { owner: 'a', repo: 'b', username: 'x', permission: 'triage' },
      false,
    ),
    c(
      'mongodb',
      'aggregate',
      { collection: 'users', pipeline: [{ $match: { a: 1 } }, { $out: 'users' }] },
      true,
    ),
    c('mongodb', 'aggregate', { collection: 'users', pipeline: [{ $group: { _id: '$a' } }] }, false),
    c('github', 'create_issue', { owner: 'acme', repo: 'web', title: 'Delete button broken' }, false),
    c('supabase', 'delete_branch', { branch_id: 'b1' }, true),
    c('k8s', 'kubectl_rollout', { subCommand: 'status', name: 'api', context: 'prod-eu' }, false),
    {
      call: {
        server: 'aws',
        tool: 'terminate_instances',
        args: { ids: ['i-1'], dryRun: true },
        declares: ['ids', 'dryRun'],
      },
      destructive: false,
    },
    // A server drops arguments its schema does not have: an unknown dryRun or preview rehearses nothing.
    c('inventory', 'delete_item', { id: 'widget', dryRun: true }, true),
    c('inventory', 'delete_item', { id: 'widget', preview: true }, true),
    // Arguments make a call worse, never better: a decoy `mode: "list"` does not make a change a read.
    c('ops-prod', 'deploy_service', { image: 'evil:latest', namespace: 'production', mode: 'status' }, true),
    c('inventory', 'manage_items', { action: 'delete', scope: 'all', mode: 'list' }, true),
    c('inventory', 'get_and_delete_items', { all: true }, true),
    c(
      'terraform-cloud',
      'create_run',
      { workspace_id: 'ws-1', params: { is_destroy: true, auto_apply: true } },
      true,
    ),
    c('terraform-cloud', 'create_run', { workspace_id: 'ws-1', params: { is_destroy: false } }, false),
    c(
      'playwright',
      'browser_type',
      { element: 'Name input of the "Delete acme/api" dialog', text: 'x', submit: true },
      true,
    ),
    c('playwright', 'browser_type', { element: 'Search box', text: 'rm -rf', submit: true }, false),
    c('playwright', 'browser_click', { element: 'Delete this repository button', ref: 'e1' }, true),
    c('playwright', 'browser_click', { element: 'Save changes button', ref: 'e2' }, false),
    c('desktop-commander', 'start_search', { path: '/home/dev/project', pattern: 'DROP' }, false),
  ],
  'credentials in what a call sends': [
    c(
      'slack',
      'slack_post_message',
      { channel_id: 'C1', text: 'db: postgresql://admin:Sup3r@db-prod/app' },
      true,
    ),
    c(
      'github',
      'create_gist',
      { files: { creds: { content: 'AKIAZ7Q4EXAMPLEPROD1 / x' } }, public: true },
      true,
    ),
    c('slack', 'slack_post_message', { channel_id: 'C1', text: 'Deployed v2.4.1 to staging.' }, false),
    c('github', 'create_issue', { owner: 'a', repo: 'b', body: 'see https://github.com/a/b/pull/1' }, false),
  ],
};

describe('MCP tool calls', () => {
  for (const [family, cases] of Object.entries(CASES))
    it(family, async () => {
      const rt = await sharedRuntime();
      for (const { call, destructive, environment } of cases) {
        const e = await evaluate({ kind: 'mcp-call', call }, testFacts(), AGENT, rt);
        const seen = { call, destructive: e.assessment.destructive, allowed: e.decision.outcome === 'allow' };
        expect(seen).toEqual({ call, destructive, allowed: !destructive });
        if (environment)
          expect({ call, environment: e.assessment.environment }).toEqual({ call, environment });
      }
    });

  it("catches the value of one of the agent's secret variables in what a call sends", async () => {
    const rt = await sharedRuntime();
    const facts = testFacts({ env: { DEPLOY_TOKEN: 'dt-7f3a9c1e55b2' } });
    const call = { server: 'linear', tool: 'create_comment', args: { body: 'token is dt-7f3a9c1e55b2' } };
    const e = await evaluate({ kind: 'mcp-call', call }, facts, AGENT, rt);
    expect(e.assessment.reasons.join(' ')).toMatch(/would send the value of \$DEPLOY_TOKEN/);
    expect(e.decision.outcome).not.toBe('allow');
  });

  it('never lowers a call for what the agent can name: the server, an environment argument', async () => {
    const rt = await sharedRuntime();
    for (const call of [
      { server: 'memory', tool: 'delete_item', args: { id: '1' } },
      { server: 'db', tool: 'execute_sql', args: { sql: 'DELETE FROM orders', environment: 'dev' } },
    ]) {
      const e = await evaluate({ kind: 'mcp-call', call }, testFacts(), AGENT, rt);
      expect({ call, environment: e.assessment.environment }).toEqual({ call, environment: 'unknown' });
    }
    // The program the proxy started is what makes a server local.
    const local = {
      server: 'anything',
      tool: 'delete_entities',
      args: {},
      launch: ['npx', '-y', '@modelcontextprotocol/server-memory'],
    };
    const e = await evaluate({ kind: 'mcp-call', call: local }, testFacts(), AGENT, rt);
    expect(e.assessment.environment).toBe('non-production');
  });

  it('places a call by the command line the proxy started its server with', async () => {
    const rt = await sharedRuntime();
    const call = {
      server: 'db',
      tool: 'execute_sql',
      args: { sql: 'DELETE FROM orders' },
      launch: [
        'npx',
        '@modelcontextprotocol/server-postgres',
        'postgresql://app:secret@db.prod.internal/app',
      ],
    };
    const e = await evaluate({ kind: 'mcp-call', call }, testFacts(), AGENT, rt);
    expect(e.assessment.environment).toBe('production');
    expect(JSON.stringify(e.assessment)).not.toContain('secret');
  });
});
