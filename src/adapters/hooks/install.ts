import {
  copyFileSync,
  existsSync,
  mkdirSync,
  readFileSync,
  renameSync,
  statSync,
  unlinkSync,
  writeFileSync,
} from 'node:fs';
import { dirname, join } from 'node:path';
import { CLAUDE_MATCHER } from './claude-code.js';
import { CODEX_MATCHER } from './codex.js';
import { CURSOR_EVENTS } from './cursor.js';
import { GEMINI_MATCHER } from './gemini.js';
import { isObject, type AgentId } from './types.js';
import { InputError } from '../../core/errors.js';

// `interlock init --agent …` and `interlock uninstall --agent …`: merge the Interlock hook into the agent's
// own settings file without touching anything else in it, and take out exactly the entries it added.
// An entry is Interlock's when its command runs `interlock hook <agent>` (or dist/cli/hook.js <agent>),
// or when it is an http hook to the daemon's /hooks/<agent> route. Nothing else marks it: agents validate
// their settings and may reject unknown keys.

export type Scope = 'user' | 'project';

export interface HookInstall {
  /** The shell command that runs the hook. */
  command: string;
  /** For Claude Code: an `http` hook to the daemon instead of a command. */
  httpUrl?: string;
}

export interface SettingsLocation {
  home: string;
  project: string;
}

type Json = Record<string, unknown>;

/** The file each agent reads its hooks from. Claude Code's project hooks go to the uncommitted local file:
 * the installed command names paths on this machine. */
