import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { localFacts } from '../../src/adapters/local-facts.js';
import { run } from '../../src/app/pipeline.js';
import { loadRuntime } from '../../src/app/runtime.js';
import { recordExecution } from '../../src/audit/local.js';
import { openAuditLog } from '../../src/audit/open.js';
import { reportBlocks } from '../../src/audit/report/content.js';
import { toHtml } from '../../src/audit/report/html.js';
import { toMarkdown } from '../../src/audit/report/markdown.js';
import { buildIncidentReport } from '../../src/audit/report/model.js';
import type { Principal } from '../../src/core/decide.js';
import { tempTree } from '../support/tmp.js';

// The incident report tells each action's story on a real SQLite log: decision → approvals → execution
// (exit status, duration) → outcome, and whose credentials ran it: the broker's entry or the agent's own.

describe('report incident: decision → approvals → execution → outcome, with credentials', () => {
  const dir = tempTree({ 'project/README': 'x' });
  const project = join(dir, 'project');
  const env = { HOME: dir, XDG_CONFIG_HOME: join(dir, '.config'), INTERLOCK_DATABASE: join(dir, 'audit.db') };
  const principal: Principal = { type: 'Agent', id: 'claude-code', vendor: 'anthropic', actsFor: 'alice' };

  /** Decide through the one pipeline, then record what ran as the broker or a post-tool hook would. */
  async function decideAndRun(
    command: string,
    ran: { exitCode: number; durationMs: number; credentials?: string },
  ) {
    const rt = await loadRuntime({ cwd: project, env });
    const facts = localFacts({ cwd: project, env });
    const final = await run({ kind: 'shell', command }, facts, principal, rt, {
      via: 'hook:claude-code',
      env,
    });
    expect(final.audit.recorded).toBe(true);
    const recorded = await recordExecution(
      {
        principal,
        command,
        facts,
        digest: final.binding.digest,
        environment: final.assessment.environment,
        ...ran,
      },
      { env, via: ran.credentials ? 'run' : 'hook:claude-code' },
    );
    expect(recorded.ok).toBe(true);
  }

  it('shows both executions, their duration and credentials, in Markdown and HTML', async () => {
    const since = Date.now() - 1000;
    await decideAndRun(`psql -h 127.0.0.1 -d billing -c 'SELECT 1'`, {
      exitCode: 0,
      durationMs: 84,
      credentials: 'broker:billing',
    });
    await decideAndRun('ls missing-dir', { exitCode: 2, durationMs: 7 });
    const log = await openAuditLog(env.INTERLOCK_DATABASE, env);
    try {
      const report = await buildIncidentReport(log, { since, until: Date.now() + 1000 });
      const [brokered, own] = report.actions;
      expect(brokered!.executions).toEqual([
        expect.objectContaining({ exitCode: 0, durationMs: 84, credentials: 'broker:billing' }),
      ]);
      expect(own!.executions).toEqual([expect.objectContaining({ exitCode: 2, durationMs: 7 })]);
      expect(own!.executions[0]!.credentials).toBeUndefined();

      const md = toMarkdown(reportBlocks(report));
      expect(md).toMatch(
        /Chain: decision allow → no approval needed → exit 0, 84 ms at \d\d:\d\d:\d\d, credentials: broker:billing → allow/,
      );
      expect(md).toMatch(
        /Chain: decision allow → no approval needed → exit 2, 7 ms at \d\d:\d\d:\d\d, credentials: agent's own → allow/,
      );
      const html = toHtml(report.title, reportBlocks(report));
      expect(html).toContain('credentials: broker:billing');
      expect(html).toMatch(/credentials: agent(&#39;|&#x27;|')s own/);
    } finally {
      await log.close();
    }
  });
});
