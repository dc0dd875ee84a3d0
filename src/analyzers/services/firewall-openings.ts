import { CONTROL_PORTS } from '../exfiltration/remote-control.js';

// A host firewall told to let anyone reach a login, remote-desktop, container-API or database port: `ufw
// allow 22/tcp`, `firewall-cmd --add-service=postgresql`, `iptables -A INPUT -p tcp --dport 3306 -j
// ACCEPT`. Each was a routine rule change, allowed. The same rule from a named network (`ufw allow from
// 10.0.0.0/8 to any port 22`) and ports for web servers stay routine.

/** Services by the names ufw application profiles and firewalld use for them. */
const CONTROL_SERVICES =
  /^(ssh|openssh|telnet|rdp|vnc(-server)?|ms-wbt|mysql|mariadb|postgresql|postgres|redis|mongodb|mongo|elasticsearch|memcached?|docker|docker-swarm|etcd-(server|client)|kube-api(server)?|winrm|wsman)$/i;

const ANYWHERE = /^(any|anywhere|0\.0\.0\.0\/0|::\/0)$/i;

/** The port of `22`, `22/tcp`, `5432:5433/tcp`, or a service's name, if it gives control or data. */
export function controlPort(spec: string): string | undefined {
  const bare = spec.replace(/\/\w+$/, '');
  // A list (`22,5432`) or a range (`1:65535`, firewalld's `1-65535`) opens each port in it.
  for (const part of bare.split(',')) {
    const range = /^(\d+)(?:[:-](\d+))?$/.exec(part);
    if (!range) {
      if (CONTROL_SERVICES.test(part)) return part;
      continue;
    }
    const low = Number(range[1]);
    const high = Number(range[2] ?? range[1]);
    const hit = [...CONTROL_PORTS].find((p) => Number(p) >= low && Number(p) <= high);
    if (hit) return low === high ? hit : `${part} (${hit} among them)`;
  }
  return undefined;
}

/** `ufw [insert N|route] allow|limit [in|out] [on IF] [proto P] [from A] [to B] [port P] | PORT | APP`. */
export function ufwOpens(words: readonly string[]): string | undefined {
  const at = words.findIndex((w) => w === 'allow');
  if (words[0] === 'prepend' && at !== 1) return undefined;
  if (at < 0) return undefined;
  const rule = words.slice(at + 1);
  if (rule[0] === 'out') return undefined;
  const after = (key: string) => {
    const i = rule.indexOf(key);
    return i >= 0 ? rule[i + 1] : undefined;
  };
  const from = after('from');
  if (from !== undefined && !ANYWHERE.test(from)) return undefined;
  const app = after('app');
  const spec = after('port') ?? app ?? rule.find((w, i) => i === rule.length - 1 && !/^(in|on)$/.test(w));
  // `ufw allow from any` (no port): every port.
  if (from !== undefined && after('port') === undefined && app === undefined && rule.at(-2) === 'from')
    return 'every port';
  return spec === undefined ? undefined : controlPort(spec.replace(/^'|'$/g, ''));
}

/** `firewall-cmd [--zone=public] --add-port=22/tcp | --add-service=ssh | --add-rich-rule='… source address=0.0.0.0/0 …'`. */
export function firewalldOpens(options: ReadonlyMap<string, readonly string[]>): string | undefined {
  const zone = options.get('--zone')?.[0];
  if (zone !== undefined && !/^(public|external)$/.test(zone)) return undefined;
  for (const spec of [...(options.get('--add-port') ?? []), ...(options.get('--add-service') ?? [])]) {
    const port = controlPort(spec);
    if (port) return port;
  }
  for (const rule of options.get('--add-rich-rule') ?? []) {
    if (!/\baccept\b/.test(rule)) continue;
    const source = /source\s+address="?([^"\s]+)/.exec(rule)?.[1];
    if (source !== undefined && !ANYWHERE.test(source)) continue;
    const port = /port\s+port="?([\d:-]+)/.exec(rule)?.[1] ?? /service\s+name="?([\w-]+)/.exec(rule)?.[1];
    if (port && controlPort(port)) return port;
  }
  return undefined;
}
