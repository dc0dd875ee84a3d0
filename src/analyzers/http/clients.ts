import type { Effect } from '../../core/types.js';
import { word, type Word } from '../../shell/words.js';
import type { Invocation } from '../analyzer.js';
import { getopt, has, values } from '../databases/common.js';
import { downloadWrite, filesNamedAtRunTime } from '../power-writes.js';
import { hasStdin, requestEffects } from './request.js';

const upper = (w: Word | undefined): string | undefined =>
  w && !w.dynamic ? w.value.toUpperCase() : undefined;

// curl's options that take a value (curl --help all); every other option is a flag.
const CURL_VALUE = [
  ...'-d -F -T -X -H -o -u -A -b -c -e -K -m -r -w -x -E -D -C -U -Y -y -z -P -Q -t'.split(' '),
  ...[
    'data',
    'data-raw',
    'data-binary',
    'data-urlencode',
    'data-ascii',
    'json',
    'form',
    'form-string',
    'upload-file',
    'request',
    'header',
    'proxy-header',
    'output',
    'output-dir',
    'user',
    'user-agent',
    'cookie',
    'cookie-jar',
    'referer',
    'config',
    'max-time',
    'range',
    'write-out',
    'proxy',
    'proxy-user',
    'cert',
    'cert-type',
    'key',
    'key-type',
    'pass',
    'cacert',
    'capath',
    'dump-header',
    'continue-at',
    'url',
    'connect-timeout',
    'retry',
    'retry-delay',
    'retry-max-time',
    'resolve',
    'connect-to',
    'limit-rate',
    'max-filesize',
    'max-redirs',
    'oauth2-bearer',
    'variable',
    'aws-sigv4',
    'interface',
    'telnet-option',
    'quote',
    'speed-limit',
    'speed-time',
    'time-cond',
    'trace',
    'trace-ascii',
    'stderr',
    'unix-socket',
    'abstract-unix-socket',
    'expect100-timeout',
    'happy-eyeballs-timeout-ms',
    'keepalive-time',
    'netrc-file',
    'noproxy',
    'parallel-max',
    'preproxy',
    'proto',
    'proto-redir',
    'proto-default',
    'request-target',
    'socks5',
    'socks5-hostname',
    'tls-max',
    'url-query',
  ].map((o) => `--${o}`),
];

/** curl: the method from -X, -I, -T, -d/-F (unless -G), the URLs, and what the body reads. */
export function curl(inv: Invocation): Effect[] {
  const { options, positionals } = getopt(inv.args, CURL_VALUE);
  const data = values(options, '-d', '--data', '--data-ascii', '--data-binary', '--json', '--data-raw');
  const encoded = values(options, '--data-urlencode');
  const forms = values(options, '-F', '--form');
  const formStrings = values(options, '--form-string');
  const uploads = values(options, '-T', '--upload-file');
  const files: string[] = [];
  const texts: Word[] = [...formStrings];
  let stdin = false;
  const readsFile = (w: Word, path: string) => {
    if (path === '-') stdin = true;
    else files.push(path);
    if (w.dynamic) texts.push(w);
  };
  for (const w of data) {
    if (w.value.startsWith('@') && !values(options, '--data-raw').includes(w)) readsFile(w, w.value.slice(1));
    else texts.push(w);
  }
  for (const w of encoded) {
    const eq = w.value.indexOf('=');
    const at = w.value.indexOf('@');
    if (at >= 0 && (eq < 0 || at < eq)) readsFile(w, w.value.slice(at + 1));
    else texts.push(w);
  }
  for (const w of forms) {
    const value = w.value.slice(w.value.indexOf('=') + 1);
    if (/^[@<]/.test(value)) readsFile(w, value.slice(1).split(';')[0]!);
    else texts.push(w);
  }
  for (const w of uploads) {
    if (w.value === '-' || w.value === '.') stdin = true;
    else files.push(w.value);
  }

  let method = has(options, '-X', '--request') ? upper(values(options, '-X', '--request').pop()) : undefined;
  if (!has(options, '-X', '--request')) {
    if (has(options, '-I', '--head')) method = 'HEAD';
    else if (uploads.length) method = 'PUT';
    else if (has(options, '-G', '--get')) method = 'GET';
    else if (data.length || encoded.length || forms.length || formStrings.length) method = 'POST';
    else method = 'GET';
  }
  const urls = [...values(options, '--url'), ...positionals];
  return [
    ...requestEffects({ tool: 'curl', method, urls, files, texts, stdin }, inv),
    ...values(options, '-o', '--output').flatMap((w) => downloadWrite(inv, w)),
    ...remoteNames(inv, options, urls),
  ];
}

