import type { EnvironmentHint } from '../../core/types.js';
import { word, type Word } from '../../shell/words.js';
import type { Invocation } from '../analyzer.js';
import { isTrue, keyValueHint, nameHints } from './common.js';

export const TERRAFORM_COMMANDS = new Set([
  'init',
  'validate',
  'plan',
  'apply',
  'destroy',
  'console',
  'fmt',
  'force-unlock',
  'get',
  'graph',
  'import',
  'login',
  'logout',
  'metadata',
  'modules',
  'output',
  'providers',
  'query',
  'refresh',
  'show',
  'stacks',
  'state',
  'taint',
  'test',
  'untaint',
  'version',
  'workspace',
]);

/** Options that take a value (Go's flag package also accepts `-opt=value` and `--opt`). */
const VALUE_OPTIONS = new Set([
  '-chdir',
  '-var',
  '-var-file',
  '-target',
  '-replace',
  '-exclude',
  '-state',
  '-state-out',
  '-backup',
  '-lock-timeout',
  '-parallelism',
  '-out',
  '-generate-config-out',
  '-config',
  '-provider',
  '-backend-config',
  '-from-module',
  '-plugin-dir',
  '-lockfile',
  '-test-directory',
  '-filter',
]);

export interface TfArgs {
  flags: Map<string, string[]>;
  positionals: Word[];
}

/** Terraform's own option syntax: `-name`, `-name=value`, `-name value` for value options; `--` ends them. */
export function parseTerraformArgs(words: readonly Word[]): TfArgs {
  const flags = new Map<string, string[]>();
  const positionals: Word[] = [];
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    if (w.value === '--' && !w.dynamic) {
      positionals.push(...words.slice(i + 1));
      break;
    }
    if (w.dynamic || !w.value.startsWith('-') || w.value === '-') {
      positionals.push(w);
      continue;
    }
    const text = w.value.replace(/^--?/, '-');
    const eq = text.indexOf('=');
    const name = eq >= 0 ? text.slice(0, eq) : text;
    let value = eq >= 0 ? text.slice(eq + 1) : '';
    if (eq < 0 && VALUE_OPTIONS.has(name) && i + 1 < words.length) value = words[++i]!.value;
    flags.set(name, [...(flags.get(name) ?? []), value]);
  }
  return { flags, positionals };
}

export const flagOn = (a: TfArgs, name: string) => isTrue(a.flags.get(name)?.at(-1));
export const values = (a: TfArgs, name: string) => a.flags.get(name) ?? [];

/** Options smuggled in through TF_CLI_ARGS / TF_CLI_ARGS_<command> (flags only; values need a shell). */
export function cliArgsFromEnvironment(inv: Invocation, command: string): Word[] {
  const text = [inv.env('TF_CLI_ARGS'), inv.env(`TF_CLI_ARGS_${command.replace(/-/g, '_')}`)]
    .filter(Boolean)
    .join(' ');
  return text
    .split(/\s+/)
    .filter((t) => t.startsWith('-') && (t.includes('=') || !VALUE_OPTIONS.has(t.replace(/^--?/, '-'))))
    .map((t) => word(t));
}

/** Facts a stack's options give about where it lands. */
export function optionHints(a: TfArgs): EnvironmentHint[] {
  const hints: EnvironmentHint[] = [];
  for (const v of values(a, '-var')) {
    const hint = keyValueHint('flag -var', v);
    if (hint) hints.push(hint);
  }
  // File names are weak hints; a variable named env/stage/workspace is the stack's own explicit fact.
  for (const v of values(a, '-var-file')) hints.push({ source: 'flag -var-file', value: v, weak: true });
  for (const v of [...values(a, '-state'), ...values(a, '-state-out')])
    hints.push({ source: 'flag -state', value: v, weak: true });
  for (const v of values(a, '-target')) hints.push(...nameHints('flag -target', v));
  for (const v of values(a, '-replace')) hints.push(...nameHints('flag -replace', v));
  return hints;
}
