import type { Effect } from '../../core/types.js';
import type { CloudArgs } from './common.js';

// Cloud calls that run a shell command on a machine: `gcloud compute ssh VM --command '…'`, `aws ssm
// send-command --document-name AWS-RunShellScript --parameters 'commands=[…]'`, `az vm run-command invoke
// --scripts '…'`. Each was "runs commands Interlock does not inspect" (medium), whatever they ran: `df -h`
// waited for peers, `rm -rf /var/lib/postgresql` was no more than that. When the command is written out,
// it is assessed as a script run there, placed by the call's hints.

/** The effect's script, run where the effect lands instead of the effect itself. */
export function runsThere(effect: Effect, script: string): Effect {
  return { ...effect, runs: script, runsElsewhere: true };
}

/** The text of an option's words joined by newlines, or undefined when absent or computed at run time. */
export function writtenCommands(args: CloudArgs, ...names: string[]): string | undefined {
  const words = names.flatMap((n) => args.options.get(n) ?? []);
  if (!words.length || words.some((w) => w.dynamic)) return undefined;
  return words.map((w) => w.value).join('\n');
}

/** The `commands` of an SSM shell document's parameters: `commands=["df -h","uptime"]`, `commands=uptime`, JSON. */
export function ssmShellCommands(parameters: string): string | undefined {
  const text = parameters.trim();
  const json = text.startsWith('{') ? parseJson(text) : undefined;
  const list = json !== undefined ? (json as { commands?: unknown }).commands : shorthand(text);
  const commands = typeof list === 'string' ? [list] : list;
  if (!Array.isArray(commands) || !commands.every((c) => typeof c === 'string')) return undefined;
  return commands.join('\n');
}

function shorthand(text: string): unknown {
  const m = /^commands=(.*)$/s.exec(text);
  if (!m) return undefined;
  const given = m[1]!.trim();
  return given.startsWith('[') ? parseJson(given) : given;
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}
