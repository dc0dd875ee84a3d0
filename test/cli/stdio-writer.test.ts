import { closeSync, openSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { stdioWriter } from '../../src/cli/stdio-writer.js';
import { tempTree } from '../support/tmp.js';

// A one-shot command's answer goes straight to the descriptor; whatever the descriptor refuses goes to the
// stream, and so does everything after it, in order.

function fakeStream() {
  const written: string[] = [];
  const stream = { write: (chunk: string | Buffer) => (written.push(chunk.toString()), true) };
  return { written, stream: stream as unknown as NodeJS.WriteStream };
}

describe('stdioWriter', () => {
  it('writes the whole text to the descriptor, and a file is no terminal', () => {
    const file = join(tempTree(), 'out.txt');
    const fd = openSync(file, 'w');
    const fake = fakeStream();
    const out = stdioWriter(fd, () => fake.stream);
    const long = 'é'.repeat(100_000);
    expect(out.write('one\n')).toBe(true);
    out.write(long);
    expect(out.isTTY).toBe(false);
    closeSync(fd);
    expect(readFileSync(file, 'utf8')).toBe(`one\n${long}`);
    expect(fake.written).toEqual([]);
  });

  it('hands what the descriptor refuses, and all that follows, to the stream', () => {
    const fd = openSync(join(tempTree(), 'closed.txt'), 'w');
    closeSync(fd); // EBADF from here on
    const fake = fakeStream();
    const out = stdioWriter(fd, () => fake.stream);
    out.write('first\n');
    out.write('second\n');
    expect(fake.written).toEqual(['first\n', 'second\n']);
    expect(out.isTTY).toBe(false);
  });
});