/** -O: each URL's file name, in the current directory (or --output-dir); with -J, the name the server sends. */
function remoteNames(inv: Invocation, options: Map<string, Word[]>, urls: readonly Word[]): Effect[] {
  if (!has(options, '-O', '--remote-name', '--remote-name-all')) return [];
  const dir = values(options, '--output-dir').pop();
  const writes = urls.flatMap((url) => downloadWrite(inv, named(url, dir)));
  return has(options, '-J', '--remote-header-name') ? namedAtRunTime(inv, dir, writes) : writes;
}

/**
 * The writes of a download whose names only the run tells: the directory it fills, and of the names its
 * URLs give (which the server may keep), those that grant power.
 */
function namedAtRunTime(inv: Invocation, dir: Word | undefined, byUrl: readonly Effect[]): Effect[] {
  return [
    ...filesNamedAtRunTime(inv, dir ?? word('.'), 'downloads'),
    ...byUrl.filter((e) => e.risk !== 'none'),
  ];
}

/** The file a download keeps its URL's name in, inside `dir` when one is given. */
function named(url: Word, dir: Word | undefined): Word {
  const name = urlFileName(url.value);
  return dir
    ? { ...dir, value: `${dir.value.replace(/\/+$/, '')}/${name}`, dynamic: dir.dynamic || url.dynamic }
    : { ...url, value: name };
}

const WGET_VALUE = [
  ...'-O -o -a -P -U -e -t -T -w -i -B -Q -l -A -R -D -I -X'.split(' '),
  ...[
    'method',
    'post-data',
    'post-file',
    'body-data',
    'body-file',
    'output-document',
    'output-file',
    'append-output',
    'directory-prefix',
    'user-agent',
    'execute',
    'tries',
    'timeout',
    'wait',
    'input-file',
    'base',
    'quota',
    'level',
    'accept',
    'reject',
    'domains',
    'include-directories',
    'exclude-directories',
    'header',
    'user',
    'password',
    'http-user',
    'http-password',
    'load-cookies',
    'save-cookies',
    'referer',
    'cut-dirs',
    'limit-rate',
    'ca-certificate',
    'certificate',
    'private-key',
    'bind-address',
    'dns-timeout',
    'connect-timeout',
    'read-timeout',
  ].map((o) => `--${o}`),
];

/** The name wget saves a URL under: the last part of its path (index.html for none). */
function urlFileName(url: string): string {
  try {
    return new URL(url.includes('://') ? url : `http://${url}`).pathname.split('/').pop() || 'index.html';
  } catch {
    return 'index.html';
  }
}

/** wget: GET unless --method, --post-data or --post-file say otherwise. */
export function wget(inv: Invocation): Effect[] {
  const { options, positionals } = getopt(inv.args, WGET_VALUE);
  const files: string[] = [];
  let stdin = false;
  for (const w of values(options, '--post-file', '--body-file')) {
    if (w.value === '-' || w.value === '/dev/stdin') stdin = true;
    else files.push(w.value);
  }
  const texts = values(options, '--post-data', '--body-data');
  let method = has(options, '--method') ? upper(values(options, '--method').pop()) : undefined;
  if (!has(options, '--method')) {
    if (has(options, '--spider')) method = 'HEAD';
    else method = has(options, '--post-data', '--post-file') ? 'POST' : 'GET';
  }
  return [
    ...requestEffects({ tool: 'wget', method, urls: positionals, files, texts, stdin }, inv),
    ...values(options, '-O', '--output-document').flatMap((w) => downloadWrite(inv, w)),
    ...(has(options, '-O', '--output-document', '--spider') ? [] : wgetNames(inv, options, positionals)),
  ];
}

/**
 * Without -O, each file keeps its URL's name: inside -P DIR, or here. Recursion, a name the server sends,
 * directories made from the URL or URLs read from a file name files only the run tells.
 */
