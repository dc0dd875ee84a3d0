import { shellSql } from '../analyzers/databases/sql-shells.js';
import type { Dialect } from '../analyzers/databases/sql-text.js';
import type { SqlParser } from '../analyzers/sql-parser.js';
import { placeEffect, placeHints, type Placement } from '../core/place.js';
import {
  riskRank,
  type Effect,
  type ActionFacts,
  type EnvironmentHint,
  type Operation,
  type PlacedEffect,
  type Risk,
} from '../core/types.js';
import { isObject } from '../core/guards.js';
import { withoutUrlPasswords } from '../core/secret-values.js';
import { commandLines, type CommandLine } from './mcp/command-lines.js';
import { equivalentCommand } from './mcp/equivalents.js';
import { fileWriteCall } from './mcp/file-writes.js';
import { secretsIn } from './mcp/secrets-sent.js';
import { anyFlag, flagArg, stringArg, words } from './mcp/words.js';

// What an MCP tool call would do. A tool that runs a command line, or that does what a well-known command
// does (git_reset, move_file), is judged as that shell command (the caller assesses it: mcpCommandLines, then
// mcpShellEffects); SQL in the arguments is judged by the SQL parser (libpg-query); any other tool by the
// verbs in its name and in the arguments that choose an action (mode, command, subCommand), and by where
// its server name and arguments point. Pure: no I/O.

/** Servers that act on this machine only, by the package or program that runs them. */
const LOCAL_SERVER_PACKAGES =
  /^(@modelcontextprotocol\/server-(memory|filesystem|sequential-thinking|everything|puppeteer)|mcp-server-(git|time|fetch)|@playwright\/mcp|@wonderwhy-er\/desktop-commander|serena)(@[\w.-]+)?$/;

const set = (text: string) => new Set(text.split(' '));
const READ_VERBS = set(
  'get list read search query fetch describe show find view retrieve lookup count explain inspect status whoami check validate preview diff browse open navigate screenshot snapshot resolve select watch tail print dump export download head ls cat stat log logs scan schema schemas info health metrics history stats usage ping version events aggregate analyze plan lint',
);
const DELETE_VERBS = set(
  'delete drop destroy remove purge truncate terminate wipe erase revoke kill uninstall detach nuke flush clear reset deprovision decommission evict rm rmdir unlink prune',
);
/** Everyday changes that add or say something and remove nothing: low. */
const ADD_VERBS = set(
  'create add insert upload invite comment post send reply react commit fork star label draft note append type fill press hover click write',
);
const MODIFY_VERBS = set(
  'update set patch edit apply deploy execute exec run merge push publish move rename restart stop start scale grant approve close cancel archive transfer rollback restore migrate replace upsert modify assign enable disable rotate trigger invoke call unprotect protect',
);
/** Arguments that choose what a general tool does (`kubectl_generic {command: "delete"}`, `{mode: "clear"}`). */
const ACTION_KEYS = [
  'mode',
  'action',
  'operation',
  'subCommand',
  'subcommand',
  'command',
  'method',
  'verb',
  'op',
];
/** Arguments that make a call a rehearsal. */
const DRY_RUN_KEYS = [
  'dryRun',
  'dry_run',
  'dry-run',
  'validateOnly',
  'validate_only',
  'preview',
  'plan_only',
];
/** Words in an element a browser tool acts on that say the page will destroy something. */
const BROWSER = set('browser playwright puppeteer chrome');

interface Verb {
  operation: Operation;
  risk: Risk;
  verb?: string;
}

const READ: Verb = { operation: 'read', risk: 'none' };

function verbOfWords(ws: readonly string[]): Verb | undefined {
  const first = ws[0];
  // A delete word anywhere ("get_and_delete_items"); "list_deleted_items" has none ("deleted" is a state).
  const destructive = ws.find((w) => DELETE_VERBS.has(w));
  if (destructive) return { operation: 'delete', risk: 'high', verb: destructive };
  if (first && READ_VERBS.has(first)) return { ...READ, verb: first };
  const modify = ws.find((w) => MODIFY_VERBS.has(w) || ADD_VERBS.has(w));
  const read = ws.find((w) => READ_VERBS.has(w));
  // "start_search", "run_report_query": a generic starter around a read.
  if (modify && read && ['start', 'run', 'execute', 'exec', 'call', 'invoke', 'trigger'].includes(modify))
    return { ...READ, verb: read };
  if (modify)
    return ADD_VERBS.has(modify)
      ? { operation: modify === 'write' ? 'modify' : 'create', risk: 'low', verb: modify }
      : { operation: 'modify', risk: 'medium', verb: modify };
  if (read) return { ...READ, verb: read };
  return undefined;
}

