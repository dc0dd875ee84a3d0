import { randomBytes } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { listArchive } from '../../src/adapters/archive-members.js';
import { Archives, type ArchiveKind } from '../support/archives.js';

const archives = new Archives();
afterAll(() => archives.remove());

const LONG = `${'deep/'.repeat(30)}.interlock/policies/x.cedar`; // 177 characters: past ustar's 100
const FILES = { 'README.md': 'hi', 'bin/app': 'x', [LONG]: 'forbid' };

describe('archive members at the edge', () => {
  it.each<ArchiveKind>(['tar', 'tgz', 'gnu', 'pax', 'ustar', 'zip', 'zip64'])(
    'lists a %s archive by its stored names, long ones whole',
    (kind) => {
      const path = archives.make(`all.${kind}`, kind, FILES);
      const found = listArchive(path);
      expect(found.kind).toBe('members');
      const names = found.kind === 'members' ? found.names : [];
      expect(names).toEqual(expect.arrayContaining(['README.md', 'bin/app', LONG]));
      expect(found).not.toHaveProperty('truncated');
    },
  );

  it.each<ArchiveKind>(['tar', 'zip'])(
    'marks the directories of a %s archive with a trailing slash',
    (kind) => {
      const path = archives.make(`dirs.${kind}`, kind, { 'a/b.txt': '' }, ['a']);
      expect(listArchive(path)).toEqual({ kind: 'members', names: ['a/', 'a/b.txt'] });
    },
  );

  it('finds a zip from its end when something comes before it (a self-extracting stub)', () => {
    const zip = readFileSync(archives.make('plain.zip', 'zip', FILES));
    const found = listArchive(write('stub.zip', Buffer.concat([Buffer.alloc(4096, 'MZ stub'), zip])));
    expect(found.kind === 'members' && found.names).toEqual(expect.arrayContaining(['README.md', LONG]));
  });

  it('says an archive that is not there is missing', () => {
    expect(listArchive(join(archives.root, 'nope.tar'))).toEqual({ kind: 'missing' });
  });

  it.each([
    ['an xz-compressed tar', () => archives.make('x.txz', 'txz', FILES), /xz-compressed/],
    ['a bzip2-compressed tar', () => archives.make('x.tbz', 'tbz', FILES), /bzip2-compressed/],
    ['a zstd-compressed tar', () => archives.make('x.tzst', 'tzst', FILES), /zstd-compressed/],
    ['bytes that are no archive', () => write('junk.tar', Buffer.alloc(2048, 'junk')), /not a tar archive/],
    ['a directory', () => archives.root, /not a regular file/],
  ])('cannot list %s', (_what, make, reason) => {
    const found = listArchive(make());
    expect(found).toMatchObject({ kind: 'unreadable' });
    expect(found.kind === 'unreadable' && found.reason).toMatch(reason);
  });

  it('lists what a cut gzip stream holds, as truncated', () => {
    const big: Record<string, string> = {};
    for (let i = 0; i < 40; i++) big[`f${i}.bin`] = randomBytes(8192).toString('base64');
    const whole = readFileSync(archives.make('big.tgz', 'tgz', big));
    const found = listArchive(write('cut.tgz', whole.subarray(0, whole.length / 2)));
    expect(found).toMatchObject({ kind: 'members', truncated: true });
    expect(found.kind === 'members' && found.names.length).toBeGreaterThan(0);
  });
});

function write(name: string, bytes: Buffer): string {
  const path = join(archives.root, name);
  writeFileSync(path, bytes);
  return path;
}
