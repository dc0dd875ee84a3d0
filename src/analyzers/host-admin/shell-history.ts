import type { Effect } from '../../core/types.js';
import type { Word } from '../../shell/words.js';
import type { Invocation } from '../analyzer.js';

// `history -c`, `unset HISTFILE`, `HISTSIZE=0`, `set +o history`: the shell forgets, or stops keeping, the
// record of the commands run, which is what an incident on a production host is read from. Each was
// allowed: the builtins and the variables looked like the shell's own settings. Reading the history
// (`history | tail`) and settings that keep it (`HISTSIZE=10000`) stay allowed.

const erasing = (tool: string, target: string, reason: string): Effect => ({
  operation: 'delete',
  tool,
  target,
  reversible: false,
  risk: 'medium',
  riskInProduction: 'high',
  reason,
  category: 'host',
});

/** `history -c` clears the list, `-d N` deletes entries, `-w /dev/null` writes it nowhere. */
export function history(inv: Invocation): Effect[] {
  const args = inv.args.map((w) => w.value);
  const flags = args.filter((a) => /^-[a-z]+$/.test(a)).join('');
  const what = flags.includes('c')
    ? 'history -c clears the shell history'
    : flags.includes('d')
      ? 'history -d deletes entries of the shell history'
      : flags.includes('w') && args.includes('/dev/null')
        ? 'history -w /dev/null writes the shell history nowhere'
        : undefined;
  return what ? [erasing('history', 'the shell history', `${what}: the record of what was run is gone`)] : [];
}

/** `set +o history` stops recording commands. */
export function setOption(inv: Invocation): Effect[] {
  const args = inv.args.map((w) => w.value);
  const off = args.some((a, i) => a === '+o' && args[i + 1] === 'history');
  return off
    ? [erasing('set', 'the shell history', 'set +o history stops recording the commands run after it')]
    : [];
}

/** Settings that keep nothing: no history file, a size of 0, or every command ignored. */
const KEEPS_NOTHING: Record<string, (value: string) => boolean> = {
  HISTFILE: (v) => v === '' || v === '/dev/null',
  HISTSIZE: (v) => v === '0',
  HISTFILESIZE: (v) => v === '0',
  HISTIGNORE: (v) => v.split(':').includes('*'),
};

/** The script's own variables (`unset HISTFILE`, `export HISTSIZE=0`) that turn the shell history off. */
export function historySettings(settings: readonly { name: string; value?: Word }[]): Effect[] {
  return settings
    .filter(({ name, value }) => {
      const keepsNothing = KEEPS_NOTHING[name];
      if (!keepsNothing) return false;
      // `unset HISTFILE` keeps no file; `unset HISTSIZE` only restores the default size.
      if (!value) return name === 'HISTFILE';
      return !value.dynamic && keepsNothing(value.value);
    })
    .map(({ name, value }) => {
      const written = value ? `${name}=${value.value}` : `unset ${name}`;
      return erasing('shell', 'the shell history', `${written} keeps no record of the commands run`);
    });
}
