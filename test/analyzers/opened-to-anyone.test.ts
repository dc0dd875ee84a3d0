import { describe, expect, it } from 'vitest';
import { check } from '../support/runtime.js';

// Settings that let anyone reach a database, a login port or a bucket (cloud CLIs and host firewalls), and
// ways out of a container onto its machine (nsenter into process 1, a raw disk given to a container). Each
// was allowed as a routine change.

describe('opened to anyone', () => {
  it.each([
    'aws rds create-db-instance --db-instance-identifier x --engine postgres --publicly-accessible',
    'aws rds modify-db-instance --db-instance-identifier prod-db --publicly-accessible --apply-immediately',
    'aws redshift modify-cluster --cluster-identifier dw --publicly-accessible',
    'gcloud sql instances patch prod-db --authorized-networks=0.0.0.0/0',
    "az network nsg rule create -g rg --nsg-name nsg -n ssh --priority 100 --source-address-prefixes '*' --destination-port-ranges 22",
    'az network nsg rule create -g rg --nsg-name nsg -n rdp --priority 110 --source-address-prefixes Internet --destination-port-ranges 3389',
    'az sql server firewall-rule create -g rg -s srv -n all --start-ip-address 0.0.0.0 --end-ip-address 255.255.255.255',
    'az storage account update -n acct -g rg --allow-blob-public-access true',
    'az storage container create -n public --account-name acct --public-access blob',
  ])('%s needs a peer', async (command) => {
    const r = await check(command);
    expect(r.decision.outcome, JSON.stringify(r.assessment.effects)).not.toBe('allow');
    expect(r.assessment.risk).toBe('high');
  });

  it.each([
    'ufw allow 22/tcp',
    'sudo ufw allow ssh',
    'ufw allow proto tcp from any to any port 5432',
    'ufw insert 1 allow 3306',
    'firewall-cmd --permanent --add-port=5432/tcp',
    'firewall-cmd --add-service=ssh --permanent',
    'firewall-cmd --zone=public --add-port 6379/tcp',
    "firewall-cmd --permanent --add-rich-rule='rule family=ipv4 port port=27017 protocol=tcp accept'",
    'iptables -A INPUT -p tcp --dport 22 -j ACCEPT',
    'iptables -I INPUT 1 -p tcp -s 0.0.0.0/0 --dport 5432 -j ACCEPT',
  ])('%s is asked about', async (command) => {
    const r = await check(command);
    expect(r.decision.outcome, JSON.stringify(r.assessment.effects)).not.toBe('allow');
  });

  it.each([
    'aws rds modify-db-instance --db-instance-identifier x --no-publicly-accessible',
    'gcloud sql instances patch prod-db --authorized-networks=10.0.0.0/8',
    'az network nsg rule create -g rg --nsg-name nsg -n ssh --priority 100 --source-address-prefixes 10.0.0.0/16 --destination-port-ranges 22',
    "az network nsg rule create -g rg --nsg-name nsg -n block --priority 100 --source-address-prefixes '*' --destination-port-ranges 22 --access Deny",
    'az storage account update -n acct -g rg --allow-blob-public-access false',
    'az sql server firewall-rule create -g rg -s srv -n azure --start-ip-address 0.0.0.0 --end-ip-address 0.0.0.0',
    'ufw allow 443/tcp',
    'ufw allow from 10.0.0.0/8 to any port 22',
    'ufw status verbose',
    'firewall-cmd --zone=internal --add-service=ssh',
    'firewall-cmd --add-port=8080/tcp',
    "firewall-cmd --permanent --add-rich-rule='rule family=ipv4 source address=10.1.0.0/16 port port=5432 protocol=tcp accept'",
    'firewall-cmd --list-all',
    'iptables -A INPUT -p tcp -s 10.0.0.0/8 --dport 22 -j ACCEPT',
    'iptables -I INPUT -p tcp --dport 443 -j ACCEPT',
  ])('%s stays allowed', async (command) => {
    const r = await check(command);
    expect(r.decision.outcome, JSON.stringify(r.assessment.effects)).toBe('allow');
  });
});

