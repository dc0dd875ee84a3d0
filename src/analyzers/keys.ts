import type { Effect } from '../core/types.js';
import type { Analyzer, Invocation } from './analyzer.js';

// Keys kept on this machine: `gpg --delete-secret-keys FPR` destroys a private key (nothing signs or decrypts
// with it again unless a copy exists elsewhere); `ssh-keygen -f ~/.ssh/id_ed25519 <<< y` answers its
// "Overwrite (y/n)?" and replaces the key every server trusts. Both were allowed.

/** gpg takes any unambiguous prefix of a long option (`--delete-secret-k`). */
const GPG_DELETES = /^--delete-(s|k)/;

function gpg(inv: Invocation): Effect[] {
  const flag = inv.args.find((w) => GPG_DELETES.test(w.value));
  if (!flag) return [];
  const keys = inv.args.filter((w) => !w.value.startsWith('-')).map((w) => w.value);
  const secret = /secret/.test(flag.value);
  const target = keys.join(' ') || '<keys>';
  return [
    {
      operation: 'delete',
      tool: 'gpg',
      target,
      reversible: false,
      risk: secret ? 'high' : 'medium',
      reason: `gpg ${flag.value} deletes ${secret ? 'the private key' : 'the public key'} ${target} from the keyring`,
      category: 'credentials',
    },
  ];
}

/** Whether stdin answers yes: `<<< y`, `echo y |`, `yes |`. */
function answersYes(inv: Invocation): boolean {
  if (inv.stdinText && /^\s*y(es)?\s*$/i.test(inv.stdinText.value)) return true;
  // Fed by a file (`< yes.txt`) or by another program (`printf 'y\n' |`): the answer may be yes.
  if (inv.redirects.some((r) => r.operator === '<' && r.target.value !== '/dev/null')) return true;
  const from = inv.stdinFrom?.argv.map((w) => w.value) ?? [];
  return from.length > 0 && !(from[0] === 'echo' && /^no?$/i.test(from.at(-1) ?? ''));
}

/** ssh-keygen writing a new key over an existing one: only when its overwrite question is answered yes. */
function sshKeygen(inv: Invocation): Effect[] {
  const at = inv.args.findIndex((w) => w.value === '-f');
  const file = at >= 0 ? inv.args[at + 1]?.value : undefined;
  const generates = !inv.args.some((w) => /^-[lLFyBRpcHe]/.test(w.value));
  if (!file || !generates || !answersYes(inv)) return [];
  return [
    {
      operation: 'replace',
      tool: 'ssh-keygen',
      target: file,
      reversible: false,
      risk: 'high',
      reason: `ssh-keygen answers yes to overwriting ${file}: the key it holds (and every login it opens) is gone`,
      category: 'credentials',
    },
  ];
}

export const keysAnalyzer: Analyzer = {
  family: 'keys',
  commands: ['gpg', 'gpg2', 'ssh-keygen'],
  local: true,
  environmentVariables: [],
  partial: true,
  analyze(inv) {
    return inv.name === 'ssh-keygen' ? sshKeygen(inv) : gpg(inv);
  },
};
