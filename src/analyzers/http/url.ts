import type { EnvironmentHint } from '../../core/types.js';
import type { Word } from '../../shell/words.js';

/** Where a request goes, as far as the text says. */
export interface Url {
  /** As written, for messages and targets. */
  text: string;
  /** Undefined when the host is not known before it runs (`$VAULT_ADDR/v1/…`). */
  host?: string;
  port?: string;
  path: string;
  query: string;
}

const LOOPBACK = /^(localhost|.*\.localhost|127(\.\d+){3}|\[?::1\]?|0\.0\.0\.0)$/i;
/** A leading `$VAR` or `${VAR}` stands for the scheme and host. */
const VARIABLE_BASE = /^\$(\{[A-Za-z_][A-Za-z0-9_]*\}|[A-Za-z_][A-Za-z0-9_]*)/;
const URL =
  /^(?:([a-z][a-z0-9+.-]*):\/\/)?(?:[^@/?#]*@)?(\[[^\]]*\]|[^:/?#]*)(?::(\d*))?([^?#]*)(?:\?([^#]*))?/i;

/** Parses a URL the way curl, wget and HTTPie accept one: a scheme is optional, `:3000/x` is localhost (HTTPie). */
export function parseUrl(word: Word): Url {
  const text = word.value;
  const base = VARIABLE_BASE.exec(text);
  if (base) {
    const rest = text.slice(base[0].length);
    const q = rest.indexOf('?');
    return { text, path: q >= 0 ? rest.slice(0, q) : rest, query: q >= 0 ? rest.slice(q + 1) : '' };
  }
  const shorthand = /^:(\d*)(.*)$/.exec(text);
  const m = URL.exec(shorthand ? `localhost:${shorthand[1]}${shorthand[2]}` : text);
  const host = m?.[2] ?? '';
  const url: Url = { text, path: m?.[4] || '/', query: m?.[5] ?? '' };
  if (host && !(word.dynamic && host.includes('$'))) url.host = host.toLowerCase();
  if (m?.[3]) url.port = m[3];
  return url;
}

/** Where the call lands is a fact: the host is an explicit hint (loopback is this machine). */
export function hostHints(url: Url): EnvironmentHint[] {
  if (!url.host) return [];
  const loopback = LOOPBACK.test(url.host) && url.host !== 'localhost' && url.host !== '127.0.0.1';
  return [{ source: 'url host', value: loopback ? 'localhost' : url.host }];
}

/** The request goes to this machine (a dev server, a local database). */
export function isLoopback(url: Url): boolean {
  return url.host !== undefined && LOOPBACK.test(url.host);
}

/** Schemes that do not send anything anywhere (`file://`), or are not HTTP at all. */
export function isLocalScheme(url: Url): boolean {
  return /^(file|data):/i.test(url.text);
}

export function segments(url: Url): string[] {
  return url.path.split('/').filter(Boolean);
}
