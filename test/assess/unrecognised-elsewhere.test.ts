import { describe, expect, it } from 'vitest';
import { check } from '../support/runtime.js';

// Two ways an unrecognised program was allowed whatever it did. On another machine (ssh, kubectl exec), the
// production net never looked: `ssh prod-db ./cleanup.sh` ran unseen on a production host. And outside
// production, a vendor CLI told in its own words to destroy (`doctl compute droplet delete web-1`,
// `consul kv delete -recurse app/`) was allowed: now the person at the machine is asked.

describe('an unrecognised program on a production host is unverifiable there', () => {
  it.each([
    "ssh prod-db.example.com './cleanup.sh --all'",
    'ssh prod-db.example.com mytool',
    "ssh prod 'mytool purge --all'",
    'ssh db1.prod.example.com ./cleanup.sh',
    'kubectl exec -n production api-0 -- mytool delete x',
    "ssh prod-db.example.com 'vim /etc/nginx/nginx.conf'",
    "ssh prod-db.example.com 'make install'",
    "ssh prod-db.example.com 'dmesg -c'",
    "ssh prod-web-1 'mytool delete all'",
    "ssh prod-web-1 'mytool status --fix'",
    // What only looks by its words, but is a script the agent may have written, or runs with variables set.
    "ssh prod-db './cleanup.sh -v'",
    "ssh prod-web-1 'PATH=/tmp/evil:$PATH mytool status'",
    "ssh prod-web-1 '/tmp/x/less /etc/passwd'",
    'ssh prod-web-1 \'man -P "rm -rf /" ls\'',
    "ssh prod-web-1 'ip route add 10.0.0.0/8 via 10.1.1.1'",
    "ssh prod-web-1 'mytool status --reset'",
    "ssh prod-web-1 'mytool list --delete'",
    "ssh prod-web-1 'tcpdump -w /tmp/x.pcap -z ./rotate.sh'",
    "ssh prod-web-1 'touch /etc/cron.d/job'",
  ])('%s is denied', async (command) => {
    const r = await check(command);
    expect(r.decision.outcome, JSON.stringify(r.assessment.effects)).toBe('deny');
    expect(r.assessment.reasons.join(' ')).toMatch(/runs on a production machine/);
  });

  it.each([
    "ssh prod-db.example.com 'ls -la; df -h; uptime'",
    "ssh prod-db.example.com 'tail -n 100 /var/log/syslog'",
    "ssh prod-db.example.com 'htop'",
    "ssh prod-db.example.com 'top -b -n 1'",
    "ssh prod-db.example.com 'ss -tlnp'",
    "ssh prod-db.example.com 'dmesg | tail'",
    "ssh prod-db.example.com 'vmstat 1 5; iostat; lsblk'",
    // Looking before touching: pagers, certificate tools, dumps, and a program that says it only reads.
    "ssh prod-web-1 'less /var/log/app.log'",
    "ssh prod-web-1 'openssl x509 -in /etc/ssl/cert.pem -noout -dates'",
    "ssh prod-web-1 'pg_dump --schema-only app | head -50'",
    "ssh prod-web-1 'pm2 status'",
    "ssh prod-web-1 'supervisorctl status'",
    "ssh prod-web-1 'java -version'",
    "ssh prod-web-1 'getent hosts db'",
    "ssh prod-web-1 'ip a'",
    "ssh prod-web-1 'dpkg -l'",
    "ssh prod-web-1 'nginx -t'",
    "ssh prod-web-1 'zcat /var/log/app.log.1.gz | head'",
    // Read subcommands followed by names, network probes, and a new directory.
    "ssh prod-web-1 'pm2 status app'",
    "ssh prod-web-1 'pm2 logs api --lines 100'",
    "ssh prod-web-1 'sar -u 1 5'",
    "ssh prod-web-1 'traceroute db.internal'",
    "ssh prod-web-1 'tcpdump -c 100 -i eth0 port 443'",
    "ssh prod-db-1 'mkdir -p /tmp/diag'",
    "ssh prod-db-1 'touch /tmp/diag/marker'",
    // Variables set here stay here: the remote tail reads none of them.
    'env -i PATH=/usr/bin:/bin ssh prod-app-1 "tail -n 100 /var/log/app.log"',
    'LC_ALL=C ssh prod-app-1 tail -n 5 /var/log/app.log',
  ])('%s stays allowed (it only reads)', async (command) => {
    const r = await check(command);
    expect(r.decision.outcome, JSON.stringify(r.assessment.effects)).toBe('allow');
  });

  it('a local variable does not make a remote program production, nor the reverse', async () => {
    const local = await check("ssh dev-box 'mytool sync'", { env: { AWS_PROFILE: 'prod' } });
    expect(local.decision.outcome).toBe('allow');
  });
});

