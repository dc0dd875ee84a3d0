import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { requireWithCodeCache } from '../../src/cli/code-cache.js';
import { tempTree } from '../support/tmp.js';

// The hook's bundle is loaded through vm.Script with V8's code cache: same exports as require(), the
// compiled code saved after the first run, used after it, and the caches of earlier builds removed.

describe('requireWithCodeCache', () => {
  it('loads a CommonJS file, saves its compiled code once, and keeps only the current build', () => {
    const dir = tempTree();
    const file = join(dir, 'bundle.cjs');
    writeFileSync(
      file,
      "#!/usr/bin/env node\nconst path = require('node:path');\nmodule.exports = { add: (a, b) => a + b, base: path.basename(__filename) };\n",
    );
    const cache = join(dir, 'cache');
    const first = requireWithCodeCache(file, cache);
    expect((first.exports as { add: (a: number, b: number) => number }).add(2, 3)).toBe(5);
    expect((first.exports as { base: string }).base).toBe('bundle.cjs');
    first.save();
    const saved = readdirSync(cache);
    expect(saved).toHaveLength(1);
    writeFileSync(join(cache, 'an-older-build.v8'), 'x');

    const second = requireWithCodeCache(file, cache);
    expect((second.exports as { add: (a: number, b: number) => number }).add(1, 1)).toBe(2);
    second.save(); // the cache was taken: nothing to write, nothing pruned
    expect(readdirSync(cache).sort()).toEqual(['an-older-build.v8', ...saved].sort());

    writeFileSync(file, 'module.exports = { add: (a, b) => a - b };\n'); // a new build
    const third = requireWithCodeCache(file, cache);
    expect((third.exports as { add: (a: number, b: number) => number }).add(5, 3)).toBe(2);
    third.save();
    const now = readdirSync(cache);
    expect(now).toHaveLength(1);
    expect(now).not.toContain('an-older-build.v8');
  });

  it('keeps one cache per use (the hook, each one-shot command), all of them dropped by a new build', () => {
    const dir = tempTree();
    const file = join(dir, 'bundle.cjs');
    writeFileSync(file, 'module.exports = { one: () => 1, two: () => 2 };\n');
    const cache = join(dir, 'cache');
    requireWithCodeCache(file, cache).save();
    requireWithCodeCache(file, cache, 'plan').save();
    requireWithCodeCache(file, cache, '../policy').save(); // a name, never a path
    const saved = readdirSync(cache).sort();
    expect(saved).toHaveLength(3);
    expect(saved.map((n) => n.replace(/^[0-9a-f]{32}-/, ''))).toEqual(['___policy.v8', 'hook.v8', 'plan.v8']);

    // Each use finds its own cache again: nothing new is written.
    requireWithCodeCache(file, cache, 'plan').save();
    expect(readdirSync(cache).sort()).toEqual(saved);

    writeFileSync(file, 'module.exports = { one: () => 1 };\n'); // a new build
    requireWithCodeCache(file, cache, 'plan').save();
    const now = readdirSync(cache);
    expect(now).toHaveLength(1);
    expect(now[0]).toMatch(/-plan\.v8$/);
    expect(saved).not.toContain(now[0]);
  });

  it('reads an ASCII file and one with other characters alike (each decoded the way that suits it)', () => {
    const dir = tempTree();
    const ascii = join(dir, 'ascii.cjs');
    const utf8 = join(dir, 'utf8.cjs');
    writeFileSync(ascii, 'module.exports = { text: `plain \\u2026 text` };\n');
    writeFileSync(utf8, 'module.exports = { text: `approver\u2019s \u2026 \u00b7 text` };\n');
    const cache = join(dir, 'cache');
    expect((requireWithCodeCache(ascii, cache).exports as { text: string }).text).toBe('plain \u2026 text');
    expect((requireWithCodeCache(utf8, cache).exports as { text: string }).text).toBe(
      'approver\u2019s \u2026 \u00b7 text',
    );
  });
});
