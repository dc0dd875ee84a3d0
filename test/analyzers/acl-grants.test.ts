import { describe, expect, it } from 'vitest';
import { check } from '../support/runtime.js';

// setfacl was judged only when it let others write where writing grants power: `setfacl -R -m u:guest:rwx
// /home/dev` (the home directory opened to another user) and `setfacl -m u:www-data:r /etc/shadow` (the
// password hashes handed out) were allowed. An entry for the user themself, or in the project, is nothing.

describe('setfacl entries that hand something to someone else', () => {
  it.each([
    'setfacl -R -m u:guest:rwx /home/dev',
    // The user's own write where writing grants power makes them root.
    'sudo setfacl -m u:dev:rwx /etc/sudoers.d',
    'sudo setfacl -m user:dev:7 /etc/cron.d',
    'setfacl -m u:dev:rwx /etc/shadow',
    'setfacl -m u:www-data:r /etc/shadow',
    'setfacl -R -m g:ops:rx ~/Documents',
    'setfacl -m o::r ~/.ssh/id_ed25519',
    'setfacl -R -m d:u:guest:rwx /home/dev/.ssh',
    'setfacl --set u::rw,g::r,o::r ~/.pgpass',
    'setfacl --modify user:backup:4 /etc/gshadow',
    'sudo setfacl -m u:deploy:rwx /etc/sudoers.d',
    'setfacl -m u:guest:r /home',
    'setfacl -m u:$OTHER:rwx ~/shared',
    'setfacl -M acl.txt /etc/cron.d',
  ])('%s is not allowed', async (command) => {
    const r = await check(command);
    expect(r.decision.outcome, JSON.stringify(r.assessment.effects)).not.toBe('allow');
  });

  it.each([
    'setfacl -R -m u:dev:rwX ~/project',
    'setfacl -R -m u:$(whoami):rwx ~/shared',
    'setfacl -R -m u:www-data:rwX storage',
    'setfacl -R -m u:www-data:rwX ./dist',
    'setfacl -m u:ci:rx /tmp/scratch/out',
    'setfacl -m m::rx ~/notes',
    'setfacl -m u:bob:r /etc/hosts',
    'setfacl -b ~/project/dist',
    'setfacl -x u:bob ./build',
    'getfacl -R /srv/shared',
    'getfacl ~/.ssh/id_ed25519',
  ])('%s is allowed', async (command) => {
    const r = await check(command);
    expect(r.decision.outcome, JSON.stringify(r.assessment.effects)).toBe('allow');
  });

  it('takes ACL entries away from a system path as a reported change', async () => {
    const r = await check('setfacl -b /etc/sudoers.d');
    expect(r.assessment.effects.map((e) => e.reason).join(' ')).toMatch(/takes ACL entries away/);
  });
});
