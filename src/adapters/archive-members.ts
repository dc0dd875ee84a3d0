import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { ArchiveListing } from '../core/types.js';
import { BadArchive, bufferSource, type ByteSource, type Members } from './archives/bytes.js';
import { tarMembers } from './archives/tar.js';
import { zipMembers } from './archives/zip.js';

// The members of an archive an extraction would write, so the guarded-writes judge decides by their
// names (`tar xzf release.tgz` holds no `.interlock/`). Read here, at the edge: tar (plain or gzip) and
// zip, by their bytes, not their file names. The work is capped: at most 64 MiB of compressed input and
// 128 MiB of what it inflates to are read; a listing cut short says `truncated`.

/** The most compressed bytes read from a gzipped tar. */
const MAX_COMPRESSED = 64 * 1024 * 1024;
/** The most bytes a gzipped tar is inflated to. */
const MAX_INFLATED = 128 * 1024 * 1024;

/** The longest member name listed (PATH_MAX on Linux). */
const MAX_NAME = 4096;

/** Formats recognised by their first bytes that no decoder here reads. */
const UNDECODED: readonly (readonly [string, Buffer])[] = [
  ['bzip2', Buffer.from('BZh')],
  ['xz', Buffer.from([0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00])],
  ['zstd', Buffer.from([0x28, 0xb5, 0x2f, 0xfd])],
  ['lzip', Buffer.from('LZIP')],
  ['compress (.Z)', Buffer.from([0x1f, 0x9d])],
];

/** A zip starts with a local file header (or an empty archive's end record). */
const ZIP_MAGIC = [Buffer.from('PK\x03\x04', 'latin1'), Buffer.from('PK\x05\x06', 'latin1')];

function fileSource(fd: number, size: number): ByteSource {
  return {
    size,
    complete: true,
    read(offset, length) {
      const want = Math.max(0, Math.min(length, size - offset));
      const out = Buffer.alloc(want);
      const got = want > 0 && offset >= 0 ? readSync(fd, out, 0, want, offset) : 0;
      return out.subarray(0, got);
    },
  };
}

/** Inflated bytes, and whether the gzip stream ended (a stream cut short is inflated as far as it goes). */
function inflate(input: Buffer): { tar: Buffer; ended: boolean } {
  // Required here, not imported: only an extraction of a gzipped tar needs zlib, and every check loads this module.
  const { constants, gunzipSync } = createRequire(import.meta.url)('node:zlib') as typeof import('node:zlib');
  try {
    return { tar: gunzipSync(input, { maxOutputLength: MAX_INFLATED }), ended: true };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'Z_BUF_ERROR') throw error;
    // A sync flush at the end inflates what a cut stream holds, instead of failing on its missing end.
    const tar = gunzipSync(input, { finishFlush: constants.Z_SYNC_FLUSH, maxOutputLength: MAX_INFLATED });
    return { tar, ended: false };
  }
}

/**
 * The tar inside a gzip stream, inflated up to the cap. Too much output for the cap: a shorter prefix
 * of the compressed bytes is inflated instead, and the tar reader sees where it stops (truncated).
 */
function gunzipped(file: ByteSource): ByteSource {
  let take = Math.min(file.size, MAX_COMPRESSED);
  for (;;) {
    try {
      const { tar, ended } = inflate(file.read(0, take));
      return bufferSource(tar, ended && take === file.size);
    } catch (error) {
      if (!(error instanceof RangeError) || take < 4096) throw error;
      take = Math.floor(take / 2);
    }
  }
}

function members(file: ByteSource): Members {
  const head = file.read(0, 8);
  const starts = (magic: Buffer) => head.subarray(0, magic.length).equals(magic);
  const undecoded = UNDECODED.find(([, magic]) => starts(magic));
  if (undecoded) throw new BadArchive(`${undecoded[0]}-compressed: no decoder here to list its members`);
  if (head[0] === 0x1f && head[1] === 0x8b) return tarMembers(gunzipped(file));
  if (ZIP_MAGIC.some(starts)) return zipMembers(file);
  try {
    return tarMembers(file);
  } catch (error) {
    // A zip with something before it (a self-extracting stub) is found from its end.
    if (!(error instanceof BadArchive)) throw error;
    try {
      return zipMembers(file);
    } catch {
      throw error;
    }
  }
}

/** The member names of the archive at `path` (absolute), or why they cannot be told. */
export function listArchive(path: string): ArchiveListing {
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return code === 'ENOENT' || code === 'ENOTDIR'
      ? { kind: 'missing' }
      : { kind: 'unreadable', reason: `cannot open it (${code ?? 'error'})` };
  }
  try {
    const st = fstatSync(fd);
    if (!st.isFile()) return { kind: 'unreadable', reason: 'not a regular file' };
    const found = members(fileSource(fd, st.size));
    // No file system takes such a name; the approval server would not take it either.
    const long = found.names.find((n) => n.length > MAX_NAME);
    if (long !== undefined)
      return { kind: 'unreadable', reason: `a member name of ${long.length} characters` };
    return { kind: 'members', names: found.names, ...(found.truncated ? { truncated: true } : {}) };
  } catch (error) {
    const reason = error instanceof BadArchive ? error.message : `cannot read it (${String(error)})`;
    return { kind: 'unreadable', reason };
  } finally {
    closeSync(fd);
  }
}
