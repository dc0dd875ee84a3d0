import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeTree } from './tmp.js';

// Real archives for the tests that list members, made by the tar and zip programs in a temp directory.
// They are only ever listed, never extracted.

export type ArchiveKind = 'tar' | 'tgz' | 'txz' | 'tbz' | 'tzst' | 'zip' | 'zip64' | 'gnu' | 'pax' | 'ustar';

const TAR_OPTIONS: Record<Exclude<ArchiveKind, 'zip' | 'zip64'>, string[]> = {
  tar: ['-cf'],
  tgz: ['-czf'],
  txz: ['-cJf'],
  tbz: ['-cjf'],
  tzst: ['--zstd', '-cf'],
  gnu: ['--format=gnu', '-cf'],
  pax: ['--format=pax', '-cf'],
  ustar: ['--format=ustar', '-cf'],
};

export class Archives {
  readonly root = mkdtempSync(join(tmpdir(), 'interlock-archives-'));

  /** An archive named `name` holding `files` (path → content), stored as `paths` (default: the files). */
  make(name: string, kind: ArchiveKind, files: Record<string, string>, paths = Object.keys(files)): string {
    const tree = join(this.root, `${name}.tree`);
    writeTree(tree, files);
    const out = join(this.root, name);
    if (kind === 'zip' || kind === 'zip64')
      execFileSync('zip', ['-qr', ...(kind === 'zip64' ? ['-fz'] : []), out, ...paths], { cwd: tree });
    else execFileSync('tar', [...TAR_OPTIONS[kind], out, ...paths], { cwd: tree });
    return out;
  }

  remove(): void {
    rmSync(this.root, { recursive: true, force: true });
  }
}
