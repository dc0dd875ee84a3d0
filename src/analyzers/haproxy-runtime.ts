import type { Effect, Risk } from '../core/types.js';
import type { Invocation } from './analyzer.js';

// HAProxy's runtime API, spoken on its admin socket: `echo 'show servers state' | socat stdio
// /run/haproxy/admin.sock` only looks; `disable server be_api/web1` takes a server out of rotation and
// `shutdown frontend www` stops serving. Each command is judged; one not known here says nothing, so the
// call stays an unrecognised program (unverifiable in production).

/** The admin socket a socat or `nc -U` call talks to, when its path says it is HAProxy's. */
export function haproxySocket(inv: Invocation): string | undefined {
  const words = inv.args.filter((w) => !w.dynamic).map((w) => w.value);
  const unix = inv.name === 'socat' || words.includes('-U') || words.some((w) => /^-[a-zA-Z]*U$/.test(w));
  if (!unix) return undefined;
  const socket = words
    .map((w) => w.replace(/^(unix-connect|unix-client|unix):/i, '').replace(/,.*$/, ''))
    .find((w) => w.startsWith('/') && /haproxy/i.test(w));
  // Only the socket, the terminal and plain flags: another address or option may run a command
  // (`socat stdio /run/haproxy/admin.sock EXEC:'rm -rf …'`, `nc -U … -e /bin/sh`) or remove the socket.
  const plain = (w: string) =>
    /^(stdio|stdin|stdout|-|readline)(,ignoreeof)?$/i.test(w) ||
    /^-[dvxuUNnq]+$/.test(w) ||
    /^-[tTwWq]?[\d.]*$/.test(w) ||
    /^\d+(\.\d+)?$/.test(w) ||
    (socket !== undefined &&
      w.replace(/^(unix-connect|unix-client|unix):/i, '').replace(/,ignoreeof$/i, '') === socket);
  if (inv.args.some((w) => w.dynamic) || !words.every(plain)) return undefined;
  return socket;
}

interface Rule {
  pattern: RegExp;
  risk: Risk;
  what: string;
}

/** Commands that only look, or only shape the CLI session. */
const LOOKS =
  /^(show|help|prompt|quit|get|echo|user|operator|experimental-mode|expert-mode|set severity-output|set timeout cli)\b/;

const CHANGES: readonly Rule[] = [
  {
    pattern: /^shutdown frontend\b/,
    risk: 'high',
    what: 'stops a frontend: it serves no one until a reload',
  },
  { pattern: /^disable frontend\b/, risk: 'high', what: 'stops a frontend from accepting connections' },
  { pattern: /^del server\b/, risk: 'high', what: 'deletes a server from its backend' },
  {
    pattern: /^(disable server|set server \S+ state (maint|drain))\b/,
    risk: 'medium',
    what: 'takes a server out of rotation',
  },
  { pattern: /^set weight \S+ 0%?$/, risk: 'medium', what: 'sends a server no new traffic' },
  { pattern: /^shutdown sessions? /, risk: 'medium', what: 'cuts open connections' },
  {
    pattern: /^(disable (health|agent)|set server \S+ (health|agent) )/,
    risk: 'medium',
    what: 'changes how a server is checked',
  },
  { pattern: /^(set|add|del|clear) (map|acl)\b/, risk: 'medium', what: 'changes a live map or ACL' },
  {
    pattern: /^(set|commit|new|del|abort|add) ssl\b/,
    risk: 'medium',
    what: 'changes a live TLS certificate or CA',
  },
  { pattern: /^clear table\b/, risk: 'medium', what: 'clears a stick table' },
  { pattern: /^set (maxconn|rate-limit)\b/, risk: 'medium', what: 'changes a connection limit' },
  {
    pattern: /^(add server|set server|set weight|set dynamic-cookie-key|enable dynamic-cookie)\b/,
    risk: 'low',
    what: 'changes a server setting',
  },
  {
    pattern: /^enable (server|frontend|health|agent)\b/,
    risk: 'low',
    what: 'puts something back in service',
  },
  { pattern: /^clear counters\b/, risk: 'low', what: 'resets statistics counters' },
];

/** The effects of the runtime API commands in `text` (lines, and `;` between commands). */
export function haproxyEffects(text: string, socket: string, inv: Invocation): Effect[] {
  const commands = text
    .split(/[\n;]/)
    .map((c) => c.trim().replace(/\s+/g, ' '))
    .filter(Boolean);
  const effects: Effect[] = [];
  for (const command of commands) {
    const rule = CHANGES.find((r) => r.pattern.test(command));
    if (rule) {
      effects.push({
        operation: 'modify',
        tool: inv.name,
        target: `haproxy ${socket}`,
        reversible: true,
        risk: rule.risk,
        reason: `HAProxy \`${command}\` ${rule.what}`,
        category: 'network',
      });
    } else if (LOOKS.test(command)) {
      effects.push({
        operation: 'read',
        tool: inv.name,
        target: `haproxy ${socket}`,
        reversible: true,
        risk: 'none',
        reason: `HAProxy \`${command}\` only looks`,
      });
    } else {
      return []; // a command not known here: the call stays unrecognised
    }
  }
  return effects;
}
