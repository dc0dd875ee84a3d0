import { describe, expect, it } from 'vitest';
import { check } from '../support/runtime.js';

// One command on many machines: ansible's ad-hoc commands, salt's cmd.run, pdsh, pssh, clush. Each was an
// unrecognised program, allowed whatever it ran and wherever: the command is now assessed as run on those
// machines, placed by the inventory, target or hosts named. A playbook's tasks are not read: running one is
// a change to the machines of its inventory.

describe('fleet tools run their command on the machines they name', () => {
  it.each([
    ["ansible all -i prod -m shell -a 'rm -rf /var/lib/app'", 'require-approval'],
    ["ansible webservers -i inventories/production/hosts -a 'systemctl stop nginx'", 'require-approval'],
    ["ansible all -i inventories/dev -m shell -a 'rm -rf /var/lib/app'", 'ask'],
    ["ansible all -i prod -m file -a 'path=/etc state=absent'", 'deny'],
    ['ansible all -i prod -m reboot', 'deny'],
    ["salt '*' cmd.run 'rm -rf /var/lib/app'", 'require-approval'],
    ["salt -L 'web1,web2' cmd.run 'rm -rf /srv'", 'require-approval'],
    ["salt --out json '*' cmd.run 'rm -rf /var/lib/app'", 'require-approval'],
    ["salt '*' file.remove /etc/x", 'deny'],
    ['pdsh -w prod-web1 rm -rf /var/lib/app', 'require-approval'],
    ["pdsh -w prod-web[1-4] 'rm -rf /srv/app'", 'require-approval'],
    ["pssh -h prod-hosts.txt -i 'rm -rf /srv'", 'require-approval'],
    ["clush -w @prod 'reboot'", 'require-approval'],
    ['ansible-playbook -i prod decommission.yml', 'require-approval'],
    ['ansible-playbook site.yml', 'require-approval'],
    ['ansible-playbook -i inventories/dev site.yml', 'ask'],
  ] as const)('%s → %s', async (command, outcome) => {
    const r = await check(command);
    expect(r.decision.outcome, JSON.stringify(r.assessment.effects)).toBe(outcome);
  });

  it.each([
    'ansible all -i prod -m ping',
    'ansible --version',
    'ansible all --list-hosts',
    "ansible all -i inventories/dev -m apt -a 'name=jq' --check",
    "salt '*' test.ping",
    "salt 'web*' state.apply nginx test=True",
    'ansible all -i prod -m setup',
    "ansible all -i prod -a 'uptime'",
    "salt 'prod-*' cmd.run 'df -h'",
    "pdsh -w prod-web[1-4] 'systemctl status nginx'",
    'ansible-playbook -i prod site.yml --check',
    'ansible-playbook --syntax-check site.yml',
  ])('%s stays allowed', async (command) => {
    const r = await check(command);
    expect(r.decision.outcome, JSON.stringify(r.assessment.effects)).toBe('allow');
  });
});
