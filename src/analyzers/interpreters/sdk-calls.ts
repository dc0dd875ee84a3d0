import type { Effect, EnvironmentHint, Risk } from '../../core/types.js';
import type { Invocation } from '../analyzer.js';
import { awsCategory, criticalDeletion, operationNoun } from '../cloud/aws-names.js';
import { codeText, findCalls, type Call } from '../code-calls.js';
import type { Lang, Token } from '../code-scan.js';

// Deletions through cloud and Kubernetes SDKs in code an interpreter runs: boto3 (`rds.delete_db_instance`,
// `s3.Bucket('x').objects.all().delete()`), the AWS SDK for JavaScript (`new DeleteDBInstanceCommand(…)`,
// v2's `rds.deleteDBInstance`), the Kubernetes clients (`delete_namespaced_deployment`,
// `deleteNamespace`), google-cloud and azure (`bucket.delete()`, `begin_delete`). Method names alone are
// common words, so a rule applies only when the code imports that SDK.

type Sdk = 'aws' | 'kubernetes' | 'gcp' | 'azure';

const IMPORTS: Record<Sdk, RegExp> = {
  aws: /\bboto3\b|\bbotocore\b|@aws-sdk\/|\baws-sdk\b|\bAws::/,
  kubernetes: /\bkubernetes\b|@kubernetes\/client-node|\bkubeclient\b/,
  gcp: /\bgoogle\.cloud\b|@google-cloud\/|\bgoogleapiclient\b|\bGoogle::Cloud\b/,
  azure: /\bazure\.(mgmt|storage|cosmos|identity)\b|@azure\/|\bAzure::/,
};

/** delete_db_instance, terminateInstances, purge_queue, begin_delete, beginDeleteAndWait. */
const DELETING_METHOD = /^((delete|terminate|purge)(_[a-z0-9_]+|[A-Z]\w*)?|begin_delete\w*|beginDelete\w*)$/;
/** AWS SDK for JavaScript v3: `client.send(new DeleteBucketCommand({…}))`. */
const DELETING_COMMAND = /^(Delete|Terminate|Purge)\w*Command$/;

/** Keys whose literal value names what is acted on (DBInstanceIdentifier=, Bucket:, namespace=, name=). */
const NAME_KEY =
  /(name|id|identifier|identifiers|ids|arn|bucket|table|stack|cluster|namespace|function|instance|key|zone|group|queue|topic|repository|resource_group_name)$/i;

function sdksIn(tokens: readonly Token[]): Sdk[] {
  const code = codeText(tokens); // a comment that mentions kubernetes imports nothing
  return (Object.keys(IMPORTS) as Sdk[]).filter((sdk) => IMPORTS[sdk].test(code));
}

/** HTTP clients and web routes: `requests.delete(url)`, `@app.delete('/items')`, `router.delete(…)`. */
const NOT_SDK_RECEIVER =
  /^(requests|httpx|aiohttp|urllib3|http|https|axios|got|fetch|app|router|api_router|blueprint|bp)$/;

function isRouteOrHttp(call: Call, tokens: readonly Token[]): boolean {
  if (NOT_SDK_RECEIVER.test(call.receiver[0] ?? '')) return true;
  let k = call.index - 1;
  while (k >= 0 && (tokens[k]!.kind === 'ident' || tokens[k]!.text === '.')) k--;
  const path = call.args[0]?.[0];
  return tokens[k]?.text === '@' || (path?.kind === 'string' && path.text.startsWith('/'));
}

const FACTORIES = new Set(['client', 'resource', 'Session', 'session']);

/** Literal names among a call's arguments (and its receiver calls': `s3.Bucket('x').delete()`). */
function literalNames(call: Call): string[] {
  const names: string[] = [];
  for (let c: Call | undefined = call; c; c = c.receiverCall) {
    if (FACTORIES.has(c.name)) continue; // boto3.client('rds'): the service, not a resource
    for (const arg of c.args) {
      for (let j = 0; j < arg.length; j++) {
        const t = arg[j]!;
        if (t.kind !== 'string' || t.dynamic || t.text === '' || t.text.length > 200) continue;
        const key = keyBefore(arg, j);
        if (key === undefined ? j === 0 : NAME_KEY.test(key)) names.push(t.text);
      }
    }
  }
  return [...new Set(names)];
}

