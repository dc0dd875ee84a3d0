import { describe, expect, it } from 'vitest';
import { check } from '../support/runtime.js';

// chmod and chown were judged by where they acted, not by what they handed out: `chmod -R go-w .` (taking
// write from others) was critical and `chmod 644 ~/.ssh/id_ed25519` (a private key anyone may read) low.
// What a mode gives the group and others, what it takes from a system program, and whom chown gives the
// files to is what decides.

const notAllowed = async (command: string) => {
  const r = await check(command);
  expect(r.decision.outcome, JSON.stringify(r.assessment.effects)).not.toBe('allow');
};
const allowed = async (command: string) => {
  const r = await check(command);
  expect(r.decision.outcome, JSON.stringify(r.assessment.effects)).toBe('allow');
};

describe('chmod that only takes from the group and others, in the user’s own files', () => {
  it.each([
    'chmod -R go-w .',
    'chmod -R u+rwX,go-rwx ~/.gnupg',
    'chmod -R og-rwx ~/.aws',
    'chmod 700 ~/.ssh',
    'chmod 600 ~/.ssh/id_ed25519',
    'chmod -R o= ~/project',
    'chmod go= ~/.netrc',
    'chmod -R g-w,o-rwx /home/dev/project/secrets',
    'chmod o-rwx /tmp/scratch/out.txt',
  ])('%s is allowed', allowed);

  it.each([
    // On system paths the services that read them lose access.
    'chmod -R go-rwx /etc',
    'sudo chmod -R o-rx /usr',
    // The owner cannot enter the directories any more.
    'chmod -R 600 ~/.ssh',
    'chmod -R 000 ~',
  ])('%s is still judged', notAllowed);
});

describe('chmod that lets others read a private key', () => {
  it.each([
    'chmod 644 ~/.ssh/id_ed25519',
    'chmod a+r ~/.ssh/id_rsa',
    'chmod o+r /home/dev/.ssh/id_ecdsa',
    'chmod -R 755 ~/.ssh',
    'chmod 644 deploy.pem',
    'chmod 640 certs/server.key',
    'chmod 666 ~/.aws/credentials',
    'sudo chmod 644 /etc/ssh/ssh_host_ed25519_key',
  ])('%s is not allowed', notAllowed);

  it.each([
    'chmod 644 ~/.ssh/id_ed25519.pub',
    'chmod 644 certs/fullchain.pem',
    'chmod 644 ~/.ssh/known_hosts',
    'chmod 400 deploy.pem',
    'chmod u+r ~/.ssh/id_rsa',
  ])('%s is allowed', allowed);
});

describe('chmod that takes the execute bit from a system program', () => {
  it.each([
    'chmod a-x /usr/bin/chmod',
    'chmod -x /bin/ls',
    'sudo chmod 644 /usr/local/bin/node',
    'sudo chmod -R go-x /usr/sbin',
    'chmod ugo-x /sbin/init',
    'chmod a=r /usr/bin/sudo',
  ])('%s is not allowed', notAllowed);

  it.each([
    'chmod +x scripts/deploy.sh',
    'chmod 755 bin/cli.js',
    'chmod a-x scripts/old.sh',
    'chmod 644 src/*.ts',
  ])('%s is allowed', allowed);
});

describe('chown of the user’s own files to the user', () => {
  it.each([
    'chown -R dev:dev /home/dev/project',
    'sudo chown -R $(whoami) ~/.npm',
    'chown -R "$USER":"$USER" ./build',
    'sudo chown -R $(id -u):$(id -g) ~/.cache',
    'chown dev: ~/notes.txt',
    'sudo chown -R `whoami` ~/project/node_modules',
    'sudo chgrp -R dev ~/project',
    'sudo chown dev /tmp/scratch/out.txt',
  ])('%s is allowed', allowed);

  it.each([
    'chown -R dev:dev /',
    'chown -R dev /var/lib/postgresql',
    'sudo chown dev /etc/sudoers',
    'sudo chown -R $(whoami) /usr/local/bin',
    'chown -R guest ~/project',
    'chown -R www-data:www-data /home/dev',
    'sudo chown -R nobody:nogroup ~/.ssh',
  ])('%s is not allowed', notAllowed);
});
