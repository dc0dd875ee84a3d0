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
};

/** The variables without those that hold commands: what the commands they hold run with (no loop). */
export function withoutCommandVariables(assignments: Readonly<Record<string, Word>>): Record<string, Word> {
  return Object.fromEntries(Object.entries(assignments).filter(([name]) => !(name in RUN_BY)));
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
    if (
      /^(GIT_SSH_COMMAND|RSYNC_RSH)$/.test(name) &&
      /^\s*(ssh|\/usr\/bin\/ssh)(\s+-[^;|&`$()<>]*)?$/.test(line)
    )
      continue;
    inner.push(scriptOrUnverifiable([{ ...value, value: line }], `${name} (run by ${reader})`));
  }
  return inner;
}
