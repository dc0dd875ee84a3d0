import type { Effect, EnvironmentHint } from '../../core/types.js';
import { optionValue, optionValues, parseOptions, type ParsedOptions } from '../../shell/options.js';
import type { Word } from '../../shell/words.js';
import type { Invocation } from '../analyzer.js';
import { contextHints, effect, hostOf, isDryRun, type Scope } from './common.js';
import {
  apply,
  auth,
  config,
  cordon,
  drain,
  low,
  patch,
  prune,
  replace,
  rollback,
  rollout,
  annotate,
  scale,
  taint,
} from './kubectl-changes.js';
import { remove } from './kubectl-delete.js';
import { expose } from './expose.js';
import {
  CONFIG_READS,
  GLOBAL_VALUE,
  LOW_VERBS,
  READ_VERBS,
  VERB_VALUE,
} from '../../shell/cli-options/kubectl.js';
import type { VerbContext } from './objects.js';
import { podOverrides } from './pod-overrides.js';
import { commandAfterDashes, manifestRuns } from './manifest-commands.js';
import { bindingCreated, policyGranted } from './role-grants.js';

const DESTROYING_WORDS = /^(delete|destroy|drop|purge|remove|rm|uninstall|wipe|reset|nuke|prune)$/;

const HANDLERS: Record<string, (ctx: VerbContext) => Effect[]> = {
  delete: remove,
  drain,
  cordon,
  taint,
  scale,
  replace,
  apply,
  patch,
  rollout,
  annotate,
  config: (ctx) => config(ctx, CONFIG_READS),
  auth,
  rollback,
  prune,
  cp: copyIntoPod,
  expose,
};

/**
 * `kubectl cp FILE POD:PATH` replaces files inside a running container (its start script, its config):
 * a change to the workload, placed like it; copying out of a pod only reads.
 */
function copyIntoPod({ scope, rest }: VerbContext): Effect[] {
  const dest = rest[rest.length - 1];
  // `[NAMESPACE/]POD:PATH`; a local path (`./a:b`, `/tmp/x`) is not a pod.
  if (rest.length < 2 || !dest || dest.dynamic || !/^[^/.:][^:]*:/.test(dest.value)) return [];
  const where =
    scope.namespace && !dest.value.includes('/') ? `${scope.namespace}/${dest.value}` : dest.value;
  return [
    effect(
      scope,
      'modify',
      'medium',
      where,
      `kubectl cp replaces files inside the running container ${where}`,
      'pod',
    ),
  ];
}

/**
 * The options that take a value, for `patch` (-p is its patch) and for logs/attach (-f follows, -p is the
 * previous container). Built once each: parseOptions remembers a list by identity, so a new list per
 * command was a new set of every kubectl option per command (issue 17).
 */
const VALUE_OPTIONS = new Map<string, readonly string[]>();
function valueOptions(patch: boolean, logs: boolean): readonly string[] {
  const key = `${patch}:${logs}`;
  let list = VALUE_OPTIONS.get(key);
  if (!list) {
    list = [...GLOBAL_VALUE, ...VERB_VALUE, ...(patch ? ['-p'] : [])].filter(
      (o) => !(logs && (o === '-f' || o === '-p')),
    );
    VALUE_OPTIONS.set(key, list);
  }
  return list;
}

function scopeOf(inv: Invocation, tool: string, parsed: ParsedOptions): Scope {
  const namespace = optionValue(parsed, '-n', '--namespace');
  const hints: EnvironmentHint[] = contextHints(inv, {
    context: optionValue(parsed, '--context'),
    contextFlag: '--context',
    kubeconfig: optionValue(parsed, '--kubeconfig'),
    namespace,
  });
  const cluster = optionValue(parsed, '--cluster');
  if (cluster) hints.push({ source: 'flag --cluster', value: cluster });
  const server = optionValue(parsed, '-s', '--server');
  if (server) hints.push({ source: 'flag --server', value: hostOf(server) });
  const user = optionValue(parsed, '--user');
  if (user) hints.push({ source: 'flag --user', value: user });
  // -n is explicit although the cluster may be unknown: it overrides the namespace part of the kube
  // context (itself explicit), and namespaces are how one cluster is split into environments, as
  // workspaces split a Terraform backend: `-n staging` is where the action lands. A namespace being
  // deleted is only a resource's name: weak (objects.ts).
  if (namespace) hints.push({ source: 'flag --namespace', value: namespace });
  return { tool, hints, ...(namespace ? { namespace } : {}) };
}

