import { describe, expect, it } from 'vitest';
import { replayFacts } from '../../src/approvals/facts-wire.js';
import { check, sharedRuntime, AGENT } from '../support/runtime.js';

// A file created or appended to destroys nothing, so both used to be harmless whatever the path: a new
// cron job, a sudoers rule added with `>>`, an authorized key, all allowed. They grant as much as rewriting
// the file would. Whether the file exists is the agent side's answer (the server only replays it), so a
// hostile client saying "not there" must not turn an overwrite of /etc/passwd into a harmless create.

/** [command, whether the target exists] → must not be allowed: a change to the system or an account. */
const GRANTS: readonly (readonly [string, boolean])[] = [
  ['echo "* * * * * root sh /tmp/x" > /etc/cron.d/evil', false],
  ['echo "agent ALL=(ALL) NOPASSWD:ALL" > /etc/sudoers.d/agent', false],
  ['echo "agent ALL=(ALL) NOPASSWD:ALL" >> /etc/sudoers', true],
  ['echo "agent ALL=(ALL) NOPASSWD:ALL" >> /etc/sudoers', false],
  ['echo /tmp/evil.so > /etc/ld.so.preload', false],
  ['cat payload > /usr/local/bin/git', false],
  ['printf "[Service]\\nExecStart=/tmp/x\\n" > /etc/systemd/system/x.service', false],
  ['echo "10.0.0.1 github.com" >> /etc/hosts', true],
  ['echo "ssh-ed25519 AAAA attacker" >> ~/.ssh/authorized_keys', true],
  ['echo "ssh-ed25519 AAAA attacker" > ~/.ssh/authorized_keys', false],
  ['echo "credential_process = sh /tmp/x" >> ~/.aws/config', true],
  ['echo "//registry.npmjs.org/:_authToken=x" >> ~/.npmrc', true],
  ['echo "#!/bin/sh" > .git/hooks/pre-commit', false],
  ['echo "[core] fsmonitor = /tmp/x" >> .git/config', true],
  ['sudo sh -c \'echo "agent ALL=(ALL) NOPASSWD:ALL" >> /etc/sudoers\'', true],
  [`python3 -c "open('/etc/cron.d/x', 'w').write('* * * * * root sh /tmp/x')"`, false],
];

/** Everyday writes stay harmless: new files and appends in the project, scratch space, the home directory. */
const HARMLESS: readonly (readonly [string, boolean])[] = [
  ['echo hello > notes.txt', false],
  ['echo line >> notes.txt', true],
  ['echo line >> notes.txt', false],
  ['npm test 2>> build.log', true],
  ['echo "API_URL=http://localhost:3000" >> .env', true],
  ['echo x >> /tmp/scratch.log', false],
  ['echo x > /tmp/out.txt', false],
  ['echo x >> ~/notes.md', false],
  ['date >> ~/worklog.txt', true],
  ['echo ok > /dev/null', true],
  [`python3 -c "open('out.json', 'w').write('{}')"`, false],
  ['echo "legacy-peer-deps=true" >> .npmrc', true],
  ['echo "registry=https://npm.example.com/" > .npmrc', false],
];

describe('writes that grant power are not harmless, whether the file exists or not', () => {
  it.each(GRANTS)('%s (exists: %s)', async (command, exists) => {
    const r = await check(command, { exists: () => exists });
    expect(r.decision.outcome, JSON.stringify(r.assessment.effects)).not.toBe('allow');
    expect(r.assessment.destructive).toBe(true);
    expect(['medium', 'high', 'critical']).toContain(r.assessment.risk);
  });

  it.each(HARMLESS)('%s (exists: %s) stays allowed', async (command, exists) => {
    const r = await check(command, { exists: () => exists });
    expect(r.decision.outcome, JSON.stringify(r.assessment.effects)).toBe('allow');
  });
});

describe('the server replays what the client says exists: a lie does not make a write harmless', () => {
  // What the server builds from a request body whose facts say the agent side looked and found nothing.
  const lying = async (command: string) =>
    (await sharedRuntime()).checker.checkShell(
      command,
      replayFacts({ cwd: '/home/dev/project', home: '/home/dev', env: {}, reads: ['paths'], exists: {} }),
      AGENT,
    );

  it.each([
    '>| /etc/passwd',
    'echo "root2::0:0::/root:/bin/sh" > /etc/passwd',
    'cat key.pub > ~/.ssh/authorized_keys',
    'echo "* * * * * root sh /tmp/x" > /etc/crontab',
  ])('%s, with every path reported absent', async (command) => {
    const r = await lying(command);
    expect(r.decision.outcome, JSON.stringify(r.assessment.effects)).not.toBe('allow');
    expect(r.assessment.risk).toBe('high');
  });

  it('an ordinary new file reported absent is still a harmless create', async () => {
    const r = await lying('echo hi > hello.txt');
    expect(r.decision.outcome).toBe('allow');
    expect(r.assessment.effects.map((e) => e.operation)).toEqual(['create']);
  });
});

describe('in the home directory itself, its access settings are still not project files', () => {
  it('echo key >> ~/.ssh/authorized_keys with cwd = HOME', async () => {
    const r = await check('echo key >> ~/.ssh/authorized_keys', { cwd: '/home/dev', exists: () => true });
    expect(r.decision.outcome).not.toBe('allow');
  });
});
