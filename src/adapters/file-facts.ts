import { createHash } from 'node:crypto';
import {
  closeSync,
  constants,
  fstatSync,
  openSync,
  readdirSync,
  readSync,
  realpathSync,
  statSync,
} from 'node:fs';
import type { Stats } from 'node:fs';
import type { FileFacts, FileFingerprint, ScriptFile } from '../core/types.js';

// The files a command reads, as the approval digest sees them: the bytes of regular files (hashed),
// the real path of directories, and a marker for anything else. Reading is done here, at the edge; the
// core only calls the injected functions.
//
// One process may answer thousands of checks (check --batch, the daemon): what was read is remembered per
// path and keyed by the file's identity and change times (device, inode, size, mtime and ctime). ctime
// cannot be set back by a user, so an edit that restores the mtime (`touch -r`) is still seen. A file
// changed within the last `racyMs` is read again every time: a write in the same clock tick as our read
// leaves the times as they were.

/** The largest file whose bytes are hashed; a larger one is bound to its identity, size and change times. */
const MAX_BYTES = 16 * 1024 * 1024;
/** How many names of variables one file may contribute (a binary or a huge script says nothing more). */
const MAX_VARIABLES = 256;

// $NAME ${NAME} (shells, compose files, envsubst), $(NAME) (make), $ENV{NAME} (perl), getenv("NAME")
// (C, PHP, Python's os.getenv, Go's os.Getenv), os.environ["NAME"] / .get("NAME"), process.env.NAME and
// process.env["NAME"] (JavaScript), ENV["NAME"] / ENV.fetch("NAME") (Ruby).
const VARIABLE_REFERENCE =
  /\$ENV\{\s*["']?([A-Za-z_]\w*)|\$\{?([A-Za-z_]\w*)|\$\(([A-Za-z_]\w*)\)|[Gg]etenv\(\s*["']([A-Za-z_]\w*)|environ(?:\.get\(\s*|\[\s*)["']([A-Za-z_]\w*)|process\.env(?:\.([A-Za-z_]\w*)|\[\s*["']([A-Za-z_]\w*))|ENV(?:\.fetch\(\s*|\[\s*)["']([A-Za-z_]\w*)/g;

/** The names of the environment variables a text refers to, at most `max`. */
export function referencedVariables(text: string, max = MAX_VARIABLES): string[] {
  const names = new Set<string>();
  for (const m of text.matchAll(VARIABLE_REFERENCE)) {
    const name = m.slice(1).find((g) => g !== undefined);
    if (name) names.add(name);
    if (names.size >= max) break;
  }
  return [...names];
}

interface Entry extends FileFingerprint {
  key: string;
}

interface Listing {
  key: string;
  names: readonly string[];
}

export interface FileFactsOptions {
  maxBytes?: number;
  /** Entries whose file changed this recently (ms) are not remembered. */
  racyMs?: number;
  /** Entries remembered before the cache starts over. */
  maxEntries?: number;
  now?: () => number;
}

const identity = (st: Stats) => `${st.dev}:${st.ino}:${st.size}:${st.mtimeMs}:${st.ctimeMs}`;

function kindOf(st: Stats): string {
  if (st.isFIFO()) return 'fifo';
  if (st.isSocket()) return 'socket';
  if (st.isCharacterDevice()) return 'character-device';
  if (st.isBlockDevice()) return 'block-device';
  return 'other';
}

/** `stat` through symlinks, or the marker for a path that does not lead to anything. */
function statOf(path: string): Stats | string {
  try {
    return statSync(path, { throwIfNoEntry: false }) ?? 'missing';
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'error';
    return code === 'ENOTDIR' ? 'missing' : `unreadable:${code}`;
  }
}

/** Reads up to `max + 1` bytes of an open file whose size was `size` (it may have changed since). */
function readAll(fd: number, size: number, max: number): Buffer {
  const chunks: Buffer[] = [];
  let total = 0;
  // One read for a file that kept its size (the extra byte sees it grow), then 64 KiB at a time.
  let want = Math.min(size + 1, max + 1);
  for (;;) {
    const chunk = Buffer.allocUnsafe(want);
    const n = readSync(fd, chunk, 0, chunk.length, null);
    if (n <= 0) break;
    chunks.push(n === chunk.length ? chunk : chunk.subarray(0, n));
    total += n;
    if (total > max) break;
    want = Math.min(64 * 1024, max + 1 - total);
  }
  return Buffer.concat(chunks, total);
}

/** Whether the bytes look like text (no NUL in the first 8 KiB): only text is searched for variables. */
const isText = (bytes: Buffer) => !bytes.subarray(0, 8192).includes(0);

/** File facts read from this machine's disk, remembered per file version within this process. */
export function createFileFacts(options: FileFactsOptions = {}): FileFacts {
  const maxBytes = options.maxBytes ?? MAX_BYTES;
  const racyMs = options.racyMs ?? 2000;
  const maxEntries = options.maxEntries ?? 8192;
  const now = options.now ?? Date.now;
  const files = new Map<string, Entry>();
  const listings = new Map<string, Listing>();

  const settled = (st: Stats) => now() - Math.max(st.mtimeMs, st.ctimeMs) > racyMs;
  const remember = <T>(cache: Map<string, T>, path: string, value: T) => {
    if (cache.size >= maxEntries) cache.clear();
    cache.set(path, value);
  };

  const marker = (key: string, digest: string): Entry => ({ key, digest, variables: [], hashed: 0 });

  const regularFile = (path: string, st: Stats): Entry => {
    const key = identity(st);
    const known = files.get(path);
    if (known?.key === key) return known;
    let fd: number;
    try {
      // O_NONBLOCK: should the file have become a FIFO since the stat, opening it must not wait for a writer.
      fd = openSync(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
    } catch (error) {
      return marker(key, `unreadable:${(error as NodeJS.ErrnoException).code ?? 'error'}`);
    }
    try {
      const opened = fstatSync(fd);
      if (!opened.isFile()) return marker(key, `special:${kindOf(opened)}`);
      if (opened.size > maxBytes) return marker(key, `large:${identity(opened)}`);
      const bytes = readAll(fd, opened.size, maxBytes);
      if (bytes.length > maxBytes) return marker(key, `large:${identity(opened)}`);
      const entry: Entry = {
        key: identity(opened),
        digest: `sha256:${createHash('sha256').update(bytes).digest('hex')}`,
        variables: isText(bytes) ? referencedVariables(bytes.toString('latin1')) : [],
        hashed: bytes.length,
      };
      if (settled(opened) && entry.key === key) remember(files, path, entry);
      return entry;
    } catch (error) {
      return marker(key, `unreadable:${(error as NodeJS.ErrnoException).code ?? 'error'}`);
    } finally {
      closeSync(fd);
    }
  };

  const fingerprint = (path: string, cap = maxBytes): FileFingerprint => {
    // /proc and /sys files say something new at every read: bound by name only.
    if (/^\/(proc|sys)(\/|$)/.test(path)) return { digest: 'virtual', variables: [], hashed: 0 };
    const st = statOf(path);
    if (typeof st === 'string') return { digest: st, variables: [], hashed: 0 };
    if (st.isDirectory()) {
      let real = path;
      try {
        real = realpathSync.native(path);
      } catch {
        // a directory we cannot resolve is bound as it is named
      }
      return { digest: `directory:${real}`, variables: [], hashed: 0 };
    }
    if (!st.isFile()) return { digest: `special:${kindOf(st)}`, variables: [], hashed: 0 };
    if (st.size > Math.min(cap, maxBytes))
      return { digest: `large:${identity(st)}`, variables: [], hashed: 0 };
    const { digest, variables, hashed } = regularFile(path, st);
    return { digest, variables, hashed };
  };

  return {
    fingerprint,
    list(dir) {
      const st = statOf(dir);
      if (typeof st === 'string' || !st.isDirectory()) return [];
      const key = identity(st);
      const known = listings.get(dir);
      if (known?.key === key) return known.names;
      let names: string[];
      try {
        names = readdirSync(dir).sort();
      } catch {
        return [];
      }
      if (settled(st)) remember(listings, dir, { key, names });
      return names;
    },
  };
}

/** This process's file facts (one cache for every check it answers). */
export const localFiles: FileFacts = createFileFacts();

/** The largest script whose commands are assessed (nvm.sh is ~150 KiB); a larger one is unverifiable. */
const MAX_SCRIPT_BYTES = 1024 * 1024;

/** The first line of a file (at most 256 bytes), where a `#!` line is. */
const headOf = (bytes: Buffer) => {
  const first = bytes.subarray(0, 256);
  const newline = first.indexOf(10);
  return (newline >= 0 ? first.subarray(0, newline) : first).toString('latin1');
};

/**
 * Reads a script a command runs (`bash x.sh`, `source x.sh`, `./x.sh`) for the core to assess: regular
 * files only, through symlinks, up to `maxBytes`. Never opens a device, a FIFO or a socket (opening a FIFO
 * would wait for a writer), nor a file under /dev, /proc or /sys. A directory is `missing`: no shell runs it.
 */
export function readScriptFile(path: string, maxBytes = MAX_SCRIPT_BYTES): ScriptFile {
  if (/^\/(dev|proc|sys)(\/|$)/.test(path)) return { kind: 'unreadable', reason: 'a device or virtual file' };
  const st = statOf(path);
  if (st === 'missing') return { kind: 'missing' };
  if (typeof st === 'string') return { kind: 'unreadable', reason: st };
  if (st.isDirectory()) return { kind: 'missing' };
  if (!st.isFile()) return { kind: 'unreadable', reason: `not a regular file (${kindOf(st)})` };
  let fd: number;
  try {
    fd = openSync(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  } catch (error) {
    return { kind: 'unreadable', reason: `unreadable:${(error as NodeJS.ErrnoException).code ?? 'error'}` };
  }
  try {
    const opened = fstatSync(fd);
    if (!opened.isFile()) return { kind: 'unreadable', reason: `not a regular file (${kindOf(opened)})` };
    const bytes = readAll(fd, Math.min(opened.size, maxBytes), maxBytes);
    const head = headOf(bytes);
    if (bytes.length > maxBytes)
      return { kind: 'unreadable', reason: `larger than ${Math.round(maxBytes / 1024)} KiB`, head };
    if (bytes.includes(0)) return { kind: 'binary', head };
    return { kind: 'text', text: bytes.toString('utf8') };
  } catch (error) {
    return { kind: 'unreadable', reason: `unreadable:${(error as NodeJS.ErrnoException).code ?? 'error'}` };
  } finally {
    closeSync(fd);
  }
}
