import { placeEffect, placeHints, type Placement } from '../core/place.js';
import {
  riskRank,
  type Effect,
  type EnvironmentHint,
  type Operation,
  type PlacedEffect,
  type Risk,
} from '../core/types.js';
import { isObject } from '../core/guards.js';
import { withoutUrlPasswords } from '../core/secret-values.js';

// What an MCP tool call would do, read from its name and arguments. MCP tools are opaque, so this is a
// heuristic: the verb in the tool name, SQL in the arguments, and environment names in the server name and
// arguments. Pure: no I/O.

/** Servers that act on this machine only (their effects are non-production unless a name says otherwise). */
const LOCAL_SERVERS =
  /^(memory|filesystem|fs|sequential[-_]?thinking|playwright|puppeteer|browser|git|time|fetch|everything|context7|ide|serena)$/i;

const READ_VERBS = new Set(
  'get list read search query fetch describe show find view retrieve lookup count explain inspect status whoami check validate preview diff browse open navigate screenshot snapshot resolve select watch tail print dump export download head ls cat stat'.split(
    ' ',
  ),
);
const DELETE_VERBS = new Set(
  'delete drop destroy remove purge truncate terminate wipe erase revoke kill uninstall detach nuke flush clear reset deprovision decommission evict rm rmdir unlink prune'.split(
    ' ',
  ),
);
const MODIFY_VERBS = new Set(
  'update write create insert put set patch edit apply deploy execute exec run send post merge push publish move rename restart stop start scale grant invite upload commit approve close cancel archive transfer rollback restore migrate replace upsert modify add assign enable disable rotate trigger invoke call type click fill press submit'.split(
    ' ',
  ),
);
const CREATE_VERBS = new Set(['create', 'add', 'insert', 'upload', 'invite']);

function words(name: string): string[] {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((w) => w.toLowerCase());
}

interface Verb {
  operation: Operation;
  risk: Risk;
  verb?: string;
}

function verbOf(tool: string): Verb {
  const ws = words(tool);
  const first = ws[0];
  const destructive = ws.find((w) => DELETE_VERBS.has(w));
  // "list_deleted_items" reads; "delete_item" and "force_delete" delete.
  if (first && READ_VERBS.has(first) && !(destructive && ws.indexOf(destructive) === 0))
    return { operation: 'read', risk: 'none', verb: first };
  if (destructive) return { operation: 'delete', risk: 'high', verb: destructive };
  const modify = ws.find((w) => MODIFY_VERBS.has(w));
  if (modify) {
    return CREATE_VERBS.has(modify)
      ? { operation: 'create', risk: 'low', verb: modify }
      : { operation: 'modify', risk: 'medium', verb: modify };
  }
  const read = ws.find((w) => READ_VERBS.has(w));
  if (read) return { operation: 'read', risk: 'none', verb: read };
  return { operation: 'modify', risk: 'low' };
}

const SQL_KEY = /^(sql|query|statement|statements|command|cypher|script|q)$/i;
const SQL_START =
  /^\s*(select|with|insert|update|delete|drop|truncate|alter|create|grant|revoke|merge|copy|vacuum|replace|upsert|show|explain|describe|begin)\b/i;

/** SQL found in the arguments (by key name, or by a value that starts like a statement). */
export function sqlIn(args: unknown, depth = 0): string[] {
  const found: string[] = [];
  if (depth > 4) return found;
  if (Array.isArray(args)) {
    for (const a of args) found.push(...sqlIn(a, depth + 1));
  } else if (isObject(args)) {
    for (const [key, value] of Object.entries(args)) {
      if (typeof value === 'string' && (SQL_KEY.test(key) || SQL_START.test(value))) {
        if (SQL_START.test(value)) found.push(value);
      } else found.push(...sqlIn(value, depth + 1));
    }
  } else if (typeof args === 'string' && SQL_START.test(args)) found.push(args);
  return found;
}

