import { GLOBAL_VALUE as DOCKER_GLOBAL_VALUE } from '../shell/cli-options/docker.js';
import { GLOBAL_VALUE as KUBECTL_GLOBAL_VALUE } from '../shell/cli-options/kubectl.js';
import { hostOf } from '../analyzers/kubernetes/common.js';
import { optionValue, parseOptions, type ParsedOptions } from '../shell/options.js';
import { word, type Word } from '../shell/words.js';

/**
 * What one command selects in its CLI's own configuration, for every later call of the tool: a Word, or
 * `null` for a selection cleared (the new context's own namespace, which nothing on the line says).
 */
export interface ContextSwitch {
  /** Settings the tool also takes from this variable, which still wins when set (docker, gcloud). */
  variables?: Record<string, Word | null>;
  /** Settings the analyzers read from a variable the tool itself ignores: the selection wins (az). */
  overriding?: Record<string, Word>;
  kubeContext?: Word;
  kubeNamespace?: Word | null;
  terraformWorkspace?: Word;
}

/** A list of option names, from the names separated by spaces. */
const options = (names: string): readonly string[] => names.split(' ');

/** A new current kube context, which brings its own namespace. */
const newContext = (context: Word): ContextSwitch => ({ kubeContext: context, kubeNamespace: null });

/** Only the run can tell (`kubectx -`, `kubectl config use-context "$CTX"`). */
const unknown = (text: string): Word => word(text, true);

/** An option's value as a Word: dynamic when it came from a word only the run can tell. */
function optionWord(parsed: ParsedOptions, args: readonly Word[], ...names: string[]): Word | undefined {
  const value = optionValue(parsed, ...names);
  if (value === undefined) return undefined;
  return word(
    value,
    args.some((w) => w.dynamic && w.value.includes(value)),
  );
}

/** The context or namespace a kubectx/kubens argument list switches to (`-` is the previous one). */
function kubectxTarget(args: readonly Word[]): Word | 'unset' | undefined {
  const [first] = args;
  if (!first || args.length > 1) return undefined;
  if (first.value === '-') return unknown('-');
  if (first.value === '-u' || first.value === '--unset') return 'unset';
  // Listing, `-c` (print), `-d NAME` (delete), `NEW=OLD` (rename): nothing selected.
  if (first.value.startsWith('-') || (!first.dynamic && first.value.includes('='))) return undefined;
  return first;
}

const kubectx = (args: readonly Word[]): ContextSwitch | undefined => {
  const target = kubectxTarget(args);
  if (!target) return undefined;
  return newContext(target === 'unset' ? unknown('--unset') : target);
};

const kubens = (args: readonly Word[]): ContextSwitch | undefined => {
  const target = kubectxTarget(args);
  if (!target) return undefined;
  return { kubeNamespace: target === 'unset' ? null : target };
};

/** oc's options with a value: kubectl's, and `oc login -u NAME -p PASSWORD`. */
const OC_VALUE = [...KUBECTL_GLOBAL_VALUE, '-u', '-p'];

function kubectl(name: string, args: readonly Word[]): ContextSwitch | undefined {
  const parsed = parseOptions(args, { withValue: name === 'oc' ? OC_VALUE : KUBECTL_GLOBAL_VALUE });
  // Another kubeconfig file is changed, not the one later calls read.
  if (parsed.options.has('--kubeconfig')) return undefined;
  const [group, verb, third] = parsed.positionals;
  if (!group || group.dynamic) return undefined;
  // krew's ctx and ns plugins are kubectx and kubens.
  if (group.value === 'ctx') return kubectx(parsed.positionals.slice(1));
  if (group.value === 'ns') return kubens(parsed.positionals.slice(1));
  if (name === 'oc') {
    if (group.value === 'project' && verb && !parsed.options.has('-q')) return { kubeNamespace: verb };
    if (group.value === 'login') {
      const server = verb ?? optionWord(parsed, args, '-s', '--server');
      if (server) return newContext(word(hostOf(server.value), server.dynamic));
    }
  }
  if (group.value !== 'config' || !verb || verb.dynamic) return undefined;
  if ((verb.value === 'use-context' || verb.value === 'use') && third) return newContext(third);
  // `set-context --current --namespace=prod`: another context's namespace is not where later calls act.
  const namespace = optionWord(parsed, args, '--namespace', '-n');
  if (verb.value === 'set-context' && parsed.options.has('--current') && namespace)
    return { kubeNamespace: namespace };
  return undefined;
}

const docker = (args: readonly Word[]): ContextSwitch | undefined => {
  const parsed = parseOptions(args, { withValue: DOCKER_GLOBAL_VALUE, stopAtFirstPositional: true });
  if (parsed.options.has('--config')) return undefined;
  const [group, verb, name] = parsed.positionals;
  if (group?.value !== 'context' || verb?.value !== 'use' || group.dynamic || verb.dynamic) return undefined;
  return name && { variables: { DOCKER_CONTEXT: name } };
};

/** gcloud's options that take a value (global ones, before or after the command, and get-credentials' location). */
const GCLOUD_VALUE = options(
  '--project --configuration --account --billing-project --format --verbosity --impersonate-service-account --flags-file --flatten --trace-token --zone --region --location',
);

