import { BadArchive, MAX_MEMBERS, type ByteSource, type Members } from './bytes.js';

// The member names of a tar archive (v7, ustar, GNU and pax), from its 512-byte headers: each header's
// name (with the ustar prefix), replaced by a GNU long name (`L`) or a pax `path` record (`x`) before it.
// Member data is skipped, never read.

const BLOCK = 512;

/** A NUL-terminated text field. */
const field = (h: Buffer, start: number, length: number) => {
  const raw = h.subarray(start, start + length);
  const end = raw.indexOf(0);
  return raw.subarray(0, end < 0 ? raw.length : end).toString('utf8');
};

/** An octal number, or GNU's base-256 form (high bit set) for large sizes. */
function numeric(h: Buffer, start: number, length: number): number {
  if ((h[start]! & 0x80) !== 0) {
    let n = h[start]! & 0x7f;
    for (let i = start + 1; i < start + length; i++) n = n * 256 + h[i]!;
    return n;
  }
  const text = field(h, start, length).trim();
  return text === '' ? 0 : parseInt(text, 8);
}

/** The checksum is the sum of the header's bytes, its own field counted as spaces. */
function checksumOk(h: Buffer): boolean {
  let sum = 0;
  for (let i = 0; i < BLOCK; i++) sum += i >= 148 && i < 156 ? 0x20 : h[i]!;
  return sum === numeric(h, 148, 8);
}

/** The `path` of pax records (`<length> path=<value>\n`…), if set. */
function paxPath(data: Buffer): string | undefined {
  let path: string | undefined;
  for (let at = 0; at < data.length;) {
    const space = data.indexOf(0x20, at);
    const length = parseInt(data.subarray(at, space).toString('latin1'), 10);
    if (space < 0 || !(length > 0)) break;
    const record = data.subarray(space + 1, at + length - 1).toString('utf8');
    if (record.startsWith('path=')) path = record.slice(5);
    at += length;
  }
  return path;
}

const headerName = (h: Buffer) => {
  const name = field(h, 0, 100);
  const prefix = field(h, 257, 6).startsWith('ustar') ? field(h, 345, 155) : '';
  return prefix ? `${prefix}/${name}` : name;
};

export function tarMembers(source: ByteSource): Members {
  const names: string[] = [];
  let longName: string | undefined;
  for (let at = 0; ;) {
    const h = source.read(at, BLOCK);
    // Bytes that stop mid-archive (a cap): what was listed so far, cut short.
    if (h.length < BLOCK) return { names, truncated: h.length > 0 || at > source.size || !source.complete };
    if (h.every((b) => b === 0)) return { names, truncated: false };
    if (!checksumOk(h))
      throw new BadArchive(at === 0 ? 'not a tar archive' : `a damaged header at byte ${at}`);
    const size = numeric(h, 124, 12);
    const type = String.fromCharCode(h[156]!);
    const data = at + BLOCK;
    at = data + Math.ceil(size / BLOCK) * BLOCK;
    if (type === 'L' || type === 'x') {
      const body = source.read(data, Math.min(size, 1 << 20));
      longName = type === 'L' ? field(body, 0, body.length) : (paxPath(body) ?? longName);
      continue;
    }
    if (type === 'K' || type === 'g') continue; // a long link target, global pax records: no member
    const name = longName ?? headerName(h);
    longName = undefined;
    names.push(type === '5' && !name.endsWith('/') ? `${name}/` : name);
    if (names.length >= MAX_MEMBERS) return { names, truncated: true };
  }
}