describe('an unrecognised program whose subcommand says it destroys is asked about', () => {
  it.each([
    'doctl compute droplet delete web-1 -f',
    'consul kv delete -recurse app/',
    'hcloud server delete db-1',
    'scw instance server delete srv-1',
    'aliyun ecs DeleteInstance --InstanceId i-1',
    'oci compute instance terminate --instance-id ocid1.instance',
    'ibmcloud resource service-instance-delete my-db',
    'linode-cli linodes delete 123',
    'vagrant destroy -f',
    'limactl delete default', // virsh is read by the hypervisors analyzer now
    "ssh dev-box 'mytool delete x'",
  ])('%s is not allowed', async (command) => {
    const r = await check(command);
    expect(r.decision.outcome, JSON.stringify(r.assessment.effects)).not.toBe('allow');
    expect(r.assessment.reasons.join(' ')).toMatch(/is not recognised, and its subcommand/);
  });

  it.each([
    'doctl compute droplet list',
    'consul kv get app/x',
    'hcloud server describe db-1',
    'cargo run --bin purge',
    'java -jar admin.jar purge-tenants',
    'go run ./cmd/delete',
    'uv run tools/purge',
    'type rm',
    'X=1 type rm',
    'man delete',
    'echo delete',
    'grep -rn delete src/',
    'mytool --mode delete',
    'mytool sync ./delete',
    'trash old.txt',
    'cargo remove serde',
    'poetry remove requests',
  ])('%s stays allowed', async (command) => {
    const r = await check(command);
    expect(r.decision.outcome, JSON.stringify(r.assessment.effects)).toBe('allow');
  });

  it('what it destroys may be named for production: then peers approve it', async () => {
    const r = await check('doctl compute droplet delete billing-prod -f');
    expect(r.assessment.environment).toBe('production');
    expect(r.decision.outcome).toBe('require-approval');
    const dev = await check('doctl compute droplet delete web-dev-1 -f');
    expect(dev.decision.outcome).toBe('ask');
  });

  it.each([
    'consul kv delete -recurse -http-addr=https://consul.prod.internal config/',
    'consul kv delete -recurse -http-addr https://consul.prod.internal config/',
    'mytool --server prod-db-1 purge --all',
    'doctl compute droplet delete web-1 --context production -f',
    'hcloud --endpoint https://api.prod.example.com server delete db-1',
    'stripe customers delete cus_123 --live',
    'mytool purge-cache --prod',
  ])('%s: the server or context its options name may place it in production', async (command) => {
    const r = await check(command);
    expect(r.assessment.environment, JSON.stringify(r.assessment.effects)).toBe('production');
    expect(r.decision.outcome).toBe('require-approval');
  });

  it('an option naming a development server does not lower it: still asked', async () => {
    const r = await check('consul kv delete -recurse -http-addr=https://consul.dev.internal config/');
    expect(r.decision.outcome).toBe('ask');
  });

  it('with production credentials about, it is denied as unverifiable, not asked', async () => {
    const r = await check('hcloud server delete db-1', { env: { AWS_PROFILE: 'prod' } });
    expect(r.decision.outcome).toBe('deny');
  });
});