function wgetNames(inv: Invocation, options: Map<string, Word[]>, urls: readonly Word[]): Effect[] {
  const dir = values(options, '-P', '--directory-prefix').pop();
  // `-np` (--no-parent) is one option, not -n and -p.
  const requisites = has(options, '--page-requisites') || (has(options, '-p') && !has(options, '-np'));
  const atRunTime =
    requisites ||
    has(options, ...WGET_RUN_TIME_NAMES) ||
    values(options, '-e', '--execute').some((w) =>
      /^\s*(content_?disposition|trust_?server_?names|recursive|mirror)\b/i.test(w.value),
    );
  const writes = urls.flatMap((url) => downloadWrite(inv, named(url, dir)));
  return atRunTime ? namedAtRunTime(inv, dir, writes) : writes;
}

/** wget's options that name the files it writes only at run time. */
const WGET_RUN_TIME_NAMES = [
  ...['-r', '-m', '-x', '-i'],
  ...[
    'recursive',
    'mirror',
    'force-directories',
    'input-file',
    'content-disposition',
    'trust-server-names',
  ].map((o) => `--${o}`),
];

const HTTPIE_VALUE = [
  ...'-a -A -o -p -s -P'.split(' '),
  ...[
    'auth',
    'auth-type',
    'output',
    'session',
    'session-read-only',
    'verify',
    'cert',
    'cert-key',
    'cert-key-pass',
    'proxy',
    'timeout',
    'pretty',
    'style',
    'print',
    'history-print',
    'max-redirects',
    'default-scheme',
    'format-options',
    'raw',
    'boundary',
    'response-charset',
    'response-mime',
    'ssl',
    'ciphers',
    'bearer',
    'resolve',
    'interface',
    'http-version',
    'unix-socket',
  ].map((o) => `--${o}`),
];
const METHODS = new Set(['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS', 'TRACE', 'CONNECT']);
/** HTTPie's request item separators, longest first where they share a start. */
const SEPARATORS = [':=@', '=@', '==', ':=', '@', '=', ':'];

function itemSeparator(text: string): string | undefined {
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '\\') {
      i++;
      continue;
    }
    const sep = SEPARATORS.find((s) => text.startsWith(s, i));
    if (sep) return sep;
  }
  return undefined;
}

/** HTTPie (http, https) and xh (xh, xhs): `[METHOD] URL [ITEM…]`, where data items make it a POST. */
export function httpie(inv: Invocation): Effect[] {
  const { options, positionals } = getopt(inv.args, HTTPIE_VALUE);
  if (has(options, '--offline')) return [];
  let rest = positionals;
  let method: string | undefined;
  const head = rest[0];
  if (head && rest.length > 1 && /^[A-Za-z]+$/.test(head.value)) {
    const second = rest[1]!;
    if (METHODS.has(head.value.toUpperCase()) || !itemSeparator(second.value)) {
      method = head.value.toUpperCase();
      rest = rest.slice(1);
    }
  } else if (head?.dynamic && rest.length > 1 && /^\$/.test(head.value)) {
    rest = rest.slice(1);
    method = undefined;
  }
  const [url, ...items] = rest;
  const files: string[] = [];
  const texts: Word[] = [...values(options, '--raw')];
  let sendsData = texts.length > 0;
  for (const item of items) {
    const sep = itemSeparator(item.value);
    if (!sep || sep === ':' || sep === '==') continue;
    sendsData = true;
    const value = item.value.slice(item.value.indexOf(sep) + sep.length);
    if (sep.endsWith('@')) files.push(value);
    else texts.push(item);
  }
  const stdin = !has(options, '-I', '--ignore-stdin') && !sendsData && hasStdin(inv);
  method ??= head?.dynamic && rest !== positionals ? undefined : sendsData || stdin ? 'POST' : 'GET';
  if (!url) return [];
  const https = inv.name === 'https' || inv.name === 'xhs';
  const withScheme =
    https && !/^[a-z][a-z0-9+.-]*:\/\//i.test(url.value) && !url.value.startsWith(':')
      ? { ...url, value: `https://${url.value}` }
      : url;
  return requestEffects({ tool: inv.name, method, urls: [withScheme], files, texts, stdin }, inv);
}
