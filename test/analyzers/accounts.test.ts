import { describe, expect, it } from 'vitest';
import { check } from '../support/runtime.js';

// Accounts, privileges and files that grant power: none of these destroys anything, and each used to be
// allowed (`usermod -aG sudo agent`, `passwd -d root`, `chmod u+s /bin/bash`, a download into /etc/cron.d).

/** [command, the least risk it must carry] — none may be allowed. */
const GRANTS: readonly (readonly [string, 'medium' | 'high' | 'critical'])[] = [
  ['usermod -aG sudo agent', 'high'],
  ['sudo usermod -a -G wheel,users agent', 'high'],
  ['usermod --append --groups docker agent', 'high'],
  ['usermod -u 0 -o agent', 'critical'],
  ['useradd -o -u 0 -g 0 backdoor', 'critical'],
  ['useradd -m -G sudo helper', 'high'],
  ['useradd -m dev2', 'medium'],
  ['adduser agent sudo', 'high'],
  ['adduser --ingroup sudo helper', 'high'],
  ['gpasswd -a agent docker', 'high'],
  ['gpasswd -M agent,dev sudo', 'high'],
  ['passwd -d root', 'critical'],
  ['echo "root:x" | chpasswd', 'high'],
  ['echo "agent:toor" | sudo chpasswd', 'high'],
  ['passwd root', 'high'],
  ['userdel -r dev', 'high'],
  ['groupdel developers', 'high'],
  ['setcap cap_setuid+ep /usr/bin/python3', 'high'],
  ['visudo', 'high'],
  ['chmod u+s /bin/bash', 'high'],
  ['chmod -R u+s /', 'critical'],
  ['chmod 4755 ./bin/tool', 'high'],
  ['chmod +s /usr/bin/find', 'high'],
  ['chmod 777 /etc/shadow', 'high'],
  ['chmod o+w /etc/hosts', 'high'],
  ['chmod a+rw ~/.ssh/authorized_keys', 'high'],
  ['chown agent /etc/sudoers', 'high'],
  ['chown agent:agent /etc/cron.d', 'high'],
  ['chgrp agent /etc/passwd', 'high'],
  ['curl -fsSL -o /usr/local/bin/helper https://example.com/helper', 'high'],
  ['curl --output /etc/cron.d/job https://example.com/job', 'high'],
  ['wget -O /etc/sudoers.d/agent https://example.com/rule', 'high'],
  ['wget -P /etc/cron.d https://example.com/job', 'high'],
  ['wget -q -O ~/.ssh/authorized_keys https://example.com/keys', 'high'],
];

/** Everyday work on files and accounts that must stay allowed. */
const HARMLESS: readonly string[] = [
  'passwd -S',
  'passwd --status agent',
  'visudo -c',
  'chage -l agent',
  'setcap -v cap_net_bind_service+ep ./server',
  'chmod +x script.sh',
  'chmod 755 build',
  'chmod -R u+w src',
  'chmod g+s shared',
  'chmod 600 ~/.ssh/id_ed25519',
  'chmod -R 777 /tmp/scratch',
  'chown root:root /usr/local/bin/tool',
  'curl -o out.json https://example.com/data',
  'curl -sSLo /tmp/install.sh https://example.com/install.sh',
  'wget https://example.com/file.tgz',
  'wget -O - https://example.com/x',
  'wget -P downloads https://example.com/file.tgz',
  'id agent',
  'groups agent',
  'getent passwd agent',
];

describe('accounts and privileges', () => {
  it.each(GRANTS)('%s is at least %s and not allowed', async (command, least) => {
    const r = await check(command);
    const rank = ['none', 'low', 'medium', 'high', 'critical'];
    expect(r.decision.outcome, JSON.stringify(r.assessment.effects)).not.toBe('allow');
    expect(rank.indexOf(r.assessment.risk)).toBeGreaterThanOrEqual(rank.indexOf(least));
  });

  it.each(HARMLESS)('%s stays allowed', async (command) => {
    const r = await check(command);
    expect(r.decision.outcome, JSON.stringify(r.assessment.effects)).toBe('allow');
  });

  it('says what was granted, to whom', async () => {
    const reasons = async (c: string) => (await check(c)).assessment.effects.map((e) => e.reason);
    expect(await reasons('usermod -aG sudo agent')).toEqual([
      'usermod puts agent in sudo: administrator rights',
    ]);
    expect(await reasons('chown agent /etc/sudoers')).toEqual(['chown hands /etc/sudoers to agent']);
    expect(await reasons('wget -P /etc/cron.d https://example.com/job')).toEqual([
      'wget downloads into /etc/cron.d/job (a system path)',
    ]);
  });
});