/** The strongest thing the SQL does, by the statements' keywords (string literals are not parsed). */
export function sqlVerb(sql: string): Verb {
  const text = sql.replace(/'(?:[^']|'')*'/g, "''").replace(/--[^\n]*/g, '');
  if (/\b(drop|truncate)\b/i.test(text)) return { operation: 'delete', risk: 'critical', verb: 'drop' };
  if (/\bdelete\s+from\b/i.test(text)) return { operation: 'delete', risk: 'high', verb: 'delete' };
  if (/\balter\b/i.test(text)) return { operation: 'replace', risk: 'high', verb: 'alter' };
  if (/\b(update|grant|revoke)\b/i.test(text)) return { operation: 'modify', risk: 'medium', verb: 'update' };
  if (/\b(insert|merge|copy|upsert|replace)\b/i.test(text))
    return { operation: 'modify', risk: 'low', verb: 'insert' };
  if (/\bcreate\b/i.test(text)) return { operation: 'create', risk: 'low', verb: 'create' };
  return { operation: 'read', risk: 'none', verb: 'select' };
}

const ENV_KEY =
  /(^|_)(env|environment|stage|profile|project|account|cluster|context|namespace|database|db|dbname|host|hostname|url|uri|dsn|region|workspace|branch|instance|server|endpoint|connection|target)$/i;

/** Arguments that only name a resource (a database, a branch): they may raise, never lower. */
const NAME_KEY = /(^|_)(database|db|dbname|instance|branch|target)$/i;

function environmentHints(call: McpCall): EnvironmentHint[] {
  const { server, args } = call;
  const hints: EnvironmentHint[] = [];
  if (server) hints.push({ source: 'mcp server', value: server });
  // The words the server was started with (a connection string, --context prod): names only, they may
  // raise, never lower (the agent's configuration holds them).
  for (const word of call.launch?.slice(1) ?? [])
    if (word.length <= 300)
      hints.push({ source: 'mcp server command line', value: withoutUrlPasswords(word), weak: true });
  if (isObject(args)) {
    for (const [key, value] of Object.entries(args)) {
      if (typeof value === 'string' && ENV_KEY.test(key) && value.length <= 300)
        hints.push({ source: `mcp argument ${key}`, value, ...(NAME_KEY.test(key) ? { weak: true } : {}) });
    }
  }
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
}

/** The effects of one MCP tool call, placed in an environment. */
export function mcpEffects(call: McpCall, placement: Placement): PlacedEffect[] {
  const sql = sqlIn(call.args);
  const verbs = sql.length ? sql.map(sqlVerb) : [verbOf(call.tool)];
  const verb = verbs.reduce((a, b) => (riskRank(b.risk) > riskRank(a.risk) ? b : a));
  const hints = environmentHints(call);
  const local = call.server !== undefined && LOCAL_SERVERS.test(call.server);
  const placed = placeHints(hints, local, placement);
  let risk = verb.risk;
  // A tool whose name says nothing: harmless-looking, unless it acts in production.
  if (verb.verb === undefined && placed.environment === 'production') risk = 'medium';
  const where = call.server ? `${call.server} ` : '';
  const effect: Effect = {
    operation: verb.operation,
    tool: `mcp:${call.server ?? 'unknown-server'}`,
    target: `${call.tool} ${summary(call.args)}`.trim().slice(0, 200),
    reversible: verb.operation !== 'delete' && verb.operation !== 'replace',
    risk,
    reason: sql.length
      ? `the MCP ${where}tool ${call.tool} runs SQL that would ${verb.verb}`
      : verb.verb
        ? `the MCP ${where}tool ${call.tool} would ${verb.verb} (from its name)`
        : `the MCP ${where}tool ${call.tool} does something its name does not describe`,
    hints,
    ...(sql.length ? { category: 'database' } : {}),
  };
  return [placeEffect(effect, local, placement)];
}