/** The action an argument chooses, when one does (its words, as a tool name's are read). */
function actionOfArgs(args: unknown): Verb | undefined {
  // The most severe of them: a decoy `mode: "list"` beside `action: "delete"` does not make it a read.
  let worst: Verb | undefined;
  for (const key of ACTION_KEYS) {
    const value = stringArg(args, key);
    const verb = value && value.length <= 100 ? verbOfWords(words(value)) : undefined;
    if (
      verb &&
      (!worst ||
        riskRank(verb.risk) > riskRank(worst.risk) ||
        (worst.operation === 'read' && verb.operation !== 'read'))
    )
      worst = verb;
  }
  return worst;
}

/** A browser tool's click or key press: what the element it names says it does. */
function browserAction(tool: string, server: string | undefined, args: unknown): Verb | undefined {
  const named = [...words(tool), ...words(server ?? '')];
  if (!named.some((w) => BROWSER.has(w))) return undefined;
  const submits = flagArg(args, 'submit');
  if (!submits && !named.some((w) => ['click', 'press', 'select', 'submit', 'tap'].includes(w)))
    return undefined;
  const element = stringArg(args, 'element', 'selector', 'text', 'label', 'name') ?? '';
  const destructive = words(element).find((w) => DELETE_VERBS.has(w));
  return destructive
    ? { operation: 'delete', risk: 'high', verb: `${destructive} (the element clicked)` }
    : { operation: 'modify', risk: 'low', verb: 'click' };
}

/** A MongoDB pipeline stage that writes its result over a collection: `$out` replaces, `$merge` overwrites. */
function writesCollection(args: unknown, depth = 0): boolean {
  if (depth > 6) return false;
  if (Array.isArray(args)) return args.some((a) => writesCollection(a, depth + 1));
  if (!isObject(args)) return false;
  return Object.entries(args).some(
    ([k, v]) => k === '$out' || k === '$merge' || writesCollection(v, depth + 1),
  );
}

/** A role or permission argument that hands over a system (`permission: "admin"`): a grant, whatever the verb. */
function grantsControl(args: unknown): string | undefined {
  const role = stringArg(
    args,
    'permission',
    'role',
    'access_level',
    'accessLevel',
    'permissions',
    'roleName',
  );
  return role &&
    /^(admin|administrator|owner|owners|root|superuser|maintain|org[-_]?admin|50)$/i.test(role.trim())
    ? role
    : undefined;
}

/** A switch that turns a general call destructive (`is_destroy: true`, `purge: true`), here or one level down. */
function destroyingSwitch(args: unknown, depth = 0): string | undefined {
  if (!isObject(args) || depth > 1) return undefined;
  for (const [key, value] of Object.entries(args)) {
    if ((value === true || value === 'true') && words(key).some((w) => DELETE_VERBS.has(w))) return key;
    const inner = destroyingSwitch(value, depth + 1);
    if (inner) return inner;
  }
  return undefined;
}

function verbOf(call: McpCall): Verb {
  const role = grantsControl(call.args);
  if (role) return { operation: 'modify', risk: 'high', verb: `grant the role ${role}` };
  if (writesCollection(call.args))
    return { operation: 'replace', risk: 'high', verb: 'write over a collection ($out/$merge)' };
  const browser = browserAction(call.tool, call.server, call.args);
  if (browser) return browser;
  const byTool = verbOfWords(words(call.tool));
  const byArgs = actionOfArgs(call.args);
  // An argument that chooses the action speaks for a general tool ("kubectl_generic", "git_stash mode=clear");
  // it can make a call worse, or make a tool that names no action a read, never make a delete harmless.
  // Arguments may make a call worse, never better: only a tool whose name says nothing is read by them alone.
  let verb = byTool ?? byArgs ?? { operation: 'modify', risk: 'low' };
  if (byArgs && byTool && byArgs.operation !== 'read' && riskRank(byArgs.risk) >= riskRank(byTool.risk))
    verb = byArgs;
  const destroying = verb.operation === 'delete' ? undefined : destroyingSwitch(call.args);
  if (destroying)
    verb = { operation: 'delete', risk: 'high', verb: `${verb.verb ?? 'act'} with ${destroying}` };
  // A rehearsal only when the tool's own schema has the switch: a server drops arguments it does not know.
  const rehearsal = DRY_RUN_KEYS.filter((k) => call.declares?.includes(k));
  if (verb.operation !== 'read' && rehearsal.length && flagArg(call.args, ...rehearsal))
    return { ...READ, verb: `${verb.verb ?? 'change'} (a dry run)` };
  if (verb.operation === 'modify' && anyFlag(call.args, 'force'))
    return { operation: 'replace', risk: 'high', verb: `${verb.verb ?? 'change'} with force` };
  return verb;
}

