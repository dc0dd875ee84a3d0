import { homedir } from 'node:os';
import { fileURLToPath } from 'node:url';
import {
  MCP_AGENTS,
  mcpConfigFile,
  planFile,
  writePlan,
  type EntryOutcome,
  type McpAgent,
} from '../adapters/mcp/wrap.js';
import { EXIT_CODES } from '../core/exit-codes.js';
import { quoteArgv } from '../shell/quote-argv.js';
import type { McpWrapOptions } from './commands/mcp.js';

// `interlock mcp wrap|unwrap --agent …`: the summary of what changed in the agent's MCP configuration
// (src/adapters/mcp/wrap.ts does the reading and the writing).

const NAMES: Record<McpAgent, string> = {
  'claude-code': 'Claude Code',
  cursor: 'Cursor',
  gemini: 'Gemini CLI',
};

const RESTART: Record<McpAgent, string> = {
  'claude-code':
    'Claude Code starts MCP servers at the start of a session: start a new one (or reconnect them in /mcp).',
  cursor:
    'Cursor reloads mcp.json on save; if a server does not restart, turn it off and on in its MCP settings.',
  gemini: 'Gemini CLI starts MCP servers when it starts: restart it.',
};

/** This Interlock's CLI as a command line: this Node and dist/cli/main.js beside this module, by absolute path. */
function ownCli(): string[] {
  return [process.execPath, fileURLToPath(new URL('./main.js', import.meta.url))];
}

const isMcpAgent = (agent: string): agent is McpAgent => (MCP_AGENTS as readonly string[]).includes(agent);

export function runMcpWrap(action: 'wrap' | 'unwrap', options: McpWrapOptions): number {
  const say = (text: string) => process.stdout.write(`${text}\n`);
  const fail = (text: string) => {
    process.stderr.write(`interlock mcp ${action}: ${text}\n`);
    return EXIT_CODES.usage;
  };
  if (!isMcpAgent(options.agent))
    return fail(
      options.agent === 'codex'
        ? 'Codex keeps its MCP servers in ~/.codex/config.toml (TOML), which this command does not edit: put `interlock mcp-proxy --name NAME --` before the server command there by hand'
        : `unknown agent "${options.agent}"; expected one of ${MCP_AGENTS.join(', ')}`,
    );
  const agent = options.agent;
  const config = mcpConfigFile(agent, options.project === true, {
    home: process.env.HOME || homedir(),
    dir: options.dir ?? process.cwd(),
  });
  const only = options.server ? new Set(options.server) : undefined;
  // A file that is not JSON or not the documented shape is an InputError (exit 2), reported by main.ts.
  const plan = planFile(config, action, ownCli(), only);
  const missing = [...(only ?? [])].filter((name) => !plan.servers.includes(name));
  if (missing.length > 0)
    return fail(
      `no MCP server named ${missing.map((n) => `"${n}"`).join(', ')} in ${config.file}${plan.servers.length ? ` (it has ${plan.servers.join(', ')})` : plan.exists ? ' (it has none)' : ' (there is no such file)'}; nothing changed`,
    );
  if (!plan.exists) {
    say(`There is no ${config.file}: ${NAMES[agent]} has no MCP servers configured there. Nothing changed.`);
    return EXIT_CODES.ok;
  }
  const label = (o: EntryOutcome) => (config.sections.length > 1 ? `${o.server} (${o.scope})` : o.server);
  const of = (result: EntryOutcome['result']) => plan.outcomes.filter((o) => o.result === result);

  const refused = of('refused');
  if (refused.length > 0) {
    for (const o of refused)
      if ('why' in o)
        process.stderr.write(
          `interlock mcp ${action}: ${label(o)} in ${config.file}: ${o.why}, or leave it out with --server.\n`,
        );
    process.stderr.write(`interlock mcp ${action}: ${config.file} was left untouched.\n`);
    return EXIT_CODES.usage;
  }

  const changed = of(action);
  const dry = options.dryRun === true && changed.length > 0;
  const verb = action === 'wrap' ? 'wrapped' : 'unwrapped';
  if (changed.length > 0) {
    say(`${dry ? `Would ${action}` : action === 'wrap' ? 'Wrapped' : 'Unwrapped'} in ${config.file}:`);
    for (const o of changed)
      if ('to' in o) say(`  ${label(o)}: ${quoteArgv(o.from)}\n    → ${quoteArgv(o.to)}`);
  }
  const same = of(action === 'wrap' ? 'already-wrapped' : 'not-wrapped');
  if (same.length > 0)
    say(
      `${action === 'wrap' ? 'Already wrapped' : 'Not wrapped'}, left as they are: ${same.map(label).join(', ')}`,
    );
  const notCovered = of('not-covered');
  if (notCovered.length > 0) {
    say('Not covered by the proxy, left as they are:');
    for (const o of notCovered) if ('why' in o) say(`  ${label(o)}: ${o.why}.`);
  }
  if (plan.outcomes.length === 0) say(`${config.file} names no MCP servers.`);
  if (changed.length === 0) {
    say(`Nothing to ${action}; ${config.file} was not changed.`);
    return EXIT_CODES.ok;
  }
  if (dry) {
    say(`Dry run: ${config.file} was not changed.`);
    return EXIT_CODES.ok;
  }
  const backup = writePlan(plan);
  say(
    `${changed.length} server${changed.length === 1 ? '' : 's'} ${verb}; the previous file is kept as ${backup}.`,
  );
  if (action === 'wrap' && options.project)
    say(
      `${config.file} may be shared with your team (committed): the wrapped command names this machine's Node and Interlock by absolute path, which others may not have.`,
    );
  say(RESTART[agent]);
  return EXIT_CODES.ok;
}
