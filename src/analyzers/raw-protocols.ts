import type { Effect, EnvironmentHint } from '../core/types.js';
import { word } from '../shell/words.js';
import type { Analyzer, Invocation } from './analyzer.js';
import { stdinSource } from './databases/common.js';
import { commandEffect, splitLine } from './databases/redis.js';
import { haproxyEffects, haproxySocket } from './haproxy-runtime.js';
import { socketSink } from './exfiltration/sockets.js';
import { requestEffects } from './http/request.js';

// A service's own protocol typed into a raw connection: `echo flush_all | nc cache-prod 11211` empties
// memcached, `printf 'FLUSHALL\r\n' | nc redis-prod 6379` empties redis, and a request line written to port
// 9200 deletes an Elasticsearch index. netcat, ncat, socat, telnet and `openssl s_client` send their stdin;
// what that text says to the service on the port is judged as its own client's command would be. Text
// these do not know, or a port of another service, says nothing here (sending secrets is judged elsewhere).
// HAProxy's admin socket has its own reader (haproxy-runtime.ts).

const MEMCACHED_PORTS = new Set(['11211']);
const REDIS_PORTS = new Set(['6379', '6380', '26379']);

interface MemcachedRule {
  operation: Effect['operation'];
  risk: Effect['risk'];
  what: string;
  /** It acts on the whole cache, not on the key it names. */
  whole?: boolean;
}

const writes: MemcachedRule = { operation: 'modify', risk: 'low', what: 'writes the key' };

/** memcached's text protocol: what each command does to the cache (reads are not listed). */
const MEMCACHED: Readonly<Record<string, MemcachedRule>> = {
  flush_all: { operation: 'delete', risk: 'critical', what: 'deletes every item in the cache', whole: true },
  delete: { operation: 'delete', risk: 'medium', what: 'deletes the key' },
  shutdown: { operation: 'modify', risk: 'high', what: 'stops the server', whole: true },
  set: writes,
  add: writes,
  replace: writes,
  append: writes,
  prepend: writes,
  cas: writes,
  incr: writes,
  decr: writes,
  touch: writes,
};

function memcachedLine(words: readonly string[], tool: string, hints: EnvironmentHint[]): Effect[] {
  const command = words[0]?.toLowerCase() ?? '';
  const rule = Object.hasOwn(MEMCACHED, command) ? MEMCACHED[command] : undefined;
  if (!rule) return [];
  const target = rule.whole
    ? command === 'flush_all'
      ? 'memcached every item'
      : 'memcached server'
    : `memcached key ${words[1] ?? ''}`.trim();
  return [
    {
      operation: rule.operation,
      tool,
      target,
      reversible: false,
      risk: rule.risk,
      reason: `memcached ${command} ${rule.what}`,
      hints,
      category: 'cache',
    },
  ];
}

/** An HTTP request written by hand: its request line, Host header and body, as a client would send them. */
function httpRequest(text: string, destination: string, inv: Invocation): Effect[] {
  const [head = '', body = ''] = text.split(/\r?\n\r?\n/, 2);
  const [requestLine = '', ...headers] = head.split(/\r?\n/);
  const m = /^([A-Z]+) (\S+) HTTP\/\d(?:\.\d)?$/.exec(requestLine.trim());
  if (!m) return [];
  const host =
    headers
      .find((h) => /^host:/i.test(h))
      ?.slice(5)
      .trim() || destination;
  const scheme = inv.name === 'openssl' ? 'https' : 'http';
  const url = m[2]!.startsWith('/') ? `${scheme}://${host}${m[2]}` : m[2]!;
  return requestEffects(
    {
      tool: inv.name,
      method: m[1],
      urls: [word(url, false)],
      files: [],
      texts: body ? [word(body, false)] : [],
      stdin: false,
    },
    inv,
  );
}

function protocolEffects(inv: Invocation): Effect[] {
  const haproxy = haproxySocket(inv);
  if (haproxy) {
    const fed = stdinSource(inv);
    return fed && 'text' in fed && !fed.dynamic ? haproxyEffects(fed.text, haproxy, inv) : [];
  }
  const sink = socketSink(inv.name, inv.args);
  if (!sink?.host || !sink.stdin) return [];
  const source = stdinSource(inv);
  if (!source || !('text' in source) || source.dynamic) return [];
  // printf's `\r\n` line ends arrive as written (only `\n` is expanded where the text is read).
  const text = { value: source.text.replace(/\\r/g, '') };
  const port = /:(\d+)$/.exec(sink.destination)?.[1] ?? '';
  const hints: EnvironmentHint[] = [{ source: `${inv.name} host`, value: sink.host }];
  const lines = text.value
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean);
  if (MEMCACHED_PORTS.has(port)) return lines.flatMap((l) => memcachedLine(l.split(/\s+/), inv.name, hints));
  if (REDIS_PORTS.has(port)) return lines.flatMap((l) => commandEffect(splitLine(l), inv.name, hints));
  return httpRequest(text.value, sink.destination, inv);
}

export const rawProtocolsAnalyzer: Analyzer = {
  family: 'raw protocols',
  commands: ['nc', 'ncat', 'netcat', 'socat', 'telnet', 'openssl'],
  local: false,
  environmentVariables: [],
  // Knows only the protocols above: any other use of a raw connection stays an unrecognised program.
  partial: true,
  analyze: protocolEffects,
};
