import type { Effect } from '../../core/types.js';
import type { Word } from '../../shell/words.js';
import type { Invocation } from '../analyzer.js';
import { effect, isTrue, locateSubcommand } from './common.js';
import { stackScope, TERRAFORM_COMMANDS, terraformCommand, type StackContext } from './terraform.js';

/** terragrunt's own options that take a value (old `--terragrunt-*` spellings and the new ones). */
const VALUE_OPTIONS = new Set(
  [
    'working-dir',
    'config',
    'tf-path',
    'tfpath',
    'source',
    'source-map',
    'iam-role',
    'iam-assume-role',
    'iam-assume-role-session-name',
    'iam-assume-role-duration',
    'include-dir',
    'exclude-dir',
    'queue-include-dir',
    'queue-exclude-dir',
    'queue-exclude-file',
    'excludes-file',
    'queue-include-units-reading',
    'units-that-include',
    'modules-that-include',
    'parallelism',
    'log-level',
    'log-format',
    'download-dir',
    'filter',
    'feature',
    'experiment',
    'strict-control',
    'provider-cache-dir',
    'auth-provider-cmd',
    'out-dir',
    'json-out-dir',
    'report-file',
    'report-format',
    'graph-root',
    'hclfmt-file',
  ].flatMap((o) => [`--${o}`, `--terragrunt-${o}`]),
);
const BOOL_OPTIONS = new Set(['--all', '--graph', '--non-interactive', '--no-auto-approve']);

/** Commands terragrunt adds to terraform's. */
const OWN_COMMANDS = new Set([
  'run-all',
  'run',
  'stack',
  'backend',
  'destroy-all',
  'apply-all',
  'plan-all',
  'output-all',
  'validate-all',
  'hclfmt',
  'hcl',
  'render-json',
  'render',
  'graph-dependencies',
  'dag',
  'find',
  'list',
  'info',
  'catalog',
  'scaffold',
  'exec',
  'terragrunt-info',
  'validate-inputs',
  'aws-provider-patch',
]);
const KNOWN = new Set([...TERRAFORM_COMMANDS, ...OWN_COMMANDS]);

interface Split {
  own: Map<string, string>;
  rest: Word[];
}

/** Separate terragrunt's options from the words terragrunt passes on to terraform. */
function splitOptions(words: readonly Word[]): Split {
  const own = new Map<string, string>();
  const rest: Word[] = [];
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    const eq = w.value.indexOf('=');
    const name = eq >= 0 ? w.value.slice(0, eq) : w.value;
    if (!w.dynamic && VALUE_OPTIONS.has(name)) {
      own.set(
        name.replace(/^--terragrunt-/, '--'),
        eq >= 0 ? w.value.slice(eq + 1) : (words[++i]?.value ?? ''),
      );
    } else if (!w.dynamic && (BOOL_OPTIONS.has(name) || name.startsWith('--terragrunt-'))) {
      own.set(name.replace(/^--terragrunt-/, '--'), eq >= 0 ? w.value.slice(eq + 1) : 'true');
    } else rest.push(w);
  }
  return { own, rest };
}

export function terragrunt(inv: Invocation): Effect[] {
  const index = locateSubcommand(inv.args, KNOWN, VALUE_OPTIONS);
  if (index === undefined) return [];
  const words = index === 'dynamic' ? inv.args : inv.args.filter((_, i) => i !== index);
  const { own, rest } = splitOptions(words);
  const dir = own.get('--working-dir') ?? inv.env('TG_WORKING_DIR') ?? inv.env('TERRAGRUNT_WORKING_DIR');
  const { scope, dir: path } = stackScope(inv, 'terragrunt', dir, 'flag --working-dir');
  for (const key of ['--include-dir', '--queue-include-dir']) {
    const v = own.get(key);
    if (v) scope.hints.push({ source: `flag ${key}`, value: v, weak: true });
  }
  if (index === 'dynamic') {
    return [
      effect(
        scope,
        'execute-unverifiable',
        'high',
        scope.label,
        'the terragrunt command is computed at run time (it could be destroy)',
        'stack',
      ),
    ];
  }
  const nonInteractive =
    isTrue(own.get('--non-interactive')) ||
    isTrue(inv.env('TG_NON_INTERACTIVE')) ||
    isTrue(inv.env('TERRAGRUNT_NON_INTERACTIVE'));
  const all = isTrue(own.get('--all')) || isTrue(own.get('--graph')) || isTrue(inv.env('TG_ALL'));
  const ctx = (many: boolean): StackContext => ({ scope, dir: path, many, nonInteractive });
  const command = inv.args[index]!.value;

  // The terraform command run in each unit: the first known one after `run`, `run-all`, `stack run`.
  const inner = (words: Word[], many: boolean): Effect[] => {
    const at = locateSubcommand(words, TERRAFORM_COMMANDS, new Set());
    if (at === undefined) return [];
    if (at === 'dynamic')
      return [
        effect(
          scope,
          'execute-unverifiable',
          'high',
          scope.label,
          'the command terragrunt runs is computed at run time (it could be destroy)',
          'stack',
        ),
      ];
    const tfArgs = words.filter((w, i) => i !== at && !(w.value === '--' && !w.dynamic));
    return terraformCommand('terragrunt', words[at]!.value, tfArgs, ctx(many), inv);
  };

  switch (command) {
    case 'run-all':
      return inner(rest, true);
    case 'run':
      return inner(rest, all);
    case 'stack':
      return rest[0]?.value === 'run' ? inner(rest.slice(1), true) : [];
    case 'destroy-all':
    case 'apply-all':
      return terraformCommand('terragrunt', command.slice(0, -4), rest, ctx(true), inv);
    case 'backend': {
      const sub = rest[0]?.value;
      const target = `${scope.label} backend state${all ? ' (every unit)' : ''}`;
      if (sub === 'delete')
        return [
          effect(
            scope,
            'delete',
            'high',
            target,
            'terragrunt backend delete deletes the remote state',
            'state',
          ),
        ];
      if (sub === 'migrate')
        return [
          effect(
            scope,
            'modify',
            'medium',
            target,
            'terragrunt backend migrate moves the remote state',
            'state',
          ),
        ];
      return [];
    }
  }
  if (TERRAFORM_COMMANDS.has(command)) return terraformCommand('terragrunt', command, rest, ctx(all), inv);
  return [];
}
