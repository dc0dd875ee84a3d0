import { describe, expect, it } from 'vitest';
import { check } from '../support/runtime.js';

// How operators look at a production host before touching it (src/assess/read-only-host-tools.ts): these
// were denied there as unrecognised programs. The same tools' changing forms stay denied.

describe('looking at a production host is allowed', () => {
  it.each([
    'findmnt /var/lib/postgresql',
    'df -h /var/lib/postgresql && findmnt /var/lib/postgresql',
    'blkid',
    'sudo ausearch -m USER_LOGIN --start today -i | tail -n 50',
    'sudo aureport --summary',
    'atq',
    'getenforce',
    'ulimit -a',
    'sudo smartctl -a /dev/sda',
    'sudo mdadm --detail /dev/md0',
    'sudo pvs',
    'arp -a',
    'route -n',
    'chronyc tracking',
    'ntpq -p',
    'timedatectl',
    'hostnamectl status',
    'ethtool eth0',
    'sudo rsyslogd -N1',
    'sudo -u postgres pgbackrest --stanza=prod info',
    'sudo -u postgres pgbackrest --stanza=main check',
    'nodetool status && nodetool listsnapshots',
    'nodetool -h 10.0.0.5 -u admin -pw secret tablestats shop',
    'nodetool snapshot -t pre-upgrade-20261201 shop',
    'pgrep -a -u postgres | head -n 20',
    'pidof nginx',
    'sudo haproxy -c -f /etc/haproxy/haproxy.cfg && sudo systemctl reload haproxy',
    'sudo certbot renew --dry-run',
    'ssh-keygen -lf ~/.ssh/authorized_keys',
    "sudo sshd -T | grep -Ei 'passwordauthentication|permitrootlogin'",
    'tc qdisc show dev eth0',
    'sysctl net.ipv4.ip_forward vm.swappiness',
    'sysctl -a',
  ])('ssh prod-db-1 %s', async (remote) => {
    const r = await check(`ssh prod-db-1 '${remote.replace(/'/g, `'\\''`)}'`);
    expect(r.decision.outcome, JSON.stringify(r.assessment.effects)).toBe('allow');
  });

  it.each([
    'sysctl -w vm.swappiness=1',
    'sysctl vm.swappiness=1',
    'sysctl -p /tmp/x.conf',
    'tc qdisc add dev eth0 root netem loss 100%',
    'ssh-keygen -R old-host',
    'hostnamectl set-hostname x',
    "sudo certbot renew --dry-run --pre-hook 'systemctl stop nginx'",
    'sudo certbot renew',
    'ulimit -n 1',
    'sudo mdadm --detail --stop /dev/md0',
    'ethtool -s eth0 speed 10',
    'arp -d 10.0.0.1',
    'route add default gw 10.0.0.1',
    'sudo smartctl -t long /dev/sda',
    'sudo pgbackrest --stanza=prod expire',
    'chronyc makestep',
    'nodetool clearsnapshot --all',
    'nodetool -h 10.0.0.5 decommission',
    'nodetool drain',
    'sudo haproxy -f /etc/haproxy/haproxy.cfg -D',
  ])('ssh prod-db-1 %s is not allowed', async (remote) => {
    const r = await check(`ssh prod-db-1 '${remote}'`);
    expect(r.decision.outcome, JSON.stringify(r.assessment.effects)).not.toBe('allow');
  });
});

describe("a production host's own system files, written there, are judged", () => {
  it.each([
    `ssh prod-bastion-1 "sudo sed -i 's/^PermitRootLogin no/PermitRootLogin yes/' /etc/ssh/sshd_config"`,
    `ssh prod-cp-1 "sudo sed -i '/--audit-log-path/d' /etc/kubernetes/manifests/kube-apiserver.yaml"`,
    `ssh prod-web-1 'echo "127.0.0.1 api.acme.io" | sudo tee -a /etc/hosts'`,
    `ssh prod-web-1 'sudo cp /tmp/nginx.conf /etc/nginx/nginx.conf'`,
  ])('%s', async (command) => {
    const r = await check(command);
    expect(r.decision.outcome, JSON.stringify(r.assessment.effects)).not.toBe('allow');
    expect(r.assessment.effects.some((e) => e.category === 'system' && e.environment === 'production')).toBe(
      true,
    );
  });

  it.each([
    "ssh prod-web-1 'sed -i s/a/b/ app.conf'",
    "ssh prod-web-1 'cp ~/.bashrc ~/.bashrc.bak'",
    "ssh prod-web-1 'sed -n 1,20p /etc/nginx/nginx.conf'",
  ])('%s: no system file', async (command) => {
    const r = await check(command);
    expect(r.assessment.effects.some((e) => e.category === 'system')).toBe(false);
  });
});
