import { postgresCluster, startStopDaemon } from './services/daemon-control.js';
import type { Analyzer } from './analyzer.js';
import { containers } from './services/containers.js';
import { firewallCmd, iptables, nft, pfctl, ufw } from './services/firewall.js';
import { crontab, kill, killByName, power, runlevel } from './services/host.js';
import { chrootHost, ctrRun, lxcPrivileges, nsenterHost } from './services/host-access.js';
import { launchctl, service, systemctl } from './services/systemd.js';

const IPTABLES = [
  'iptables',
  'ip6tables',
  'iptables-legacy',
  'ip6tables-legacy',
  'iptables-nft',
  'ip6tables-nft',
  'iptables-restore',
  'ip6tables-restore',
  'iptables-legacy-restore',
  'iptables-nft-restore',
];

/**
 * Services on a machine: containers (docker, podman, nerdctl, compose), systemd and SysV services, cron,
 * power state, signals to critical processes and the firewall. They act on this machine unless an ssh
 * wrapper, `-H host` or DOCKER_HOST says where (those become hints).
 */
export const servicesAnalyzer: Analyzer = {
  family: 'services',
  commands: [
    'docker',
    'podman',
    'nerdctl',
    'docker-compose',
    'podman-compose',
    'systemctl',
    'service',
    'launchctl',
    'crontab',
    'shutdown',
    'reboot',
    'halt',
    'poweroff',
    'init',
    'telinit',
    'kill',
    'killall',
    'pkill',
    'start-stop-daemon',
    'pg_ctlcluster',
    'pg_dropcluster',
    'pg_upgradecluster',
    ...IPTABLES,
    'nft',
    'ufw',
    'firewall-cmd',
    'nsenter',
    'pfctl',
    'lxc',
    'incus',
    'ctr',
    'chroot',
  ],
  local: true,
  // DOCKER_HOST/DOCKER_CONTEXT (and podman's CONTAINER_HOST/CONTAINER_CONNECTION) are read by the
  // container part only, so they do not become hints of systemctl or crontab effects.
  environmentVariables: [],
  analyze(inv) {
    if (IPTABLES.includes(inv.name)) return iptables(inv);
    if (inv.name === 'nsenter') return nsenterHost(inv.args, inv.hints);
    if (inv.name === 'pfctl') return pfctl(inv);
    if (inv.name === 'lxc' || inv.name === 'incus') return lxcPrivileges(inv.args, inv.hints);
    if (inv.name === 'ctr') return ctrRun(inv.args, inv.hints);
    if (inv.name === 'chroot') return chrootHost(inv.args, inv.hints);
    switch (inv.name) {
      case 'docker':
      case 'podman':
      case 'nerdctl':
      case 'docker-compose':
      case 'podman-compose':
        return containers(inv);
      case 'systemctl':
        return systemctl(inv);
      case 'service':
        return service(inv);
      case 'launchctl':
        return launchctl(inv);
      case 'crontab':
        return crontab(inv);
      case 'shutdown':
      case 'reboot':
      case 'halt':
      case 'poweroff':
        return power(inv);
      case 'init':
      case 'telinit':
        return runlevel(inv);
      case 'kill':
        return kill(inv);
      case 'start-stop-daemon':
        return startStopDaemon(inv);
      case 'pg_ctlcluster':
      case 'pg_dropcluster':
      case 'pg_upgradecluster':
        return postgresCluster(inv);
      case 'killall':
      case 'pkill':
        return killByName(inv);
      case 'nft':
        return nft(inv);
      case 'ufw':
        return ufw(inv);
      case 'firewall-cmd':
        return firewallCmd(inv);
    }
    return [];
  },
};
