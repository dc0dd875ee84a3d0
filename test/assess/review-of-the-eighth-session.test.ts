import { describe, expect, it } from 'vitest';
import { check } from '../support/runtime.js';

// What a hostile review of the eighth session's change found: read forms of host tools that ran code or
// changed the machine when given another option (or an abbreviation of one), rules that lowered scrutiny
// beyond the working directory or this machine, and spellings that slipped past the new detections.

describe('not allowed on a production host', () => {
  it.each([
    'certbot renew --dry-run -c /tmp/evil.ini',
    'certbot renew --dry-run --config-dir /tmp/le',
    'certbot renew --dry-run --pre-h "rm -rf /var/lib/postgresql"',
    'airflow dags list -S /tmp/evil_dags',
    'airflow dags show d --sav /etc/passwd',
    'dbt show --inline "drop table analytics.users" --target prod',
    'java -jar /tmp/evil/jenkins-cli.jar who-am-i',
    'ssh-keygen -l -D /tmp/evil.so',
    'ssh-keygen -l -H -f /root/.ssh/known_hosts',
    'chronyc -m tracking makestep',
    'apt-get -s -o APT::Get::Simulate=false remove -y openssh-server',
    'mdadm --detail /dev/md0 --zero /dev/sdb',
    'smartctl -a /dev/sda --te=long',
    'smartctl --sma=off /dev/sda',
    'sysctl --sys',
    'arp --del 10.0.0.1',
    'ethtool -t eth0 offline',
    'tc -batch qdisc show',
    'rsyslogd -N1 -f /tmp/evil.conf',
    'find / -name node_modules -exec rm -rf {} +',
    'cd /srv/app && git clean -fdX node_modules',
    'tc qdisc add dev lo root netem loss 100%',
  ])("ssh prod-db '%s'", async (remote) => {
    const r = await check(`ssh prod-db '${remote.replace(/'/g, `'\\''`)}'`);
    expect(r.decision.outcome, JSON.stringify(r.assessment.effects)).not.toBe('allow');
  });

  it.each([
    'ntpq -pn',
    'zfs list -t snapshot',
    'nvme smart-log /dev/nvme0',
    'btrfs filesystem show',
    'zpool status -x',
    'certbot renew --dry-run',
    'smartctl -a /dev/sda',
    'mdadm --detail /dev/md0',
    'ethtool -i eth0',
    'rsyslogd -N1',
    'arp -an',
  ])("ssh prod-db '%s' is allowed", async (remote) => {
    const r = await check(`ssh prod-db '${remote}'`);
    expect(r.decision.outcome, JSON.stringify(r.assessment.effects)).toBe('allow');
  });
});

describe('held here, however it is spelled', () => {
  it.each([
    'find / -name build -exec rm -rf {} +',
    'find . -name build -exec rm -rf {}/.. \\;',
    'git -C / clean -fdX build',
    'sudo ip l s eth0 down',
    'sudo tc qd a dev eth0 root netem loss 100%',
    'sudo btrfs su de /mnt/data',
    'sudo ip addr flush dev eth0',
    'nmcli networking off',
    'sudo ifdown -a',
    "sed -i -n '' notes.txt",
    'sed -ni q notes.txt',
    "sed -i '/^/d' notes.txt",
    'sed -i 0~1d notes.txt',
    "perl -i -ne '' notes.txt",
    'docker --context remote push reg.acme.io/api:prod',
    'docker buildx build --push -t reg.acme.io/api:prod .',
    'docker build -t reg.acme.io/api:prod --push .',
    'dog --api-key K --application-key A monitor mute_all',
    "amtool --http.config.file cfg.yml silence add 'alertname=~.+'",
    'amtool silence add alertname=HighLatency --end=2030-01-01T00:00:00Z',
    'az lock create --name x --lock-type ReadOnly -g prod-rg',
    'aws secretsmanager create-secret --name prod/db --secret-string x --add-replica-regions Region=eu-west-1 --force-overwrite-replica-secret --profile prod',
    'gpg --delete-secret-k ABCD',
    "printf 'y\\n' | ssh-keygen -f ~/.ssh/id_ed25519 -N ''",
    "cmd /c 'rd/s/q C:\\Users\\dev'",
    "C:\\\\Windows\\\\System32\\\\cmd.exe /c 'rd /s /q C:\\Users\\dev'",
  ])('%s', async (command) => {
    const r = await check(command);
    expect(r.decision.outcome, JSON.stringify(r.assessment.effects)).not.toBe('allow');
  });

  it.each([
    "sed -i '$d' notes.txt",
    "sed -i -n 's/a/b/p' notes.txt",
    'docker push localhost:5000/api:prod',
    'docker push reg.acme.io/api:stable-candidate',
    'sudo tc qdisc add dev lo root netem delay 100ms',
    'find . -type d -name __pycache__ -prune -exec rm -rf {} +',
    'git clean -fdX build/ coverage/',
    'ssh-keygen -t ed25519 -f ~/.ssh/id_new -N ""',
  ])('%s stays allowed', async (command) => {
    const r = await check(command);
    expect(r.decision.outcome, JSON.stringify(r.assessment.effects)).toBe('allow');
  });
});