/** kubectl / oc / kubecolor: `args` are the words after the program name. */
/** What the objects a create, replace or run starts will run in the cluster (see manifest-commands.ts). */
function startedCommands(
  inv: Invocation,
  scope: Scope,
  parsed: ParsedOptions,
  verb: string,
  rest: readonly Word[],
): Effect[] {
  if (!['create', 'replace', 'run'].includes(verb)) return [];
  const files = optionValues(parsed, '-f', '--filename');
  if (files.length) return manifestRuns(inv, scope, files);
  const object =
    verb === 'run' ? `pod/${rest[0]?.value ?? '?'}` : `${rest[0]?.value ?? '?'}/${rest[1]?.value ?? '?'}`;
  return commandAfterDashes(scope, inv.args, object);
}

export function kubectl(inv: Invocation, tool: string, args: readonly Word[]): Effect[] {
  const first = parseOptions(args, { withValue: GLOBAL_VALUE });
  const verbWord = first.positionals[0];
  if (!verbWord) return [];
  if (verbWord.dynamic) {
    const why = `the ${tool} subcommand is computed at run time (${verbWord.value})`;
    return [effect(scopeOf(inv, tool, first), 'execute-unverifiable', 'high', inv.text, why, 'cluster')];
  }
  let verb = verbWord.value;
  // `logs -f` follows and `logs -p` shows the previous container; `patch -p` is the patch.
  const logs = verb === 'logs' || verb === 'log' || verb === 'attach';
  const parsed = parseOptions(args, { withValue: valueOptions(verb === 'patch', logs) });
  const scope = scopeOf(inv, tool, parsed);
  // `--replicas=$N` is a word computed at run time: an option, not a resource name.
  const positionals = parsed.positionals.filter((w) => !(w.dynamic && w.value.startsWith('-')));
  const at = positionals.indexOf(verbWord);
  let rest = positionals.slice(at >= 0 ? at + 1 : 1);
  if (tool === 'oc' && verb === 'adm' && rest[0]) {
    verb = rest[0].value;
    rest = rest.slice(1);
  }
  if (READ_VERBS.has(verb) || isDryRun(parsed.options.get('--dry-run'))) return [];
  // Grants of power first: a binding is a create, and `oc adm policy` has no handler of its own.
  const granted =
    verb === 'create'
      ? bindingCreated(scope, parsed, rest)
      : verb === 'policy'
        ? policyGranted(scope, rest)
        : [];
  if (granted.length) return granted;
  if (verb === 'run') {
    const node = podOverrides(scope, parsed, rest[0]?.value ?? 'pod');
    if (node.length) return node;
  }
  // `kubectl debug node/NAME -it`: a pod in the node's namespaces with its root at /host, left as a root shell
  // on the node. With a command after `--` that command is what runs, and it is assessed as it is.
  const node =
    verb === 'debug' && !args.some((w) => w.value === '--')
      ? rest.find((w) => /^node\//.test(w.value))
      : undefined;
  if (node) {
    const why = `${tool} debug ${node.value} runs a pod in the node's namespaces with its file system at /host: root on the node`;
    return [effect(scope, 'modify', 'high', node.value, why, 'container')];
  }
  const ctx: VerbContext = { inv, tool, scope, parsed, rest };
  const handler = Object.hasOwn(HANDLERS, verb) ? HANDLERS[verb] : undefined;
  if (handler) return handler(ctx);
  if (LOW_VERBS.has(verb)) {
    const target =
      rest.map((w) => w.value).join(' ') || optionValues(parsed, '-f', '--filename').join(', ') || verb;
    const creates = verb.startsWith('new-') || verb === 'create' || verb === 'run';
    return [
      ...startedCommands(inv, scope, parsed, verb, rest),
      low(scope, verb, target, creates ? 'create' : 'modify'),
    ];
  }
  // krew installs and removes kubectl plugins under ~/.krew: nothing of a cluster (`krew uninstall ctx`).
  if (verb === 'krew') return [];
  // A plugin (kubectl-cnpg, kubectl-foo…): its words are all we know.
  if (rest.some((w) => DESTROYING_WORDS.test(w.value))) {
    const target = [verb, ...rest.map((w) => w.value)].join(' ');
    const why = `${tool} plugin ${verb} appears to destroy something`;
    return [effect(scope, 'delete', 'high', target, why, 'custom-resource')];
  }
  return [];
}
