import type { Risk } from '../../core/types.js';
import { optionValues, type ParsedOptions } from '../../shell/options.js';

// Values given on helm's command line that take a release's service down or remove what protects it:
// `--set replicaCount=0`, `--set primary.persistence.enabled=false` (the data on an emptyDir, gone at the
// next restart), `--set server.dev.enabled=true` (Vault's dev mode: in memory, unsealed, a root token),
// `--set 'grafana\.ini.auth\.anonymous.enabled=true'`. A values file is not read here.

/** One `key=value` of --set: the key's words (`grafana\.ini` gives `grafana` and `ini`), the value as written. */
export interface ValueSetting {
  key: string;
  words: string[];
  value: string;
  /** The values file it was read from; none for the command line. */
  file?: string;
}

/** A kind of value that harms, found by the key's words and the value. */
interface HarmfulValue {
  matches(words: readonly string[], value: string): boolean;
  risk: Risk;
  /** Completes "sets KEY=VALUE: …". */
  what: string;
}

const isFalse = (v: string) => /^(false|0)$/i.test(v);
const isTrue = (v: string) => /^(true|1)$/i.test(v);
const has = (words: readonly string[], ...any: string[]) => words.some((w) => any.includes(w));
const enabled = (words: readonly string[]) => words.at(-1) === 'enabled';

const HARMFUL: readonly HarmfulValue[] = [
  {
    matches: (w, v) => has(w.slice(-1), 'replicas', 'replicacount') && v === '0',
    risk: 'high',
    what: 'no replica runs, the service stops',
  },
  {
    matches: (w, v) => has(w, 'persistence') && enabled(w) && isFalse(v),
    risk: 'high',
    what: 'the data moves to an emptyDir and is lost when the pod restarts',
  },
  {
    matches: (w, v) => has(w, 'auth', 'authentication') && !has(w, 'anonymous') && enabled(w) && isFalse(v),
    risk: 'high',
    what: 'authentication is turned off',
  },
  {
    matches: (w, v) => has(w, 'anonymous') && enabled(w) && isTrue(v),
    risk: 'high',
    what: 'anyone may come in without signing in',
  },
  {
    matches: (w, v) => has(w, 'dev', 'devmode') && enabled(w) && isTrue(v),
    risk: 'high',
    what: "a development mode is turned on (Vault's keeps its data in memory, unsealed, with a root token)",
  },
  {
    matches: (w, v) => has(w, 'tls', 'ssl') && enabled(w) && isFalse(v),
    risk: 'medium',
    what: 'TLS is turned off: traffic and credentials travel in clear',
  },
];

/** Split at `sep` where it is not escaped with `\` nor inside a `{…}` list; escapes are kept. */
function splitUnescaped(text: string, sep: string, lists = false): string[] {
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '\\') i++;
    else if (lists && (c === '{' || c === '[')) depth++;
    else if (lists && (c === '}' || c === ']')) depth--;
    else if (c === sep && depth <= 0) {
      parts.push(text.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(text.slice(start));
  return parts;
}

/** The lower-cased words of a key: each dotted segment, its `\.` parts and list indexes (`a[0]`) apart. */
const keyWords = (key: string): string[] =>
  key
    .replace(/\[\d+\]/g, '')
    .split('.')
    .map((w) => w.replace(/\\/g, '').toLowerCase())
    .filter(Boolean);

function pair(text: string): ValueSetting | undefined {
  const [key, ...value] = splitUnescaped(text, '=');
  if (!key || value.length === 0) return undefined;
  return {
    key: key.replace(/\\(.)/g, '$1'),
    words: keyWords(key),
    value: value.join('=').replace(/\\(.)/g, '$1'),
  };
}

/**
 * `--set-json 'primary.persistence={"enabled":false}'`, or a values file: each leaf as a dotted setting
 * (`primary.persistence.enabled`), list items as `a[0]`.
 */
export function valueLeaves(key: string, json: unknown): ValueSetting[] {
  const under = (k: string) => (key ? `${key}.${k}` : k);
  if (Array.isArray(json)) return json.flatMap((v, i) => valueLeaves(`${key}[${i}]`, v));
  if (json !== null && typeof json === 'object')
    return Object.entries(json).flatMap(([k, v]) => valueLeaves(under(k), v));
  return key ? [{ key, words: keyWords(key), value: String(json) }] : [];
}

function jsonPairs(text: string): ValueSetting[] {
  return splitUnescaped(text, ',', true).flatMap((part) => {
    const found = pair(part);
    if (!found) return [];
    try {
      return valueLeaves(found.key, JSON.parse(found.value));
    } catch {
      return [found];
    }
  });
}

/** Every value set on the command line, in order. */
export function commandLineSettings(parsed: ParsedOptions): ValueSetting[] {
  return [
    ...optionValues(parsed, '--set', '--set-string').flatMap((v) => splitUnescaped(v, ',', true)),
    ...optionValues(parsed, '--set-literal'),
  ]
    .map(pair)
    .filter((s) => s !== undefined)
    .concat(optionValues(parsed, '--set-json').flatMap(jsonPairs));
}

/**
 * The settings that harm, each with how much and why. `settings` are in helm's order (files, then the command
 * line): a later value of a key replaces an earlier one.
 */
export function harmfulValues(
  settings: readonly ValueSetting[],
): { setting: ValueSetting; risk: Risk; what: string }[] {
  const last = new Map(settings.map((s) => [s.key, s]));
  return [...last.values()].flatMap((setting) => {
    const harm = HARMFUL.find((h) => h.matches(setting.words, setting.value));
    return harm ? [{ setting, risk: harm.risk, what: harm.what }] : [];
  });
}
