import { findCalls, literalString, type Call } from '../code-calls.js';
import type { Lang, Token } from '../code-scan.js';
import { isSecretFile, SECRET_NAME, secretContext } from '../exfiltration/secrets.js';
import { hostHints, parseUrl } from '../http/url.js';
import type { Effect } from '../../core/types.js';
import type { Invocation } from '../analyzer.js';

// Secrets an interpreter's code sends over the network in the same call: `urllib.request.urlopen(url,
// data=str(dict(os.environ)).encode())`, `requests.post(url, json=dict(os.environ))`, `fetch(url, {body:
// JSON.stringify(process.env)})`, a credential file read into the body. The shell's own flows (`env |
// curl -d @-`) were judged; the same send written in Python or JavaScript was allowed. Only what the call's
// own arguments hold is read: the whole environment, a variable whose name says secret, or a secret file
// named by a literal path.

/** Calls that send a request body or raw bytes to another machine, by language. */
const SENDERS: Partial<Record<Lang, ReadonlySet<string>>> = {
  python: new Set(['urlopen', 'Request', 'post', 'put', 'patch', 'request', 'send', 'sendall', 'sendto']),
  js: new Set(['fetch', 'post', 'put', 'patch', 'request', 'write', 'send']),
};

/** Receivers whose send methods are not the network's (`list.send` is no such thing; files write). */
const NETWORK_RECEIVERS: Partial<Record<Lang, RegExp>> = {
  python: /^(urllib|request|requests|httpx|session|s|client|http|conn|connection|sock|socket)$/i,
  js: /^(axios|http|https|got|superagent|ky|req|request|sock|socket|client|ws)$/i,
};

/** The environment as a whole, or one of its variables by name: `os.environ`, `process.env.X`. */
function environmentIn(args: readonly Token[], lang: Lang): string | undefined {
  const holder = lang === 'python' ? 'environ' : 'env';
  for (let i = 0; i < args.length; i++) {
    const t = args[i]!;
    // `os.getenv('AWS_SECRET_ACCESS_KEY')`
    if (t.kind === 'ident' && t.text === 'getenv' && args[i + 2]?.kind === 'string') {
      if (SECRET_NAME.test(args[i + 2]!.text)) return `the variable ${args[i + 2]!.text}`;
      continue;
    }
    if (t.kind !== 'ident' || t.text !== holder) continue;
    if (lang === 'js' && args[i - 2]?.text !== 'process') continue;
    const next = args[i + 1];
    // `os.environ['HOME']`, `process.env.PATH`: one variable; secret only when its name says so.
    const key =
      next?.text === '[' && args[i + 2]?.kind === 'string'
        ? args[i + 2]!.text
        : next?.text === '.' && args[i + 2]?.kind === 'ident' && lang === 'js'
          ? args[i + 2]!.text
          : next?.text === '.' && args[i + 2]?.text === 'get' && args[i + 4]?.kind === 'string'
            ? args[i + 4]!.text
            : undefined;
    if (key === undefined) return 'the environment';
    if (SECRET_NAME.test(key)) return `the variable ${key}`;
  }
  return undefined;
}

/** A secret file named by a literal path in the arguments (`open('/home/u/.ssh/id_rsa').read()`). */
function secretFileIn(args: readonly Token[], inv: Invocation): string | undefined {
  const ctx = secretContext(inv.facts);
  const path = args.find(
    (t) => t.kind === 'string' && !t.dynamic && isSecretFile(t.text.replace(/^~(?=\/)/, ctx.home), ctx),
  );
  return path?.text;
}

const isSender = (call: Call, lang: Lang): boolean => {
  if (lang === 'python' && (call.name === 'urlopen' || call.name === 'Request')) return true;
  if (lang === 'js' && call.name === 'fetch')
    return call.receiver.length === 0 || call.receiver.join('.') === 'globalThis';
  // `require('axios').post(…)`: the module required is the receiver.
  const required =
    call.receiverCall?.name === 'require' ? literalString(call.receiverCall.args[0]) : undefined;
  const receiver = required ?? call.receiver.at(-1)?.replace(/\(\)$/, '') ?? '';
  return NETWORK_RECEIVERS[lang]?.test(receiver.replace(/^node:/, '')) === true;
};

/** Where the call sends: its first literal argument that is a URL, else unknown. */
function destination(call: Call): string | undefined {
  return call.args
    .map((a) => literalString(a))
    .find((v) => v !== undefined && /^[a-z][a-z0-9+.-]*:\/\//i.test(v));
}

export function codeExfiltrationEffects(
  tokens: readonly Token[],
  lang: Lang,
  tool: string,
  inv: Invocation,
): { effect: Effect; index: number }[] {
  const names = SENDERS[lang];
  if (!names) return [];
  return findCalls(tokens, names).flatMap((call) => {
    if (!isSender(call, lang)) return [];
    const args = call.args.flat();
    const what = environmentIn(args, lang) ?? secretFileIn(args, inv);
    if (what === undefined) return [];
    const url = destination(call);
    const hints = url ? hostHints(parseUrl({ value: url, dynamic: false })) : [];
    const target = url ?? '<a host named at run time>';
    const effect: Effect = {
      operation: 'modify',
      tool,
      target,
      reversible: false,
      risk: 'high',
      category: 'exfiltration',
      reason: `${tool}: ${[...call.receiver, call.name].join('.')} sends ${what} to ${target}`,
      ...(hints.length ? { hints: hints.map((h) => ({ ...h, source: `${tool} host` })) } : {}),
    };
    return [{ effect, index: call.index }];
  });
}
