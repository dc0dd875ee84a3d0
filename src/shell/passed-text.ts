import type { SimpleCommand } from './extract.js';
import type { Word } from './words.js';

// The text a pipe's stage writes when it only passes text on, so that the next stage reads it as if it
// were its own here-document: `cat <<EOF | kubectl apply -f -`, `echo 'DROP TABLE t;' | psql`, and the
// decoders an agent may hide a script behind: `echo cm0gLXJmIC8K | base64 -d | sh` runs `rm -rf /`.

/** The text `source` writes on stdout; undefined when it is not plain static text passed on. */
export function passedOn(source: SimpleCommand): Word | undefined {
  const [program, ...args] = source.argv;
  const name = program?.value.slice(program.value.lastIndexOf('/') + 1);
  // Output to a file, or input from one (`cat <<<'x' <drop.sql`: bash gives cat the later `<`).
  if (
    !name ||
    program?.dynamic ||
    args.some((w) => w.dynamic) ||
    source.redirects.some((r) => r.operator.startsWith('>') || r.operator === '&>' || r.operator === '<')
  )
    return undefined;
  const words = args.map((w) => w.value);
  // cat passes its here-document on as it is, expansions and all; a decoder needs text known in full.
  if (name === 'cat') return words.every((a) => a === '-') ? source.stdinText : undefined;
  const input = source.stdinText && !source.stdinText.dynamic ? source.stdinText.value : undefined;
  const text = TEXT_WRITERS[name]?.(words, input);
  return text === undefined ? undefined : { value: text, dynamic: false };
}

/** What `echo` or `printf` writes given these words; undefined for any other program or format. */
export function writtenText(name: string, args: string[]): string | undefined {
  return name === 'echo' || name === 'printf' ? TEXT_WRITERS[name]!(args, undefined) : undefined;
}

type TextWriter = (args: string[], stdin: string | undefined) => string | undefined;

const TEXT_WRITERS: Readonly<Record<string, TextWriter>> = {
  echo: (args) => {
    // Leading words of n, e and E are options: -n drops the newline, -e reads backslash escapes.
    let at = 0;
    let newline = true;
    let escapes = false;
    for (; at < args.length && /^-[neE]+$/.test(args[at]!); at++) {
      for (const flag of args[at]!.slice(1)) {
        if (flag === 'n') newline = false;
        else escapes = flag === 'e';
      }
    }
    const words = args.slice(at);
    const text = words.join(' ') + (newline ? '\n' : '');
    return escapes ? backslashEscapes(text, 'echo') : text;
  },
  // `--` ends printf's options (`printf -- 'rm -rf /' | sh`); -v writes a variable; others are errors.
  printf: (args) => {
    const [first, ...rest] = args[0] === '--' ? args.slice(1) : args;
    if (first === undefined || (args[0] !== '--' && /^-./.test(first))) return undefined;
    return printf(first, rest);
  },
  base64: (args, stdin) =>
    stdin !== undefined && args.length > 0 && args.every((a) => DECODE_BASE64.has(a))
      ? fromBase64(stdin)
      : undefined,
  xxd: (args, stdin) => (stdin !== undefined && isPlainHexReverse(args) ? fromHex(stdin) : undefined),
  rev: (args, stdin) =>
    stdin !== undefined && args.length === 0
      ? stdin
          .split('\n')
          .map((line) => [...line].reverse().join(''))
          .join('\n')
      : undefined,
};

const DECODE_BASE64 = new Set(['-d', '--decode', '-D', '-i', '--ignore-garbage', '-di', '-id']);

/** `xxd -r -p` (and `-rp`, `-r -ps`, `-revert -plain`): hex digits back to bytes. */
function isPlainHexReverse(args: string[]): boolean {
  const flags = new Set(args.flatMap((a) => (/^-[rp]+$/.test(a) ? [...a.slice(1)] : [a])));
  const revert = flags.has('r') || flags.has('-revert');
  const plain = flags.has('p') || flags.has('-ps') || flags.has('-plain') || flags.has('-postscript');
  const known = [...flags].every((f) => ['r', 'p', '-revert', '-ps', '-plain', '-postscript'].includes(f));
  return revert && plain && known;
}

/** Decoded bytes as text, or undefined when they are not text a shell would read (binary, not UTF-8). */
function asText(bytes: Buffer): string | undefined {
  if (bytes.includes(0)) return undefined;
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return undefined;
  }
}

function fromBase64(encoded: string): string | undefined {
  const compact = encoded.replace(/\s+/g, '');
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(compact) || compact.length % 4 === 1) return undefined;
  return asText(Buffer.from(compact, 'base64'));
}

function fromHex(encoded: string): string | undefined {
  const compact = encoded.replace(/\s+/g, '');
  if (!/^(?:[0-9a-fA-F]{2})*$/.test(compact)) return undefined;
  return asText(Buffer.from(compact, 'hex'));
}

const ESCAPES: Readonly<Record<string, string>> = {
  a: '\x07',
  b: '\b',
  e: '\x1b',
  E: '\x1b',
  f: '\f',
  n: '\n',
  r: '\r',
  t: '\t',
  v: '\v',
  '\\': '\\',
  '"': '"',
  "'": "'",
};

/**
 * Text with bash's backslash escapes read (`\x2f` is `/`): echo -e writes octal as `\0nnn`, printf as
 * `\nnn`; `\c` ends the output.
 */
function backslashEscapes(text: string, style: 'echo' | 'printf'): string {
  const octal = style === 'echo' ? '0[0-7]{0,3}' : '[0-7]{1,3}';
  const escape = new RegExp(
    `\\\\(?:(${octal})|x([0-9a-fA-F]{1,2})|u([0-9a-fA-F]{1,4})|U([0-9a-fA-F]{1,8})|(c)|(.))`,
    'gs',
  );
  let out = '';
  let last = 0;
  for (const m of text.matchAll(escape)) {
    out += text.slice(last, m.index);
    last = m.index + m[0].length;
    const [, oct, hex, u4, u8, stop, other] = m;
    if (stop) return out;
    if (oct !== undefined) out += String.fromCharCode(parseInt(oct.replace(/^0/, '') || '0', 8) & 0xff);
    else if (hex ?? u4 ?? u8) out += String.fromCodePoint(parseInt((hex ?? u4 ?? u8)!, 16));
    else out += ESCAPES[other!] ?? m[0];
  }
  return out + text.slice(last);
}

/**
 * printf's output for a format of text, `%s` and `%%` (anything else undefined): bash reuses the format
 * while arguments remain.
 */
function printf(format: string, args: string[]): string | undefined {
  const pieces = format.split(/(%%|%s)/);
  if (pieces.some((piece, i) => i % 2 === 0 && piece.includes('%'))) return undefined;
  const slots = pieces.filter((piece) => piece === '%s').length;
  const fill = (rest: string[]) => {
    let next = 0;
    // Escapes are read in the format only: an argument for %s is written as it is.
    const text = pieces.map((piece, i) =>
      i % 2 === 0 ? backslashEscapes(piece, 'printf') : piece === '%%' ? '%' : (rest[next++] ?? ''),
    );
    return text.join('');
  };
  if (slots === 0 || args.length === 0) return fill([]);
  let out = '';
  for (let at = 0; at < args.length; at += slots) out += fill(args.slice(at, at + slots));
  return out;
}
