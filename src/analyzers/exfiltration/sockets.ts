import { parseOptions } from '../../shell/options.js';
import type { Word } from '../../shell/words.js';
import type { Sink } from './sinks.js';

// Raw connections: netcat, socat, telnet, `openssl s_client`, and bash's `/dev/tcp/HOST/PORT`. Each sends
// what it reads on stdin (socat: its other address); one that listens sends it to whoever connects.

export const NC_VALUE = [
  ...'-I -i -M -m -O -P -p -q -s -T -V -W -w -X -x -e -c -o -d -g -G'.split(' '),
  ...'--proxy --proxy-type --proxy-auth --exec --sh-exec --lua-exec --output --hex-dump --idle-timeout --wait --source --source-port --max-conns --delay --allow --deny --allowfile --denyfile'.split(
    ' ',
  ),
];

function netcat(tool: string, args: readonly Word[]): Sink | undefined {
  const { options, positionals } = parseOptions(args, { withValue: NC_VALUE });
  if (options.has('-z')) return undefined; // a port scan sends nothing
  if (options.has('-l') || options.has('--listen')) {
    const port = positionals[positionals.length - 1]?.value ?? options.get('-p')?.[0] ?? '?';
    return { tool, destination: `whoever connects to port ${port}`, stdin: true, files: [] };
  }
  const [host, port] = positionals;
  if (!host || host.dynamic) return undefined;
  return {
    tool,
    destination: port ? `${host.value}:${port.value}` : host.value,
    host: host.value,
    stdin: true,
    files: [],
  };
}

function telnet(args: readonly Word[]): Sink | undefined {
  const { positionals } = parseOptions(args, { withValue: ['-l', '-e', '-n', '-b', '-X'] });
  const [host, port] = positionals;
  if (!host || host.dynamic) return undefined;
  const destination = port ? `${host.value}:${port.value}` : host.value;
  return { tool: 'telnet', destination, host: host.value, stdin: true, files: [] };
}

/** `openssl s_client -connect HOST:PORT`: a TLS connection that sends stdin. */
function sClient(args: readonly Word[]): Sink | undefined {
  if (args[0]?.value !== 's_client') return undefined;
  const at = args.findIndex((w) => w.value === '-connect');
  const target = at >= 0 ? args[at + 1] : args.slice(1).find((w) => !w.value.startsWith('-'));
  if (!target || target.dynamic) return undefined;
  const host = target.value.replace(/:\d+$/, '');
  return { tool: 'openssl s_client', destination: target.value, host, stdin: true, files: [] };
}

const SOCAT_NETWORK =
  /^(?:tcp|udp|sctp|dccp|openssl|ssl)[46]?(?:-connect|-sendto|-datagram)?:([^:,]+)(?::(\d+))?/i;
const SOCAT_LISTEN = /^(?:tcp|udp|sctp|openssl|ssl)[46]?-listen:(\d+)/i;
const SOCAT_STDIN = /^(-|stdin|stdio)$/i;
const SOCAT_FILE = /^(?:file|open|gopen):([^,]+)/i;

/** socat ADDRESS ADDRESS: when one is a network address, what the other reads is sent there. */
function socat(args: readonly Word[]): Sink | undefined {
  const { positionals } = parseOptions(args, { withValue: ['-lf', '-b', '-t', '-T', '-lp', '-L', '-W'] });
  if (positionals.length !== 2 || positionals.some((w) => w.dynamic)) return undefined;
  const [a, b] = positionals.map((w) => w.value) as [string, string];
  const networkAt = [a, b].findIndex((x) => SOCAT_NETWORK.test(x) || SOCAT_LISTEN.test(x));
  if (networkAt < 0) return undefined;
  const network = [a, b][networkAt]!;
  const other = [a, b][1 - networkAt]!;
  const listen = SOCAT_LISTEN.exec(network);
  const connect = SOCAT_NETWORK.exec(network);
  const file =
    SOCAT_FILE.exec(other)?.[1] ?? (/^[^:]+$/.test(other) && !SOCAT_STDIN.test(other) ? other : undefined);
  const sends = { stdin: SOCAT_STDIN.test(other), files: file ? [file] : [] };
  if (listen) return { tool: 'socat', destination: `whoever connects to port ${listen[1]}`, ...sends };
  const host = connect![1]!;
  const destination = connect![2] ? `${host}:${connect![2]}` : host;
  return { tool: 'socat', destination, host, ...sends };
}

export function socketSink(name: string, args: readonly Word[]): Sink | undefined {
  switch (name) {
    case 'nc':
    case 'ncat':
    case 'netcat':
      return netcat(name, args);
    case 'socat':
      return socat(args);
    case 'telnet':
      return telnet(args);
    case 'openssl':
      return sClient(args);
    default:
      return undefined;
  }
}

/** `> /dev/tcp/HOST/PORT` (and udp): bash opens a connection and the command's output goes there. */
export function socketPath(path: string): { host: string; destination: string } | undefined {
  const m = /^\/dev\/(?:tcp|udp)\/([^/]+)\/(\d+)$/.exec(path);
  return m ? { host: m[1]!, destination: `${m[1]}:${m[2]}` } : undefined;
}
