import { describe, expect, it } from 'vitest';
import { check } from '../support/runtime.js';

// Ways around earlier analyzers that a hostile review listed: Tcl's command substitutions, bodies, `system`,
// `file delete` and `open "|…"` in expect; a process chosen at run time for nsenter; firewalld sources and
// targets; half the internet at a time (/1 ranges); vim's delete()/writefile(); PowerShell argument lists.

describe('the same destruction, spelled another way, is held', () => {
  it.each([
    "expect -c 'set x [exec rm -rf /srv/data]'",
    "expect -c 'file delete -force /srv/data'",
    "expect -c 'system rm -rf /srv/data'",
    "expect -c 'if {1} { exec rm -rf /srv/data }'",
    `expect -c 'set f [open "|rm -rf /srv/data"]'`,
    `expect -c 'spawn bash; if {1} { send "rm -rf ~\\r" }; expect eof'`,
    'nsenter -t $(pgrep -o containerd) -m -u -i -n -p sh',
    'nsenter --target $(pidof kubelet) --mount --pid bash',
    'sudo firewall-cmd --zone=trusted --add-source=0.0.0.0/0',
    'sudo firewall-cmd --set-target=ACCEPT --zone=public --permanent',
    `aws ec2 authorize-security-group-ingress --group-id sg-1 --ip-permissions 'IpProtocol=tcp,FromPort=22,ToPort=22,IpRanges=[{CidrIp=0.0.0.0/1},{CidrIp=128.0.0.0/1}]' --profile prod`,
    `vim -es -c 'call delete("/etc/passwd")' -c q`,
    `vim -es -c 'call writefile([], "/etc/hosts")' -c q`,
    `vim -es -c 'call delete("/srv/data", "rf")' -c q`,
    `pwsh -c "Start-Process -FilePath rm -ArgumentList '-rf','/srv/data'"`,
  ])('%s', async (command) => {
    const r = await check(command);
    expect(r.decision.outcome, JSON.stringify(r.assessment.effects)).not.toBe('allow');
    expect(['high', 'critical']).toContain(r.assessment.risk);
  });

  it.each([
    "expect -c 'puts [exec date]'",
    `expect -c 'spawn ssh dev-box; send "uptime\\r"; expect eof'`,
    "nsenter -t $(docker inspect -f '{{.State.Pid}}' web) -n ip a",
    'nsenter -t $PID -n ss -tlnp',
    'sudo firewall-cmd --zone=internal --add-source=10.0.0.0/8',
    'aws ec2 authorize-security-group-ingress --group-id sg-1 --protocol tcp --port 22 --cidr 10.0.0.0/8 --profile prod',
    `vim -es -c 'call delete("notes.tmp")' -c q`,
    `pwsh -c "Start-Process -FilePath ls -ArgumentList '-la','/tmp'"`,
  ])('%s stays allowed', async (command) => {
    const r = await check(command);
    expect(r.decision.outcome, JSON.stringify(r.assessment.effects)).toBe('allow');
  });
});
