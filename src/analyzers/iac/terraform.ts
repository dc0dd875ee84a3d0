import type { Effect, EnvironmentHint, Risk } from '../../core/types.js';
import type { Word } from '../../shell/words.js';
import type { Invocation } from '../analyzer.js';
import { resolvePath } from '../paths.js';
import { directory, effect, locateSubcommand, nameHints, type Scope } from './common.js';
import {
  cliArgsFromEnvironment,
  flagOn,
  optionHints,
  parseTerraformArgs,
  TERRAFORM_COMMANDS,
  values,
  type TfArgs,
} from './terraform-args.js';

export { TERRAFORM_COMMANDS } from './terraform-args.js';

export interface StackContext {
  scope: Scope;
  /** Directory the tool runs in (for plan files). */
  dir: string;
  /** terragrunt run-all / --all: every unit under the directory. */
  many: boolean;
  /** A wrapper already confirmed or disabled prompts (terragrunt --non-interactive). */
  nonInteractive: boolean;
}

function whole(ctx: StackContext): string {
  return ctx.many ? `${ctx.scope.label}/** (every unit)` : ctx.scope.label;
}

function destroyEffects(ctx: StackContext, a: TfArgs, category: string, how: string): Effect[] {
  const { scope } = ctx;
  const auto = flagOn(a, '-auto-approve') || ctx.nonInteractive;
  const quiet = auto ? ' without asking for confirmation' : '';
  const hints = optionHints(a);
  const targets = values(a, '-target');
  if (targets.length && !ctx.many) {
    return targets.map((t) =>
      effect(
        scope,
        'delete',
        'high',
        t,
        `${how} destroys ${t} and what depends on it${quiet}`,
        category,
        hints,
      ),
    );
  }
  const what = ctx.many ? `every stack under ${scope.label}` : `the whole stack in ${scope.label}`;
  return [
    effect(scope, 'delete', 'critical', whole(ctx), `${how} destroys ${what}${quiet}`, category, hints),
  ];
}

function apply(ctx: StackContext, a: TfArgs, tool: string): Effect[] {
  const { scope } = ctx;
  const hints = optionHints(a);
  const plan = a.positionals[0];
  if (plan && !ctx.many) {
    const path = plan.dynamic ? plan.value : resolvePath(plan.value, ctx.dir, '/');
    return [
      effect(
        scope,
        'modify',
        'medium',
        path,
        `${tool} apply carries out the saved plan ${plan.value}${plan.dynamic ? ' (a path computed at run time)' : ''}`,
        'planned-apply',
        [...hints, { source: 'plan file', value: plan.value, weak: true }],
      ),
    ];
  }
  if (flagOn(a, '-destroy'))
    return destroyEffects(ctx, a, 'unplanned-apply', `${tool} apply -destroy (no saved plan)`);
  const auto = flagOn(a, '-auto-approve') || ctx.nonInteractive;
  const replace = values(a, '-replace');
  if (replace.length) {
    return replace.map((r) =>
      effect(
        scope,
        'replace',
        'high',
        r,
        `${tool} apply -replace destroys and recreates ${r} (no saved plan)`,
        'unplanned-apply',
        hints,
      ),
    );
  }
  if (flagOn(a, '-refresh-only')) {
    return [
      effect(
        scope,
        'modify',
        'low',
        whole(ctx),
        `${tool} apply -refresh-only updates the state to match real infrastructure`,
        'unplanned-apply',
        hints,
      ),
    ];
  }
  const risk: Risk = auto ? 'high' : 'medium';
  const targets = values(a, '-target');
  const what = targets.length ? targets.join(', ') : whole(ctx);
  const reason = auto
    ? `${tool} apply changes ${what} without a saved plan and without asking for confirmation`
    : `${tool} apply changes ${what} without a saved plan (it shows a plan and asks before applying)`;
  return [effect(scope, 'modify', risk, what, reason, 'unplanned-apply', hints)];
}

function state(ctx: StackContext, rest: readonly Word[], tool: string): Effect[] {
  const sub = rest[0]?.value ?? '';
  const a = parseTerraformArgs(rest.slice(1));
  if (!['rm', 'mv', 'replace-provider', 'push'].includes(sub) || flagOn(a, '-dry-run')) return [];
  const targets = a.positionals.map((w) => w.value);
  const target = sub === 'push' ? `${whole(ctx)} state` : targets.join(' → ') || `${whole(ctx)} state`;
  const why: Record<string, string> = {
    rm: 'forgets resources: the next apply no longer manages them, or recreates them',
    mv: 'moves resources to other addresses: a mistake makes the next apply destroy and recreate them',
    'replace-provider': 'rewrites which provider manages every matching resource',
    push: 'overwrites the remote state with a local file',
  };
  const hints = targets.flatMap((t) => nameHints('state address', t));
  return [effect(ctx.scope, 'modify', 'high', target, `${tool} state ${sub} ${why[sub]}`, 'state', hints)];
}

