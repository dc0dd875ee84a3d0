import { copyFileSync, existsSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { z } from 'zod';
import { InputError } from '../../core/errors.js';
import { isObject } from '../../core/guards.js';
import { editJsonText, type TextEdit } from './json-text.js';

// `interlock mcp wrap|unwrap --agent …`: route the stdio MCP servers an agent's configuration starts through
// `interlock mcp-proxy`, and back. A wrapped entry starts this Interlock (by absolute path: agents do not
// share the shell's PATH) with `mcp-proxy --name NAME --` before the server's own command line; every other
// field (env, cwd, timeout, trust…) stays. An entry is wrapped when its command line runs `interlock
// mcp-proxy` (whichever Interlock): nothing else marks it, since agents validate their configuration.
// Remote servers (url, httpUrl, type http/sse) are not started by the agent, so no stdio proxy can sit in
// front of them: they are left as they are and reported.

export const MCP_AGENTS = ['claude-code', 'cursor', 'gemini'] as const;
export type McpAgent = (typeof MCP_AGENTS)[number];

/** One `mcpServers` object of a file, and the name the output gives it. */
interface Section {
  scope: string;
  /** The keys from the top of the file to the object that holds `mcpServers`. */
  holder: readonly string[];
}

export interface ConfigFile {
  file: string;
  sections: readonly Section[];
}

/**
 * Where the agent keeps its MCP servers (each agent's documentation): Claude Code's project servers in
 * `.mcp.json`, its user servers at the top of `~/.claude.json` and its local ones (the default of `claude
 * mcp add`) under `projects[<project path>]` there; Cursor's in `.cursor/mcp.json`; Gemini CLI's in
 * `.gemini/settings.json`, in the home directory for the user's, in the project for the project's.
 */
export function mcpConfigFile(
  agent: McpAgent,
  project: boolean,
  where: { home: string; dir: string },
): ConfigFile {
  const base = project ? where.dir : where.home;
  switch (agent) {
    case 'claude-code':
      return project
        ? { file: join(where.dir, '.mcp.json'), sections: [{ scope: 'project', holder: [] }] }
        : {
            file: join(where.home, '.claude.json'),
            sections: [
              { scope: 'user', holder: [] },
              { scope: `local, ${resolve(where.dir)}`, holder: ['projects', resolve(where.dir)] },
            ],
          };
    case 'cursor':
      return {
        file: join(base, '.cursor', 'mcp.json'),
        sections: [{ scope: project ? 'project' : 'user', holder: [] }],
      };
    case 'gemini':
      return {
        file: join(base, '.gemini', 'settings.json'),
        sections: [{ scope: project ? 'project' : 'user', holder: [] }],
      };
  }
}

// ——— The entries ———

// Input boundary: what this reads and changes in an entry must have the shape the agents document; the
// rest of the entry (and of the file) is carried as it is.
const ServerEntry = z
  .object({
    command: z.string().min(1, 'the command is empty').optional(),
    args: z.array(z.string()).optional(),
    type: z.string().optional(),
    url: z.string().optional(),
    httpUrl: z.string().optional(),
    env: z.record(z.string(), z.unknown()).optional(),
    cwd: z.string().optional(),
  })
  .loose();
const Servers = z.record(z.string(), ServerEntry);
type Entry = z.infer<typeof ServerEntry>;

/** The words of a wrapped entry: `[…, interlock, 'mcp-proxy', options…, '--', server command line…]`. */
function proxyIndex(words: readonly string[]): number {
  for (let i = 1; i < words.length; i++) {
    if (words[i] !== 'mcp-proxy') continue;
    const before = words[i - 1]!;
    if (/(^|[\\/])(agent-)?interlock(\.cmd|\.exe|\.js)?$/.test(before)) return i;
    if (/(^|[\\/])cli[\\/]main\.c?js$/.test(before)) return i;
  }
  return -1;
}

/** The server's own command line in a wrapped entry, or why it cannot be read back. */
function serverOf(words: readonly string[], at: number): { command: string[] } | { problem: string } {
  for (let i = at + 1; i < words.length; i++) {
    const word = words[i]!;
    if (word === '--') {
      const command = words.slice(i + 1);
      return command.length > 0 && command[0] !== ''
        ? { command }
        : { problem: 'nothing follows "--" (the server command is missing)' };
    }
    if (word === '--name' && i + 1 < words.length) i++;
    else if (!word.startsWith('--name=')) {
      return {
        problem: `"${word}" stands between mcp-proxy and "--", where wrap writes only --name NAME`,
      };
    }
  }
  return { problem: 'there is no "--" before the server command' };
}

export type EntryOutcome =
  | { server: string; scope: string; result: 'wrap' | 'unwrap'; from: string[]; to: string[] }
  | { server: string; scope: string; result: 'already-wrapped' | 'not-wrapped' }
  | { server: string; scope: string; result: 'not-covered'; why: string }
  | { server: string; scope: string; result: 'refused'; why: string };

/** Why an entry is not one the proxy can stand in front of; undefined for a stdio server. */
function notStdio(entry: Entry): string | undefined {
  const remote = entry.httpUrl !== undefined ? 'httpUrl' : entry.url !== undefined ? 'url' : undefined;
  if (remote || (entry.type !== undefined && entry.type !== 'stdio'))
    return `a remote server (${remote ? `"${remote}"` : `"type": "${entry.type}"`}): the agent connects to it over the network and starts no process, so there is nothing for a stdio proxy to stand in front of; the agent's hook (interlock init --agent) still sees its tool calls`;
  if (entry.command === undefined) return 'no "command": not a stdio server';
  return undefined;
}

function planEntry(
  action: 'wrap' | 'unwrap',
  server: string,
  scope: string,
  entry: Entry,
  cli: readonly string[],
): EntryOutcome {
  const why = notStdio(entry);
  if (why) return { server, scope, result: 'not-covered', why };
  const from = [entry.command!, ...(entry.args ?? [])];
  const at = proxyIndex(from);
  if (action === 'wrap') {
    if (at >= 0) return { server, scope, result: 'already-wrapped' };
    return {
      server,
      scope,
      result: 'wrap',
      from,
      to: [...cli, 'mcp-proxy', '--name', server, '--', ...from],
    };
  }
  if (at < 0) return { server, scope, result: 'not-wrapped' };
  const back = serverOf(from, at);
  if ('problem' in back)
    return {
      server,
      scope,
      result: 'refused',
      why: `its command line runs interlock mcp-proxy, but ${back.problem}: it was edited since it was wrapped. Put the server's own command and args back by hand`,
    };
  return { server, scope, result: 'unwrap', from, to: back.command };
}

// ——— The file ———

export interface FilePlan {
  file: string;
  exists: boolean;
  /** Every server the file names, whatever `only` chose. */
  servers: string[];
  outcomes: EntryOutcome[];
  /** The file's new text, when anything changes. */
  text?: string;
}

function pathText(path: readonly PropertyKey[]): string {
  return path
    .map((k, i) =>
      typeof k === 'number'
        ? `[${k}]`
        : /^[A-Za-z_$][\w$-]*$/.test(String(k))
          ? `${i === 0 ? '' : '.'}${String(k)}`
          : `[${JSON.stringify(String(k))}]`,
    )
    .join('');
}

function refuse(file: string, what: string): never {
  throw new InputError(`${file}: ${what}; it was left untouched.`);
}

/** The indentation the file uses (two spaces when it cannot tell). */
function indentOf(text: string): string {
  return /^\{\r?\n([ \t]+)"/.exec(text)?.[1] ?? '  ';
}

/**
 * What wrap (or unwrap) would do to the file: each server's outcome, and the file's new text. `only`, when
 * given, limits it to those servers. Throws an InputError, naming the file and the place, for a file that is
 * not JSON or not the documented shape.
 */
export function planFile(
  config: ConfigFile,
  action: 'wrap' | 'unwrap',
  cli: readonly string[],
  only?: ReadonlySet<string>,
): FilePlan {
  const { file } = config;
  if (!existsSync(file)) return { file, exists: false, servers: [], outcomes: [] };
  const text = readFileSync(file, 'utf8');
  if (text.trim() === '') return { file, exists: true, servers: [], outcomes: [] };
  let root: unknown;
  try {
    root = JSON.parse(text);
  } catch (error) {
    refuse(file, `not valid JSON (${(error as Error).message})`);
  }
  if (!isObject(root)) refuse(file, 'does not hold a JSON object');
  const outcomes: EntryOutcome[] = [];
  const names: string[] = [];
  const edits: TextEdit[] = [];
  for (const section of config.sections) {
    let holder: unknown = root;
    for (const key of section.holder) holder = isObject(holder) ? holder[key] : undefined;
    if (holder === undefined) continue;
    if (!isObject(holder)) refuse(file, `${pathText(section.holder)} is not an object`);
    if (holder.mcpServers === undefined) continue;
    const parsed = Servers.safeParse(holder.mcpServers);
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      refuse(file, `${pathText([...section.holder, 'mcpServers', ...issue.path])}: ${issue.message}`);
    }
    const servers = holder.mcpServers as Record<string, Record<string, unknown>>;
    for (const [server, entry] of Object.entries(parsed.data)) {
      names.push(server);
      if (only && !only.has(server)) continue;
      const outcome = planEntry(action, server, section.scope, entry, cli);
      outcomes.push(outcome);
      if (outcome.result !== 'wrap' && outcome.result !== 'unwrap') continue;
      const [command, ...args] = outcome.to as [string, ...string[]];
      const object = [...section.holder, 'mcpServers', server];
      edits.push({ object, key: 'command', value: command });
      edits.push({ object, key: 'args', value: args, after: 'command' });
      servers[server] = withCommand(servers[server]!, command, args);
    }
  }
  const plan = { file, exists: true, servers: names, outcomes };
  if (edits.length === 0 || outcomes.some((o) => o.result === 'refused')) return plan;
  const unit = indentOf(text);
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const whole = JSON.stringify(root, null, unit).replace(/\n/g, eol) + (/\r?\n$/.test(text) ? eol : '');
  // The text with only the changed values replaced, when it says exactly what the whole file would.
  const edited = editJsonText(text, edits, unit);
  const same = edited !== undefined && JSON.stringify(JSON.parse(edited)) === JSON.stringify(root);
  return { ...plan, text: same ? edited : whole };
}

/** The entry with its command line replaced, `args` after `command` when it was not there before. */
function withCommand(entry: Record<string, unknown>, command: string, args: string[]) {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(entry)) {
    if (key === 'command') {
      out.command = command;
      out.args = args;
    } else if (key !== 'args') out[key] = value;
  }
  return out;
}

/** The backup `init --agent` keeps too: the file as it was before the last change Interlock made. */
function backupOf(file: string): string {
  return `${file}.interlock-backup`;
}

/** Write the plan's text atomically, after copying the file to its backup; the backup's path. */
export function writePlan(plan: FilePlan): string {
  if (plan.text === undefined) throw new Error(`nothing to write to ${plan.file}`);
  const backup = backupOf(plan.file);
  copyFileSync(plan.file, backup);
  const mode = statSync(plan.file).mode & 0o777;
  const tmp = `${plan.file}.${process.pid}.tmp`;
  writeFileSync(tmp, plan.text, { mode });
  renameSync(tmp, plan.file);
  return backup;
}
