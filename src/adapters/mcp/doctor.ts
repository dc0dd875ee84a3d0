import { MCP_AGENTS, mcpConfigFile, planFile, type McpAgent } from './wrap.js';

// `interlock doctor`'s MCP part: for each agent's MCP configuration (user and project), which stdio servers
// run behind `interlock mcp-proxy`, which do not (their tool calls reach Interlock only through the agent's
// hook), and which are remote (no process to stand in front of). Read only: nothing is written.

export interface McpServersReport {
  agent: McpAgent;
  project: boolean;
  file: string;
  behindProxy: string[];
  notBehindProxy: string[];
  remote: string[];
  /** Why the file could not be read (it is left for `mcp wrap` to refuse with the same words). */
  problem?: string;
}

export function mcpServersReports(where: { home: string; dir: string }): McpServersReport[] {
  const reports: McpServersReport[] = [];
  for (const agent of MCP_AGENTS)
    for (const project of where.dir === where.home ? [false] : [false, true]) {
      const config = mcpConfigFile(agent, project, where);
      const report: McpServersReport = {
        agent,
        project,
        file: config.file,
        behindProxy: [],
        notBehindProxy: [],
        remote: [],
      };
      try {
        const plan = planFile(config, 'wrap', []);
        if (!plan.exists) continue;
        for (const o of plan.outcomes) {
          if (o.result === 'already-wrapped') report.behindProxy.push(o.server);
          else if (o.result === 'wrap') report.notBehindProxy.push(o.server);
          else if (o.result === 'not-covered') report.remote.push(o.server);
        }
      } catch (error) {
        report.problem = error instanceof Error ? error.message : String(error);
      }
      if (report.problem || report.behindProxy.length + report.notBehindProxy.length + report.remote.length)
        reports.push(report);
    }
  return reports;
}

/** The doctor's lines for one report. */
export function mcpServersLines(r: McpServersReport): string[] {
  const fix = `interlock mcp wrap --agent ${r.agent}${r.project ? ' --project' : ''}`;
  if (r.problem) return [`  MCP servers in ${r.file}: cannot be read (${r.problem})`];
  const lines = [`  MCP servers in ${r.file}:`];
  if (r.behindProxy.length) lines.push(`    behind interlock mcp-proxy: ${r.behindProxy.join(', ')}`);
  if (r.notBehindProxy.length)
    lines.push(`    not behind it (only the hook sees their calls): ${r.notBehindProxy.join(', ')} — ${fix}`);
  if (r.remote.length) lines.push(`    remote (no process to stand in front of): ${r.remote.join(', ')}`);
  return lines;
}
