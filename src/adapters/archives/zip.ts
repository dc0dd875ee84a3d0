import { BadArchive, MAX_MEMBERS, type ByteSource, type Members } from './bytes.js';

// The member names of a zip archive, from its central directory at the end (found through the
// end-of-central-directory record, or its zip64 form). Located from the end, so data prepended to the
// archive (a self-extracting stub) does not matter. Member data is never read.

const EOCD = 0x06054b50;
const ZIP64_LOCATOR = 0x07064b50;
const ZIP64_EOCD = 0x06064b50;
const ENTRY = 0x02014b50;
/** The end record is 22 bytes, followed by a comment of up to 65535. */
const MAX_TAIL = 22 + 0xffff;
/** The largest central directory read. */
const MAX_DIRECTORY = 64 * 1024 * 1024;

interface Directory {
  start: number;
  size: number;
  count: number;
}

function endRecord(source: ByteSource): { at: number; tail: Buffer } {
  const from = Math.max(0, source.size - MAX_TAIL);
  const tail = source.read(from, source.size - from);
  for (let i = tail.length - 22; i >= 0; i--)
    if (tail.readUInt32LE(i) === EOCD) return { at: from + i, tail: tail.subarray(i) };
  throw new BadArchive('no zip end-of-central-directory record');
}

/** zip64: the sizes that did not fit 16 or 32 bits, from the record the locator before the end record points at. */
function zip64(source: ByteSource, eocdAt: number): Directory {
  const locator = source.read(eocdAt - 20, 20);
  if (locator.length < 20 || locator.readUInt32LE(0) !== ZIP64_LOCATOR)
    throw new BadArchive('a damaged zip64 archive');
  const recordAt = Number(locator.readBigUInt64LE(8));
  const record = source.read(recordAt, 56);
  if (record.length < 56 || record.readUInt32LE(0) !== ZIP64_EOCD)
    throw new BadArchive('a damaged zip64 archive');
  const size = Number(record.readBigUInt64LE(40));
  return { start: recordAt - size, size, count: Number(record.readBigUInt64LE(32)) };
}

function directory(source: ByteSource): Directory {
  const { at, tail } = endRecord(source);
  const count = tail.readUInt16LE(10);
  const size = tail.readUInt32LE(12);
  if (count === 0xffff || size === 0xffffffff || tail.readUInt32LE(16) === 0xffffffff)
    return zip64(source, at);
  return { start: at - size, size, count };
}

export function zipMembers(source: ByteSource): Members {
  const dir = directory(source);
  if (dir.start < 0) throw new BadArchive('a damaged zip central directory');
  const bytes = source.read(dir.start, Math.min(dir.size, MAX_DIRECTORY));
  const names: string[] = [];
  let at = 0;
  while (names.length < Math.min(dir.count, MAX_MEMBERS)) {
    if (at + 46 > bytes.length) return { names, truncated: true };
    if (bytes.readUInt32LE(at) !== ENTRY) throw new BadArchive('a damaged zip central directory');
    const nameLength = bytes.readUInt16LE(at + 28);
    const end = at + 46 + nameLength;
    if (end > bytes.length) return { names, truncated: true };
    // Bit 11: the name is UTF-8; otherwise IBM437, whose ASCII part is all a path needs here.
    const utf8 = (bytes.readUInt16LE(at + 8) & 0x800) !== 0;
    names.push(bytes.subarray(at + 46, end).toString(utf8 ? 'utf8' : 'latin1'));
    at = end + bytes.readUInt16LE(at + 30) + bytes.readUInt16LE(at + 32);
  }
  return { names, truncated: names.length < dir.count };
}