describe('out of a container onto its machine', () => {
  it.each([
    'nsenter --target 1 --mount --uts --ipc --net --pid -- bash',
    'sudo nsenter -t 1 -m -u -i -n -p sh',
    'nsenter --target=1 -a',
    'docker run --rm -it --device /dev/sda alpine sh',
    'docker run --device=/dev/nvme0n1:/dev/disk busybox dd if=/dev/disk of=/dev/null',
    'podman run --device /dev/mem fedora',
  ])('%s is root on this machine', async (command) => {
    const r = await check(command);
    expect(r.decision.outcome, JSON.stringify(r.assessment.effects)).not.toBe('allow');
    expect(r.assessment.risk).toBe('high');
  });

  it.each([
    'nsenter -t 4242 -n ip addr',
    'docker run --device /dev/snd --device=/dev/dri:/dev/dri app',
    'docker run --device /dev/fuse --cap-add MKNOD alpine true',
  ])('%s stays allowed', async (command) => {
    const r = await check(command);
    expect(r.decision.outcome, JSON.stringify(r.assessment.effects)).toBe('allow');
  });

  it('the command nsenter runs in process 1 is assessed as well', async () => {
    const r = await check('nsenter -t 1 -m -- rm -rf /var/lib/app');
    expect(r.assessment.effects.some((e) => e.operation === 'delete' && e.target === '/var/lib/app')).toBe(
      true,
    );
  });
});

// Found among held-out set 6's misses and false blocks (so that set is no longer held-out for these).
describe('more ways to open a machine, a disk or a bucket', () => {
  it.each([
    'sudo ufw default allow incoming',
    'sudo firewall-cmd --set-default-zone=trusted',
    'sudo nft add rule inet filter input tcp dport 11211 accept',
    'sudo pfctl -d',
    'pfctl -F all',
    'docker exec -it web-1 nsenter --mount=/proc/1/ns/mnt -- /bin/sh',
    'docker run -v /var/run/docker.sock:/var/run/docker.sock -it docker:cli sh',
    `kubectl run debug -n production --rm -it --image=alpine --overrides='{"spec":{"hostPID":true,"containers":[{"name":"d","securityContext":{"privileged":true}}]}}'`,
    `kubectl run x --image=alpine --overrides='{"spec":{"volumes":[{"name":"root","hostPath":{"path":"/"}}]}}'`,
    'sudo ctr run --rm --privileged --mount type=bind,src=/,dst=/host,options=rbind:rw docker.io/library/alpine:latest esc sh',
    'kubectl exec -n production node-agent-x -- chroot /host /bin/sh',
    'lxc config set web1 security.privileged true',
    'aws s3 cp ./dump.sql.gz s3://acme-db-dumps/latest.sql.gz --acl public-read',
    'gcloud sql instances patch prod-pg --no-deletion-protection',
    'az storage container set-permission --name backups --account-name sa --public-access container',
    'aws ec2 modify-snapshot-attribute --snapshot-id snap-1 --attribute createVolumePermission --operation-type add --group-names all',
  ])('%s is not allowed', async (command) => {
    const r = await check(command);
    expect(r.decision.outcome, JSON.stringify(r.assessment.effects)).not.toBe('allow');
  });

  it.each([
    'ufw default allow outgoing',
    'nft add rule inet filter input ip saddr 10.0.0.0/8 tcp dport 22 accept',
    'pfctl -s rules',
    'docker run --rm -it -v /var/run/docker.sock:/var/run/docker.sock wagoodman/dive:latest myimage',
    'kubectl run web --image=nginx',
    'ctr run --rm docker.io/library/alpine:latest t echo hi',
    'chroot /srv/jail /bin/ls',
    'kubectl debug node/worker-3 -it --image=busybox -- chroot /host df -h',
    'lxc config set web1 limits.cpu 2',
    'aws s3 cp ./site s3://b/ --recursive',
    'aws ec2 modify-snapshot-attribute --snapshot-id snap-1 --attribute createVolumePermission --operation-type add --user-ids 123456789012',
    'docker run --rm -v /:/host:ro alpine du -sh /host/var/log',
    'aws s3api put-public-access-block --bucket b --public-access-block-configuration BlockPublicAcls=true,IgnorePublicAcls=true,BlockPublicPolicy=true,RestrictPublicBuckets=true',
    "ssh prod-web-1 'sudo tcpdump -i eth0 -c 100 -w /tmp/diag/web.pcap port 443'",
  ])('%s stays allowed', async (command) => {
    const r = await check(command);
    expect(r.decision.outcome, JSON.stringify(r.assessment.effects)).toBe('allow');
  });
});
