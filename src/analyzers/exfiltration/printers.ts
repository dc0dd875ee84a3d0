import type { Word } from '../../shell/words.js';

// Commands that print credentials on stdout: tokens, keys, secret values. Each is matched by its program
// and words that must appear in order among its arguments (options and their values may sit between).

type Pattern = string | RegExp;

interface Printer {
  programs: readonly string[];
  words: readonly Pattern[];
  /** A further condition on the arguments (`kubectl get secret` prints values only with `-o json|yaml…`). */
  when?: (args: readonly Word[]) => boolean;
}

/** `-o json`, `-ojson`, `-o=json`, `--output yaml`, `--output=jsonpath=…`. */
function outputFormat(args: readonly Word[]): string | undefined {
  for (let i = 0; i < args.length; i++) {
    const v = args[i]!.value;
    const inline = /^(?:-o=?|--output=)(.+)$/.exec(v);
    if (inline) return inline[1];
    if (v === '-o' || v === '--output') return args[i + 1]?.value;
  }
  return undefined;
}

/** An output that shows a secret's data (names and types alone are `-o wide`, `-o name` or the table). */
const showsData = (args: readonly Word[]) =>
  /^(json|yaml|jsonpath|go-template|template|custom-columns)/.test(outputFormat(args) ?? '');
const flag =
  (...names: string[]) =>
  (args: readonly Word[]) =>
    args.some((a) => names.includes(a.value));

const KUBECTL = ['kubectl', 'oc', 'kubecolor'];
const VAULT = ['vault', 'bao'];

const PRINTERS: readonly Printer[] = [
  { programs: ['gh', 'glab'], words: ['auth', 'token'] },
  { programs: ['aws'], words: ['configure', 'export-credentials'] },
  { programs: ['aws'], words: ['configure', 'get', /secret|token|password|key_id/i] },
  { programs: ['aws'], words: ['sts', /^(get-session-token|get-federation-token|assume-role)/] },
  { programs: ['aws'], words: ['ecr', 'get-login-password'] },
  { programs: ['aws'], words: ['secretsmanager', 'get-secret-value'] },
  { programs: ['aws'], words: ['ssm', /^get-parameters?(-by-path)?$/], when: flag('--with-decryption') },
  { programs: ['gcloud'], words: ['auth', /^print-(access|identity)-token$/] },
  { programs: ['gcloud'], words: ['secrets', 'versions', 'access'] },
  { programs: ['az'], words: ['account', 'get-access-token'] },
  { programs: ['az'], words: ['keyvault', 'secret', 'show'] },
  { programs: KUBECTL, words: ['get', /^secrets?(\/|$)/], when: showsData },
  { programs: KUBECTL, words: ['create', 'token'] },
  { programs: KUBECTL, words: ['config', 'view'], when: flag('--raw') },
  { programs: VAULT, words: ['kv', 'get'] },
  { programs: VAULT, words: [/^(read|print)$/] },
  { programs: VAULT, words: ['token', 'create'] },
  { programs: ['op'], words: [/^(read|inject)$/] },
  { programs: ['op'], words: ['item', 'get'], when: flag('--reveal') },
  { programs: ['doppler'], words: ['secrets', /^(download|get)$/] },
  { programs: ['infisical'], words: [/^(export|secrets)$/], when: (args) => !flag('set', 'delete')(args) },
  { programs: ['gpg', 'gpg2'], words: [/^--export-secret-(sub)?keys$/] },
  { programs: ['security'], words: [/^find-(generic|internet)-password$/], when: flag('-w', '-g') },
  { programs: ['pass'], words: ['show'] },
  { programs: ['heroku'], words: [/^(auth:token|config(:get)?)$/] },
];

function inOrder(args: readonly Word[], words: readonly Pattern[]): boolean {
  let next = 0;
  for (const arg of args) {
    const want = words[next];
    if (want === undefined) break;
    if (!arg.dynamic && (typeof want === 'string' ? arg.value === want : want.test(arg.value))) next++;
  }
  return next === words.length;
}

/** The command prints credentials (`gh auth token`, `kubectl get secret db -o json`). */
export function printsCredentials(program: string, args: readonly Word[]): boolean {
  return PRINTERS.some(
    (p) => p.programs.includes(program) && inOrder(args, p.words) && (p.when?.(args) ?? true),
  );
}