const SQL_KEY = /^(sql|query|queries|statement|statements|command|cypher|script|q)$|sql/i;
/** Servers and tools that hold SQL databases: their `query` is SQL, a search tool's `query` is not. */
const DATABASE_WORDS = set(
  'sql postgres postgresql pg mysql mariadb sqlite db database databases supabase neon clickhouse snowflake bigquery duckdb cockroach cockroachdb planetscale turso redshift athena trino presto databricks mssql oracle libsql',
);

function isDatabase(call: McpCall): boolean {
  const tool = words(call.tool);
  // A tool that runs a query (`query`, `execute_query`, `run_query`): whatever the server is called.
  if (
    tool.includes('query') &&
    (tool.length === 1 || tool.some((w) => ['execute', 'exec', 'run'].includes(w)))
  )
    return true;
  return [...words(call.server ?? ''), ...tool, ...(call.launch ?? []).flatMap(words)].some((w) =>
    DATABASE_WORDS.has(w),
  );
}

/** SQL in the arguments: a value under a key that names SQL (any tool) or a query (a database's tools). */
export function sqlIn(call: McpCall): string[] {
  const database = isDatabase(call);
  const found: string[] = [];
  const walk = (value: unknown, key: string, depth: number) => {
    if (depth > 4) return;
    if (typeof value === 'string') {
      // Whatever it starts with (`;DROP …`, `(SELECT 1); DROP …`, `DO $$ … $$`): the parser decides.
      const named = /sql/i.test(key) || (database && SQL_KEY.test(key));
      if (named && value.trim()) found.push(value);
    } else if (Array.isArray(value)) for (const v of value) walk(v, key, depth + 1);
    else if (isObject(value)) for (const [k, v] of Object.entries(value)) walk(v, k, depth + 1);
  };
  walk(call.args, '', 0);
  return found;
}

function dialectOf(call: McpCall): Dialect {
  const named = [...words(call.server ?? ''), ...words(call.tool), ...(call.launch ?? []).flatMap(words)];
  if (named.some((w) => w === 'mysql' || w === 'mariadb' || w === 'planetscale')) return 'mysql';
  if (named.some((w) => w === 'sqlite' || w === 'turso' || w === 'libsql')) return 'sqlite';
  return 'postgres';
}

const ENV_KEY =
  /(^|_)(env|environment|stage|profile|project|account|cluster|context|namespace|database|db|dbname|host|hostname|url|uri|dsn|region|workspace|branch|instance|server|endpoint|connection|target|subscription|resource[-_]?group)$/i;

function environmentHints(call: McpCall): EnvironmentHint[] {
  const { server, args } = call;
  const hints: EnvironmentHint[] = [];
  // Every hint here is the agent's to write (its MCP configuration, its arguments): a name may raise a call
  // to production, never lower it, unless the user's own configuration declares that name (environment.ts).
  if (server) hints.push({ source: 'mcp server', value: server, weak: true });
  // The words the server was started with (a connection string, --context prod): names only, they may
  // raise, never lower (the agent's configuration holds them).
  for (const word of call.launch?.slice(1) ?? [])
    if (word.length <= 300)
      hints.push({ source: 'mcp server command line', value: withoutUrlPasswords(word), weak: true });
  const walk = (record: unknown, depth: number) => {
    if (!isObject(record) || depth > 2) return;
    for (const [key, value] of Object.entries(record)) {
      if (typeof value === 'string' && ENV_KEY.test(key) && value.length <= 300)
        hints.push({ source: `mcp argument ${key}`, value: withoutUrlPasswords(value), weak: true });
      else if (isObject(value)) walk(value, depth + 1);
    }
  };
  walk(args, 0);
  return hints;
}

function summary(args: unknown): string {
  let text: string;
  try {
    text = JSON.stringify(args) ?? '';
  } catch {
    text = '';
  }
  return text.length > 160 ? `${text.slice(0, 159)}…` : text;
}

export interface McpCall {
  server?: string;
  tool: string;
  args: unknown;
  /** The server's command line, when Interlock's MCP proxy started it (program first). */
  launch?: string[];
  /** The argument names the tool's input schema declares, when the proxy saw the server list it. */
  declares?: string[];
}

/** A write to a file that is not sensitive: the agent's work, as its own Write tool's would be. */
function ordinaryWrite(call: McpCall, local: boolean, placement: Placement): PlacedEffect {
  const effect: Effect = {
    operation: 'modify',
    tool: toolOf(call),
    target: `${call.tool} ${summary(call.args)}`.trim().slice(0, 200),
    reversible: true,
    risk: 'low',
    reason: `the MCP tool ${call.tool} writes a file that is not sensitive`,
    hints: environmentHints(call),
  };
  return placeEffect(effect, local, placement);
}

