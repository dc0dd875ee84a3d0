import { scriptOrUnverifiable } from './inner-script.js';
import type { Inner } from './wrappers.js';
import type { Word } from './words.js';

// Variables whose value programs run as a command line: git, man, systemctl and less start `$PAGER`, git
// and crontab `$EDITOR`, git `$GIT_SSH_COMMAND`, sudo `$SUDO_ASKPASS`. `PAGER='rm -rf ~' git log` was allowed:
// the command was a variable's value. What they hold is assessed as the shell would run it.

/** The variables, and what reads each (for the reason). */
const RUN_BY: Record<string, string> = {
  PAGER: 'pagers',
  MANPAGER: 'man',
  GIT_PAGER: 'git',
  SYSTEMD_PAGER: 'systemctl',
  BAT_PAGER: 'bat',
  EDITOR: 'editors',
  VISUAL: 'editors',
  GIT_EDITOR: 'git',
  GIT_SEQUENCE_EDITOR: 'git',
  KUBE_EDITOR: 'kubectl edit',
  SUDO_EDITOR: 'sudoedit',
  GIT_SSH_COMMAND: 'git',
  RSYNC_RSH: 'rsync',
  GIT_EXTERNAL_DIFF: 'git diff',
  GIT_ASKPASS: 'git',
  SSH_ASKPASS: 'ssh',
  SUDO_ASKPASS: 'sudo -A',
  LESSOPEN: 'less',
  LESSCLOSE: 'less',
  BROWSER: 'programs that open links',
  PROMPT_COMMAND: 'bash',
  AWS_PAGER: 'aws',
  GH_PAGER: 'gh',
  GH_EDITOR: 'gh',
  GLAB_PAGER: 'glab',
  PSQL_PAGER: 'psql',
  PSQL_EDITOR: 'psql',
  MYSQL_PAGER: 'mysql',
  KUBECTL_EXTERNAL_DIFF: 'kubectl diff',
  SYSTEMD_EDITOR: 'systemctl edit',
  GIT_PROXY_COMMAND: 'git',
  FZF_DEFAULT_COMMAND: 'fzf',
  DIFF_VIEWER: 'diff viewers',
};

/** ssh options whose value is a command ssh runs through the local shell. */
const SSH_RUNS = /^(proxycommand|localcommand|permitlocalcommand|knownhostscommand|match)$/i;

/**
 * `ssh -i KEY -o IdentitiesOnly=yes`: ssh with options that choose a key, a port or a setting, as git and
 * rsync expect (they add the host and command). An option that runs a command (`-o ProxyCommand=…`) does not
 * count, nor does anything else after `ssh`.
 */
function plainSsh(value: string): boolean {
  const words = value.trim().match(/"[^"]*"|'[^']*'|\S+/g) ?? [];
  if (!/^(\/usr\/bin\/)?ssh$/.test(words[0] ?? '')) return false;
  for (let i = 1; i < words.length; i++) {
    const w = words[i]!;
    if (/^-[46AaCfGgKkMNnqsTtVvXxYy]+$/.test(w)) continue;
    const option = /^-([iplFoc])(.*)$/.exec(w);
    if (!option) return false;
    const given = option[2] || words[++i] || '';
    if (option[1] === 'o' && SSH_RUNS.test(given.replace(/^["']/, '').split(/[=\s]/)[0]!)) return false;
    if (/[;|&`<>]|\$\(/.test(given)) return false;
  }
  return true;
}

/** The variables without those that hold commands: what the commands they hold run with (no loop). */
export function withoutCommandVariables(assignments: Readonly<Record<string, Word>>): Record<string, Word> {
  return Object.fromEntries(Object.entries(assignments).filter(([name]) => !(name in RUN_BY)));
}

/**
 * The commands ssh's own options run on this machine (`-o ProxyCommand=…`, `-o LocalCommand=…`,
 * `KnownHostsCommand`), from its words as the shell split them (quotes kept or not).
 */
export function sshOptionCommands(words: readonly string[], via = 'ssh'): Inner[] {
  const inner: Inner[] = [];
  for (let i = 0; i < words.length; i++) {
    const m = /^-o(.*)$/s.exec(words[i]!);
    if (!m) continue;
    const setting = (m[1] || words[++i] || '').replace(/^(["'])(.*)\1$/s, '$2');
    const kv = /^(\w+)\s*[=\s]\s*(.*)$/s.exec(setting);
    if (!kv || !/^(proxycommand|localcommand|knownhostscommand)$/i.test(kv[1]!)) continue;
    const command = kv[2]!.replace(/^(["'])(.*)\1$/s, '$2');
    if (/^none$/i.test(command)) continue;
    inner.push(scriptOrUnverifiable([{ value: command, dynamic: false }], `${via} -o ${kv[1]}`));
  }
  return inner;
}

/**
 * What the command's variables make its program run. `GIT_SSH_COMMAND='ssh -i key'` is ssh with options: git
 * adds the host and command, so it is left alone; LESSOPEN's `|` (a pipe) and `%s` (the file) are less's own.
 */
export function variableCommands(assignments: Readonly<Record<string, Word>>): Inner[] {
  const inner: Inner[] = [];
  for (const [name, value] of Object.entries(assignments)) {
    const reader = RUN_BY[name];
    if (!reader || value.value.trim() === '') continue;
    const line = name.startsWith('LESS')
      ? value.value.replace(/^\|\|?/, '').replaceAll('%s', 'FILE')
      : value.value;
    if (/^(GIT_SSH_COMMAND|RSYNC_RSH)$/.test(name) && plainSsh(line)) continue;
    inner.push(scriptOrUnverifiable([{ ...value, value: line }], `${name} (run by ${reader})`));
  }
  return inner;
}
