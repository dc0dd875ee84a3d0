import { describe, expect, it } from 'vitest';
import { check } from '../support/runtime.js';

// Erasing the record of what was run: the shell's history (`history -c`, `unset HISTFILE`, `HISTSIZE=0`,
// `set +o history`, the history file itself) and the machine's logs and audit trail. `history -c` and the
// variables were allowed; on a production host, where that record is what an incident is read from, each is
// high. Reading the history, and settings that keep it, stay allowed.

describe('erasing the shell history is asked, high on a production host', () => {
  it.each([
    'history -c',
    'history -w /dev/null',
    'history -d 1024',
    'unset HISTFILE',
    'export HISTFILE=/dev/null',
    'HISTFILE=',
    'HISTSIZE=0',
    'export HISTFILESIZE=0',
    'set +o history',
    'shred -u ~/.bash_history',
    'rm ~/.bash_history',
    'rm ~/.zsh_history',
    'cat /dev/null > ~/.bash_history',
  ])('%s', async (command) => {
    const r = await check(command);
    expect(r.decision.outcome, JSON.stringify(r.assessment.effects)).toBe('ask');
    expect(['medium', 'high']).toContain(r.assessment.risk);
    const remote = await check(`ssh prod-web-1 '${command}'`);
    expect(remote.assessment.environment).toBe('production');
    expect(remote.assessment.risk, JSON.stringify(remote.assessment.effects)).toBe('high');
    expect(remote.decision.outcome).not.toBe('allow');
  });

  it('ln -sf /dev/null ~/.bash_history', async () => {
    const r = await check('ln -sf /dev/null ~/.bash_history');
    expect(r.decision.outcome, JSON.stringify(r.assessment.effects)).toBe('ask');
    const remote = await check("ssh prod-web-1 'ln -sf /dev/null ~/.bash_history'");
    expect(remote.assessment.environment).toBe('production');
    expect(remote.assessment.risk, JSON.stringify(remote.assessment.effects)).toBe('high');
  });

  it('says what it erases', async () => {
    const r = await check("ssh prod-web-1 'history -c'");
    expect(r.assessment.effects.map((e) => e.reason).join(' ')).toMatch(
      /history -c clears the shell history/,
    );
  });
});

describe('reading the history, or keeping it, stays allowed', () => {
  it.each([
    'history',
    'history | tail -20',
    'history | grep docker',
    'history 20',
    'HISTCONTROL=ignoredups',
    'export HISTSIZE=10000',
    'export HISTFILE=~/.bash_history_work',
    'fc -l',
    'cat ~/.bash_history | grep kubectl',
    'set -o history',
    'set -euo pipefail',
    'unset -f history',
  ])('%s', async (command) => {
    const r = await check(command);
    expect(r.decision.outcome, JSON.stringify(r.assessment.effects)).toBe('allow');
  });
});

describe('erasing logs and the audit trail is asked, high on a production host', () => {
  it.each([
    'journalctl --vacuum-time=1s',
    'truncate -s 0 /var/log/auth.log',
    'rm /var/log/*.log',
    '> /var/log/syslog',
    'auditctl -D',
    'auditctl -e 0',
    'systemctl stop auditd',
    'systemctl stop rsyslog',
    'service auditd stop',
  ])('%s', async (command) => {
    const r = await check(command);
    expect(r.decision.outcome, JSON.stringify(r.assessment.effects)).not.toBe('allow');
    const remote = await check(`ssh prod-web-1 '${command}'`);
    expect(remote.assessment.risk, JSON.stringify(remote.assessment.effects)).toBe('high');
    expect(remote.decision.outcome).not.toBe('allow');
  });

  it.each(['journalctl -u nginx --since today', 'journalctl -f', 'systemctl status auditd'])(
    '%s is allowed',
    async (command) => {
      const r = await check(command);
      expect(r.decision.outcome, JSON.stringify(r.assessment.effects)).toBe('allow');
    },
  );
});