const toolOf = (call: McpCall) => `mcp:${call.server ?? 'unknown-server'}`;
/**
 * A server that acts on this machine only, known by the program the proxy started (its package or binary
 * name), never by the name the configuration gives it: "memory" may be anything.
 */
const isLocal = (call: McpCall) => (call.launch ?? []).some((word) => LOCAL_SERVER_PACKAGES.test(word));

/** The shell commands the call runs, or does the equivalent of: the caller assesses each. */
export function mcpCommandLines(call: McpCall): CommandLine[] {
  const lines = commandLines(call.tool, call.args);
  if (lines.length) return lines;
  const equivalent = equivalentCommand(call.tool, call.args);
  const cwd = stringArg(call.args, 'repo_path', 'repoPath', 'path', 'cwd');
  return equivalent ? [{ command: equivalent, ...(cwd?.startsWith('/') ? { cwd } : {}) }] : [];
}

/**
 * The effects of a call whose commands were assessed (`shell`: their placed effects). The command's own
 * placement stands, unless the server or the arguments say production: a command a server runs on a
 * production host (ssh-prod-web, a pod in namespace production) is a production command.
 */
export function mcpShellEffects(
  call: McpCall,
  commands: readonly CommandLine[],
  shell: readonly PlacedEffect[],
  placement: Placement,
): PlacedEffect[] {
  const hints = environmentHints(call);
  const where = placeHints(hints, isLocal(call), placement);
  const raise = where.environment === 'production' ? where.because : [];
  const effects = shell.map((e) =>
    raise.length && e.environment !== 'production'
      ? placeEffect(e, false, placement, [...(e.hints ?? []), ...raise])
      : e,
  );
  if (effects.length) return effects;
  const read: Effect = {
    operation: 'read',
    tool: toolOf(call),
    target: commands
      .map((c) => c.command)
      .join('; ')
      .slice(0, 200),
    reversible: true,
    risk: 'none',
    reason: `the MCP tool ${call.tool} runs a command that only reads`,
    hints,
  };
  return [placeEffect(read, isLocal(call), placement)];
}

/** The effects of one MCP tool call that runs no command; `sql` reads the SQL in its arguments. */
export function mcpEffects(
  call: McpCall,
  facts: ActionFacts,
  placement: Placement,
  sql?: SqlParser,
): PlacedEffect[] {
  const hints = environmentHints(call);
  const local = isLocal(call);
  const written = fileWriteCall(call.tool, call.args, facts, placement, call.declares);
  if (written) return written.length ? written : [ordinaryWrite(call, local, placement)];
  const statements = sqlIn(call);
  const where = call.server ? `${call.server} ` : '';
  if (statements.length) {
    if (!sql) throw new Error('the SQL parser is not loaded (internal error)');
    const dialect = dialectOf(call);
    const found = statements.flatMap((text) =>
      shellSql(sql, toolOf(call), { value: text, dynamic: false }, dialect, hints),
    );
    const effects: Effect[] = found.length
      ? found.map((e) => ({ ...e, reason: `the MCP ${where}tool ${call.tool}: ${e.reason}` }))
      : [
          {
            operation: 'read',
            tool: toolOf(call),
            target: `${call.tool} ${summary(call.args)}`.trim().slice(0, 200),
            reversible: true,
            risk: 'none',
            reason: `the MCP ${where}tool ${call.tool} runs SQL that only reads`,
            hints,
            category: 'database',
          },
        ];
    return effects.map((e) => placeEffect(e, local, placement));
  }
  const verb = verbOf(call);
  const placed = placeHints(hints, local, placement);
  let risk = verb.risk;
  // A tool whose name says nothing: harmless-looking, unless it acts in production.
  if (verb.verb === undefined && placed.environment === 'production') risk = 'medium';
  const effect: Effect = {
    operation: verb.operation,
    tool: toolOf(call),
    target: `${call.tool} ${summary(call.args)}`.trim().slice(0, 200),
    reversible: verb.operation !== 'delete' && verb.operation !== 'replace',
    risk,
    reason: verb.verb
      ? `the MCP ${where}tool ${call.tool} would ${verb.verb} (from its name and arguments)`
      : `the MCP ${where}tool ${call.tool} does something its name does not describe`,
    hints,
  };
  const effects = [placeEffect(effect, local, placement)];
  // What a call sends or writes may carry credentials: sending them anywhere is exposure, whatever the tool.
  const secrets = verb.operation === 'read' ? [] : secretsIn(call.args, facts);
  if (secrets.length)
    effects.push(
      placeEffect(
        {
          operation: 'modify',
          tool: toolOf(call),
          target: effect.target,
          reversible: false,
          risk: 'high',
          category: 'exfiltration',
          reason: `the MCP ${where}tool ${call.tool} would send ${secrets.join(', ')}`,
          hints,
        },
        local,
        placement,
      ),
    );
  return effects;
}
