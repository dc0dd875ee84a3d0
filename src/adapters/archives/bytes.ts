// Where an archive reader takes its bytes from: a file read at offsets (only the headers it needs), or
// a buffer (what gunzip gave). `complete` is false when the bytes stop before the archive does (a cap).

export interface ByteSource {
  size: number;
  complete: boolean;
  /** Up to `length` bytes from `offset` (fewer at the end). */
  read(offset: number, length: number): Buffer;
}

export function bufferSource(bytes: Buffer, complete: boolean): ByteSource {
  return { size: bytes.length, complete, read: (offset, length) => bytes.subarray(offset, offset + length) };
}

/** The most members listed before a listing is cut short (`truncated`). */
export const MAX_MEMBERS = 100_000;

/** What a reader found: the names as stored, and whether it stopped before the end. */
export interface Members {
  names: string[];
  truncated: boolean;
}

/** A reader's complaint about the bytes themselves (not a tar, a damaged zip): the listing is `unreadable`. */
export class BadArchive extends Error {}