export function settingsFile(agent: AgentId, scope: Scope, where: SettingsLocation): string {
  const base = scope === 'user' ? where.home : where.project;
  switch (agent) {
    case 'claude-code':
      return join(base, '.claude', scope === 'user' ? 'settings.json' : 'settings.local.json');
    case 'cursor':
      return join(base, '.cursor', 'hooks.json');
    case 'gemini':
      return join(base, '.gemini', 'settings.json');
    case 'codex':
      return join(base, '.codex', 'hooks.json');
  }
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Whether a hook handler (an object in the agent's settings) is Interlock's hook for `agent`. */
export function isInterlockHandler(agent: AgentId, handler: unknown): boolean {
  if (!isObject(handler)) return false;
  const a = escapeRegExp(agent);
  const command = handler.command;
  if (typeof command === 'string') {
    const pattern = new RegExp(
      `(interlock['"]?\\s+hook|/cli/hook(-fast\\.cjs|\\.js)['"]?|/cli/main\\.js['"]?\\s+hook)\\s+(--[a-z-]+\\s+)*['"]?${a}['"]?(\\s|$)`,
    );
    if (pattern.test(command)) return true;
  }
  const url = handler.url;
  return (
    typeof url === 'string' &&
    new RegExp(`^https?://(127\\.0\\.0\\.1|localhost|\\[::1\\]):\\d+/hooks/${a}$`).test(url)
  );
}

// ——— One shape per agent ———

/** Claude Code and Codex: { hooks: { PreToolUse: [ { matcher, hooks: [handler] } ] } }. */
function matcherGroups(settings: Json, event: string): unknown[] {
  const hooks = isObject(settings.hooks) ? settings.hooks : (settings.hooks = {});
  const list = (hooks as Json)[event];
  if (Array.isArray(list)) return list;
  (hooks as Json)[event] = [];
  return (hooks as Json)[event] as unknown[];
}

function handlerFor(agent: AgentId, install: HookInstall): Json {
  switch (agent) {
    case 'claude-code':
      // onFailure "block" (Claude Code ≥ 2.1.295): a hook that cannot start, times out or fails blocks the
      // tool call instead of letting it through. Older versions ignore the key.
      return install.httpUrl
        ? { type: 'http', url: install.httpUrl, timeout: 30, onFailure: 'block' }
        : { type: 'command', command: install.command, timeout: 30, onFailure: 'block' };
    case 'codex':
      return { type: 'command', command: install.command, timeout: 30 };
    case 'gemini':
      return {
        name: 'interlock',
        type: 'command',
        command: install.command,
        timeout: 30000,
        description: 'Interlock: assess shell commands, sensitive file edits and MCP calls before they run',
      };
    case 'cursor':
      return { command: install.command, timeout: 30, failClosed: true };
  }
}

/** The post-tool events recorded as executions, and the shell tools they are matched to. */
const POST_TOOL_INSTALL: Record<AgentId, { events: readonly string[]; matcher: string }> = {
  'claude-code': { events: ['PostToolUse', 'PostToolUseFailure'], matcher: '^Bash$' },
  codex: { events: ['PostToolUse'], matcher: 'Bash' },
  gemini: { events: ['AfterTool'], matcher: '^run_shell_command$' },
  cursor: { events: ['afterShellExecution'], matcher: '' },
};

/** The installed hook's command with `--post-tool` before the agent's name; undefined when it has another shape. */
function postToolCommand(agent: AgentId, command: string): string | undefined {
  const tail = new RegExp(`(\\s)(['"]?${escapeRegExp(agent)}['"]?)\\s*$`);
  if (!tail.test(command) || /\s--post-tool\s/.test(command)) return undefined;
  return command.replace(tail, '$1--post-tool $2');
}

/** Whether an Interlock handler is the post-tool one (it records, it does not decide). */
export function isPostToolHandler(handler: Json): boolean {
  return typeof handler.command === 'string' && /\s--post-tool\s/.test(handler.command);
}

/** A post-tool handler: short, and never blocking (the command has already run). */
function postHandlerFor(agent: AgentId, command: string): Json {
  switch (agent) {
    case 'gemini':
      return {
        name: 'interlock-executed',
        type: 'command',
        command,
        timeout: 10000,
        description: 'Interlock: record the shell command that ran, its exit status and duration',
      };
    case 'cursor':
      return { command, timeout: 10 };
    case 'claude-code':
    case 'codex':
      return { type: 'command', command, timeout: 10 };
  }
}

const GROUPED: Partial<Record<AgentId, { event: string; matcher: string }>> = {
  'claude-code': { event: 'PreToolUse', matcher: CLAUDE_MATCHER },
  codex: { event: 'PreToolUse', matcher: CODEX_MATCHER },
  gemini: { event: 'BeforeTool', matcher: GEMINI_MATCHER },
};

/** Interlock's one group under `event` (Claude Code, Codex, Gemini CLI): { matcher, hooks: [handler] }. */
function mergeGroup(agent: AgentId, settings: Json, event: string, matcher: string, handler: Json): void {
  const groups = matcherGroups(settings, event);
  const ours = (g: unknown) =>
    isObject(g) &&
    Array.isArray(g.hooks) &&
    g.hooks.length > 0 &&
    g.hooks.every((h) => isInterlockHandler(agent, h));
  // Our own group keeps its place; our handler is taken out of groups shared with the user's hooks
  // (their matcher is theirs), and duplicates are dropped.
  const keep = groups.findIndex(ours);
  for (let i = groups.length - 1; i >= 0; i--) {
    const g = groups[i];
    if (i === keep || !isObject(g) || !Array.isArray(g.hooks)) continue;
    const inner = g.hooks.filter((h: unknown) => !isInterlockHandler(agent, h));
    if (inner.length === g.hooks.length) continue;
    if (inner.length === 0) groups.splice(i, 1);
    else g.hooks = inner;
  }
  const group = { matcher, hooks: [handler] };
  const at = groups.findIndex(ours);
  if (at >= 0) groups[at] = { ...(groups[at] as Json), ...group };
  else groups.push(group);
}

/** Cursor: { version: 1, hooks: { <event>: [handler, …] } }, Interlock's handler once per event. */
function mergeCursor(settings: Json, events: readonly string[], handler: Json): void {
  if (settings.version === undefined) settings.version = 1;
  const hooks = isObject(settings.hooks) ? settings.hooks : (settings.hooks = {});
  for (const event of events) {
    const list = Array.isArray((hooks as Json)[event]) ? ((hooks as Json)[event] as unknown[]) : [];
    const at = list.findIndex((h) => isInterlockHandler('cursor', h));
    const kept = list.filter((h, i) => i === at || !isInterlockHandler('cursor', h));
    if (at >= 0) kept[kept.findIndex((h) => isInterlockHandler('cursor', h))] = handler;
    else kept.push(handler);
    (hooks as Json)[event] = kept;
  }
}

/** Add (or bring up to date) Interlock's entries, pre-tool and post-tool; returns whether anything changed. */
export function addHook(agent: AgentId, settings: Json, install: HookInstall): boolean {
  const before = JSON.stringify(settings);
  const handler = handlerFor(agent, install);
  const grouped = GROUPED[agent];
  if (grouped) mergeGroup(agent, settings, grouped.event, grouped.matcher, handler);
  else mergeCursor(settings, CURSOR_EVENTS, handler);
  const post = postToolCommand(agent, install.command);
  if (post) {
    const postHandler = postHandlerFor(agent, post);
    const events = POST_TOOL_INSTALL[agent];
    if (agent === 'cursor') mergeCursor(settings, events.events, postHandler);
    else for (const event of events.events) mergeGroup(agent, settings, event, events.matcher, postHandler);
  }
  return JSON.stringify(settings) !== before;
}

/** Remove Interlock's entries (and the containers that only held them); returns how many were removed. */
export function removeHook(agent: AgentId, settings: Json): number {
  let removed = 0;
  const hooks = settings.hooks;
  if (!isObject(hooks)) return 0;
  for (const event of Object.keys(hooks)) {
    const list = hooks[event];
    if (!Array.isArray(list)) continue;
    const kept: unknown[] = [];
    for (const entry of list) {
      if (isInterlockHandler(agent, entry)) {
        removed++;
        continue;
      }
      if (isObject(entry) && Array.isArray(entry.hooks)) {
        const inner = entry.hooks.filter((h: unknown) => !isInterlockHandler(agent, h));
        if (inner.length !== entry.hooks.length) {
          removed += entry.hooks.length - inner.length;
          if (inner.length === 0) continue; // the group held only our hook
          entry.hooks = inner;
        }
      }
      kept.push(entry);
    }
    if (kept.length === 0 && list.length > 0 && removed > 0) delete hooks[event];
    else hooks[event] = kept;
  }
  if (removed > 0 && Object.keys(hooks).length === 0) delete settings.hooks;
  if (removed > 0 && agent === 'cursor' && settings.hooks === undefined && Object.keys(settings).length === 1)
    delete settings.version;
  return removed;
}

/** Interlock's handlers present in the settings, with the event each is under. */
export function findHooks(agent: AgentId, settings: Json): { event: string; handler: Json }[] {
  const found: { event: string; handler: Json }[] = [];
  const hooks = settings.hooks;
  if (!isObject(hooks)) return found;
  for (const [event, list] of Object.entries(hooks)) {
    if (!Array.isArray(list)) continue;
    for (const entry of list) {
      if (isInterlockHandler(agent, entry)) found.push({ event, handler: entry as Json });
      else if (isObject(entry) && Array.isArray(entry.hooks))
        for (const h of entry.hooks)
          if (isInterlockHandler(agent, h)) found.push({ event, handler: h as Json });
    }
  }
  return found;
}

// ——— Files ———

/** The settings object in `file` ({} when it does not exist); refuses files that are not plain JSON objects. */
export function readSettings(file: string): Json {
  if (!existsSync(file)) return {};
  const text = readFileSync(file, 'utf8');
  if (text.trim() === '') return {};
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new InputError(
      `${file} is not plain JSON (${(error as Error).message}); it was left untouched. Fix it, or add the hook by hand (see docs/hooks.md).`,
    );
  }
  if (!isObject(value)) throw new InputError(`${file} does not hold a JSON object; it was left untouched.`);
  return value;
}

function backupFile(file: string): string {
  return `${file}.interlock-backup`;
}

/** Write the settings atomically, keeping a copy of the previous file next to it. */
function writeSettings(file: string, settings: Json): { backup?: string } {
  mkdirSync(dirname(file), { recursive: true });
  let backup: string | undefined;
  let mode = 0o644;
  if (existsSync(file)) {
    backup = backupFile(file);
    copyFileSync(file, backup);
    mode = statSync(file).mode & 0o777;
  }
  const tmp = `${file}.${process.pid}.tmp`;
  writeFileSync(tmp, `${JSON.stringify(settings, null, 2)}\n`, { mode });
  renameSync(tmp, file);
  return backup ? { backup } : {};
}

export interface InstallResult {
  file: string;
  changed: boolean;
  backup?: string;
}

export function install(agent: AgentId, file: string, hook: HookInstall): InstallResult {
  const settings = readSettings(file);
  if (!addHook(agent, settings, hook)) return { file, changed: false };
  return { file, changed: true, ...writeSettings(file, settings) };
}

/** Take Interlock's entries out; a file left holding nothing (`{}`) is removed (its backup stays). */
export function uninstall(
  agent: AgentId,
  file: string,
): InstallResult & { removed: number; deleted?: boolean } {
  if (!existsSync(file)) return { file, changed: false, removed: 0 };
  const settings = readSettings(file);
  const removed = removeHook(agent, settings);
  if (removed === 0) return { file, changed: false, removed };
  const written = writeSettings(file, settings);
  if (Object.keys(settings).length === 0) {
    unlinkSync(file);
    return { file, changed: true, removed, deleted: true, ...written };
  }
  return { file, changed: true, removed, ...written };
}