function workspace(ctx: StackContext, rest: readonly Word[], tool: string): Effect[] {
  if (rest[0]?.value !== 'delete') return [];
  const a = parseTerraformArgs(rest.slice(1));
  const name = a.positionals[0]?.value ?? '<workspace>';
  const force = flagOn(a, '-force') ? ' even though it still manages resources (-force)' : '';
  return [
    effect(
      ctx.scope,
      'delete',
      'high',
      `workspace ${name}`,
      `${tool} workspace delete removes the workspace ${name} and its state${force}`,
      'workspace',
      // The workspace being deleted is named, not selected: weak (the selected workspace still places it).
      [{ source: 'terraform workspace name', value: name, weak: true }],
    ),
  ];
}

/** One terraform/tofu command (also what terragrunt runs in each unit). */
export function terraformCommand(
  tool: string,
  command: string,
  rest: readonly Word[],
  ctx: StackContext,
  inv: Invocation,
): Effect[] {
  const args = [...rest, ...cliArgsFromEnvironment(inv, command)];
  const a = parseTerraformArgs(args);
  if (a.flags.has('-help') || a.flags.has('-h')) return [];
  const { scope } = ctx;
  switch (command) {
    case 'destroy':
      return destroyEffects(ctx, a, 'stack', `${tool} destroy`);
    case 'apply':
      return apply(ctx, a, tool);
    case 'state':
      return state(ctx, args, tool);
    case 'workspace':
      return workspace(ctx, args, tool);
    case 'taint':
      return a.positionals.map((w) =>
        effect(
          scope,
          'replace',
          'medium',
          w.value,
          `${tool} taint marks ${w.value} so the next apply destroys and recreates it`,
          'stack',
          nameHints('resource address', w.value),
        ),
      );
    case 'untaint':
    case 'import':
      return [
        effect(
          scope,
          'modify',
          'low',
          a.positionals[0]?.value ?? whole(ctx),
          `${tool} ${command} changes what the state records`,
          'state',
        ),
      ];
    case 'refresh':
      return [
        effect(
          scope,
          'modify',
          'low',
          whole(ctx),
          `${tool} refresh rewrites the state from reality`,
          'state',
        ),
      ];
    case 'force-unlock':
      return [
        effect(
          scope,
          'modify',
          'medium',
          `${whole(ctx)} state lock ${a.positionals[0]?.value ?? ''}`.trim(),
          `${tool} force-unlock removes a state lock another run may still hold (concurrent writes corrupt state)`,
          'state',
        ),
      ];
    case 'init':
      if (flagOn(a, '-migrate-state') || flagOn(a, '-force-copy'))
        return [
          effect(
            scope,
            'modify',
            'low',
            whole(ctx),
            `${tool} init copies the state to a new backend`,
            'state',
          ),
        ];
      return [];
  }
  return [];
}

/** Scope of a terraform-like tool: the directory it runs in and the workspace selected there. */
export function stackScope(
  inv: Invocation,
  tool: string,
  dir: string | undefined,
  dirSource: string,
): { scope: Scope; dir: string } {
  const place = directory(inv, dir, dir === undefined ? 'working directory' : dirSource);
  const hints: EnvironmentHint[] = place.hint ? [place.hint] : [];
  let label = place.path;
  // The workspace the edge found belongs to the cwd; TF_WORKSPACE overrides it.
  const envWorkspace = inv.env('TF_WORKSPACE');
  const workspace =
    envWorkspace ?? (dir === undefined && !inv.remote ? inv.facts.terraformWorkspace : undefined);
  // TF_WORKSPACE is read here rather than listed in environmentVariables: it must not place pulumi or cdk.
  if (envWorkspace) hints.push({ source: 'env TF_WORKSPACE', value: envWorkspace });
  else if (workspace) hints.push({ source: 'terraform workspace', value: workspace });
  if (workspace) label += ` (workspace ${workspace})`;
  if (inv.name === 'tflocal') hints.push({ source: 'tflocal (LocalStack)', value: 'local' });
  return { scope: { tool, label, hints }, dir: place.path };
}

export function terraform(inv: Invocation): Effect[] {
  const index = locateSubcommand(inv.args, TERRAFORM_COMMANDS, new Set(['-chdir']));
  const tool = inv.name === 'tflocal' ? 'terraform' : inv.name;
  if (index === undefined) return [];
  const before = parseTerraformArgs(inv.args.slice(0, index === 'dynamic' ? 0 : index));
  const { scope, dir } = stackScope(inv, tool, before.flags.get('-chdir')?.at(-1), 'flag -chdir');
  if (index === 'dynamic') {
    return [
      effect(
        scope,
        'execute-unverifiable',
        'high',
        scope.label,
        `the ${tool} subcommand is computed at run time (it could be destroy)`,
        'stack',
      ),
    ];
  }
  const command = inv.args[index]!.value;
  return terraformCommand(
    tool,
    command,
    inv.args.slice(index + 1),
    {
      scope,
      dir,
      many: false,
      nonInteractive: false,
    },
    inv,
  );
}