/** `Key='x'`, `Key: 'x'`, `:key => 'x'`, `Keys=['x', 'y']`: the key of the string at index j, if any. */
function keyBefore(arg: readonly Token[], j: number): string | undefined {
  let k = j - 1;
  let list = k;
  while (list >= 0 && (arg[list]!.text === ',' || arg[list]!.kind === 'string')) list--;
  if (arg[list]?.text === '[') k = list - 1; // a string in a list has the list's key
  const separator = k;
  while (k >= 0 && arg[k]!.kind === 'punct' && [':', '=', '>'].includes(arg[k]!.text)) k--;
  if (k === separator || k < 0) return undefined;
  const t = arg[k]!;
  return t.kind === 'ident' || t.kind === 'string' ? t.text.replace(/^:/, '') : undefined;
}

/** `rds = boto3.client('rds')`, `const ec2 = new EC2Client(…)`: variable → AWS service. */
function awsClients(tokens: readonly Token[]): Map<string, string> {
  const clients = new Map<string, string>();
  for (let k = 0; k + 2 < tokens.length; k++) {
    if (tokens[k]!.kind !== 'ident' || tokens[k + 1]!.text !== '=') continue;
    const rest = tokens.slice(k + 2, k + 9);
    const ctor = rest.find((t) => t.kind === 'ident' && /^[A-Z][A-Za-z0-9]*Client$/.test(t.text));
    if (ctor && rest[0]?.text === 'new') clients.set(tokens[k]!.text, ctor.text.slice(0, -6).toLowerCase());
    const factory = rest.findIndex((t) => t.text === 'client' || t.text === 'resource');
    const service = factory >= 0 ? rest[factory + 2] : undefined;
    if (factory >= 0 && rest[factory + 1]?.text === '(' && service?.kind === 'string' && !service.dynamic)
      clients.set(tokens[k]!.text, service.text.toLowerCase());
  }
  return clients;
}

const IAM_NOUN =
  /^(role|user|group|policy|access-key|login-profile|instance-profile|role-policy|user-policy|group-policy|saml-provider|open-id-connect-provider)s?$/;

function awsEffect(op: string, service: string): Pick<Effect, 'risk' | 'category'> {
  const noun = operationNoun(op);
  const svc = service || (IAM_NOUN.test(noun) ? 'iam' : '');
  const category = awsCategory(svc, noun);
  const risk: Risk = criticalDeletion(svc, noun, op) ? 'critical' : 'high';
  return category ? { risk, category } : { risk };
}

const CRITICAL_WORDS =
  /namespace|database|db_?instance|cluster|bucket|dataset|table|resource_?group|server|account|vault/i;

function kebab(name: string): string {
  return name
    .replace(/Command$/, '')
    .replace(/([a-z0-9])([A-Z])/g, '$1-$2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1-$2')
    .replace(/_/g, '-')
    .toLowerCase();
}

function envHints(sdk: Sdk, inv: Invocation, tokens: readonly Token[]): EnvironmentHint[] {
  const hints: EnvironmentHint[] = [];
  const env = (...names: string[]) => {
    for (const n of names) {
      const v = inv.env(n);
      if (v) return hints.push({ source: `env ${n}`, value: v });
    }
    return 0;
  };
  // An explicit profile or context in the code (`boto3.Session(profile_name='prod')`) says where it lands.
  const keyed = (keys: RegExp, source: string) => {
    for (let j = 1; j < tokens.length; j++) {
      const t = tokens[j]!;
      if (t.kind === 'string' && !t.dynamic && keys.test(keyBefore(tokens, j) ?? ''))
        hints.push({ source, value: t.text });
    }
  };
  switch (sdk) {
    case 'aws':
      keyed(/^(profile_name|profile)$/, 'profile in code');
      if (!hints.length) env('AWS_PROFILE', 'AWS_DEFAULT_PROFILE');
      env('AWS_ENDPOINT_URL');
      break;
    case 'kubernetes':
      keyed(/^context$/, 'kube context in code');
      if (!hints.length && !env('KUBECONFIG') && inv.facts.kubeContext)
        hints.push({ source: 'kube context', value: inv.facts.kubeContext });
      break;
    case 'gcp':
      keyed(/^project$/, 'project in code');
      if (!hints.length) env('GOOGLE_CLOUD_PROJECT', 'CLOUDSDK_CORE_PROJECT', 'GCLOUD_PROJECT');
      break;
    case 'azure':
      env('AZURE_SUBSCRIPTION_ID');
      break;
  }
  return hints;
}

