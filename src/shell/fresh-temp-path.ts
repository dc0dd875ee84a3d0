// `$(mktemp -d)` is a path mktemp has just created, so deleting it later loses nothing that was there
// before: `TMP=$(mktemp -d) && … && rm -rf "$TMP"` cleans up after itself. The random part of the name
// stays as the template's X's; the directory is the one mktemp (GNU or BSD) puts it in.

const DEFAULT_NAME = 'tmp.XXXXXXXXXX';
const FLAGS = new Set(['-d', '--directory', '-q', '--quiet', '-u', '--dry-run']);

interface Parsed {
  dir?: string;
  inTempDir: boolean;
  template?: string;
}

/** mktemp's words, or undefined when one of them is not an option this reading knows. */
function parse(args: readonly string[]): Parsed | undefined {
  const parsed: Parsed = { inTempDir: false };
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (FLAGS.has(arg)) continue;
    if (arg === '--tmpdir') parsed.inTempDir = true;
    else if (arg.startsWith('--tmpdir=')) parsed.dir = arg.slice('--tmpdir='.length);
    else if (arg === '-p') {
      parsed.dir = args[++i];
      if (parsed.dir === undefined) return undefined;
    } else if (/^-[dqu]*t[dqu]*$/.test(arg))
      parsed.inTempDir = true; // BSD's -t takes a prefix: read below
    else if (/^-[dqu]+$/.test(arg)) continue;
    else if (arg.startsWith('-') || parsed.template !== undefined) return undefined;
    else parsed.template = arg;
  }
  return parsed.dir === '' ? undefined : parsed;
}

/** The path `mktemp ARGS` prints, with TMPDIR as the command sees it; undefined for any other program. */
export function freshTempPath(
  name: string,
  args: readonly string[],
  tmpdir: string | undefined,
): string | undefined {
  if (name !== 'mktemp') return undefined;
  const parsed = parse(args);
  if (!parsed) return undefined;
  const template = parsed.template ?? DEFAULT_NAME;
  // GNU: a template of its own, with no directory option, is a path (relative to the current directory).
  if (parsed.dir === undefined && !parsed.inTempDir && parsed.template !== undefined) return template;
  if (template.includes('/')) return undefined;
  const dir = parsed.dir ?? (tmpdir || '/tmp');
  return `${dir.replace(/\/+$/, '')}/${template}`;
}
