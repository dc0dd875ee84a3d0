import { describe, expect, it } from 'vitest';
import type { ArchiveListing } from '../../src/core/types.js';
import { check } from '../support/runtime.js';

// A file that one command of a line writes and a later one runs: what runs is what was written, not what
// the edge reads on disk now. Each writer must report its write; these reported nothing before.

const SCRIPTS = /\/(x\.sh|x\.py|Makefile|package\.json)$/;
const facts = {
  exists: () => true,
  readScript: (path: string) =>
    SCRIPTS.test(path)
      ? {
          kind: 'text' as const,
          text: path.endsWith('package.json')
            ? '{"scripts":{"test":"echo hi"}}'
            : path.endsWith('Makefile')
              ? 'all:\n\techo hi\n'
              : 'echo hello\n',
        }
      : { kind: 'missing' as const },
  listArchive: (path: string): ArchiveListing =>
    path.endsWith('tool.tar') ? { kind: 'members', names: ['tool/', 'tool/x.sh'] } : { kind: 'missing' },
};

describe('a file written by one command and run by a later one of the same line', () => {
  it.each([
    'install -m755 /tmp/y x.sh && ./x.sh',
    'install -m 755 /tmp/y bin/ && ./bin/y',
    'tar -xf a.tar x.sh && bash x.sh',
    'tar -xf tool.tar && bash tool/x.sh',
    'unzip -o a.zip x.sh && bash x.sh',
    'rsync host:x.sh . && bash x.sh',
    'rsync -a host:x.sh x.sh && source x.sh',
    'scp host:x.sh . && bash x.sh',
    'scp user@host:/srv/x.py . && python3 x.py',
    'ed -s x.sh < edits && bash x.sh',
    "printf '1d\\nw\\n' | ed -s x.sh && ./x.sh",
    'awk -i inplace \'{sub(/hello/, "rm -rf ~")} 1\' x.sh && bash x.sh',
    "gawk -i inplace -v x=1 '{print}' Makefile && make",
    "gawk --include=inplace '{print}' package.json && npm test",
  ])('%s runs what it wrote, which cannot be read first', async (command) => {
    const result = await check(command, facts);
    expect(result.decision.outcome).not.toBe('allow');
    expect(result.assessment.effects.map((e) => e.operation)).toContain('execute-unverifiable');
  });

  it.each([
    // Neither changes the bytes that run.
    'touch x.sh && bash x.sh',
    'chmod +x x.sh && ./x.sh',
    // Everyday writes on their own.
    'install -m755 build/app ~/.local/bin/app',
    'install -D -m644 conf.yml dist/conf.yml',
    'install -d build/out',
    'rsync -a host:x.sh .',
    'rsync -av src/ backup/',
    'scp x.sh host:/tmp/ && bash x.sh',
    'scp host:x.sh ~/.local/bin/x',
    'tar -xzf node.tar.gz -C ~/.local',
    'tar -xf tool.tar && bash other.sh',
    'tar -tf tool.tar && bash x.sh',
    "awk -i inplace '{print}' notes.txt",
    "awk '{print}' x.sh && bash x.sh",
    'ed -s notes.txt < edits',
  ])('%s stays allowed', async (command) => {
    const result = await check(command, facts);
    expect(result.decision.outcome, result.assessment.reasons.join('\n')).toBe('allow');
  });

  it('rates an in-place edit by the file, as sed -i is', async () => {
    const result = await check("gawk -i inplace '{print}' /etc/hosts", facts);
    expect(result.assessment.effects).toContainEqual(
      expect.objectContaining({ operation: 'modify', target: '/etc/hosts', risk: 'high' }),
    );
  });
});
