import type { Effect, EnvironmentHint, Operation, Risk } from '../../core/types.js';

export function fx(
  tool: string,
  operation: Operation,
  risk: Risk,
  target: string,
  reason: string,
  category: string,
  extra: { hints?: EnvironmentHint[]; reversible?: boolean } = {},
): Effect {
  return {
    operation,
    tool,
    target,
    reversible: extra.reversible ?? false,
    risk,
    reason,
    category,
    ...(extra.hints && extra.hints.length ? { hints: extra.hints } : {}),
  };
}

/**
 * Containers stopped, killed or paused: routine on a laptop or in staging; on a production host what they
 * serve is down until someone starts them again.
 */
export const outageInProduction = (effect: Effect): Effect => ({ ...effect, riskInProduction: 'high' });

/**
 * Services whose loss takes a machine off the network or takes data and traffic with it: stopping one
 * is worse than stopping an ordinary unit. Names are matched after `.service` and `@instance` are removed.
 */
const CRITICAL_SERVICE =
  /^(sshd?|openssh(-server)?|dropbear|networking|network|NetworkManager|systemd-networkd|systemd-resolved|wpa_supplicant|docker|containerd|crio|cri-o|kubelet|k3s(-agent)?|rke2-(server|agent)|etcd|postgres(ql)?[\w.-]*|mysqld?[\w.-]*|mariadb[\w.-]*|redis[\w.-]*|mongod(b)?|elasticsearch|opensearch|rabbitmq-server|kafka|zookeeper|cassandra|clickhouse-server|memcached|minio|nginx|apache2|httpd|haproxy|traefik|caddy|envoy|keepalived|consul|vault|firewalld|ufw|nftables|iptables|netfilter-persistent|dbus|systemd-journald|systemd-logind)$/;

export function unitBase(unit: string): string {
  return unit
    .replace(/\.(service|socket|timer|target|mount|path|slice|scope|device|swap|automount)$/, '')
    .replace(/@.*$/, '');
}

/** Whether a unit (or a glob over units, `postgresql*`) names a critical service. */
export function isCriticalService(unit: string): boolean {
  const base = unitBase(unit);
  if (/[*?[]/.test(base)) {
    const prefix = base.split(/[*?[]/)[0] ?? '';
    return prefix.length > 0 && CRITICAL_SERVICE.test(prefix.replace(/[-_.@]$/, ''));
  }
  return CRITICAL_SERVICE.test(base);
}

/** Processes whose death takes the machine, its network access or its data services down. */
const CRITICAL_PROCESS =
  /(^|[^a-z0-9])(sshd|systemd|init|dockerd|containerd|containerd-shim[\w-]*|kubelet|kube-apiserver|etcd|postgres(?:ql)?|postmaster|mysqld|mariadbd|redis-server|mongod|nginx|apache2|httpd|haproxy|elasticsearch|rabbitmq-server|beam\.smp|memcached|keepalived|sqlservr)([^a-z0-9]|$)/i;

export function isCriticalProcess(name: string): boolean {
  return CRITICAL_PROCESS.test(name);
}

/** Signals that ask a process to reload or report rather than die. */
const GENTLE_SIGNALS = new Set(['HUP', '1', 'USR1', '10', 'USR2', '12', 'WINCH', '28', 'CONT', '18', '0']);

export function isGentleSignal(signal: string | undefined): boolean {
  if (signal === undefined) return false;
  return GENTLE_SIGNALS.has(signal.toUpperCase().replace(/^SIG/, ''));
}

export function hostOf(server: string): string {
  const m = /^(?:[a-z][a-z0-9+.-]*:\/\/)?(?:[^@/]*@)?(\[[^\]]+\]|[^:/]+)/i.exec(server);
  return m?.[1] ?? server;
}