function sdkOf(call: Call, lang: Lang, sdks: readonly Sdk[], aws: Map<string, string>): Sdk | undefined {
  if (DELETING_COMMAND.test(call.name)) return sdks.includes('aws') ? 'aws' : undefined;
  if (call.receiver.length === 0 && !call.receiverCall) return undefined; // a definition or a local helper
  const bare = call.name === 'delete' || call.name === 'terminate';
  // `delete`/`terminate` with no noun: boto3 resources, google-cloud and azure objects, not JS Maps.
  if (bare && lang === 'js' && !sdks.includes('gcp')) return undefined;
  if (aws.has(call.receiver[0] ?? '')) return 'aws';
  if (/namespaced|^delete_?namespace$|^deleteNamespace$/i.test(call.name) && sdks.includes('kubernetes'))
    return 'kubernetes';
  return sdks[0];
}

/** Deleting calls of the SDKs the code imports. */
export function sdkEffects(
  tokens: Token[],
  lang: Lang,
  tool: string,
  inv: Invocation,
): { effect: Effect; index: number }[] {
  const sdks = sdksIn(tokens);
  if (sdks.length === 0) return [];
  const names = new Set(
    tokens
      .filter((t) => t.kind === 'ident' && (DELETING_METHOD.test(t.text) || DELETING_COMMAND.test(t.text)))
      .map((t) => t.text),
  );
  if (names.size === 0) return [];
  const aws = awsClients(tokens);
  const effects: { effect: Effect; index: number }[] = [];
  for (const call of findCalls(tokens, names, lang === 'ruby' || lang === 'perl')) {
    if (DELETING_COMMAND.test(call.name) && tokens[call.index - 1]?.text !== 'new') continue;
    const sdk = isRouteOrHttp(call, tokens) ? undefined : sdkOf(call, lang, sdks, aws);
    if (!sdk) continue;
    const api = [...call.receiver, call.name].join('.');
    const resources = literalNames(call);
    const target = resources.length ? resources.join(' ') : `${api}(…) on a resource named at run time`;
    const spec: Pick<Effect, 'risk' | 'category'> =
      sdk === 'aws'
        ? awsEffect(kebab(call.name), aws.get(call.receiver[0] ?? '') ?? '')
        : {
            risk:
              CRITICAL_WORDS.test(call.name) || (sdk === 'kubernetes' && /namespace$/i.test(call.name))
                ? 'critical'
                : 'high',
            category: sdk === 'kubernetes' && /^delete_?namespace$/i.test(call.name) ? 'namespace' : sdk,
          };
    const effect: Effect = {
      operation: 'delete',
      tool,
      target,
      reversible: false,
      ...spec,
      reason: `${tool}: ${api} (${SDK_NAMES[sdk]}) deletes ${target}`,
      hints: [
        ...envHints(sdk, inv, tokens),
        ...resources.map((value) => ({ source: 'name in code', value, weak: true as const })),
      ],
      local: false,
    };
    effects.push({ effect, index: call.index });
  }
  return effects;
}

const SDK_NAMES: Record<Sdk, string> = {
  aws: 'AWS SDK',
  kubernetes: 'Kubernetes client',
  gcp: 'Google Cloud client',
  azure: 'Azure SDK',
};
