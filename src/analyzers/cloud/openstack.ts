import type { Effect, EnvironmentHint } from '../../core/types.js';
import type { Invocation } from '../analyzer.js';
import { hostOf } from '../services/common.js';
import {
  cloudEffect,
  has,
  hintsFrom,
  nameHintsFrom,
  parseCloudArgs,
  value,
  type CloudArgs,
} from './common.js';
import {
  OPENSTACK_FLAGS,
  READ_VERBS,
  VERB_OPERATION,
  objectCategory,
  objectRisk,
} from './openstack-words.js';

// `openstack [global options] <object…> <verb> [options] [names]`: the verb follows the object's words
// (`security group rule delete ID`). The cloud comes from --os-cloud / OS_CLOUD, the project from
// --os-project-name / OS_PROJECT_NAME, the identity endpoint from --os-auth-url / OS_AUTH_URL.

/** The flag when given, else the variable the CLI reads instead. */
function setting(inv: Invocation, args: CloudArgs, flag: string, variable: string): EnvironmentHint[] {
  if (has(args, flag)) return hintsFrom(`flag ${flag}`, value(args, flag));
  return hintsFrom(`env ${variable}`, inv.env(variable));
}

function placement(inv: Invocation, args: CloudArgs): EnvironmentHint[] {
  const authUrl = setting(inv, args, '--os-auth-url', 'OS_AUTH_URL');
  return [
    ...setting(inv, args, '--os-cloud', 'OS_CLOUD'),
    ...setting(inv, args, '--os-project-name', 'OS_PROJECT_NAME'),
    ...authUrl.map((h) => ({ ...h, value: hostOf(h.value) })),
  ];
}

/** A `--purge`/`--cascade`/`--recursive` deletion takes what the object holds too (snapshots, objects). */
const TAKES_CONTENTS = ['--purge', '--cascade', '--recursive', '-r'];

export function openstack(inv: Invocation): Effect[] {
  const args = parseCloudArgs(inv.args, { flags: OPENSTACK_FLAGS });
  if (has(args, '--help', '-h', '--dry-run')) return [];
  const words = args.positionals;
  const at = words.findIndex((w) => !w.dynamic && (READ_VERBS.has(w.value) || VERB_OPERATION.has(w.value)));
  const hints = placement(inv, args);
  if (at <= 0) {
    // No verb we know: a computed one could be anything; otherwise nothing we recognise happens.
    if (!words.some((w) => w.dynamic)) return [];
    const reason = 'the openstack command is computed at run time, so what it does cannot be verified';
    return [
      cloudEffect('openstack', {
        operation: 'execute-unverifiable',
        target: inv.text,
        risk: 'high',
        reason,
        hints,
      }),
    ];
  }
  const verb = words[at]!.value;
  const spec = VERB_OPERATION.get(verb);
  if (!spec) return [];
  const object = words
    .slice(0, at)
    .map((w) => w.value)
    .join(' ');
  const names = words.slice(at + 1).map((w) => w.value);
  const project = value(args, '--project');
  const targets = names.length ? names : [project ?? object];
  let risk = objectRisk(object, spec.risk);
  const aggravated = spec.operation === 'delete' && has(args, ...TAKES_CONTENTS);
  if (aggravated) risk = 'critical';
  const category = objectCategory(object);
  return targets.map((name) =>
    cloudEffect('openstack', {
      operation: spec.operation,
      target: `${object} ${name}`,
      risk,
      reason: `openstack ${object} ${verb} ${name}${aggravated ? ' and everything it holds' : ''}`,
      category,
      hints: [...hints, ...nameHintsFrom(object, name)],
    }),
  );
}