function gcloud(args: readonly Word[]): ContextSwitch | undefined {
  const parsed = parseOptions(args, { withValue: GCLOUD_VALUE });
  const words = parsed.positionals;
  const group = words[0]?.value;
  if ((group !== 'config' && group !== 'container') || words.some((w, i) => i < 2 && w.dynamic))
    return undefined;
  const [, verb, property, setting] = words;
  // `gcloud container clusters get-credentials NAME`: the context gke_PROJECT_LOCATION_NAME becomes current.
  if (words[0]?.value === 'container')
    return verb?.value === 'clusters' && property?.value === 'get-credentials' && setting
      ? newContext(setting)
      : undefined;
  // `--configuration NAME` and `--installation` write a configuration later calls do not read.
  if (parsed.options.has('--configuration') || parsed.options.has('--installation')) return undefined;
  if (verb?.value === 'configurations' && property?.value === 'activate' && setting)
    return { variables: { CLOUDSDK_ACTIVE_CONFIG_NAME: setting, CLOUDSDK_CORE_PROJECT: null } };
  const isProject = property?.value === 'project' || property?.value === 'core/project';
  if (!isProject) return undefined;
  if (verb?.value === 'set' && setting) return { variables: { CLOUDSDK_CORE_PROJECT: setting } };
  if (verb?.value === 'unset') return { variables: { CLOUDSDK_CORE_PROJECT: unknown('unset') } };
  return undefined;
}

/** az options with a value, of `account set` and `aks get-credentials`. */
const AZ_VALUE = options('--subscription -s --name -n --output -o --resource-group -g --context --file -f');

function az(args: readonly Word[]): ContextSwitch | undefined {
  const parsed = parseOptions(args, { withValue: AZ_VALUE });
  const [group, verb] = parsed.positionals;
  // `az aks get-credentials -n NAME`: the context NAME (or --context) becomes current, unless written elsewhere.
  if (group?.value === 'aks' && verb?.value === 'get-credentials' && !parsed.options.has('--file')) {
    const context = optionWord(parsed, args, '--context') ?? optionWord(parsed, args, '--name', '-n');
    return context && newContext(context);
  }
  if (group?.value !== 'account' || verb?.value !== 'set') return undefined;
  const subscription = optionWord(parsed, args, '--subscription', '-s', '--name', '-n');
  // az keeps its own default subscription and ignores AZURE_SUBSCRIPTION_ID, which the analyzer reads.
  return subscription && { overriding: { AZURE_SUBSCRIPTION_ID: subscription } };
}

/** aws options with a value, of `eks update-kubeconfig` and the global ones that place it. */
const AWS_VALUE = options('--name --alias --region --profile --role-arn --user-alias --kubeconfig --output');

/** `aws eks update-kubeconfig --name NAME`: the cluster's context (or --alias) becomes current. */
function aws(args: readonly Word[]): ContextSwitch | undefined {
  const parsed = parseOptions(args, { withValue: AWS_VALUE });
  const [service, op] = parsed.positionals;
  if (service?.value !== 'eks' || op?.value !== 'update-kubeconfig') return undefined;
  if (parsed.options.has('--kubeconfig') || parsed.options.has('--dry-run')) return undefined;
  const context = optionWord(parsed, args, '--alias') ?? optionWord(parsed, args, '--name');
  return context && newContext(context);
}

function terraform(args: readonly Word[]): ContextSwitch | undefined {
  const words = args.filter((w) => w.dynamic || !w.value.startsWith('-'));
  // `-chdir=DIR` selects DIR's workspace, which later calls in the directory they run in do not read.
  if (args.some((w) => w.value.startsWith('-chdir'))) return undefined;
  const [group, verb, name] = words;
  if (group?.value !== 'workspace' || (verb?.value !== 'select' && verb?.value !== 'new')) return undefined;
  return name && { terraformWorkspace: name };
}

/** Variables that point a tool at another configuration than the one later calls read. */
const CONFIG_VARIABLES = [
  'KUBECONFIG',
  'DOCKER_CONFIG',
  'CLOUDSDK_CONFIG',
  'CLOUDSDK_ACTIVE_CONFIG_NAME',
  'AZURE_CONFIG_DIR',
  'TF_DATA_DIR',
];

/**
 * What `name args…` selects for the later calls of its tool in the line, if anything. Not when the command
 * sees its own configuration (`KUBECONFIG=other kubectl config use-context dev`): the selection is made there.
 */
export function contextSwitch(
  name: string,
  args: readonly Word[],
  variables: Readonly<Record<string, Word>>,
): ContextSwitch | undefined {
  if (CONFIG_VARIABLES.some((v) => v in variables)) return undefined;
  switch (name) {
    case 'kubectl':
    case 'oc':
    case 'kubecolor':
      return kubectl(name, args);
    case 'kubectx':
      return kubectx(args);
    case 'kubens':
      return kubens(args);
    case 'docker':
      return docker(args);
    case 'gcloud':
      return gcloud(args);
    case 'az':
      return az(args);
    case 'aws':
      return aws(args);
    case 'terraform':
    case 'tofu':
      return terraform(args);
  }
  return undefined;
}
